import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OnewayError } from '../core/errors.js';
import { Take, type TakeOptions, type UploadedAnswer, type UploadProgress } from '../core/take.js';
import { AnswerUploadedEvent } from '../events/answer-uploaded.js';
import { RecordingStartEvent } from '../events/recording-start.js';
import { RecordingStopEvent } from '../events/recording-stop.js';
import { UploadProgressEvent } from '../events/upload-progress.js';

export type TakeStatus = 'idle' | 'recording' | 'stopping' | 'uploading' | 'uploaded' | 'failed';

type Host = ReactiveControllerHost & HTMLElement;

export interface TakeControllerOptions {
  /** Options for the next take, read when it starts. */
  takeOptions: () => Omit<TakeOptions, 'mimeType' | 'onProgress' | 'onUploaded' | 'onError'>;
  /** Recording stops by itself after this many seconds (none when 0 or undefined). */
  maxSeconds: () => number | undefined;
  onError: (error: OnewayError) => void;
}

/**
 * Binds one take at a time to an element: starts and stops it, ticks the elapsed time, turns
 * its callbacks into the element's DOM events, and aborts it when the element leaves the page.
 */
export class TakeController implements ReactiveController {
  status: TakeStatus = 'idle';
  progress: UploadProgress | undefined;
  answer: UploadedAnswer | undefined;
  private take: Take | undefined;
  private startedAt = 0;
  private stoppedAfterMs = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private limit: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: Host, private readonly options: TakeControllerOptions) {
    host.addController(this);
  }

  /** Milliseconds recorded in the current take. */
  get elapsedMs(): number {
    return this.status === 'recording' ? performance.now() - this.startedAt : this.stoppedAfterMs;
  }

  /** Starts a take of `stream` in `mimeType`. */
  start(stream: MediaStream, mimeType: string): void {
    this.take?.abort();
    this.answer = undefined;
    this.progress = undefined;
    const take = new Take(stream, {
      ...this.options.takeOptions(),
      mimeType,
      onProgress: (progress) => {
        if (take !== this.take) return;
        this.progress = progress;
        this.host.dispatchEvent(new UploadProgressEvent(progress));
        this.host.requestUpdate();
      },
      onUploaded: (answer) => {
        if (take !== this.take) return;
        this.status = 'uploaded';
        this.answer = answer;
        this.host.dispatchEvent(new AnswerUploadedEvent(answer));
        this.host.requestUpdate();
      },
      onError: (error) => {
        if (take !== this.take) return;
        if (!error.recoverable) this.status = 'failed';
        this.options.onError(error);
        this.host.requestUpdate();
      },
    });
    this.take = take;
    take.start();
    this.status = 'recording';
    this.startedAt = performance.now();
    this.ticker = setInterval(() => this.host.requestUpdate(), 250);
    const maxSeconds = this.options.maxSeconds();
    if (maxSeconds) this.limit = setTimeout(() => void this.stop(), maxSeconds * 1000);
    this.host.dispatchEvent(new RecordingStartEvent({ mimeType: take.mimeType }));
    this.host.requestUpdate();
  }

  /** Stops recording; the upload of the last bytes goes on. */
  async stop(): Promise<void> {
    const take = this.take;
    if (!take || this.status !== 'recording') return;
    this.status = 'stopping';
    this.stoppedAfterMs = performance.now() - this.startedAt;
    this.clearTimers();
    this.host.requestUpdate();
    const stopped = await take.stop();
    if (take !== this.take) return;
    if (this.status === 'stopping') this.status = 'uploading';
    this.host.dispatchEvent(new RecordingStopEvent(stopped));
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.clearTimers();
    this.take?.abort();
    this.take = undefined;
    if (this.status === 'recording' || this.status === 'stopping') this.status = 'idle';
  }

  private clearTimers(): void {
    clearInterval(this.ticker);
    clearTimeout(this.limit);
  }
}
