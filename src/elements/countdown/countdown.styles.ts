import { css } from 'lit';
import { base } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

// The element sets three custom properties on [part='timer'] at every second:
// --_now (share of time left at the shown second), --_next (at the next one) and
// --_step (milliseconds until then). Motion glides from one to the other; reduced motion shows --_now.
// High contrast has too few colours to tell a track from its progress by colour (GrayText and
// CanvasText can be alike): there the track is a thin ring, and the bar an outline the progress fills.
const own = css`
  :host {
    display: inline-block;
    --_track: var(--oneway-countdown-track-color, var(--_muted));
    --_size: var(--oneway-countdown-size, 4.5rem);
    --_thickness: var(--oneway-countdown-thickness, 0.375rem);
  }
  :host([variant='bar']) {
    display: block;
  }
  [part~='root'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  :host([variant='bar']) [part~='root'] {
    display: grid;
  }
  [part~='root'] > [part='timer'] {
    flex: none;
  }
  [part='label'] {
    font-weight: 600;
  }
  [part='timer'] {
    display: inline-grid;
    place-items: center;
    inline-size: var(--_size);
    block-size: var(--_size);
  }
  [part='ring'],
  [part='time'] {
    grid-area: 1 / 1;
  }
  [part='ring'] {
    inline-size: 100%;
    block-size: 100%;
    /* The arc starts at twelve o'clock. */
    transform: rotate(-90deg);
  }
  circle {
    fill: none;
    /* Sized in CSS lengths (no viewBox), so the stroke keeps its thickness at any size. */
    r: calc(50% - var(--_thickness) / 2);
    stroke-width: var(--_thickness);
  }
  [part='ring-track'] {
    stroke: var(--_track);
  }
  [part='ring-progress'] {
    stroke: var(--_accent);
    stroke-linecap: butt;
    stroke-dasharray: 100;
    stroke-dashoffset: calc(100 - 100 * var(--_next, 1));
    transition: stroke-dashoffset var(--_step, 0ms) linear;
  }
  [part='time'] {
    font-variant-numeric: tabular-nums;
    font-size: calc(var(--_size) * 0.25);
    line-height: 1;
  }
  :host([variant='bar']) [part='timer'] {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: 0.25rem;
    inline-size: auto;
    block-size: auto;
  }
  :host([variant='bar']) [part='time'] {
    font-size: inherit;
    align-self: flex-end;
  }
  [part='bar'] {
    block-size: var(--_thickness);
    border-radius: var(--_thickness);
    background: var(--_track);
    overflow: hidden;
  }
  [part='bar-progress'] {
    block-size: 100%;
    background: var(--_accent);
    transform-origin: left;
    transform: scaleX(var(--_next, 1));
    transition: transform var(--_step, 0ms) linear;
  }
  /* The bar empties towards the start of the line: from the left in Arabic and other right-to-left languages. */
  [dir='rtl'] [part='bar-progress'] {
    transform-origin: right;
  }
  @media (prefers-reduced-motion: reduce) {
    [part='ring-progress'] {
      stroke-dashoffset: calc(100 - 100 * var(--_now, 1));
      transition: none;
    }
    [part='bar-progress'] {
      transform: scaleX(var(--_now, 1));
      transition: none;
    }
  }
  @media (forced-colors: active) {
    [part='ring-track'] {
      stroke: GrayText;
      stroke-width: calc(var(--_thickness) / 3);
    }
    [part='ring-progress'] {
      stroke: CanvasText;
    }
    [part='bar'] {
      background: Canvas;
      border: 1px solid CanvasText;
    }
    [part='bar-progress'] {
      background: CanvasText;
    }
  }
`;

export const countdownStyles = [tokens, base, own];
