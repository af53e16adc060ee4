import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OnewayError } from '../core/errors.js';
import { timerDelayMs } from '../core/countdown-clock.js';
import { Journal, type JournalEntry } from '../core/journal.js';
import { Take, type RecordOptions, type TakeOptions, type UploadedAnswer, type UploadProgress } from '../core/take.js';
import { AnswerUploadedEvent } from '../events/answer-uploaded.js';
import { RecordingStartEvent } from '../events/recording-start.js';
import { RecordingStopEvent } from '../events/recording-stop.js';
import { UploadProgressEvent } from '../events/upload-progress.js';

export type TakeStatus = 'idle' | 'recording' | 'stopping' | 'uploading' | 'uploaded';

type Host = ReactiveControllerHost & HTMLElement;

export interface TakeControllerOptions {
  /** Upload options for the next take, read when it starts or is recovered. */
  takeOptions: () => Pick<TakeOptions, 'endpoint' | 'metadata' | 'authorize' | 'uploadOrigins'> &
    Pick<RecordOptions, 'videoBitsPerSecond' | 'audioBitsPerSecond' | 'reviewable' | 'localOnly'>;
  /** The recording slot, for finding interrupted takes after a reload. */
  scope: () => string;
  /** Recording stops by itself after this many seconds (none when 0 or undefined). */
  maxSeconds: () => number | undefined;
  onError: (error: OnewayError) => void;
  /** Where takes are journaled; the page's IndexedDB journal by default. */
  journal?: Journal;
  /** Where the takes' events are dispatched; the host by default. */
  events?: EventTarget;
  /** How long an unfinished take is kept on the device before it is removed instead of retried. */
  retentionMs?: () => number | undefined;
}

let sharedJournal: Journal | undefined;

/** Takes running in this page, by id, so recovery never resumes a take that is still alive. */
const liveTakes = new Set<string>();

/** Lets a take's callbacks know their take, which is only assigned once its creation returns. */
type TakeRef = { take?: Take };

/**
 * Binds takes to an element: starts and stops the current one, finishes interrupted ones found
 * in the journal, ticks the elapsed time, turns take callbacks into the element's DOM events,
 * keeps the screen awake while recording, warns before the page is left with bytes not yet on
 * the server, and aborts everything when the element leaves the page.
 */
export class TakeController implements ReactiveController {
  status: TakeStatus = 'idle';
  progress: UploadProgress | undefined;
  answer: UploadedAnswer | undefined;
  /** Set when an interrupted take was found and is being finished. */
  recovered = false;
  /** Set when a take's upload failed for good; recording can still be stopped. */
  uploadFailed = false;
  private take: Take | undefined;
  private readonly takes = new Set<Take>();
  private startedAt = 0;
  private stoppedAfterMs = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private limit: ReturnType<typeof setTimeout> | undefined;
  private wakeLock: Promise<WakeLockSentinel | undefined> | undefined;
  private readonly journal: Journal;
  private readonly events: EventTarget;
  private readonly warnBeforeUnload = (event: BeforeUnloadEvent) => {
    if (![...this.takes].some((take) => take.pending)) return;
    event.preventDefault();
    event.returnValue = '';
  };

  constructor(private readonly host: Host, private readonly options: TakeControllerOptions) {
    this.journal = options.journal ?? (sharedJournal ??= new Journal());
    this.events = options.events ?? host;
    host.addController(this);
  }

  /** Milliseconds recorded in the current take. */
  get elapsedMs(): number {
    return this.status === 'recording' ? performance.now() - this.startedAt : this.stoppedAfterMs;
  }

  hostConnected(): void {
    window.addEventListener('beforeunload', this.warnBeforeUnload);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeunload', this.warnBeforeUnload);
    this.clearTimers();
    this.releaseWakeLock();
    for (const take of this.takes) {
      take.abort();
      liveTakes.delete(take.id);
    }
    this.takes.clear();
    this.take = undefined;
    if (this.status === 'recording' || this.status === 'stopping') this.status = 'idle';
  }

  /** The current take's recording, when takes are made reviewable. */
  reviewBlob(): Blob | undefined {
    return this.take?.reviewBlob();
  }

  /**
   * Finishes takes that a reload, crash or removal interrupted: those of this slot, or of every
   * slot whose name starts with `scopePrefix`.
   */
  async recover(scopePrefix?: string): Promise<void> {
    const entries = await this.journal.unfinished(scopePrefix ?? this.options.scope(), scopePrefix !== undefined, {
      retentionMs: this.options.retentionMs?.(),
      onDropped: ({ entry, reason, detail }) =>
        this.options.onError(
          new OnewayError(
            'upload-lost',
            reason === 'expired'
              ? `An interrupted answer (${describeTake(entry)}) was removed from this device: ${detail}.`
              : `An interrupted answer (${describeTake(entry)}) could not be recovered and was removed: ${detail}; the ${entry.bytesRecorded - entry.bytesConfirmed} bytes not yet on the server are lost.`,
            true,
          ),
        ),
    });
    for (const entry of entries) {
      if (liveTakes.has(entry.takeId)) continue;
      liveTakes.add(entry.takeId);
      if (!this.host.isConnected) return;
      const ref: TakeRef = {};
      const take = (ref.take = Take.resume(entry, this.journal, {
        ...this.options.takeOptions(),
        ...this.callbacks(ref),
      }));
      this.recovered = true;
      this.track(take);
      this.status = 'uploading';
    }
    this.host.requestUpdate();
  }

