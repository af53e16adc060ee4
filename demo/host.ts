// What every demo page does as a host: get upload tokens for a candidate from the demo receiver,
// and show the events the widget fires.
import type { AuthorizeHook } from '../src/core/streaming-upload.js';

interface UploadToken {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * An `authorize` hook that adds the candidate's bearer token to every upload request. A token is
 * fetched when there is none, when it is about to expire, and when the server refused the last
 * one (`refresh`, after a 401/403); uploads running side by side share one token request.
 */
export function demoAuthorize(candidate: string): AuthorizeHook {
  let token: UploadToken | undefined;
  let pending: Promise<UploadToken> | undefined;
  const requestToken = async (): Promise<UploadToken> => {
    const response = await fetch(`/demo-api/token?candidate=${encodeURIComponent(candidate)}`, { method: 'POST' });
    if (!response.ok) throw new Error(`The token request failed with ${response.status}.`);
    return (await response.json()) as UploadToken;
  };
  return async ({ refresh }) => {
    if (refresh || !token || token.expiresAt - Date.now() < 60_000) {
      pending ??= requestToken().finally(() => (pending = undefined));
      token = await pending;
    }
    return { Authorization: `Bearer ${token.token}` };
  };
}

/** Appends every event of `types` that reaches `target` to the page's #log, and calls `then` after. */
export function logEvents(
  target: EventTarget,
  types: readonly (keyof GlobalEventHandlersEventMap)[],
  then?: (type: string) => void,
): void {
  const log = document.querySelector('#log')!;
  for (const type of types) {
    target.addEventListener(type, (event) => {
      log.textContent += `${type} ${JSON.stringify((event as Event & { detail?: unknown }).detail)}\n`;
      then?.(type);
    });
  }
}
