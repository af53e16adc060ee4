import { css } from 'lit';
import { base, stage } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

const own = css`
  /* A column whose stage gives up height first, when a container (the interview) limits it. */
  :host {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
  }
  [part~='root'] {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-block-size: 0;
  }
  [part~='root'] > * {
    flex: none;
  }
  [part~='root'] > [part~='stage'] {
    flex: 0 1 auto;
    min-block-size: 0;
  }
  :host([kind='audio']) [part='stage'] {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    aspect-ratio: auto;
    min-block-size: 3rem;
    padding-inline: 1rem;
    box-sizing: border-box;
  }
  [part='level'] {
    display: block;
    flex: 1 1 auto;
    min-inline-size: 0;
    block-size: 1.5rem;
    margin-block: 0.75rem;
    accent-color: var(--_accent);
  }
  /* Beside the level meter, not over it. */
  :host([kind='audio']) [part='indicator'] {
    position: static;
    flex: none;
  }
  [part='indicator'] {
    position: absolute;
    inset-block-start: 0.5rem;
    inset-inline-start: 0.5rem;
    padding-block: 0.125rem;
    padding-inline: 0.5rem;
    border-radius: 999px;
    /* Over the camera picture, whatever the theme. */
    background: #b91c1c;
    color: #fff;
    font-size: 0.875rem;
  }
  [part='controls'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-block-start: 0.75rem;
  }
  [part='elapsed'] {
    font-variant-numeric: tabular-nums;
  }
  [part='status'],
  [part='notice'] {
    margin-block: 0.75rem 0;
  }
  [part='notice'] {
    color: var(--_warning);
    font-weight: 600;
  }
  [part='error-message'] {
    margin-block: 0 0.75rem;
  }
  @media (forced-colors: active) {
    [part='indicator'] {
      border: 1px solid CanvasText;
    }
    [part='notice'] {
      color: CanvasText;
    }
  }
`;

export const recorderStyles = [tokens, base, stage, own];
