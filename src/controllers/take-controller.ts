import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OnewayError } from '../core/errors.js';
import { timerDelayMs } from '../core/countdown-clock.js';
import { Journal, type JournalEntry } from '../core/journal.js';
import { STREAMING_EVIDENCE_MS, type MediaRecorderFactory } from '../core/recorder.js';
import { Take, type RecordOptions, type TakeOptions, type TakeProgress, type TextTakeOptions, type UploadedAnswer } from '../core/take.js';
import type { TimerHandle, Timers } from '../core/timers.js';
import { AnswerUploadedEvent } from '../events/answer-uploaded.js';
import { RecordingStartEvent } from '../events/recording-start.js';
import { RecordingStopEvent } from '../events/recording-stop.js';
import { UploadProgressEvent } from '../events/upload-progress.js';
import { LeavePageGuardController } from './leave-page-guard-controller.js';
import { WakeLockController, type WakeLockProvider } from './wake-lock-controller.js';

export type TakeStatus = 'idle' | 'recording' | 'stopping' | 'uploading' | 'uploaded';

type Host = ReactiveControllerHost & HTMLElement;

export interface TakeControllerOptions {
  /** Upload options for the next take, read when it is created or recovered. */
  takeOptions: () => Pick<TakeOptions, 'endpoint' | 'metadata' | 'authorize' | 'uploadOrigins'> &
    Pick<RecordOptions, 'videoBitsPerSecond' | 'audioBitsPerSecond' | 'reviewable' | 'localOnly'>;
  /** The recording slot, for finding interrupted takes after a reload. */
  slot: () => string;
  /** Recording stops by itself after this many seconds (none when 0 or undefined). */
  maxSeconds: () => number | undefined;
  /** `takeId`: the take the problem is about, when it is one take's. */
  onError: (error: OnewayError, takeId?: string) => void;
  /** Where takes are journaled; the page's IndexedDB journal by default. */
  journal?: Journal;
  /** Where the takes' events are dispatched; the host by default. */
  events?: EventTarget;
  /** How long an unfinished take is kept on the device before it is removed instead of retried. */
  retentionMs?: () => number | undefined;
  /** Milliseconds, monotonic (the elapsed time); injected for tests. */
  now?: () => number;
  /** The timers of the elapsed time and the time limit; the page's unless a test injects others. */
  timers?: Timers;
  /** Makes each take's MediaRecorder; injected for tests. */
  createRecorder?: MediaRecorderFactory;
  /** The screen wake lock; `navigator.wakeLock` by default. */
  wakeLock?: WakeLockProvider;
  /** Where `beforeunload` fires; the window by default. */
  unloadTarget?: EventTarget;
}

let sharedJournal: Journal | undefined;

/** Takes running in this page, by id, so recovery never resumes a take that is still alive. */
const liveTakes = new Set<string>();

/**
 * Binds takes to an element. One take is on screen (`current`: recorded, stopped, reviewed);
 * takes of earlier slots, recovered ones and text answers finish in the background. Starts and
 * stops the current one, finishes interrupted ones found in the journal, ticks the elapsed time,
 * turns take reports into the element's DOM events, and aborts everything when the element
 * leaves the page. The screen stays awake while recording, and leaving the page is questioned
 * while bytes are not on the server (controllers of their own).
 */
export class TakeController implements ReactiveController {
  status: TakeStatus = 'idle';
  /** The current take's answer, once it is on the server. */
  answer: UploadedAnswer | undefined;
  /** Set when an interrupted take was found and is being finished. */
  recovered = false;
  /** Set when the take on screen was recorded again from the start in another type (see `start`). */
  restarted = false;
  /** The take on screen. */
  private current: Take | undefined;
  /** Takes finishing their upload off screen. */
  private readonly background = new Map<string, Take>();
  private startedAt = 0;
  private stoppedAfterMs = 0;
  private ticker: TimerHandle | undefined;
  /** The upload state of the current take when the host was last asked to render for it. */
  private shownState: TakeProgress['state'] | undefined;
  private limit: TimerHandle | undefined;
  /** The end of the wait for a take's own evidence that it streams (see `keepIfStreaming`). */
  private evidence: TimerHandle | undefined;
  private readonly journal: Journal;
  private readonly events: EventTarget;
  private readonly wakeLock: WakeLockController;
  private readonly now: () => number;
  private readonly timers: Timers;

  constructor(private readonly host: Host, private readonly options: TakeControllerOptions) {
    this.journal = options.journal ?? (sharedJournal ??= new Journal());
    this.events = options.events ?? host;
    this.now = options.now ?? (() => performance.now());
    this.timers = options.timers ?? globalThis;
    this.wakeLock = new WakeLockController(host, options.wakeLock);
    new LeavePageGuardController(host, () => this.takes.some((take) => take.pending), options.unloadTarget);
    host.addController(this);
  }

  /** Milliseconds recorded in the current take. */
  get elapsedMs(): number {
    return this.status === 'recording' ? this.now() - this.startedAt : this.stoppedAfterMs;
  }

  /** The current take's upload, once it reported one. */
  get progress(): TakeProgress | undefined {
    return this.current?.progress;
  }

