import { Upload, type DetailedError, type HttpRequest } from 'tus-js-client';
import { OnewayError } from './errors.js';
import { ReleasedBytesError, type RecordingSource } from './recording-source.js';
import { decideRetry, type RetryDecision } from './retry-policy.js';

/** What `authorize` is told about the request it is asked to authorize. */
export interface AuthorizeRequest {
  method: string;
  url: string;
  /** True when the previous request was refused with 401/403 and fresh credentials are needed. */
  refresh: boolean;
}

/** A host hook that returns headers (e.g. `Authorization: Bearer …`) for each upload request. */
export type AuthorizeHook = (
  request: AuthorizeRequest,
) => Record<string, string> | Promise<Record<string, string>> | undefined | void;

/** The state of a streaming upload, as the candidate should understand it. */
export type UploadState = 'uploading' | 'waiting-for-connection' | 'retrying' | 'done' | 'failed';

export interface StreamingUploadOptions {
  endpoint: string;
  source: RecordingSource;
  metadata: Record<string, string>;
  /** The URL of an upload created earlier, to resume instead of creating a new one. */
  uploadUrl?: string;
  authorize?: AuthorizeHook;
  /** Largest PATCH body; a read never waits for a full chunk. */
  chunkSize?: number;
  /** A request with a body that makes no progress for this long is aborted and retried. */
  stallTimeoutMs?: number;
  onUrl?(url: string): void;
  /** The server has confirmed bytes up to `offset`. */
  onConfirmed?(offset: number): void;
  onStateChange?(state: UploadState, detail?: { delayMs?: number; reason?: string }): void;
  onSuccess?(url: string): void;
  onError?(error: OnewayError): void;
  /** Injected for tests; defaults to the retry policy in `retry-policy.ts`. */
  decide?: typeof decideRetry;
}

const DEFAULT_CHUNK_SIZE = 1024 * 1024;
const DEFAULT_STALL_TIMEOUT_MS = 20_000;

/**
 * One recording's tus upload, started while the recording goes on. tus-js-client sends the
 * requests; retries are ours (`retryDelays: null`) because answers are retried without limit
 * and 401/403 need fresh headers from the host.
 */
export class StreamingUpload {
  private readonly upload: Upload;
  private attempt = 0;
  private refreshAuthorization = false;
  private reauthorized = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;
  private finished = false;
  private failedForGood = false;
  private lastConfirmed = 0;
  private readonly onlineListener = () => this.retryNow();

  constructor(private readonly options: StreamingUploadOptions) {
    const { source } = options;
    this.upload = new Upload(source as unknown as Blob, {
      endpoint: options.endpoint,
      uploadUrl: options.uploadUrl ?? null,
      uploadLengthDeferred: true,
      chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
      metadata: options.metadata,
      // Every deferred-length stream upload gets the same fingerprint in tus-js-client v4, so
      // its URL storage would mix recordings up: upload URLs are kept in our journal instead.
      storeFingerprintForResuming: false,
      retryDelays: null,
      fileReader: { openFile: async () => source as never },
      onBeforeRequest: (request) => this.beforeRequest(request),
      onUploadUrlAvailable: () => {
        if (this.upload.url) this.options.onUrl?.(this.upload.url);
      },
      onProgress: () => this.armStallTimer(),
      onChunkComplete: (_size, accepted) => this.confirmed(accepted),
      onSuccess: () => this.succeed(),
      onError: (error) => {
        const detailed = error as DetailedError;
        this.failed({
          status: detailed.originalResponse?.getStatus(),
          method: detailed.originalRequest?.getMethod(),
          url: detailed.originalRequest?.getURL(),
          cause: detailed.causingError,
        });
      },
    });
  }

  /** The upload's URL once the server has created it. */
  get url(): string | undefined {
    return this.upload.url ?? undefined;
  }

  /** Starts (or resumes) sending. */
  start(): void {
    globalThis.addEventListener?.('online', this.onlineListener);
    this.options.onStateChange?.('uploading');
    this.upload.start();
  }

