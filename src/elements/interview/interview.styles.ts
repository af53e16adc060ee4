import { css } from 'lit';
import { base } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

const own = css`
  :host {
    display: block;
    /* The card's outside is the host page's: the element brings itself into view below its header. */
    scroll-margin-block-start: var(--oneway-scroll-margin, 0px);
  }
  [part~='root'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    box-sizing: border-box;
    padding: var(--oneway-padding, clamp(1rem, 4vw, 1.5rem));
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
  }
  /*
   * While a take is prepared or recorded, the card is at most one screen high and the camera
   * preview takes what the question, timer and controls leave: all of them stay on screen.
   */
  [part~='root'].fit {
    max-block-size: 100vh;
    max-block-size: 100svh;
  }
  [part~='root'].fit > * {
    flex: none;
  }
  [part~='root'].fit > oneway-recorder {
    flex: 0 1 auto;
    min-block-size: 9rem;
  }
  /* A phone on its side: the question and timer beside the camera, both on one screen. */
  @media (orientation: landscape) and (max-height: 32rem) {
    [part~='root'].fit {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }
    [part~='root'].fit > oneway-recorder {
      grid-column: 2;
      grid-row: 1 / span 2;
      max-block-size: calc(100svh - 2 * var(--oneway-padding, 1.5rem) - 2px);
    }
  }
  [part~='step'] {
    display: grid;
    gap: var(--_space);
    min-inline-size: 0;
  }
  .fit [part~='step'] {
    gap: 0.75rem;
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
  }
  [part~='title'] {
    font-size: 1.5rem;
  }
  [part='facts'] {
    margin: 0;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: 0.25rem;
  }
  [part='instructions'] {
    margin: 0;
  }
  [part='consent'] {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    min-block-size: 2.75rem;
    padding: 0.75rem;
    box-sizing: border-box;
    border-radius: var(--_radius);
    border: 1px solid var(--_muted);
    cursor: pointer;
  }
  [part='consent'] input {
    margin-block-start: 0.125rem;
    flex: none;
  }
  [part~='notice'] {
    margin: 0;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border-inline-start: 4px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
    border-radius: var(--_radius);
  }
  [part~='counter'] {
    font-size: 1.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  .actions .hint {
    flex: 1 1 14rem;
  }
  .review {
    display: grid;
    gap: 0.75rem;
  }
  .timers {
    display: flex;
    gap: 0.75rem;
    align-items: center;
  }
  .timer-hints {
    display: grid;
    gap: 0.5rem;
    flex: 1 1 12rem;
    min-inline-size: 0;
  }
  [part='review'] {
    inline-size: 100%;
    max-block-size: 60vh;
    max-block-size: 60svh;
    border-radius: var(--_radius);
    background: #000;
  }
  audio[part='review'] {
    background: transparent;
  }
  textarea {
    inline-size: 100%;
    box-sizing: border-box;
    min-block-size: 10rem;
  }
  /* One timer while recording: the interview's countdown, not the recorder's elapsed time too. */
  oneway-recorder.timed::part(elapsed) {
    display: none;
  }
  [part='answers'] {
    display: grid;
    gap: 0.5rem;
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_muted);
  }
  [part='answers-title'] {
    font-size: 1rem;
  }
  [part='answer-list'] {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.25rem;
  }
  [part~='answer']::before {
    display: inline-block;
    inline-size: 1.5em;
    content: '○';
  }
  [part~='answer-sent']::before {
    content: '✓';
    color: var(--_accent);
    font-weight: 700;
  }
  [part~='answer-sending']::before,
  [part~='answer-retrying']::before,
  [part~='answer-waiting-for-connection']::before {
    content: '↑';
  }
  [part~='answer-failed']::before {
    content: '!';
    color: var(--_error);
    font-weight: 700;
  }
  [part='upload-summary'] {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(32rem, calc(100vw - 2rem));
    padding: var(--_space);
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) * 2);
    color: var(--_text);
    background: var(--_surface);
  }
  dialog[open] {
    display: grid;
    gap: 0.75rem;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  dialog p {
    margin: 0;
  }
  [part~='accommodation-button'] {
    justify-self: start;
  }
  [part='complete-message'] {
    margin: 0;
  }
  [part='problems'] code {
    white-space: pre-wrap;
  }
  [part~='error'] p {
    margin-block: 0 0.75rem;
  }
  .hint {
    margin: 0;
    font-size: 0.875rem;
  }
`;

export const interviewStyles = [tokens, base, own];
