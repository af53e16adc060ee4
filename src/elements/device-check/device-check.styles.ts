import { css } from 'lit';

export const deviceCheckStyles = css`
  :host {
    display: block;
    font-family: var(--oneway-font-family, inherit);
    color: var(--oneway-color-text, CanvasText);
    --_accent: var(--oneway-color-accent, #1d4ed8);
    --_warning: var(--oneway-color-warning, #92400e);
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
  [part='devices'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block-start: 0.75rem;
  }
  [part='camera-field'],
  [part='microphone-field'] {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    flex: 1 1 14rem;
    min-width: 0;
  }
  select,
  input {
    font: inherit;
    padding: 0.375rem 0.5rem;
    border-radius: var(--_radius);
    border: 1px solid currentColor;
    background: Field;
    color: FieldText;
    min-width: 0;
  }
  [part='advice'] {
    margin-block: 0.75rem;
  }
  [part='advice'] p {
    margin-block: 0.5rem;
  }
  [part='microphone'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  [part='microphone'] p {
    flex-basis: 100%;
  }
  [part='level-meter'] {
    flex: 1 1 10rem;
    height: 1rem;
    accent-color: var(--_accent);
  }
  .warning {
    color: var(--_warning);
    font-weight: 600;
  }
  [part='audio-only'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  [part='audio-only'] input {
    accent-color: var(--_accent);
    width: 1.25rem;
    height: 1.25rem;
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
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: var(--oneway-focus-ring, 3px solid #f59e0b);
    outline-offset: 2px;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  [part='permission-hint'] {
    padding: 0.75rem;
    border-radius: var(--_radius);
    border: 2px solid #b45309;
    background: #fffbeb;
    color: #78350f;
  }
  [part='error'] {
    padding: 0.75rem;
    border-radius: var(--_radius);
    border: 2px solid #b91c1c;
    background: #fef2f2;
    color: #7f1d1d;
  }
  [part='help-steps'] {
    padding-inline-start: 1.5rem;
  }
  [part='help-steps'] li + li {
    margin-block-start: 0.25rem;
  }
  .link-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block: 0.75rem;
  }
  .link-row input {
    flex: 1 1 16rem;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    .warning {
      color: CanvasText;
    }
  }
`;
