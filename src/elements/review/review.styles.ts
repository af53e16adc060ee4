import { css } from 'lit';
import { base } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

const own = css`
  :host {
    display: block;
  }
  [part~='root'],
  [part~='question'] {
    display: grid;
    gap: var(--_space);
    min-inline-size: 0;
  }
  [part='title'] {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 600;
  }
  [part='toolbar'],
  [part='controls'],
  [part='rating'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  [part='toolbar'] {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    padding-block: 0.5rem;
    background: var(--_surface);
  }
  [part='questions'] {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='question'] {
    padding: var(--_space);
    border: 2px solid var(--_muted);
    border-radius: var(--_radius);
  }
  [part~='current'] {
    border-color: var(--_accent);
  }
  [part='kind'],
  [part='unanswered'],
  [part='details'],
  .hint {
    margin: 0;
    font-size: 0.875rem;
  }
  [part='player'] {
    display: block;
    inline-size: 100%;
    max-block-size: 60vh;
    border-radius: var(--_radius);
    background: #000;
  }
  [part='position'] {
    flex: 1 1 10rem;
    accent-color: var(--_accent);
  }
  [part='time'] {
    font-variant-numeric: tabular-nums;
  }
  [part='text-answer'] {
    margin: 0;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border-inline-start: 4px solid var(--_muted);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part='details'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  dt {
    font-weight: 600;
  }
  dt,
  dd {
    display: inline;
    margin: 0;
  }
  dt::after {
    content: ': ';
  }
  [part~='interrupted'],
  [part~='verification'] {
    margin: 0;
    font-weight: 600;
  }
  [part~='interrupted'] {
    color: var(--_warning);
  }
  [part~='mismatch'],
  [part~='error'] {
    color: var(--_error);
  }
  [part='rating'] {
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  [part='rating'] label {
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
  }
  [part='notes'] {
    inline-size: 100%;
    min-block-size: 4rem;
    box-sizing: border-box;
  }
  [part='notes-label'] {
    margin-block-end: calc(var(--_space) * -0.75);
    font-weight: 600;
  }
  [part='problems'] code {
    white-space: pre-wrap;
  }
`;

export const reviewStyles = [tokens, base, own];
