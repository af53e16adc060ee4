import type { OnewayError } from './errors.js';
import { bareType, fileExtension } from './mime-type.js';
import { AnswerRecorder, type MediaRecorderFactory } from './recorder.js';
import { RecordingSource } from './recording-source.js';
import { Sha256 } from './sha256.js';
import { StreamingUpload, type AuthorizeHook, type UploadState } from './tus-stream.js';

/** What the host learns about an answer once the server holds all of it. */
export interface UploadedAnswer {
  uploadUrl: string;
  bytes: number;
  durationMs: number;
  mimeType: string;
  /** SHA-256 of the whole file, hex, computed as the slices passed. */
  sha256: string;
  /** True when the recording was cut short by a reload or crash and delivered afterwards. */
  interrupted: boolean;
}

export interface UploadProgress {
  bytesUploaded: number;
  bytesRecorded: number;
  /** Whether the recording has stopped, so `bytesRecorded` is the final size. */
  recordingEnded: boolean;
  state: UploadState;
}

export interface TakeOptions {
  endpoint: string;
  mimeType: string;
  metadata?: Record<string, string>;
  authorize?: AuthorizeHook;
  videoBitsPerSecond?: number;
  createRecorder?: MediaRecorderFactory;
  /** Milliseconds, monotonic; injected for tests. */
  now?: () => number;
  onProgress?(progress: UploadProgress): void;
  onUploaded?(answer: UploadedAnswer): void;
  onError?(error: OnewayError): void;
}

/**
 * One recorded answer from start to "safe on the server": records, hashes and streams each
 * slice to tus as it arrives, so when recording stops only the last slice is left to send.
 */
export class Take {
  private readonly source = new RecordingSource();
  private readonly hash = new Sha256();
  private readonly upload: StreamingUpload;
  private recorder: AnswerRecorder | undefined;
  private startedAt = 0;
  private durationMs = 0;
  private bytesUploaded = 0;
  private state: UploadState = 'uploading';
  private readonly now: () => number;

  constructor(private readonly stream: MediaStream, private readonly options: TakeOptions) {
    this.now = options.now ?? (() => performance.now());
    this.upload = new StreamingUpload({
      endpoint: options.endpoint,
      source: this.source,
      authorize: options.authorize,
      metadata: {
        filename: `answer.${fileExtension(options.mimeType)}`,
        filetype: bareType(options.mimeType),
        codecs: options.mimeType,
        ...options.metadata,
      },
      onConfirmed: (offset) => {
        this.bytesUploaded = offset;
        this.reportProgress();
      },
      onStateChange: (state) => {
        this.state = state;
        this.reportProgress();
      },
      onSuccess: (url) => this.delivered(url),
      onError: (error) => options.onError?.(error),
    });
  }

  /** The MIME type being recorded. */
  get mimeType(): string {
    return this.recorder?.mimeType ?? this.options.mimeType;
  }

  get bytesRecorded(): number {
    return this.source.bytesRecorded;
  }

  /** Starts recording and the upload that follows it. */
  start(): void {
    this.recorder = new AnswerRecorder(this.stream, {
      mimeType: this.options.mimeType,
      videoBitsPerSecond: this.options.videoBitsPerSecond,
      createRecorder: this.options.createRecorder,
      onSlice: (bytes) => {
        this.hash.update(bytes);
        this.source.append(bytes);
        this.reportProgress();
      },
      onError: (error) => this.options.onError?.(error),
    });
    this.recorder.start();
    this.startedAt = this.now();
    this.upload.start();
  }

  /** Stops recording; resolves with the size and duration once the last slice is handed to the upload. */
  async stop(): Promise<{ bytes: number; durationMs: number; mimeType: string }> {
    this.durationMs = Math.round(this.now() - this.startedAt);
    await this.recorder?.stop();
    this.source.end();
    this.reportProgress();
    return { bytes: this.source.bytesRecorded, durationMs: this.durationMs, mimeType: this.mimeType };
  }

  /** Stops everything without deleting anything on the server (element removed, page leaving). */
  abort(): void {
    if (this.recorder?.state === 'recording') void this.recorder.stop();
    this.upload.abort();
  }

  /** Throws the take away: stops it and deletes its upload on the server. */
  async discard(): Promise<void> {
    if (this.recorder?.state === 'recording') await this.recorder.stop();
    await this.upload.terminate();
  }

  private delivered(url: string): void {
    this.options.onUploaded?.({
      uploadUrl: url,
      bytes: this.source.bytesRecorded,
      durationMs: this.durationMs,
      mimeType: this.mimeType,
      sha256: this.hash.hex(),
      interrupted: false,
    });
  }

  private reportProgress(): void {
    this.options.onProgress?.({
      bytesUploaded: this.bytesUploaded,
      bytesRecorded: this.source.bytesRecorded,
      recordingEnded: this.source.isEnded,
      state: this.state,
    });
  }
}
