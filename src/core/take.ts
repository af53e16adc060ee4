import type { OnewayError } from './errors.js';
import type { Journal, JournalEntry, TakeJournal } from './journal.js';
import { bareType, fileExtension } from './mime-type.js';
import { AnswerRecorder, type MediaRecorderFactory } from './recorder.js';
import { RecordingSource } from './recording-source.js';
import { Sha256, type Sha256State } from './sha256.js';
import { StreamingUpload, type AuthorizeHook, type UploadState } from './tus-stream.js';

/** What the host learns about an answer once the server holds all of it. */
export interface UploadedAnswer {
  uploadUrl: string;
  bytes: number;
  durationMs: number;
  mimeType: string;
  /** SHA-256 of the whole file, hex, computed as the slices passed. */
  sha256: string;
  /** True when the recording was cut short by a reload, crash or removal and delivered afterwards. */
  interrupted: boolean;
  /** The tus metadata the answer was uploaded with (filename, filetype, codecs and the host's own). */
  metadata: Record<string, string>;
}

export interface UploadProgress {
  /** The upload's URL, once the server has created it. */
  uploadUrl?: string;
  bytesUploaded: number;
  bytesRecorded: number;
  /** Whether the recording has stopped, so `bytesRecorded` is the final size. */
  recordingEnded: boolean;
  state: UploadState;
  /** The tus metadata of the answer being uploaded (always set by the recorder; optional for hosts feeding progress themselves). */
  metadata?: Record<string, string>;
}

export interface TakeOptions {
  endpoint: string;
  metadata?: Record<string, string>;
  authorize?: AuthorizeHook;
  /** Origins besides the endpoint's that the server may place uploads on. */
  uploadOrigins?: readonly string[];
  /** A request that goes this long without progress or answer is aborted and retried (tests shorten it). */
  requestTimeoutMs?: number;
  /** Unconfirmed bytes kept in memory besides the journal (tests shorten it). */
  memoryWindowBytes?: number;
  /** Where slices are kept until the server confirms them; without one they live in memory only. */
  journal?: Journal;
  /** The recording slot this take belongs to, for recovery after a reload. */
  scope?: string;
  onProgress?(progress: UploadProgress): void;
  onUploaded?(answer: UploadedAnswer): void;
  onError?(error: OnewayError): void;
}

export interface RecordOptions extends TakeOptions {
  mimeType: string;
  /** Keep the recording on this device so it can be played back before it is submitted. */
  reviewable?: boolean;
  /** A practice take: recorded for playback only, never journaled or uploaded. */
  localOnly?: boolean;
  videoBitsPerSecond?: number;
  /** Audio bitrate for MediaRecorder (speech needs far less than its ~128 kbit/s default). */
  audioBitsPerSecond?: number;
  createRecorder?: MediaRecorderFactory;
  /** Milliseconds, monotonic; injected for tests. */
  now?: () => number;
}

/**
 * One answer from start to "safe on the server": records, hashes, journals and streams each
 * slice as it arrives, so when recording stops only the last slice is left to send. A take
 * found in the journal after a reload is resumed the same way, from the bytes it kept.
 */
export class Take {
  private readonly upload: StreamingUpload | undefined;
  private readonly metadata: Record<string, string>;
  private recorder: AnswerRecorder | undefined;
  private startedAt = 0;
  private bytesUploaded = 0;
  private state: UploadState = 'uploading';
  /** The slices as Blobs, for playback: browsers keep Blob data out of the JS heap. */
  private readonly review: Blob[] | undefined;

  /** Starts recording `stream` and uploading what it records. */
  static record(stream: MediaStream, options: RecordOptions): Take {
    const hash = new Sha256().save();
    const takeId = crypto.randomUUID();
    const journal = options.localOnly ? undefined : options.journal?.begin(
      {
        takeId,
        scope: options.scope ?? '',
        endpoint: options.endpoint,
        mimeType: options.mimeType,
        metadata: uploadMetadata(options.mimeType, options.metadata),
        hash,
      },
      (error) => options.onError?.(error),
    );
    const source = new RecordingSource(0, { store: journal, memoryWindowBytes: options.memoryWindowBytes });
    const take = new Take(takeId, source, hash, options.mimeType, 0, false, journal, options, {
      reviewable: options.reviewable,
      upload: !options.localOnly,
    });
    take.startRecording(stream, options);
    return take;
  }

  /**
   * Finishes a take that a reload, crash or removal cut short: sends what the journal kept and
   * then the final length. A take cut off while recording is reported as `interrupted`.
   */
  static resume(entry: JournalEntry, journal: Journal, options: TakeOptions): Take {
    const takeJournal = journal.continue(entry, (error) => options.onError?.(error));
    // The journal's slices are read back as they are sent, not all at once into memory.
    const source = new RecordingSource(entry.slices[0]?.start ?? entry.bytesRecorded, {
      store: takeJournal,
      memoryWindowBytes: options.memoryWindowBytes,
    });
    for (const slice of entry.slices) source.appendStored(slice.length);
    source.end();
    const interrupted = entry.state === 'recording';
    const durationMs = entry.durationMs ?? entry.lastSliceAt - entry.startedAt;
    const take = new Take(
      entry.takeId,
      source,
      entry.hash,
      entry.mimeType,
      durationMs,
      interrupted,
      takeJournal,
      { ...options, endpoint: entry.endpoint, metadata: entry.metadata },
      { uploadUrl: entry.uploadUrl },
    );
    if (interrupted) void take.journal?.stop(durationMs);
    take.upload?.start();
    return take;
  }

