import { css } from 'lit';

export const recorderStyles = css`
  :host {
    display: block;
    font-family: var(--oneway-font-family, inherit);
    color: var(--oneway-color-text, CanvasText);
    --_accent: var(--oneway-color-accent, #1d4ed8);
    --_radius: var(--oneway-radius, 0.5rem);
  }
  :host([hidden]) {
    display: none;
  }
  [part='stage'] {
    position: relative;
    aspect-ratio: 16 / 9;
    background: #111;
    border-radius: var(--_radius);
    overflow: hidden;
  }
  [part='preview'] {
    width: 100%;
    height: 100%;
    object-fit: cover;
    /* A mirror image is what people expect to see of themselves. */
    transform: scaleX(-1);
  }
  :host([kind='audio']) [part='stage'] {
    aspect-ratio: auto;
    min-height: 3rem;
  }
  [part='level'] {
    display: block;
    width: calc(100% - 2rem);
    height: 1.5rem;
    margin: 0.75rem 1rem;
  }
  [part='indicator'] {
    position: absolute;
    top: 0.5rem;
    inset-inline-start: 0.5rem;
    padding: 0.125rem 0.5rem;
    border-radius: 999px;
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
  button {
    font: inherit;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: #fff;
    cursor: pointer;
  }
  button:focus-visible {
    outline: var(--oneway-focus-ring, 3px solid #f59e0b);
    outline-offset: 2px;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  [part='elapsed'] {
    font-variant-numeric: tabular-nums;
  }
  [part='error'] {
    padding: 0.75rem;
    border-radius: var(--_radius);
    border: 2px solid #b91c1c;
    background: #fef2f2;
    color: #7f1d1d;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
`;
