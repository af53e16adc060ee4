import { css } from 'lit';

export const interviewStyles = css`
  :host {
    display: block;
    font-family: var(--oneway-font-family, inherit);
    color: var(--oneway-color-text, CanvasText);
    --_accent: var(--oneway-color-accent, #1d4ed8);
    --_radius: var(--oneway-radius, 0.5rem);
    --_gap: var(--oneway-spacing, 1rem);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='step'] {
    display: grid;
    gap: var(--_gap);
  }
  h2 {
    margin: 0;
  }
  [part~='button'] {
    justify-self: start;
    font: inherit;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: #fff;
    cursor: pointer;
  }
  [part~='button'][data-secondary] {
    background: transparent;
    color: var(--_accent);
  }
  [part~='button']:disabled {
    opacity: 0.6;
    cursor: default;
  }
  [part~='button']:focus-visible,
  textarea:focus-visible,
  input:focus-visible {
    outline: var(--oneway-focus-ring, 3px solid #f59e0b);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  .timers {
    display: flex;
    gap: var(--_gap);
    align-items: center;
  }
  [part='review'] {
    width: 100%;
    border-radius: var(--_radius);
    background: #000;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
    min-height: 10rem;
    font: inherit;
    padding: 0.5rem;
    border-radius: var(--_radius);
  }
  [part='problems'] {
    border: 2px solid #b91c1c;
    border-radius: var(--_radius);
    padding: 0.75rem;
    background: #fef2f2;
    color: #7f1d1d;
  }
  [part='problems'] code {
    white-space: pre-wrap;
  }
  .hint {
    margin: 0;
    font-size: 0.875rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
