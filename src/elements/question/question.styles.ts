import { css } from 'lit';

export const questionStyles = css`
  :host {
    display: block;
    font-family: var(--oneway-font-family, inherit);
    color: var(--oneway-color-text, CanvasText);
  }
  [part='counter'] {
    margin: 0;
    font-size: 0.875rem;
    opacity: 0.8;
  }
  [part='text'] {
    margin: 0.25rem 0 0.75rem;
    font-size: var(--oneway-question-font-size, 1.375rem);
    line-height: 1.3;
  }
  [part='text']:focus-visible {
    outline: var(--oneway-focus-ring, 3px solid #f59e0b);
    outline-offset: 2px;
  }
  [part='prompt'] {
    display: block;
    width: 100%;
    max-height: 50vh;
    border-radius: var(--oneway-radius, 0.5rem);
    background: #000;
  }
`;
