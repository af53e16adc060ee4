import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  createClock,
  crossedThreshold,
  finishClock,
  fractionLeft,
  isRunning,
  msUntilNextSecond,
  pauseClock,
  remainingMs,
  startClock,
  type CountdownClock,
} from '../core/countdown-clock.js';
import type { TimerHandle, Timers } from '../core/timers.js';

export interface CountdownControllerOptions {
  /** A threshold was crossed: seconds left (60, 30, 10), or 0 when time is up. */
  onAnnounce: (secondsLeft: number) => void;
  /** The countdown reached zero; called once per run. */
  onEnd: () => void;
  /** The monotonic clock in milliseconds; `performance.now()` unless a test injects another. */
  now?: () => number;
  /** The timers it schedules readings with; the page's unless a test injects others. */
  timers?: Timers;
}

/**
 * Binds a countdown clock to an element: a timer aimed at the moment the shown seconds change,
 * a fresh reading when the tab becomes visible again (background tabs run timers late), and no
 * timer at all while the element is off the page. The time left always comes from timestamps.
 */
export class CountdownController implements ReactiveController {
  private clock: CountdownClock = createClock(0);
  /** The time left at the last reading, to tell which thresholds were crossed since. */
  private lastRemaining = 0;
  private timer: TimerHandle | undefined;
  private connected = false;
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly onVisibilityChange = () => {
    if (this.running && document.visibilityState === 'visible') this.tick();
  };

  constructor(private readonly host: ReactiveControllerHost, private readonly options: CountdownControllerOptions) {
    this.now = options.now ?? (() => performance.now());
    this.timers = options.timers ?? globalThis;
    host.addController(this);
  }

  get durationMs(): number {
    return this.clock.durationMs;
  }

  get remainingMs(): number {
    return remainingMs(this.clock, this.now());
  }

  get running(): boolean {
    return isRunning(this.clock);
  }

  /** The share of the time left now, from 1 to 0. */
  get fractionLeft(): number {
    return fractionLeft(this.clock, this.remainingMs);
  }

  /** Starts over with a new length; keeps running if it was. */
  setDuration(durationMs: number): void {
    const wasRunning = this.running;
    this.clock = createClock(durationMs);
    this.lastRemaining = this.clock.durationMs;
    if (wasRunning) this.clock = startClock(this.clock, this.now());
    this.schedule();
    this.host.requestUpdate();
  }

  /** Starts or resumes; returns whether it is running (not when no time is left). */
  start(): boolean {
    if (this.running) return true;
    const now = this.now();
    this.clock = startClock(this.clock, now);
    this.lastRemaining = remainingMs(this.clock, now);
    this.schedule();
    this.host.requestUpdate();
    return this.running;
  }

  /** Pauses, keeping the time left. Thresholds and the end reached before the pause count. */
  pause(): void {
    if (!this.running) return;
    this.tick();
    if (!this.running) return;
    const now = this.now();
    this.clock = pauseClock(this.clock, now);
    this.lastRemaining = remainingMs(this.clock, now);
    this.clearTimer();
    this.host.requestUpdate();
  }

  /** Stops and puts the full time back. */
  reset(): void {
    this.clock = createClock(this.clock.durationMs);
    this.lastRemaining = this.clock.durationMs;
    this.clearTimer();
    this.host.requestUpdate();
  }

  /** Reads the clock: announces crossed thresholds, ends at zero, and aims the next timer. */
  tick(): void {
    if (!this.running) return;
    const now = this.now();
    const remaining = remainingMs(this.clock, now);
    const crossed = crossedThreshold(this.lastRemaining, remaining);
    this.lastRemaining = remaining;
    const ended = remaining === 0;
    if (ended) {
      this.clock = finishClock(this.clock);
      this.clearTimer();
    } else {
      this.schedule();
    }
    if (crossed !== undefined) this.options.onAnnounce(crossed);
    if (ended) this.options.onEnd();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    // Time went on while the element was away: catch up at once.
    this.tick();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.clearTimer();
  }

  private schedule(): void {
    this.clearTimer();
    if (!this.connected || !this.running) return;
    const wait = msUntilNextSecond(this.remainingMs) ?? 0;
    // A little late rather than early, so the reading lands after the second has changed.
    this.timer = this.timers.setTimeout(() => this.tick(), wait + 4);
  }

  private clearTimer(): void {
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
