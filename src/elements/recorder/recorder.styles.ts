import { css } from 'lit';
import { base, stage } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

const own = css`
  :host {
    display: block;
  }
  :host([kind='audio']) [part='stage'] {
    aspect-ratio: auto;
    min-block-size: 3rem;
  }
  [part='level'] {
    display: block;
    inline-size: calc(100% - 2rem);
    block-size: 1.5rem;
    margin-block: 0.75rem;
    margin-inline: 1rem;
    accent-color: var(--_accent);
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
