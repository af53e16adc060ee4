import { oneEvent } from '@open-wc/testing';

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
