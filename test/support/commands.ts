// Browser-side wrappers of the test-runner commands in server-commands.js.
import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Takes the page offline as far as uploads can tell: tus requests fail at the network layer, and
 * `navigator.onLine` and the online/offline events say so.
 */
export async function setOffline(offline: boolean): Promise<void> {
  await executeServerCommand('block-uploads', { blocked: offline });
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => !offline });
  window.dispatchEvent(new Event(offline ? 'offline' : 'online'));
}
export const setTusDown = (down: boolean) => executeServerCommand('tus-set-down', { down });
/** Emulates Windows high-contrast mode (`forced-colors: active`) in Chromium, through DevTools. */
export const emulateForcedColors = (active: boolean) => executeServerCommand('emulate-forced-colors', { active });
export const restartTus = () => executeServerCommand('tus-restart');
/** Flips a byte in the middle of a finished upload on the tus server. */
export const tamperUpload = (uploadUrl: string) => executeServerCommand('tus-tamper', { uploadUrl });

type Method = 'POST' | 'HEAD' | 'PATCH' | 'DELETE';
/** Which requests a fault applies to: the next `count` (default 1) of `method`, or all of them for `forMs`. */
type FaultScope = { method?: Method; count?: number; forMs?: number };

/** A misbehaviour of the tus server (see server-commands.js). */
export type TusFault =
  | { kind: 'status'; status: number }
  | { kind: 'hold' }
  | { kind: 'reset' }
  | { kind: 'cut'; bytes: number }
  | { kind: 'offset'; add: number }
  | { kind: 'location'; origin: string }
  | { kind: 'delay'; ms: number };

/** Makes the tus server misbehave for the requests `scope` names. */
export const injectFault = (fault: TusFault & FaultScope) => executeServerCommand('tus-fault', fault);
/** Ends every injected fault and chaos mode; resolves with the counted faults that no request met. */
export const clearFaults = async () => (await executeServerCommand<(TusFault & FaultScope)[], undefined>('tus-clear-faults')) ?? [];

/** A tus request as the server saw it. */
export interface LoggedRequest {
  method: string;
  path: string;
  host: string;
  /** Milliseconds since the epoch. */
  at: number;
  /** The status answered; 0 while (or if) none was. */
  status: number;
}
/** The tus requests that arrived since `since` (ms since the epoch). */
export const tusRequests = async (since = 0) => (await executeServerCommand<LoggedRequest[], { since: number }>('tus-requests', { since })) ?? [];

/** Chaos mode: from now on a share `rate` of tus requests draws a random fault; resolves with the seed. */
export const startChaos = async (rate: number) => (await executeServerCommand<number, { rate: number }>('tus-chaos', { rate }))!;
/** Ends chaos mode; the seed and every fault it injected. */
export const stopChaos = async () =>
  (await executeServerCommand<{ seed: number; injected: (TusFault & { method: string })[] }, undefined>('tus-chaos-report'))!;