  /** Whether a take's upload failed for good (the current one or one in the background) and waits for `retryUpload()`. */
  get uploadFailed(): boolean {
    return this.takes.some((take) => take.failed);
  }

  /** Every take alive: the current one and those in the background. */
  private get takes(): Take[] {
    return this.current ? [this.current, ...this.background.values()] : [...this.background.values()];
  }

  hostDisconnected(): void {
    this.clearTimers();
    this.abortAll();
    if (this.status === 'recording' || this.status === 'stopping') this.status = 'idle';
  }

  /** The current take's recording, when takes are made reviewable. */
  reviewBlob(): Blob | undefined {
    return this.current?.reviewBlob();
  }

  /**
   * Finishes takes that a reload, crash or removal interrupted: those of this slot, or of every
   * slot whose name starts with `slotPrefix`. The first becomes the take on screen when there is none.
   */
  async finishInterrupted(slotPrefix?: string): Promise<void> {
    const entries = await this.journal.unfinished(slotPrefix ?? this.options.slot(), slotPrefix !== undefined, {
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
          entry.takeId,
        ),
    });
    for (const entry of entries) {
      if (liveTakes.has(entry.takeId)) continue;
      if (!this.host.isConnected) return;
      const take = Take.fromJournal(entry, this.journal, { ...this.options.takeOptions(), ...this.reports });
      this.recovered = true;
      if (this.status === 'idle') {
        this.current = take;
        this.status = 'uploading';
      } else this.background.set(take.id, take);
      liveTakes.add(take.id);
      take.start();
    }
    this.host.requestUpdate();
  }

  /**
   * Uploads a text (a text answer, a consent receipt) as a take in the background: aborted,
   * retried and reported like any other. Returns its take id.
   */
  sendText(text: string, options: Pick<TextTakeOptions, 'metadata' | 'durationMs' | 'filename' | 'mimeType'>): string {
    const take = Take.fromText(text, { ...this.options.takeOptions(), ...options, ...this.reports });
    this.background.set(take.id, take);
    liveTakes.add(take.id);
    take.start();
    return take.id;
  }

  /**
   * Removes this slot's takes (or every slot's whose name starts with `slotPrefix`) from the
   * device, after stopping them; what is on the server stays.
   */
  async clearStoredData(slotPrefix?: string): Promise<void> {
    this.abortAll();
    this.clearTimers();
    this.status = 'idle';
    this.host.requestUpdate();
    await this.journal.clear(slotPrefix ?? this.options.slot(), slotPrefix !== undefined);
  }

  /**
   * Creates a take of `stream` in `mimeType` and starts it; it is the take on screen. `settled`
   * is the type the streaming probes settle on, when they had not yet: a take in another type
   * that has not streamed by then is thrown away and recorded again, from the start, in that one.
   * Resolves with the type the next takes of this stream should record in.
   */
  start(stream: MediaStream, mimeType: string, settled: Promise<string> = Promise.resolve(mimeType)): Promise<string> {
    if (this.current) this.toBackground();
    this.answer = undefined;
    this.recovered = false;
    this.restarted = false;
    const take = this.record(stream, mimeType);
    this.events.dispatchEvent(new RecordingStartEvent({ mimeType: take.mimeType, takeId: take.id }));
    this.host.requestUpdate();
    return this.keepIfStreaming(take, stream, mimeType, settled);
  }

  /** Records a new take of `stream` as the take on screen, with its clock and time limit. */
  private record(stream: MediaStream, mimeType: string): Take {
    const take = Take.create({
      ...this.options.takeOptions(),
      ...this.reports,
      mimeType,
      journal: this.journal,
      slot: this.options.slot(),
      now: this.now,
      createRecorder: this.options.createRecorder,
    });
    // Kept before it starts, so its first report finds it on screen.
    this.current = take;
    this.shownState = undefined;
    liveTakes.add(take.id);
    this.status = 'recording';
    this.startedAt = this.now();
    take.start(stream);
    this.tickAtNextSecond();
    const maxSeconds = this.options.maxSeconds();
    if (maxSeconds) this.limit = this.timers.setTimeout(() => void this.stop(), timerDelayMs(maxSeconds));
    this.wakeLock.acquire();
    return take;
  }

  /**
   * A take begun before the probes ended, in a type they did not choose: its own slices decide.
   * A probe on a busy device may see nothing in time, but a take that streams keeps streaming; one
   * that has not within `STREAMING_EVIDENCE_MS` writes only at `stop()`, so a crash would lose all
   * of it: it is recorded again in the settled type, and the candidate is told to begin again.
   */
  private async keepIfStreaming(take: Take, stream: MediaStream, mimeType: string, settled: Promise<string>): Promise<string> {
    const type = await settled;
    if (type === mimeType || take !== this.current || this.status !== 'recording') return type;
    const streams = await Promise.race([
      take.streaming.then(() => true),
      new Promise<false>((resolve) => (this.evidence = this.timers.setTimeout(() => resolve(false), STREAMING_EVIDENCE_MS - (this.now() - this.startedAt)))),
    ]);
    this.timers.clearTimeout(this.evidence);
    if (streams) return mimeType;
    if (take !== this.current || this.status !== 'recording') return type;
    this.clearTimers();
    // Live until it is gone, as a discarded retake is.
    void take.discard().finally(() => liveTakes.delete(take.id));
    this.restarted = true;
    const next = this.record(stream, type);
    this.events.dispatchEvent(new RecordingStartEvent({ mimeType: next.mimeType, takeId: next.id, replaces: take.id }));
    this.host.requestUpdate();
    return type;
  }

  /** Stops recording; the upload of the last bytes goes on. */
  async stop(): Promise<void> {
    const take = this.current;
    if (!take || this.status !== 'recording') return;
    this.status = 'stopping';
    this.stoppedAfterMs = this.now() - this.startedAt;
    this.clearTimers();
    this.wakeLock.release();
    this.host.requestUpdate();
    const stopped = await take.stop();
    if (take !== this.current) return;
    if (this.status === 'stopping') this.status = take.state === 'done' ? 'uploaded' : 'uploading';
    this.events.dispatchEvent(new RecordingStopEvent({ ...stopped, takeId: take.id }));
    this.host.requestUpdate();
  }

  /** Sends every take whose upload failed for good again: the current one and those in the background. */
  retryUpload(): void {
    for (const take of this.takes) if (take.failed) take.retryUpload();
    this.host.requestUpdate();
  }

  /**
   * The next take is for another slot (the next question): the take on screen goes on
   * uploading in the background, and nothing of it is shown any more.
   */
  nextSlot(): void {
    if (this.status === 'recording' || this.status === 'stopping') return;
    this.toBackground();
    this.status = 'idle';
    this.answer = undefined;
    this.recovered = false;
    this.stoppedAfterMs = 0;
    this.host.requestUpdate();
  }

  /** Throws the current take away (a retake): deleted on the server and from the journal. */
  async discard(): Promise<void> {
    const take = this.current;
    if (!take) return;
    this.clearTimers();
    this.current = undefined;
    this.status = 'idle';
    this.answer = undefined;
    this.stoppedAfterMs = 0;
    this.host.requestUpdate();
    // Live until it is gone, so a recovery meanwhile (the retake's) does not resume it.
    await take.discard();
    liveTakes.delete(take.id);
  }

  private toBackground(): void {
    const take = this.current;
    this.current = undefined;
    if (take && take.state !== 'done') this.background.set(take.id, take);
  }

  private abortAll(): void {
    for (const take of this.takes) {
      take.abort();
      liveTakes.delete(take.id);
    }
    this.background.clear();
    this.current = undefined;
  }

  /** What every take reports, turned into this controller's state and the element's events; the take is known by its id. */
  private readonly reports: Pick<TakeOptions, 'onProgress' | 'onUploaded' | 'onError'> = {
    onProgress: (progress) => {
      this.events.dispatchEvent(new UploadProgressEvent(progress));
      if (progress.takeId !== this.current?.id) return;
      // While recording, new byte counts wait for the clock's render a second, so the page draws
      // one frame a second, not two; a new upload state (retrying, offline) is shown at once.
      const shown = this.shownState;
      this.shownState = progress.state;
      if (this.status !== 'recording' || progress.state !== shown) this.host.requestUpdate();
    },
    onUploaded: (answer) => {
      this.background.delete(answer.takeId);
      liveTakes.delete(answer.takeId);
      this.events.dispatchEvent(new AnswerUploadedEvent(answer));
      if (answer.takeId !== this.current?.id) return;
      // Before the recording stopped (nothing recorded): `stop()` still ends the take.
      if (this.status !== 'recording' && this.status !== 'stopping') this.status = 'uploaded';
      this.answer = answer;
      this.host.requestUpdate();
    },
    onError: (error, takeId) => {
      this.options.onError(error, takeId);
      this.host.requestUpdate();
    },
  };

  /**
   * Re-renders the host when the elapsed time reaches its next whole second, the only moment the
   * clock on screen changes: a render a second while recording, where a fixed interval needs
   * several to show each second on time. Every render costs the page a frame.
   */
  private tickAtNextSecond(): void {
    const delay = 1000 - (this.elapsedMs % 1000);
    this.ticker = this.timers.setTimeout(() => {
      this.host.requestUpdate();
      if (this.status === 'recording') this.tickAtNextSecond();
    }, delay);
  }

  private clearTimers(): void {
    this.timers.clearTimeout(this.ticker);
    this.timers.clearTimeout(this.limit);
    this.timers.clearTimeout(this.evidence);
  }
}

/** A host's retention in days as milliseconds; a value that is not a positive number keeps the default. */
export function retentionMs(days: number): number | undefined {
  return Number.isFinite(days) && days > 0 ? days * 86_400_000 : undefined;
}

/** A take as the host would recognise it: its slot, question and attempt where known. */
function describeTake(entry: JournalEntry): string {
  const { questionId, attempt } = entry.metadata;
  return [`slot ${entry.slot}`, questionId && `question ${questionId}`, attempt && `attempt ${attempt}`].filter(Boolean).join(', ');
}
