import type { OnewayErrorCode } from './errors.js';

/** What to do after a failed upload request. */
export type RetryDecision =
  | { action: 'retry'; delayMs: number; reason: 'offline' | 'server' | 'conflict' | 'stalled' | 'offset-mismatch' }
  | { action: 'reauthorize' }
  /** The server no longer has the upload, but every byte is still held: send it all to a new one. */
  | { action: 'recreate' }
  | { action: 'fail'; code: OnewayErrorCode; message: string };

/** What is known about a failed request. `status` is undefined when no response came back. */
export interface FailedRequest {
  status?: number;
  method?: string;
  url?: string;
  /** Consecutive failures so far, counting this one (1 for the first). */
  attempt: number;
  /** Whether fresh headers were already fetched from `authorize` for this failure streak. */
  reauthorized: boolean;
  /** Whether the request was aborted because it went `REQUEST_IDLE_TIMEOUT_MS` without progress or answer. */
  stalled?: boolean;
  /** Whether the server answered with an offset outside what it had confirmed and what was sent. */
  offsetMismatch?: boolean;
  /** Bytes the server had confirmed and this device no longer holds (0: every byte from the start is held). */
  bytesReleased?: number;
}

/** Back-off delays in ms; the last one repeats for as long as the page is open. */
export const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000] as const;

/**
 * A request that goes this long without sending a byte or getting an answer is aborted and
 * retried. Long enough for a HEAD or POST over a congested mobile link and for a slow server to
 * answer a PATCH; a PATCH body that keeps moving never times out.
 */
export const REQUEST_IDLE_TIMEOUT_MS = 20_000;

/** The delay before retry number `attempt` (1-based), with up to 20% jitter so tabs don't retry in step. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length) - 1];
  return Math.round(base * (1 + 0.2 * random()));
}

/**
 * The one place that decides how upload failures are handled, whatever the request (POST, HEAD,
 * PATCH). Transient failures (no answer, timeouts, 5xx, locks, rate limits, offset conflicts and
 * offsets that make no sense) are retried with back-off without limit: an answer is only lost
 * when someone gives up on it. Each retry first asks the server for its offset (HEAD).
 * Authorization failures get one fresh `authorize` call. An upload the server no longer has is
 * made again only when every byte of it is still held.
 */
export function decideRetry(failure: FailedRequest, random?: () => number): RetryDecision {
  const { status, attempt } = failure;
  const where = `${failure.method ?? 'request'} ${failure.url ?? ''}`.trim();
  const retry = (reason: Extract<RetryDecision, { action: 'retry' }>['reason']): RetryDecision => ({
    action: 'retry',
    delayMs: backoffDelay(attempt, random),
    reason,
  });
  if (failure.stalled) return retry('stalled');
  if (failure.offsetMismatch) return retry('offset-mismatch');
  if (status === undefined || status === 0) return retry('offline');
  if (status === 409) return retry('conflict');
  if (status >= 500 || status === 408 || status === 423 || status === 429) return retry('server');
  if (status === 401 || status === 403) {
    if (!failure.reauthorized) return { action: 'reauthorize' };
    return {
      action: 'fail',
      code: 'upload-unauthorized',
      message: `The upload server refused the request with ${status} after fresh credentials from \`authorize\` (${where}). Check the token your authorize hook returns; "Try again" resumes the same upload.`,
    };
  }
  if (status === 404 || status === 410) {
    const released = failure.bytesReleased ?? 0;
    if (released === 0) return { action: 'recreate' };
    return {
      action: 'fail',
      code: 'upload-lost',
      message: `The upload server no longer has this upload (${status}, ${where}): the ${released} bytes it had confirmed were already released from this device and are lost.`,
    };
  }
  return {
    action: 'fail',
    code: 'upload-rejected',
    message: `The upload server rejected the request with ${status} (${where}).`,
  };
}
