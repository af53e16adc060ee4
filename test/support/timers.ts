import type { TimerHandle, Timers } from '../../src/core/timers.js';
import { manualClock } from './clock.js';

interface ManualTimer {
  at: number;
  every: number | undefined;
  callback: () => void;
}

/**
 * Timers that fire only when the test moves its clock (`advance`), in the order they are due,
 * with `now()` reading the time each one fires at. `pending()` says how many are still scheduled:
 * after a host leaves the page, none must be.
 */
export function manualTimers(start = 1000) {
  const clock = manualClock(start);
  const scheduled = new Map<number, ManualTimer>();
  let nextId = 1;
  const add = (callback: () => void, ms: number, every?: number) => {
    const id = nextId++;
    scheduled.set(id, { at: clock.now() + Math.max(0, ms), every, callback });
    return id as unknown as TimerHandle;
  };
  const remove = (handle: TimerHandle | undefined) => void scheduled.delete(handle as unknown as number);
  const timers: Timers = {
    setTimeout: (callback, ms) => add(callback, ms),
    clearTimeout: remove,
    setInterval: (callback, ms) => add(callback, ms, Math.max(1, ms)),
    clearInterval: remove,
  };
  /** The id of the timer due first, by `end`. */
  const due = (end: number) => {
    let first: [number, ManualTimer] | undefined;
    for (const entry of scheduled) if (entry[1].at <= end && (!first || entry[1].at < first[1].at)) first = entry;
    return first;
  };
  return {
    timers,
    now: clock.now,
    /** How many timers are scheduled. */
    pending: () => scheduled.size,
    /** Moves the clock by `ms`, firing every timer that falls due on the way. */
    advance(ms: number) {
      const end = clock.now() + ms;
      for (let next = due(end); next; next = due(end)) {
        const [id, timer] = next;
        clock.advance(timer.at - clock.now());
        if (timer.every === undefined) scheduled.delete(id);
        else timer.at += timer.every;
        timer.callback();
      }
      clock.advance(end - clock.now());
    },
    /** Moves the clock by `ms` without firing a timer: a background tab whose timers run late. */
    jump(ms: number) {
      clock.advance(ms);
    },
  };
}
