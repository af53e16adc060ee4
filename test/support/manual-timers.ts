import type { Timers } from '../../src/core/timers.js';
import { manualClock } from './clock.js';

/**
 * Timers that fire only when the test moves the clock (`advance`), in order of their due time,
 * with `pending()` to see that a controller left none behind.
 */
export function manualTimers(start = 1000) {
  const clock = manualClock(start);
  let nextHandle = 1;
  const due = new Map<number, { at: number; callback: () => void; everyMs?: number }>();
  const add = (callback: () => void, ms: number, everyMs?: number) => {
    const handle = nextHandle++;
    due.set(handle, { at: clock.now() + Math.max(0, ms), callback, everyMs });
    return handle;
  };
  const timers: Timers = {
    setTimeout: (callback, ms) => add(callback, ms),
    clearTimeout: (handle) => void due.delete(handle as number),
    setInterval: (callback, ms) => add(callback, ms, Math.max(1, ms)),
    clearInterval: (handle) => void due.delete(handle as number),
  };
  return {
    timers,
    now: clock.now,
    /** Moves the clock by `ms`, firing every timer that falls due on the way. */
    advance(ms: number) {
      const until = clock.now() + ms;
      for (;;) {
        const [handle, timer] = [...due].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0] ?? [];
        if (!timer || handle === undefined) break;
        clock.advance(timer.at - clock.now());
        if (timer.everyMs) timer.at += timer.everyMs;
        else due.delete(handle);
        timer.callback();
      }
      clock.advance(until - clock.now());
    },
    /** How many timers are set. */
    pending: () => due.size,
  };
}
