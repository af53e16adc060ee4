// A reactive controller host without Lit or a DOM element: tests connect and disconnect it by
// hand and count the updates its controllers ask for.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

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
