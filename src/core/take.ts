import type { OnewayError } from './errors.js';
import type { Journal, JournalEntry, TakeJournal } from './journal.js';
import { bareType, fileExtension } from './mime-type.js';
import { AnswerRecorder, type MediaRecorderFactory } from './recorder.js';
import { RecordingSource } from './recording-source.js';
import { Sha256, type Sha256State } from './sha256.js';
import { StreamingUpload, type AuthorizeHook, type UploadState } from './streaming-upload.js';

/** What the host learns about an answer once the server holds all of it. */
export interface UploadedAnswer {
  /** The take this answer is: unique per take, the same after a reload. */
  takeId: string;
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
  /** The take whose upload this is: unique per take, the same after a reload. Optional only for hosts feeding progress themselves. */
  takeId?: string;
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

/** A take's progress as the take reports it: always with its id. */
export type TakeProgress = UploadProgress & { takeId: string };

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
  slot?: string;
  onProgress?(progress: TakeProgress): void;
  onUploaded?(answer: UploadedAnswer): void;
  /** `takeId`: the take the problem is about. */
  onError?(error: OnewayError, takeId: string): void;
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

export interface TextTakeOptions extends TakeOptions {
  /** How long the candidate took, reported with the answer. */
  durationMs: number;
  /** The file's name and type on the server: a text answer's (`answer.txt`, text/plain) unless set. */
  filename?: string;
  mimeType?: string;
}

/** What a take is made of before it starts: a recording to make, a journaled one to finish, or a text. */
type TakeSource =
  | { kind: 'recording'; options: RecordOptions }
  | { kind: 'journaled'; entry: JournalEntry; journal: TakeJournal }
  | { kind: 'text'; bytes: Uint8Array };

/**
 * One answer from start to "safe on the server": records, hashes, journals and streams each
 * slice as it arrives, so when recording stops only the last slice is left to send. A take
 * found in the journal after a reload is finished the same way, from the bytes it kept; a text
 * answer is a take whose whole recording is its text. The take owns its upload state: every
 * report it makes carries its id and that state.
 *
 * Created first (`create`, `fromJournal`, `fromText`), then started, so whoever keeps the take
 * holds it before its first report.
 */
export class Take {
  private readonly upload: StreamingUpload | undefined;
  private readonly metadata: Record<string, string>;
  private readonly source: RecordingSource;
  /** The SHA-256 state of every byte recorded so far. */
  private hash: Sha256State;
  private journal: TakeJournal | undefined;
  private recorder: AnswerRecorder | undefined;
  private started = false;
  private startedAt = 0;
  private bytesUploaded = 0;
  private uploadState: UploadState = 'uploading';
  private recordedMimeType: string;
  private durationMs: number;
  private readonly interrupted: boolean;
  /** The slices as Blobs, for playback: browsers keep Blob data out of the JS heap. */
  private readonly review: Blob[] | undefined;

  /** A take of a new recording; `start(stream)` records and uploads it. */
  static create(options: RecordOptions): Take {
    return new Take(crypto.randomUUID(), options, { kind: 'recording', options });
  }

  /**
   * A take that a reload, crash or removal cut short; `start()` sends what the journal kept and
   * then the final length. A take cut off while recording is reported as `interrupted`.
   */
  static fromJournal(entry: JournalEntry, journal: Journal, options: TakeOptions): Take {
    const takeJournal = journal.continue(entry, (error) => options.onError?.(error, entry.takeId));
    return new Take(entry.takeId, { ...options, endpoint: entry.endpoint, metadata: entry.metadata }, { kind: 'journaled', entry, journal: takeJournal });
  }

  /** A text answer as a take: `start()` uploads it as a small file (not journaled: the interview keeps the text until it is delivered). */
  static fromText(text: string, options: TextTakeOptions): Take {
    return new Take(crypto.randomUUID(), options, { kind: 'text', bytes: new TextEncoder().encode(text) });
  }

  /** Creates a take and starts recording `stream` at once. */
  static record(stream: MediaStream, options: RecordOptions): Take {
    const take = Take.create(options);
    take.start(stream);
    return take;
  }

  /** Creates a take from the journal and starts finishing it at once. */
  static finishInterrupted(entry: JournalEntry, journal: Journal, options: TakeOptions): Take {
    const take = Take.fromJournal(entry, journal, options);
    take.start();
    return take;
  }

