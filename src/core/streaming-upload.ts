import type { DetailedError, HttpRequest, HttpResponse, HttpStack, Upload } from 'tus-js-client';
import { OnewayError } from './errors.js';
import { ReleasedBytesError, UnreadableBytesError, type RecordingSource } from './recording-source.js';
import { decideRetry, REQUEST_IDLE_TIMEOUT_MS, type RetryDecision } from './retry-policy.js';

/** What `authorize` is told about the request it is asked to authorize. */
export interface AuthorizeRequest {
  method: string;
  /** The URL the request goes to: the endpoint, or an upload on an origin that was allowed. Hosts should check it before adding credentials. */
  url: string;
  /** True when the previous request was refused with 401/403 and fresh credentials are needed. */
  refresh: boolean;
}

/** A host hook that returns headers (e.g. `Authorization: Bearer …`) for each upload request. */
export type AuthorizeHook = (
  request: AuthorizeRequest,
) => Record<string, string> | Promise<Record<string, string>> | undefined | void;

/** Reads an `upload-origins` attribute: origins separated by white space. */
export const uploadOriginsAttribute = {
  fromAttribute: (value: string | null): string[] => value?.split(/\s+/).filter(Boolean) ?? [],
  toAttribute: (value: readonly string[]): string => value.join(' '),
};

/** The state of a streaming upload, as the candidate should understand it. */
export type UploadState = 'uploading' | 'waiting-for-connection' | 'retrying' | 'done' | 'failed';

export interface StreamingUploadOptions {
  endpoint: string;
  source: RecordingSource;
  metadata: Record<string, string>;
  /** The URL of an upload created earlier, to resume instead of creating a new one. */
  uploadUrl?: string;
  authorize?: AuthorizeHook;
  /** Origins besides the endpoint's own that the server may place uploads on (its `Location`). */
  uploadOrigins?: readonly string[];
  /** Largest PATCH body; a read never waits for a full chunk. */
  chunkSize?: number;
  /** A request that goes this long without sending a byte or getting an answer is aborted and retried. */
  requestTimeoutMs?: number;
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

type TusClient = typeof import('./tus-client.js');

let tusClient: Promise<TusClient> | undefined;
/** tus-js-client once loaded: uploads after the first are started at once. */
let loadedClient: TusClient | undefined;

/**
 * Loads tus-js-client, a chunk of its own in the CDN bundle (most of a page's first paint does not
 * need it). Started when a recorder prepares its camera, so the chunk is there before the first
 * slice; a failed load (offline) is tried again by the next attempt.
 */
export function loadTusClient(): Promise<TusClient> {
  tusClient ??= import('./tus-client.js').then(
    (client) => (loadedClient = client),
    (error: unknown) => {
      tusClient = undefined;
      throw error;
    },
  );
  return tusClient;
}

/** A request went too long without sending a byte or getting an answer. */
class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError';
}

/** The server answered with an offset that cannot be right; one HEAD asks again. */
class OffsetMismatchError extends Error {
  override name = 'OffsetMismatchError';
}

/** The server broke the protocol in a way no retry mends; the take keeps its bytes. */
class ProtocolViolationError extends Error {
  override name = 'ProtocolViolationError';
}

/**
 * One recording's tus upload, started while the recording goes on. tus-js-client sends the
 * requests, each attempt with an `Upload` of its own; the rest is ours: retries
 * (`retryDelays: null`; answers are retried without limit, 401/403 need fresh headers from the
 * host), a timeout on every request, a check of every answer's offset and upload URL, and the
 * rule that an upload whose URL is known is never replaced by a new one unless the server says it
 * is gone and every byte is still held.
 */
export class StreamingUpload {
  private upload: Upload | undefined;
  private uploadUrl: string | undefined;
  private attempt = 0;
  private refreshAuthorization = false;
  private reauthorized = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by `abort()`, so an attempt that waited for tus-js-client to load does not start after it. */
  private generation = 0;
  private finished = false;
  private failedForGood = false;
  private lastConfirmed = 0;
  /** The length the server has declared for the upload (a HEAD said so): it must not be sent again. */
  private serverLength: number | undefined;
  /** Whether a 400 to a PATCH that declared the length was already answered with one HEAD in this failure streak. */
  private lengthResynced = false;
  /** Bytes an upload that an earlier page made may hold: every byte that page recorded. */
  private readonly sentBefore: number;
  private readonly endpointUrl: string;
  private readonly allowedOrigins: Set<string>;
  private readonly httpStack: HttpStack;
  private readonly onlineListener = () => this.retryNow();

