import { css } from 'lit';

/** What the "Get help" dialog adds to the interview's styles, which lay out every dialog. */
export const helpDialogStyles = css`
  dialog[part~='help-dialog'] {
    inline-size: min(36rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    max-block-size: calc(100svh - 2rem);
  }
  [part='help-contacts'] {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  [part~='help-dialog'] a {
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
`;
