import { css } from 'lit';
import { base } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

const own = css`
  :host {
    display: block;
  }
  [part~='root'] {
    display: grid;
    gap: var(--_space);
  }
  [part~='step'] {
    display: grid;
    gap: var(--_space);
    min-inline-size: 0;
  }
  h2 {
    margin: 0;
  }
  [part~='button'] {
    justify-self: start;
  }
  [part='facts'] {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  [part='consent'] {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
  }
  [part='consent'] input {
    margin-block-start: 0.125rem;
    flex: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  .review {
    display: grid;
    gap: 0.75rem;
  }
  .review h3 {
    margin: 0;
  }
  .timers {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .timers .hint {
    flex: 1 1 12rem;
  }
  [part='review'] {
    inline-size: 100%;
    border-radius: var(--_radius);
    background: #000;
  }
  textarea {
    inline-size: 100%;
    box-sizing: border-box;
    min-block-size: 10rem;
  }
  [part='problems'] code {
    white-space: pre-wrap;
  }
  .hint {
    margin: 0;
    font-size: 0.875rem;
  }
`;

export const interviewStyles = [tokens, base, own];