  constructor(private readonly options: StreamingUploadOptions) {
    this.uploadUrl = options.uploadUrl;
    this.sentBefore = options.uploadUrl ? options.source.bytesRecorded : 0;
    this.endpointUrl = new URL(options.endpoint, globalThis.location?.href).href;
    this.allowedOrigins = new Set([new URL(this.endpointUrl).origin, ...(options.uploadOrigins ?? []).map((origin) => new URL(origin).origin)]);
    void loadTusClient().catch(() => undefined);
    this.httpStack = new IdleTimeoutHttpStack(
      options.requestTimeoutMs ?? REQUEST_IDLE_TIMEOUT_MS,
      // tus-js-client declares the length with every last PATCH; a server that has it answers 400.
      (header) => header === 'Upload-Length' && this.serverLength !== undefined,
    );
  }

  /** The upload's URL once the server has created it. */
  get url(): string | undefined {
    return this.uploadUrl;
  }

  /** Starts (or resumes) sending. */
  start(): void {
    globalThis.addEventListener?.('online', this.onlineListener);
    this.options.onStateChange?.('uploading');
    this.send();
  }

  /** Stops all requests and timers; the upload can be resumed later from its URL. */
  abort(): void {
    this.generation++;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    globalThis.removeEventListener?.('online', this.onlineListener);
    const upload = this.upload;
    this.upload = undefined;
    void upload?.abort(false);
  }

  /** Stops and deletes the upload on the server (tus termination), where the server allows it. */
  async terminate(): Promise<void> {
    this.abort();
    this.finished = true;
    if (!this.uploadUrl) return;
    try {
      await (await loadTusClient()).Upload.terminate(this.uploadUrl, this.uploadOptions());
    } catch {
      // A server without the termination extension keeps the file; the host's expiry removes it.
    }
  }

