import { oneEvent, waitUntil } from '@open-wc/testing';

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The next event of `type` on `target`, or a rejection naming it after `timeoutMs`. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
  timeoutMs = 30_000,
): Promise<GlobalEventHandlersEventMap[K]> {
  return Promise.race([
    oneEvent(target, type) as Promise<GlobalEventHandlersEventMap[K]>,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms`)), timeoutMs)),
  ]);
}

/**
 * Waits up to `timeoutMs` for `condition`, failing with `message`. The default is 5 s, not
 * waitUntil's 1 s: late in a three-engine run on two cores, Firefox and WebKit take longer than
 * that to render, fire an event or play a first frame. A longer wait only delays a failure.
 */
export function waitFor(condition: () => unknown, message: string, timeoutMs = 5000): Promise<void> {
  return waitUntil(condition, message, { timeout: timeoutMs });
}
