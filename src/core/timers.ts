/** A timer's handle, as the page's `setTimeout` and `setInterval` return it. */
export type TimerHandle = ReturnType<typeof setTimeout>;

/**
 * The timer functions a controller schedules with: the page's unless a test injects timers it
 * moves by hand, so that a test can tell every timer was stopped without waiting for one to fire.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
  setInterval(callback: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle | undefined): void;
}

/** The page's own timers. */
export const pageTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle),
};