  private constructor(
    /** Unique per take; the journal's key. */
    readonly id: string,
    private readonly source: RecordingSource,
    /** The SHA-256 state of every byte recorded so far. */
    private hash: Sha256State,
    private recordedMimeType: string,
    private durationMs: number,
    private readonly interrupted: boolean,
    private readonly journal: TakeJournal | undefined,
    private readonly options: TakeOptions & { now?: () => number },
    { uploadUrl, reviewable = false, upload = true }: { uploadUrl?: string; reviewable?: boolean; upload?: boolean },
  ) {
    this.review = reviewable ? [] : undefined;
    this.metadata = uploadMetadata(recordedMimeType, options.metadata);
    if (!upload) return;
    this.upload = new StreamingUpload({
      endpoint: options.endpoint,
      uploadUrl,
      source,
      authorize: options.authorize,
      uploadOrigins: options.uploadOrigins,
      requestTimeoutMs: options.requestTimeoutMs,
      metadata: this.metadata,
      onUrl: (url) => {
        void journal?.setUploadUrl(url);
        this.reportProgress();
      },
      onConfirmed: (offset) => {
        this.bytesUploaded = offset;
        void journal?.confirm(offset);
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
    return this.recorder?.mimeType ?? this.recordedMimeType;
  }

  get bytesRecorded(): number {
    return this.source.bytesRecorded;
  }

  /** Unconfirmed bytes held in memory; past a small window the journal alone holds them. */
  get bytesInMemory(): number {
    return this.source.bytesInMemory;
  }

  /** The recording for playback, when the take was made `reviewable`. */
  reviewBlob(): Blob | undefined {
    return this.review && new Blob(this.review, { type: bareType(this.mimeType) });
  }

  /** Whether bytes are recorded that the server does not hold yet. */
  get pending(): boolean {
    return !!this.upload && this.state !== 'done' && this.state !== 'failed';
  }

  /** Stops recording; resolves with the size and duration once the last slice is handed to the upload. */
  async stop(): Promise<{ bytes: number; durationMs: number; mimeType: string }> {
    if (this.recorder && !this.source.isEnded) {
      this.durationMs = Math.round(this.now() - this.startedAt);
      await this.recorder.stop();
      this.recordedMimeType = this.recorder.mimeType;
      this.source.end();
      void this.journal?.stop(this.durationMs);
      this.reportProgress();
    }
    return { bytes: this.source.bytesRecorded, durationMs: this.durationMs, mimeType: this.mimeType };
  }

  /** Whether the upload failed for good and waits for `retryUpload()`. */
  get failed(): boolean {
    return this.state === 'failed';
  }

  /** Sends again after the upload failed for good (e.g. a refused token that the host has since renewed). */
  retryUpload(): void {
    this.upload?.restart();
  }

  /**
   * Stops everything without deleting anything (element removed, page leaving). The journal
   * keeps the take, so the next page finishes its upload.
   */
  abort(): void {
    // The last slice comes after stop(): recovery waits for it to be journaled.
    if (this.recorder?.state === 'recording') void this.journal?.until(this.recorder.stop());
    this.upload?.abort();
  }

  /** Throws the take away: stops it, deletes its upload on the server and its journal entry. */
  async discard(): Promise<void> {
    // Finished first, so no recovery finds the take while it is being deleted on the server.
    const finished = this.journal?.finish();
    if (this.recorder?.state === 'recording') await this.recorder.stop();
    await this.upload?.terminate();
    await finished;
  }

  private startRecording(stream: MediaStream, options: RecordOptions): void {
    this.recorder = new AnswerRecorder(stream, {
      mimeType: options.mimeType,
      videoBitsPerSecond: options.videoBitsPerSecond,
      audioBitsPerSecond: options.audioBitsPerSecond,
      createRecorder: options.createRecorder,
      hash: this.hash,
      onSlice: (bytes, hash, blob) => {
        this.hash = hash;
        this.review?.push(blob);
        const stored = this.journal?.append(bytes, hash);
        if (!this.source.isEnded) {
          this.source.append(blob);
          const end = this.source.bytesRecorded;
          void stored?.then((ok) => (ok ? this.source.stored(end) : this.source.storeFailed()));
        }
        // Nothing will confirm a practice take's bytes: count them, hold none.
        if (!this.upload) this.source.release(this.source.bytesRecorded);
        this.reportProgress();
      },
      onError: (error) => options.onError?.(error),
    });
    this.recorder.start();
    this.startedAt = this.now();
    this.upload?.start();
  }

  private now(): number {
    return (this.options.now ?? (() => performance.now()))();
  }

  private delivered(url: string): void {
    void this.journal?.finish();
    this.options.onUploaded?.({
      uploadUrl: url,
      bytes: this.source.bytesRecorded,
      durationMs: this.durationMs,
      mimeType: this.mimeType,
      sha256: Sha256.from(this.hash).hex(),
      interrupted: this.interrupted,
      metadata: this.metadata,
    });
  }

  private reportProgress(): void {
    if (!this.upload) return;
    this.options.onProgress?.({
      uploadUrl: this.upload?.url,
      bytesUploaded: this.bytesUploaded,
      bytesRecorded: this.source.bytesRecorded,
      recordingEnded: this.source.isEnded,
      state: this.state,
      metadata: this.metadata,
    });
  }
}

/** The tus metadata of an answer: file name and type for the server, plus the host's own. */
function uploadMetadata(mimeType: string, metadata: Record<string, string> = {}): Record<string, string> {
  return {
    filename: `answer.${fileExtension(mimeType)}`,
    filetype: bareType(mimeType),
    codecs: mimeType,
    ...metadata,
  };
}
