import { css } from 'lit';
import { base } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

const own = css`
  :host {
    display: block;
  }
  [part='counter'] {
    margin: 0;
    font-size: 0.875rem;
  }
  [part='text'] {
    margin-block: 0.25rem 0;
    margin-inline: 0;
    font-size: var(--oneway-question-font-size, clamp(1.125rem, 1rem + 1.25vw, 1.375rem));
    line-height: 1.3;
  }
  [part='prompt'] {
    display: block;
    inline-size: 100%;
    max-block-size: 50vh;
    border-radius: var(--_radius);
    background: #000;
  }
`;

export const questionStyles = [tokens, base, own];
