import type { LitElement } from 'lit';

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
