import type { DetailedError, UploadOptions } from 'tus-js-client';
import { Upload } from './tus-client.js';
import { OnewayError } from './errors.js';
import { decideRetry } from './retry-policy.js';
import type { AuthorizeHook } from './streaming-upload.js';

/** Size of the test upload: big enough to time, small enough to finish in a few seconds on a slow link. */
export const PREFLIGHT_BYTES = 256 * 1024;
/** A test upload still running after this long is stopped; what got through by then is the measurement. */
export const PREFLIGHT_TIMEOUT_MS = 15_000;
/** How long a stopped check still waits for the server to answer its creation request, to delete what it created. */
export const PREFLIGHT_CREATION_WAIT_MS = 20_000;

/** What the test upload found. */
export interface PreflightResult {
  /** Bits per second the upload's body went at. */
  throughputBps: number;
  /** Bytes sent (all of them, unless the time limit stopped the upload). */
  bytesSent: number;
  /** From the start of the body (PATCH) to the server's confirmation, or to the time limit. */
  durationMs: number;
  /** The test upload's URL on the server. */
  uploadUrl: string | undefined;
  /** Whether every byte was sent before the time limit. */
  complete: boolean;
  /** Whether the server deleted the test upload (tus termination); servers without it keep it until they expire it. */
  deleted: boolean;
}

export interface PreflightOptions {
  /** The tus creation URL the answers will go to. */
  endpoint: string;
  bytes?: number;
  timeoutMs?: number;
  /** How long a stopped check waits for its creation request's answer to delete the file (default PREFLIGHT_CREATION_WAIT_MS). */
  creationWaitMs?: number;
  authorize?: AuthorizeHook;
  /** Extra metadata; the upload is always marked `oneway-preflight: 1` so hosts can tell it from answers. */
  metadata?: Record<string, string>;
  /** Milliseconds, monotonic; injected for tests. */
  now?: () => number;
  /** Fills a buffer with random bytes (incompressible, so nothing on the way can shrink them). */
  randomBytes?: (size: number) => Uint8Array;
  /** Creates the tus upload; injected for tests. */
  createUpload?: (file: Blob, options: UploadOptions) => Pick<Upload, 'start' | 'abort' | 'url'>;
}

function cryptoRandomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  // getRandomValues fills at most 64 KiB at a time.
  for (let offset = 0; offset < size; offset += 65536) {
    globalThis.crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65536)));
  }
  return bytes;
}

/**
 * A short test upload to the host's tus endpoint: creates an upload of random bytes, times its
 * body, then deletes it with tus termination. Throughput is measured on the body alone (PATCH),
 * so the creation round trip does not count against the link.
 */
export class UploadPreflight {
  private upload: Pick<Upload, 'start' | 'abort' | 'url'> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private settled = false;
  private cancelled = false;
  /** The creation request is out and unanswered: the server may hold a file whose URL is not known yet. */
  private creating = false;
  private creationDeadline: ReturnType<typeof setTimeout> | undefined;
  private rejectRun: ((reason: unknown) => void) | undefined;

  constructor(private readonly options: PreflightOptions) {}