  private constructor(
    /** Unique per take; the journal's key. */
    readonly id: string,
    private readonly options: TakeOptions & { now?: () => number },
    private readonly from: TakeSource,
  ) {
    let uploadUrl: string | undefined;
    let upload = true;
    let metadata: Record<string, string>;
    switch (from.kind) {
      case 'recording': {
        this.hash = new Sha256().save();
        this.recordedMimeType = from.options.mimeType;
        this.durationMs = 0;
        this.interrupted = false;
        upload = !from.options.localOnly;
        // The journal is begun when the take starts; the source reads stored slices back through it.
        const store = upload && options.journal ? { read: (start: number, end: number) => this.journal!.read(start, end) } : undefined;
        this.source = new RecordingSource(0, { store, memoryWindowBytes: options.memoryWindowBytes });
        this.review = from.options.reviewable ? [] : undefined;
        metadata = uploadMetadata(this.recordedMimeType, options.metadata);
        break;
      }
      case 'journaled': {
        const { entry, journal } = from;
        this.journal = journal;
        this.hash = entry.hash;
        this.recordedMimeType = entry.mimeType;
        this.interrupted = entry.state === 'recording';
        this.durationMs = entry.durationMs ?? entry.lastSliceAt - entry.startedAt;
        uploadUrl = entry.uploadUrl;
        // The journal's slices are read back as they are sent, not all at once into memory.
        this.source = new RecordingSource(entry.slices[0]?.start ?? entry.bytesRecorded, { store: journal, memoryWindowBytes: options.memoryWindowBytes });
        for (const slice of entry.slices) this.source.appendStored(slice.length);
        this.source.end();
        metadata = uploadMetadata(this.recordedMimeType, options.metadata);
        break;
      }
      case 'text': {
        const text = options as TextTakeOptions;
        const filetype = text.mimeType ?? 'text/plain';
        this.hash = new Sha256().update(from.bytes).save();
        this.recordedMimeType = `${filetype};charset=utf-8`;
        this.durationMs = text.durationMs;
        this.interrupted = false;
        this.source = new RecordingSource();
        this.source.append(from.bytes);
        this.source.end();
        metadata = { filename: text.filename ?? 'answer.txt', filetype, codecs: this.recordedMimeType, ...options.metadata };
        break;
      }
    }
    this.metadata = metadata;
    if (!upload) return;
    this.upload = new StreamingUpload({
      endpoint: options.endpoint,
      uploadUrl,
      source: this.source,
      authorize: options.authorize,
      uploadOrigins: options.uploadOrigins,
      requestTimeoutMs: options.requestTimeoutMs,
      metadata: this.metadata,
      onUrl: (url) => {
        void this.journal?.setUploadUrl(url);
        this.reportProgress();
      },
      onConfirmed: (offset) => {
        this.bytesUploaded = offset;
        void this.journal?.confirm(offset);
        this.reportProgress();
      },
      onStateChange: (state) => {
        this.uploadState = state;
        this.reportProgress();
      },
      onSuccess: (url) => this.delivered(url),
      onError: (error) => options.onError?.(error, this.id),
    });
  }

  /**
   * Starts the take: records `stream` (a new recording, which needs one), or sends what the
   * journal kept, or the text. Starting twice does nothing.
   */
  start(stream?: MediaStream): void {
    if (this.started) return;
    this.started = true;
    const from = this.from;
    if (from.kind === 'recording') {
      if (!stream) throw new TypeError('A new recording needs a stream to record.');
      this.startRecording(stream, from.options);
      return;
    }
    if (from.kind === 'journaled' && this.interrupted) void this.journal?.stop(this.durationMs);
    this.upload?.start();
  }

  /** Resolves once the recording has shown it streams while recording (a second slice before stop); never for a take not recorded here. */
  get streaming(): Promise<void> {
    return this.recorder?.streaming ?? new Promise(() => undefined);
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

  /** Where the upload is: uploading, waiting for the connection, retrying, done or failed. */
  get state(): UploadState {
    return this.uploadState;
  }

  /** The take's upload as it is now; undefined for a practice take, which is never uploaded. */
  get progress(): TakeProgress | undefined {
    if (!this.upload) return undefined;
    return {
      takeId: this.id,
      uploadUrl: this.upload.url,
      bytesUploaded: this.bytesUploaded,
      bytesRecorded: this.source.bytesRecorded,
      recordingEnded: this.source.isEnded,
      state: this.uploadState,
      metadata: this.metadata,
    };
  }

  /** The recording for playback, when the take was made `reviewable`. */
  reviewBlob(): Blob | undefined {
    return this.review && new Blob(this.review, { type: bareType(this.mimeType) });
  }

  /** Whether bytes are recorded that the server does not hold yet. */
  get pending(): boolean {
    return !!this.upload && this.uploadState !== 'done' && this.uploadState !== 'failed';
  }

  /** Whether the upload failed for good and waits for `retryUpload()`. */
  get failed(): boolean {
    return this.uploadState === 'failed';
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
    if (this.upload && options.journal) {
      this.journal = options.journal.begin(
        { takeId: this.id, slot: options.slot ?? '', endpoint: options.endpoint, mimeType: options.mimeType, metadata: this.metadata, hash: this.hash },
        (error) => options.onError?.(error, this.id),
      );
    }
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
      onError: (error) => options.onError?.(error, this.id),
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
      takeId: this.id,
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
    const progress = this.progress;
    if (progress) this.options.onProgress?.(progress);
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
