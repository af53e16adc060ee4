// The arithmetic of a countdown, apart from any timer. Remaining time comes from timestamps (a
// monotonic clock such as performance.now()), never from counting ticks: a background tab may run
// timers once a minute, and the time shown when it comes back must still be exact. Pure: every
// function takes the current time and returns a new state.

/** A countdown's state. Times are milliseconds of one monotonic clock. */
export interface CountdownClock {
  /** The whole countdown. */
  readonly durationMs: number;
  /** Time used by earlier runs (before the last pause). */
  readonly usedMs: number;
  /** When the current run started; undefined while paused or stopped. */
  readonly runningSince: number | undefined;
}

/** The longest timer in seconds: its milliseconds must fit `setTimeout`'s 32-bit delay, or the timer fires at once. */
export const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** `seconds` as a `setTimeout` delay, bounded so a huge value waits as long as a timer can instead of firing at once. */
export function timerDelayMs(seconds: number): number {
  return Math.min(seconds, MAX_TIMER_SECONDS) * 1000;
}

/** Seconds left at which the countdown tells screen-reader users the time (0: time is up). */
export const ANNOUNCE_AT_SECONDS: readonly number[] = Object.freeze([60, 30, 10, 0]);

/** A countdown of `durationMs`, not running. Negative or non-finite durations count as 0. */
export function createClock(durationMs: number): CountdownClock {
  return { durationMs: Number.isFinite(durationMs) ? Math.max(0, durationMs) : 0, usedMs: 0, runningSince: undefined };
}

/** Milliseconds left at `now`: never below 0 nor above the duration. */
export function remainingMs(clock: CountdownClock, now: number): number {
  const running = clock.runningSince === undefined ? 0 : Math.max(0, now - clock.runningSince);
  return Math.min(clock.durationMs, Math.max(0, clock.durationMs - clock.usedMs - running));
}

/** Whether the clock is counting down (it may have reached 0 since the last look). */
export function isRunning(clock: CountdownClock): boolean {
  return clock.runningSince !== undefined;
}

/** Whether no time is left at `now`. */
export function isFinished(clock: CountdownClock, now: number): boolean {
  return remainingMs(clock, now) === 0;
}

/** Starts or resumes at `now`; unchanged when already running or when no time is left. */
export function startClock(clock: CountdownClock, now: number): CountdownClock {
  if (isRunning(clock) || isFinished(clock, now)) return clock;
  return { ...clock, runningSince: now };
}

/** Pauses at `now`, keeping the time left; unchanged when not running. */
export function pauseClock(clock: CountdownClock, now: number): CountdownClock {
  if (!isRunning(clock)) return clock;
  return { durationMs: clock.durationMs, usedMs: clock.durationMs - remainingMs(clock, now), runningSince: undefined };
}

/** The clock once it has reached 0: stopped, nothing left. */
export function finishClock(clock: CountdownClock): CountdownClock {
  return { durationMs: clock.durationMs, usedMs: clock.durationMs, runningSince: undefined };
}

/** The seconds a countdown shows: rounded up, so it reads 0:00 only when time is up. */
export function displaySeconds(remaining: number): number {
  return Math.ceil(Math.max(0, remaining) / 1000);
}

/**
 * How long after `now` the shown seconds next change (at least 1 ms), or undefined when none is
 * left. Timers aimed at these moments update the display exactly when it changes.
 */
export function msUntilNextSecond(remaining: number): number | undefined {
  if (remaining <= 0) return undefined;
  return remaining - (displaySeconds(remaining) - 1) * 1000 || 1;
}

/**
 * The announcement due when the time left went from `before` to `after` (milliseconds): the
 * lowest threshold of `thresholds` (seconds) crossed, so a tab that slept past several thresholds
 * says only the latest one. Undefined when none was crossed. A countdown that starts at or below
 * a threshold never announces it.
 */
export function crossedThreshold(before: number, after: number, thresholds: readonly number[] = ANNOUNCE_AT_SECONDS): number | undefined {
  let crossed: number | undefined;
  for (const seconds of thresholds) {
    const at = seconds * 1000;
    if (before > at && after <= at && (crossed === undefined || seconds < crossed)) crossed = seconds;
  }
  return crossed;
}

/** The share of the countdown still left at `remaining`, from 1 (full) to 0. */
export function fractionLeft(clock: CountdownClock, remaining: number): number {
  return clock.durationMs > 0 ? Math.min(1, Math.max(0, remaining / clock.durationMs)) : 0;
}
