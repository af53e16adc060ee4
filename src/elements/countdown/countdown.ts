import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CountdownController } from '../../controllers/countdown-controller.js';
import { displaySeconds, msUntilNextSecond } from '../../core/countdown-clock.js';
import { CountdownEndEvent } from '../../events/countdown-end.js';
import { styleProperties } from '../../styles/style-properties.js';
import { countdownStyles } from './countdown.styles.js';
import { OnewayElement } from '../oneway-element.js';

/**
 * A countdown for think time and answer time: a ring (or bar) and the time left as m:ss.
 *
 * The time left comes from timestamps, so it is exact even after the browser slowed the page's
 * timers (a background tab). Screen readers hear the time at 1 minute, 30 and 10 seconds left and
 * when time is up, never every second.
 *
 * @tagname oneway-countdown
 * @summary A think/answer-time countdown with a ring or bar, m:ss, and sparse screen-reader announcements.
 *
 * @fires oneway-countdown-end - The countdown reached zero (once per run): `detail` has label and seconds.
 *
 * @csspart root - Everything the element shows; carries the language (`lang`) and direction (`dir`) of its text.
 * @csspart timer - The whole countdown (`role="timer"`, named by `label`).
 * @csspart ring - The SVG ring (ring variant).
 * @csspart ring-track - The ring's background circle.
 * @csspart ring-progress - The ring's arc of time left.
 * @csspart bar - The bar's track (bar variant).
 * @csspart bar-progress - The bar's fill of time left.
 * @csspart time - The time left as m:ss.
 * @csspart label - What the time is for, shown beside the timer ("Think time", "Time left"); hide it with `display: none`.
 *
 * @cssprop --oneway-color-accent - The colour of the time left, ring arc and bar fill (default #1d4ed8; #93c5fd in dark mode).
 * @cssprop --oneway-color-surface - Background (default #ffffff; #111827 in dark mode).
 * @cssprop --oneway-color-text - Text colour (default #1f2937; #f3f4f6 in dark mode).
 * @cssprop --oneway-font-family - Font; inherits the page's font by default.
 * @cssprop --oneway-countdown-size - Diameter of the ring (default 4.5rem).
 * @cssprop --oneway-countdown-thickness - Width of the ring's stroke and height of the bar (default 0.375rem).
 * @cssprop --oneway-countdown-track-color - The colour of the time used (default: the text colour, faint on the surface).
 */
export class OnewayCountdown extends OnewayElement {
  static override styles = countdownStyles;

  private _seconds = 0;

  /** Length of the countdown in seconds. Changing it starts over from the new length (still running if it was). */
  @property({ type: Number })
  get seconds(): number {
    return this._seconds;
  }
  set seconds(value: number) {
    const seconds = Number.isFinite(value) ? Math.max(0, value) : 0;
    if (seconds === this._seconds) return;
    this._seconds = seconds;
    this.countdown.setDuration(seconds * 1000);
  }

  /**
   * Whether it is counting down. Setting it (or the attribute) starts or pauses the countdown; it
   * turns false by itself at zero.
   */
  @property({ type: Boolean, reflect: true }) running = false;

  /** What the time is for, e.g. "Think time": names the timer and starts each announcement. Default "Time left". */
  @property() label = '';

  /** How time left is drawn: `ring` (a circle around the time) or `bar` (a horizontal bar above it). */
  @property({ reflect: true }) variant: 'ring' | 'bar' = 'ring';

  @state() private announcement = '';


  private readonly countdown = new CountdownController(this, {
    onAnnounce: (secondsLeft) => this.announce(secondsLeft),
    onEnd: () => {
      this.running = false;
      this.dispatchEvent(new CountdownEndEvent({ label: this.accessibleLabel, seconds: this.seconds }));
    },
  });

  /** Milliseconds left, read from the clock (exact even when the page's timers ran late). */
  get remainingMs(): number {
    return this.countdown.remainingMs;
  }

  /** Starts, or resumes after `pause()`. Does nothing when no time is left: call `reset()` first. */
  start(): void {
    this.running = this.countdown.start();
  }

  /** Pauses, keeping the time left. */
  pause(): void {
    this.countdown.pause();
    this.running = this.countdown.running;
  }

  /** Stops and puts the full time back. */
  reset(): void {
    this.countdown.reset();
    this.running = false;
    this.announcement = '';
  }


  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('running') && this.running !== this.countdown.running) {
      if (this.running) this.running = this.countdown.start();
      else this.countdown.pause();
    }
  }

  private get accessibleLabel(): string {
    return this.label.trim() || this.i18n.t('countdown.label');
  }

  private announce(secondsLeft: number): void {
    const label = this.accessibleLabel;
    this.announcement =
      secondsLeft === 0
        ? this.i18n.t('countdown.timeUp', { label })
        : secondsLeft === 60
          ? this.i18n.t('countdown.minuteLeft', { label })
          : this.i18n.t('countdown.secondsLeft', { label, seconds: secondsLeft });
  }

  protected override render() {
    const duration = this.countdown.durationMs;
    const remaining = this.countdown.remainingMs;
    const shown = displaySeconds(remaining);
    const exact = duration ? remaining / duration : 0;
    // While running, the arc moves smoothly (linear transition) to where it must be when the
    // shown seconds next change; with reduced motion it shows the current second's value instead.
    const running = this.countdown.running;
    const step = running ? (msUntilNextSecond(remaining) ?? 0) : 0;
    const progress = {
      '--_now': String(running && duration ? Math.min(1, (shown * 1000) / duration) : exact),
      '--_next': String(running && duration ? Math.max(0, ((shown - 1) * 1000) / duration) : exact),
      '--_step': `${Math.round(step)}ms`,
    };
    return this.root(
      html`<div part="timer" role="timer" aria-label=${this.accessibleLabel} ${styleProperties(progress)}>
        ${this.variant === 'bar'
          ? html`<div part="bar"><div part="bar-progress"></div></div>`
          : html`<svg part="ring" aria-hidden="true" focusable="false">
              <circle part="ring-track" cx="50%" cy="50%" r="45%" pathLength="100"></circle>
              <circle part="ring-progress" cx="50%" cy="50%" r="45%" pathLength="100"></circle>
            </svg>`}
        <span part="time">${this.i18n.clock(shown)}</span>
      </div>
      <!-- Seen by eyes; screen readers hear the same words as the timer's name. -->
      <span part="label" aria-hidden="true">${this.accessibleLabel}</span>
      <div role="status" class="visually-hidden">${this.announcement || nothing}</div>`,
    );
  }
}
