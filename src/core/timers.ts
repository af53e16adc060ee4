/** A timer's handle, as the page's `setTimeout` and `setInterval` return it. */
export type TimerHandle = ReturnType<typeof setTimeout>;

/**
 * The timer functions a controller schedules with: the page's (`globalThis`) unless a test injects
 * timers it moves by hand, so that a test can tell every timer was stopped without waiting for one
 * to fire. Types only, so that it adds no module to the CDN bundle's chunk graph.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
  setInterval(callback: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle | undefined): void;
}