  /**
   * Runs the test upload once. Rejects with an `OnewayError` when the server refuses it, or a
   * `PreflightUnreachableError` when it cannot be reached.
   */
  run(): Promise<PreflightResult> {
    const options = this.options;
    const now = options.now ?? (() => performance.now());
    const size = options.bytes ?? PREFLIGHT_BYTES;
    const file = new Blob([(options.randomBytes ?? cryptoRandomBytes)(size) as BlobPart], { type: 'application/octet-stream' });
    const startedAt = now();
    let bodyStartedAt: number | undefined;
    let bytesSent = 0;

    return new Promise<PreflightResult>((resolve, reject) => {
      this.rejectRun = reject;
      const finish = async (complete: boolean) => {
        if (this.settled) return;
        this.settled = true;
        clearTimeout(this.timer);
        const end = now();
        const sent = complete ? size : bytesSent;
        const durationMs = Math.max(1, end - (bodyStartedAt ?? startedAt));
        const uploadUrl = this.upload?.url ?? undefined;
        const deleted = await this.terminate();
        resolve({ throughputBps: (sent * 8 * 1000) / durationMs, bytesSent: sent, durationMs, uploadUrl, complete, deleted });
      };
      const uploadOptions: UploadOptions = {
        endpoint: options.endpoint,
        metadata: {
          filename: 'oneway-preflight.bin',
          filetype: 'application/octet-stream',
          ...options.metadata,
          'oneway-preflight': '1',
        },
        // A measurement, not an answer: no retries (they would blur the timing), no resume.
        retryDelays: null,
        storeFingerprintForResuming: false,
        onBeforeRequest: async (request) => {
          if (request.getMethod() === 'PATCH' && bodyStartedAt === undefined) bodyStartedAt = now();
          const headers = await options.authorize?.({ method: request.getMethod(), url: request.getURL(), refresh: false });
          for (const [name, value] of Object.entries(headers ?? {})) request.setHeader(name, value);
        },
        onUploadUrlAvailable: () => {
          this.creating = false;
          // Stopped while the server was creating it: now it can be deleted.
          if (this.settled) void this.terminate();
        },
        onProgress: (sent) => {
          bytesSent = sent;
        },
        onSuccess: () => void finish(true),
        onError: (error) => {
          this.creating = false;
          if (this.settled) return void this.terminate();
          this.settled = true;
          clearTimeout(this.timer);
          // Read the response before terminating: aborting resets the request's status.
          const failure = preflightError(error as DetailedError);
          void this.terminate();
          reject(failure);
        },
      };
      this.upload = (options.createUpload ?? ((blob, opts) => new Upload(blob, opts)))(file, uploadOptions);
      this.timer = setTimeout(() => void finish(false), options.timeoutMs ?? PREFLIGHT_TIMEOUT_MS);
      if (this.cancelled) {
        this.settled = true;
        clearTimeout(this.timer);
        reject(new PreflightUnreachableError('The upload check was cancelled.'));
        return;
      }
      this.creating = true;
      this.upload.start();
    });
  }

  /** Stops the test upload and deletes what the server holds of it. */
  async cancel(): Promise<void> {
    this.cancelled = true;
    clearTimeout(this.timer);
    if (!this.settled) this.rejectRun?.(new PreflightUnreachableError('The upload check was cancelled.'));
    this.settled = true;
    await this.terminate();
  }

  private async terminate(): Promise<boolean> {
    const upload = this.upload;
    if (!upload) return false;
    if (this.creating && !upload.url) {
      // Aborting the creation request would leave the file it made on the server, at a URL never
      // learnt: let the server answer (onUploadUrlAvailable deletes it), within a limit.
      this.creationDeadline ??= setTimeout(() => {
        this.creating = false;
        void this.terminate();
      }, this.options.creationWaitMs ?? PREFLIGHT_CREATION_WAIT_MS);
      return false;
    }
    clearTimeout(this.creationDeadline);
    this.upload = undefined;
    try {
      await upload.abort(Boolean(upload.url));
      return Boolean(upload.url);
    } catch {
      // A server without the termination extension keeps the file until it expires it.
      return false;
    }
  }
}

/** The test upload could not reach the server, or the server failed for a while: answers will be retried, so this is advice. */
export class PreflightUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PreflightUnreachableError';
  }
}

/**
 * The error taxonomy's reading of a failed test upload: an `OnewayError` when the server refused
 * it for good (401/403, 4xx), a `PreflightUnreachableError` for what answers would retry.
 */
function preflightError(error: DetailedError): Error {
  const status = error.originalResponse?.getStatus();
  const decision = decideRetry({
    status,
    method: error.originalRequest?.getMethod(),
    url: error.originalRequest?.getURL(),
    attempt: 1,
    // No authorize round here: a refusal with the host's headers is the host's to fix.
    reauthorized: true,
  });
  // A test upload is new: "gone" (404/410), which the policy answers with a new upload, means the
  // endpoint itself is wrong.
  if (decision.action === 'recreate') {
    const where = `${error.originalRequest?.getMethod()} ${error.originalRequest?.getURL()}`;
    return new OnewayError('upload-rejected', `Upload check: The upload endpoint answered ${status} (${where}): check the endpoint URL.`, true, { cause: error });
  }
  if (decision.action === 'fail') return new OnewayError(decision.code, `Upload check: ${decision.message}`, true, { cause: error });
  return new PreflightUnreachableError(
    `Upload check: the upload server ${status ? `answered ${status}` : 'could not be reached'}; answers would be kept on the device and retried.`,
    { cause: error },
  );
}