  /** Stops all requests and timers; the upload can be resumed later from its URL. */
  abort(): void {
    this.clearTimers();
    globalThis.removeEventListener?.('online', this.onlineListener);
    void this.upload.abort(false);
  }

  /** Stops and deletes the upload on the server (tus termination), where the server allows it. */
  async terminate(): Promise<void> {
    this.abort();
    this.finished = true;
    if (!this.upload.url) return;
    try {
      await this.upload.abort(true);
    } catch {
      // A server without the termination extension keeps the file; the host's expiry removes it.
    }
  }

  /** Starts again after a failure the policy gave up on (e.g. the candidate pressed "Retry"), with fresh headers. */
  restart(): void {
    if (!this.failedForGood) return;
    this.failedForGood = false;
    this.finished = false;
    this.attempt = 0;
    this.reauthorized = false;
    this.refreshAuthorization = true;
    this.start();
  }

  /** Skips a pending back-off, e.g. when the browser comes back online. */
  retryNow(): void {
    if (this.retryTimer === undefined || this.finished) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.upload.start();
  }

  private async beforeRequest(request: HttpRequest): Promise<void> {
    if (!this.options.authorize) return;
    const refresh = this.refreshAuthorization;
    this.refreshAuthorization = false;
    const headers = await this.options.authorize({ method: request.getMethod(), url: request.getURL(), refresh });
    for (const [name, value] of Object.entries(headers ?? {})) request.setHeader(name, value);
  }

  private confirmed(offset: number): void {
    this.attempt = 0;
    this.reauthorized = false;
    this.lastConfirmed = offset;
    this.options.source.release(offset);
    this.options.onConfirmed?.(offset);
    this.options.onStateChange?.('uploading');
    this.armStallTimer();
  }

  private succeed(): void {
    this.finished = true;
    this.clearTimers();
    globalThis.removeEventListener?.('online', this.onlineListener);
    const total = this.options.source.bytesRecorded;
    if (total !== this.lastConfirmed) this.confirmed(total);
    this.options.onStateChange?.('done');
    this.options.onSuccess?.(this.upload.url ?? '');
  }

  private failed(failure: { status?: number; method?: string; url?: string; cause?: unknown; stalled?: boolean }): void {
    this.clearTimers();
    if (this.finished) return;
    if (failure.cause instanceof ReleasedBytesError) {
      this.fail({
        action: 'fail',
        code: 'upload-lost',
        message: `The upload server lost the upload after confirming bytes that are no longer held (${failure.cause.message}).`,
      });
      return;
    }
    this.attempt++;
    const decision = (this.options.decide ?? decideRetry)({
      status: failure.status,
      method: failure.method,
      url: failure.url,
      attempt: this.attempt,
      reauthorized: this.reauthorized,
      stalled: failure.stalled,
    });
    if (decision.action === 'fail') {
      this.fail(decision);
      return;
    }
    if (decision.action === 'reauthorize') {
      this.reauthorized = true;
      this.refreshAuthorization = true;
      this.schedule(0);
      return;
    }
    const offline = decision.reason === 'offline' && globalThis.navigator?.onLine === false;
    this.options.onStateChange?.(offline ? 'waiting-for-connection' : 'retrying', {
      delayMs: decision.delayMs,
      reason: decision.reason,
    });
    this.schedule(decision.delayMs);
  }

  private schedule(delayMs: number): void {
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.upload.start();
    }, delayMs);
  }

  private fail(decision: Extract<RetryDecision, { action: 'fail' }>): void {
    this.finished = true;
    this.failedForGood = true;
    this.abort();
    this.options.onStateChange?.('failed');
    this.options.onError?.(new OnewayError(decision.code, decision.message, false));
  }

  /** A request whose bytes stop moving is aborted and retried, instead of hanging forever. */
  private armStallTimer(): void {
    clearTimeout(this.stallTimer);
    const timeout = this.options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
    if (this.options.source.bytesRecorded <= this.lastConfirmed) return;
    this.stallTimer = setTimeout(() => {
      void this.upload.abort(false).then(() => this.failed({ stalled: true }));
    }, timeout);
  }

  private clearTimers(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.stallTimer);
    this.retryTimer = undefined;
    this.stallTimer = undefined;
  }
}
