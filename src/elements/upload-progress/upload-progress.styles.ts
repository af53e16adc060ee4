import { css } from 'lit';

export const uploadProgressStyles = css`
  :host {
    display: block;
    font-family: var(--oneway-font-family, inherit);
    color: var(--oneway-color-text, CanvasText);
    --_accent: var(--oneway-color-accent, #1d4ed8);
    --_error: var(--oneway-color-error, #b91c1c);
    --_track: var(--oneway-progress-track-color, #d1d5db);
    --_height: var(--oneway-progress-height, 0.5rem);
    --_radius: var(--oneway-radius, 0.5rem);
  }
  :host([hidden]) {
    display: none;
  }
  [part='label'] {
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  [part='bar'] {
    block-size: var(--_height);
    border-radius: var(--_height);
    background: var(--_track);
    overflow: hidden;
  }
  [part='fill'] {
    block-size: 100%;
    background: var(--_accent);
    transition: inline-size 0.3s ease-out;
  }
  /* While the total is unknown the fill is "sent of recorded so far": drawn striped, as a share of a moving total. */
  [part='bar'][data-total='unknown'] [part='fill'] {
    background: repeating-linear-gradient(
      -45deg,
      var(--_accent) 0 0.5rem,
      color-mix(in srgb, var(--_accent) 70%, transparent) 0.5rem 1rem
    );
  }
  [part='bar'][data-state='failed'] [part='fill'] {
    background: var(--_error);
  }
  [part='details'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin-block-start: 0.25rem;
    font-size: 0.875rem;
  }
  [part='status'] {
    font-weight: 600;
  }
  [part='amount'],
  [part='speed'],
  [part='time-left'] {
    font-variant-numeric: tabular-nums;
  }
  [part='overall'] {
    margin-block: 0.5rem 0;
    font-size: 0.875rem;
  }
  [part='error'] {
    margin-block: 0.5rem 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_error);
    background: #fef2f2;
    color: #7f1d1d;
  }
  button {
    font: inherit;
    margin-block-start: 0.5rem;
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
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    [part='fill'] {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    [part='bar'] {
      background: GrayText;
    }
    [part='fill'],
    [part='bar'][data-total='unknown'] [part='fill'],
    [part='bar'][data-state='failed'] [part='fill'] {
      background: Highlight;
    }
    button {
      border-color: ButtonText;
    }
  }
`;