  /** Starts again after a failure the policy gave up on (e.g. the candidate pressed "Try again"), with fresh headers, on the same upload. */
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
    this.send();
  }

  /** One attempt: resumes the known upload (HEAD, then PATCH) or, before there is one, creates it. */
  private send(): void {
    if (this.uploadUrl && !this.allowed(this.uploadUrl)) {
      this.fail({ action: 'fail', code: 'upload-rejected', message: this.foreignUrlMessage(this.uploadUrl) });
      return;
    }
    if (!loadedClient) {
      // The first attempt in this page waits for tus-js-client; one that cannot load it fails like a request.
      const generation = this.generation;
      loadTusClient().then(
        () => generation === this.generation && !this.finished && this.send(),
        (cause: unknown) => generation === this.generation && this.failed({ cause }),
      );
      return;
    }
    const upload: Upload = new loadedClient.Upload(this.options.source as unknown as Blob, {
      ...this.uploadOptions(),
      // Once the URL is known a failed HEAD must not silently start a new, empty upload, which
      // tus-js-client does when it has an endpoint: the retry policy decides instead.
      endpoint: this.uploadUrl ? null : this.options.endpoint,
      uploadUrl: this.uploadUrl ?? null,
      uploadLengthDeferred: true,
      chunkSize: this.options.chunkSize ?? DEFAULT_CHUNK_SIZE,
      metadata: this.options.metadata,
      // Every deferred-length stream upload gets the same fingerprint in tus-js-client v4, so
      // its URL storage would mix recordings up: upload URLs are kept in our journal instead.
      storeFingerprintForResuming: false,
      fileReader: { openFile: async () => this.options.source as never },
      onAfterResponse: (request, response) => this.check(request, response),
      onUploadUrlAvailable: () => {
        if (upload !== this.upload || !upload.url || upload.url === this.uploadUrl) return;
        this.uploadUrl = upload.url;
        this.options.onUrl?.(upload.url);
      },
      onChunkComplete: (_size, accepted) => {
        if (upload === this.upload) this.confirmed(accepted);
      },
      onSuccess: () => {
        if (upload === this.upload) this.succeed();
      },
      onError: (error) => {
        if (upload !== this.upload) return;
        const detailed = error as DetailedError;
        this.failed({
          status: detailed.originalResponse?.getStatus(),
          method: detailed.originalRequest?.getMethod(),
          url: detailed.originalRequest?.getURL(),
          declaredLength: detailed.originalRequest?.getHeader('Upload-Length') !== undefined,
          cause: detailed.causingError ?? error,
        });
      },
    });
    this.upload = upload;
    upload.start();
  }

  /** What every request of this upload shares, termination included. */
  private uploadOptions() {
    return {
      retryDelays: null,
      httpStack: this.httpStack,
      onBeforeRequest: (request: HttpRequest) => this.beforeRequest(request),
    };
  }

  private async beforeRequest(request: HttpRequest): Promise<void> {
    if (!this.options.authorize) return;
    const refresh = this.refreshAuthorization;
    this.refreshAuthorization = false;
    const headers = await this.options.authorize({ method: request.getMethod(), url: request.getURL(), refresh });
    for (const [name, value] of Object.entries(headers ?? {})) request.setHeader(name, value);
  }

  /**
   * Checks a successful answer before tus-js-client acts on it: a new upload's URL must be on an
   * allowed origin, a PATCH's offset must lie within the bytes it carried, and a HEAD may not
   * claim more bytes than were ever sent, nor a length other than what was recorded.
   */
  private check(request: HttpRequest, response: HttpResponse): void {
    const status = response.getStatus();
    if (status < 200 || status >= 300) return;
    const method = request.getMethod();
    const where = `${method} ${request.getURL()}`;
    if (method === 'POST') {
      const location = response.getHeader('Location');
      const url = location ? new URL(location, this.endpointUrl).href : undefined;
      if (url && !this.allowed(url)) throw new ProtocolViolationError(this.foreignUrlMessage(url));
      return;
    }
    const offset = Number.parseInt(response.getHeader('Upload-Offset') ?? '', 10);
    // A missing offset is tus-js-client's to report.
    if (Number.isNaN(offset)) return;
    if (method === 'PATCH') {
      const from = Number(request.getHeader('Upload-Offset'));
      const carried = request instanceof IdleTimeoutRequest ? request.bodySize : 0;
      if (offset < from || offset > from + carried) {
        throw new OffsetMismatchError(`${where} sent bytes ${from}–${from + carried} and the server answered offset ${offset}`);
      }
      return;
    }
    if (method !== 'HEAD') return;
    const { source } = this.options;
    const mayHold = Math.max(this.sentBefore, source.bytesRead);
    if (offset > mayHold) {
      throw new ProtocolViolationError(
        `The upload server claims ${offset} bytes of this upload, but only ${mayHold} were ever sent (${where}). Its offsets cannot be trusted, so the answer is kept on this device and not reported as uploaded.`,
      );
    }
    const length = Number.parseInt(response.getHeader('Upload-Length') ?? '', 10);
    if (Number.isNaN(length)) return;
    if (!source.isEnded || length !== source.bytesRecorded) {
      throw new ProtocolViolationError(
        `The upload server says this upload is ${length} bytes long, but ${source.isEnded ? source.bytesRecorded : 'more than that'} were recorded (${where}). The answer is kept on this device and not reported as uploaded.`,
      );
    }
    this.serverLength = length;
  }

  private allowed(url: string): boolean {
    return this.allowedOrigins.has(new URL(url).origin);
  }

  private foreignUrlMessage(url: string): string {
    return `The upload server sent an upload URL on another origin: ${url} (the endpoint is ${this.endpointUrl}). Nothing was sent there and the answer is kept on this device; if that origin is meant, list it in uploadOrigins.`;
  }

  private confirmed(offset: number): void {
    this.attempt = 0;
    this.reauthorized = false;
    this.lengthResynced = false;
    this.lastConfirmed = offset;
    this.options.source.release(offset);
    this.options.onConfirmed?.(offset);
    this.options.onStateChange?.('uploading');
  }

  private succeed(): void {
    this.finished = true;
    clearTimeout(this.retryTimer);
    globalThis.removeEventListener?.('online', this.onlineListener);
    const total = this.options.source.bytesRecorded;
    if (total !== this.lastConfirmed) this.confirmed(total);
    this.options.onStateChange?.('done');
    this.options.onSuccess?.(this.uploadUrl ?? '');
  }

  private failed(failure: { status?: number; method?: string; url?: string; declaredLength?: boolean; cause?: unknown }): void {
    if (this.finished) return;
    const { cause } = failure;
    if (cause instanceof ProtocolViolationError) {
      this.fail({ action: 'fail', code: 'upload-rejected', message: cause.message });
      return;
    }
    if (cause instanceof ReleasedBytesError || cause instanceof UnreadableBytesError) {
      this.fail({
        action: 'fail',
        code: 'upload-lost',
        message:
          cause instanceof ReleasedBytesError
            ? `The upload server lost the upload after confirming bytes that are no longer held (${cause.message}).`
            : `The answer could not be sent: ${cause.message}.`,
      });
      return;
    }
    this.attempt++;
    // A last PATCH cut off after its headers leaves the length declared; the browser may resend
    // it whole, which the server refuses with 400. One HEAD tells, and the length is not sent again.
    const lengthAlreadyDeclared = failure.status === 400 && !!failure.declaredLength && !this.lengthResynced;
    if (lengthAlreadyDeclared) this.lengthResynced = true;
    const decision = (this.options.decide ?? decideRetry)({
      status: failure.status,
      method: failure.method,
      url: failure.url,
      attempt: this.attempt,
      reauthorized: this.reauthorized,
      stalled: cause instanceof RequestTimeoutError,
      offsetMismatch: cause instanceof OffsetMismatchError || lengthAlreadyDeclared,
      bytesReleased: this.options.source.bytesReleased,
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
    if (decision.action === 'recreate') {
      // The server lost the upload, but every byte is still here: the host gets one complete file.
      this.uploadUrl = undefined;
      this.serverLength = undefined;
      this.options.onStateChange?.('retrying', { delayMs: 0, reason: 'recreate' });
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
      this.send();
    }, delayMs);
  }

  private fail(decision: Extract<RetryDecision, { action: 'fail' }>): void {
    this.finished = true;
    this.failedForGood = true;
    this.abort();
    this.options.onStateChange?.('failed');
    this.options.onError?.(new OnewayError(decision.code, decision.message, false));
  }
}

