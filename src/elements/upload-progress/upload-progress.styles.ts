import { css } from 'lit';
import { base } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

// In high contrast the bar is an outline that the fill fills: GrayText and Highlight, as track and
// fill, can be alike there.
const own = css`
  :host {
    display: block;
    --_track: var(--oneway-progress-track-color, var(--_muted));
    --_height: var(--oneway-progress-height, 0.5rem);
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
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
  }
  [part='retry-button'] {
    margin-block-start: 0.5rem;
  }
  @media (forced-colors: active) {
    [part='bar'] {
      background: Canvas;
      border: 1px solid CanvasText;
    }
    [part='fill'],
    [part='bar'][data-total='unknown'] [part='fill'],
    [part='bar'][data-state='failed'] [part='fill'] {
      background: Highlight;
    }
  }
`;

export const uploadProgressStyles = [tokens, base, own];
