// Hosts for controller tests: one without Lit or a DOM element, connected and disconnected by hand
// (counting the updates its controllers ask for), and a real element mounted on the page.
import type { LitElement, ReactiveController, ReactiveControllerHost } from 'lit';

export function controllerHost() {
  const controllers: ReactiveController[] = [];
  const host = Object.assign(new EventTarget(), {
    isConnected: false,
    updates: 0,
    addController: (controller: ReactiveController) => void controllers.push(controller),
    removeController: () => undefined,
    requestUpdate: () => void host.updates++,
    updateComplete: Promise.resolve(true),
  });
  return {
    /** Typed as the hosts the controllers take. */
    host: host as typeof host & ReactiveControllerHost & HTMLElement,
    get updates() {
      return host.updates;
    },
    connect() {
      host.isConnected = true;
      for (const controller of controllers) controller.hostConnected?.();
    },
    disconnect() {
      host.isConnected = false;
      for (const controller of controllers) controller.hostDisconnected?.();
    },
  };
}

/**
 * A controller test's host element: created, set up (the fakes it injects) before it connects,
 * then put on the page and rendered once.
 */
export async function mountHost<T extends LitElement>(tag: string, setUp: (host: T) => void = () => undefined): Promise<T> {
  const host = document.createElement(tag) as T;
  setUp(host);
  document.body.append(host);
  await host.updateComplete;
  return host;
}

/** Takes every `tag` host a test left on the page off it. */
export function removeHosts(tag: string): void {
  document.querySelectorAll(tag).forEach((host) => host.remove());
}