/**
 * tus-js-client's own HTTP stack, with every request aborted once it goes `idleTimeoutMs` without
 * sending a byte or being answered, and headers that `omit` names left out.
 */
class IdleTimeoutHttpStack implements HttpStack {
  constructor(
    private readonly idleTimeoutMs: number,
    private readonly omit: (header: string) => boolean,
  ) {}

  createRequest(method: string, url: string): HttpRequest {
    // Only tus-js-client creates requests, so it is loaded.
    return new IdleTimeoutRequest(loadedClient!.defaultOptions.httpStack.createRequest(method, url), this.idleTimeoutMs, this.omit);
  }

  getName(): string {
    return 'IdleTimeoutHttpStack';
  }
}

class IdleTimeoutRequest implements HttpRequest {
  /** Bytes in the body sent, so the answer's offset can be checked against them. */
  bodySize = 0;
  private progress: ((bytesSent: number) => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly request: HttpRequest,
    private readonly idleTimeoutMs: number,
    private readonly omit: (header: string) => boolean,
  ) {}

  getMethod(): string {
    return this.request.getMethod();
  }

  getURL(): string {
    return this.request.getURL();
  }

  setHeader(header: string, value: string): void {
    if (!this.omit(header)) this.request.setHeader(header, value);
  }

  getHeader(header: string): string | undefined {
    return this.request.getHeader(header);
  }

  setProgressHandler(handler: (bytesSent: number) => void): void {
    this.progress = handler;
  }

  send(body: Blob | null = null): Promise<HttpResponse> {
    this.bodySize = body?.size ?? 0;
    return new Promise((resolve, reject) => {
      // Progress only notes the time: re-arming a timer on each of a PATCH's many progress events
      // cost the main thread more than the check that runs when the timer is due.
      let lastActivity = performance.now();
      const due = () => {
        const idle = performance.now() - lastActivity;
        if (idle < this.idleTimeoutMs) {
          this.timer = setTimeout(due, this.idleTimeoutMs - idle);
          return;
        }
        void this.request.abort();
        reject(new RequestTimeoutError(`${this.getMethod()} ${this.getURL()} sent nothing and got no answer for ${this.idleTimeoutMs} ms`));
      };
      // Set before sending: browsers report upload progress only to listeners added before send().
      this.request.setProgressHandler((bytesSent) => {
        lastActivity = performance.now();
        this.progress?.(bytesSent);
      });
      this.timer = setTimeout(due, this.idleTimeoutMs);
      this.request.send(body).then(
        (response) => {
          clearTimeout(this.timer);
          resolve(response);
        },
        (error: unknown) => {
          clearTimeout(this.timer);
          reject(error instanceof Error ? error : new Error(`${this.getMethod()} ${this.getURL()} failed at the network layer`));
        },
      );
    });
  }

  abort(): Promise<void> {
    clearTimeout(this.timer);
    return this.request.abort();
  }

  getUnderlyingObject(): unknown {
    return this.request.getUnderlyingObject();
  }
}
