import type { OnewayErrorCode } from './errors.js';

/** What to do after a failed upload request. */
export type RetryDecision =
  | { action: 'retry'; delayMs: number; reason: 'offline' | 'server' | 'conflict' | 'stalled' }
  | { action: 'reauthorize' }
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
  /** Whether the request was aborted because it made no progress. */
  stalled?: boolean;
}

/** Back-off delays in ms; the last one repeats for as long as the page is open. */
export const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000] as const;

/** The delay before retry number `attempt` (1-based), with up to 20% jitter so tabs don't retry in step. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length) - 1];
  return Math.round(base * (1 + 0.2 * random()));
}

/**
 * The one place that decides how upload failures are handled. Transient failures (no answer,
 * timeouts, 5xx, locks, rate limits, offset conflicts) are retried without limit: an answer is
 * only lost when someone gives up on it. Authorization failures get one fresh `authorize` call.
 */
export function decideRetry(failure: FailedRequest, random?: () => number): RetryDecision {
  const { status, attempt } = failure;
  const where = `${failure.method ?? 'request'} ${failure.url ?? ''}`.trim();
  if (failure.stalled) return { action: 'retry', delayMs: backoffDelay(attempt, random), reason: 'stalled' };
  if (status === undefined || status === 0) {
    return { action: 'retry', delayMs: backoffDelay(attempt, random), reason: 'offline' };
  }
  if (status === 409) return { action: 'retry', delayMs: 0, reason: 'conflict' };
  if (status >= 500 || status === 408 || status === 423 || status === 429) {
    return { action: 'retry', delayMs: backoffDelay(attempt, random), reason: 'server' };
  }
  if (status === 401 || status === 403) {
    if (!failure.reauthorized) return { action: 'reauthorize' };
    return {
      action: 'fail',
      code: 'upload-unauthorized',
      message: `The upload server refused the request with ${status} after fresh credentials from \`authorize\` (${where}). Check the token your authorize hook returns.`,
    };
  }
  if (status === 404 || status === 410) {
    return {
      action: 'fail',
      code: 'upload-lost',
      message: `The upload server no longer has this upload (${status}, ${where}); bytes it had confirmed were already released.`,
    };
  }
  return {
    action: 'fail',
    code: 'upload-rejected',
    message: `The upload server rejected the request with ${status} (${where}).`,
  };
}
