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
export const restartTus = () => executeServerCommand('tus-restart');

/** The next `count` PATCH requests to the tus endpoint get no answer, ever. */
export const hangPatches = (count: number) => executeServerCommand('tus-hang-patches', { count });