  /**
   * Removes this slot's takes (or every slot's whose name starts with `scopePrefix`) from the
   * device, after stopping them; what is on the server stays.
   */
  async clearStoredData(scopePrefix?: string): Promise<void> {
    for (const take of this.takes) {
      take.abort();
      liveTakes.delete(take.id);
    }
    this.takes.clear();
    this.take = undefined;
    this.clearTimers();
    this.status = 'idle';
    this.progress = undefined;
    this.host.requestUpdate();
    await this.journal.clear(scopePrefix ?? this.options.scope(), scopePrefix !== undefined);
  }

  /** Starts a take of `stream` in `mimeType`. */
  start(stream: MediaStream, mimeType: string): void {
    this.answer = undefined;
    this.progress = undefined;
    this.recovered = false;
    this.uploadFailed = false;
    const ref: TakeRef = {};
    const take = (ref.take = Take.record(stream, {
      ...this.options.takeOptions(),
      ...this.callbacks(ref),
      mimeType,
      journal: this.journal,
      scope: this.options.scope(),
    }));
    this.track(take);
    this.status = 'recording';
    this.startedAt = performance.now();
    this.ticker = setInterval(() => this.host.requestUpdate(), 250);
    const maxSeconds = this.options.maxSeconds();
    if (maxSeconds) this.limit = setTimeout(() => void this.stop(), timerDelayMs(maxSeconds));
    this.wakeLock = navigator.wakeLock?.request('screen').catch(() => undefined);
    this.events.dispatchEvent(new RecordingStartEvent({ mimeType: take.mimeType }));
    this.host.requestUpdate();
  }

  /** Stops recording; the upload of the last bytes goes on. */
  async stop(): Promise<void> {
    const take = this.take;
    if (!take || this.status !== 'recording') return;
    this.status = 'stopping';
    this.stoppedAfterMs = performance.now() - this.startedAt;
    this.clearTimers();
    this.releaseWakeLock();
    this.host.requestUpdate();
    const stopped = await take.stop();
    if (take !== this.take) return;
    if (this.status === 'stopping') this.status = 'uploading';
    this.events.dispatchEvent(new RecordingStopEvent(stopped));
    this.host.requestUpdate();
  }

  /** Sends every take whose upload failed for good again: the current one and earlier ones still on their way. */
  retryUpload(): void {
    this.uploadFailed = false;
    for (const take of this.takes) if (take.failed) take.retryUpload();
    this.host.requestUpdate();
  }

  /**
   * The next take is for another slot (the next question): takes on their way go on uploading,
   * but nothing of them is shown as the current take's any more.
   */
  nextSlot(): void {
    if (this.status === 'recording' || this.status === 'stopping') return;
    this.take = undefined;
    this.status = 'idle';
    this.progress = undefined;
    this.answer = undefined;
    this.recovered = false;
    this.uploadFailed = [...this.takes].some((take) => take.failed);
    this.stoppedAfterMs = 0;
    this.host.requestUpdate();
  }

  /** Throws the current take away (a retake): deleted on the server and from the journal. */
  async discard(): Promise<void> {
    const take = this.take;
    if (!take) return;
    this.clearTimers();
    this.takes.delete(take);
    this.take = undefined;
    this.status = 'idle';
    this.progress = undefined;
    this.answer = undefined;
    this.uploadFailed = false;
    this.stoppedAfterMs = 0;
    this.host.requestUpdate();
    // Live until it is gone, so a recovery meanwhile (the retake's) does not resume it.
    await take.discard();
    liveTakes.delete(take.id);
  }

  private track(take: Take): void {
    liveTakes.add(take.id);
    this.takes.add(take);
    this.take = take;
  }

  /**
   * Take callbacks that update this controller and fire the element's events; only the current
   * take's progress is shown. `ref.take` is unset while the take is being created, when it is current.
   */
  private callbacks(ref: TakeRef): Pick<TakeOptions, 'onProgress' | 'onUploaded' | 'onError'> {
    const isCurrent = () => !ref.take || ref.take === this.take;
    return {
      onProgress: (progress) => {
        this.events.dispatchEvent(new UploadProgressEvent(progress));
        if (!isCurrent()) return;
        this.progress = progress;
        this.host.requestUpdate();
      },
      onUploaded: (answer) => {
        if (ref.take) {
          this.takes.delete(ref.take);
          liveTakes.delete(ref.take.id);
        }
        this.events.dispatchEvent(new AnswerUploadedEvent(answer));
        if (!isCurrent()) return;
        this.status = 'uploaded';
        this.answer = answer;
        this.host.requestUpdate();
      },
      onError: (error) => {
        // Any take's: "Try again" sends every failed one again (see retryUpload).
        if (!error.recoverable) this.uploadFailed = true;
        this.options.onError(error);
        this.host.requestUpdate();
      },
    };
  }

  private releaseWakeLock(): void {
    void this.wakeLock?.then((sentinel) => sentinel?.release());
    this.wakeLock = undefined;
  }

  private clearTimers(): void {
    clearInterval(this.ticker);
    clearTimeout(this.limit);
  }
}

/** A host's retention in days as milliseconds; a value that is not a positive number keeps the default. */
export function retentionMs(days: number): number | undefined {
  return Number.isFinite(days) && days > 0 ? days * 86_400_000 : undefined;
}

/** A take as the host would recognise it: its slot, question and attempt where known. */
function describeTake(entry: JournalEntry): string {
  const { questionId, attempt } = entry.metadata;
  return [`slot ${entry.scope}`, questionId && `question ${questionId}`, attempt && `attempt ${attempt}`].filter(Boolean).join(', ');
}
