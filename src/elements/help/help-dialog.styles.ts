import { css } from 'lit';

/** The "Get help" dialog's own styles, added to the interview's when it first opens (the interview's shared styles still apply). */
export const helpDialogStyles = css`
  dialog[part~='help-dialog'] {
    box-sizing: border-box;
    inline-size: min(36rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    max-block-size: calc(100svh - 2rem);
    padding: var(--oneway-padding, clamp(1rem, 4vw, 1.5rem));
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog[part~='help-dialog']::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .help {
    display: grid;
    gap: var(--_space);
  }
  .help p,
  [part='help-contacts'] {
    margin: 0;
  }
  [part='help-contacts'] {
    display: grid;
    gap: 0.25rem;
    padding-inline-start: 1.25rem;
  }
  .help a {
    color: var(--_accent);
  }
  [part='help-report'] summary {
    cursor: pointer;
    min-block-size: 1.5rem;
  }
  [part='help-report'] textarea {
    display: block;
    inline-size: 100%;
    min-block-size: 12rem;
    margin-block-start: 0.5rem;
    font-family: ui-monospace, monospace;
    font-size: 0.8125rem;
    white-space: pre;
  }
  @media (forced-colors: active) {
    dialog[part~='help-dialog'] {
      border: 2px solid CanvasText;
    }
  }
`;
