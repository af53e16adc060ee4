import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { UploadEventsController } from '../../controllers/upload-events-controller.js';
import type { UploadProgress } from '../../core/take.js';
import type { UploadState } from '../../core/streaming-upload.js';
import { announcementKey, roundTimeLeft, stateMessageKey, UploadTracker, type AnswerStats } from '../../core/upload-stats.js';
import { styleProperties } from '../../styles/style-properties.js';
import { uploadProgressStyles } from './upload-progress.styles.js';
import { OnewayElement } from '../oneway-element.js';

/** Something that can send a failed answer again, like `<oneway-recorder>`. */
interface Retryable {
  retryUpload(): void;
}

const canRetry = (target: unknown): target is Retryable =>
  typeof (target as Partial<Retryable> | null | undefined)?.retryUpload === 'function';

/**
 * Shows how far an answer's upload has got while it records and after: bytes sent of bytes
 * recorded during the recording (the total is unknown until it ends), then a percentage, the
 * speed over the last few seconds, the time left, and the state in words (uploading, waiting for
 * connection, retrying, done, failed), as the upload events say it. After a failure it offers "Retry", which calls
 * `retryUpload()` on the element that reported the answer (else on the element listened to).
 *
 * Answers are told apart by their take id (`takeId` in every event), so one progress element can follow several: it
 * then shows "Answer N of M", the bytes of all answers together, and "All answers are saved."
 * once every one is on the server.
 *
 * Where it listens: with `for="id"`, to the upload events of the element with that id in the same
 * document or shadow root. Without `for`, to those that reach its parent element (its shadow root
 * or document when it has no parent element), so the events of sibling recorders and of recorders
 * inside sibling elements reach it as they bubble; inside a shadow root, also to those of that
 * root's host (a component that re-dispatches its recorder's events on itself). Only events from
 * then on are seen. Hosts that track uploads themselves can set `progress` and `state` instead. There is no "paused" state: uploads never pause, they wait for
 * the connection or retry.
 *
 * Screen readers: the bar is a `progressbar` with a value once the total is known (before that,
 * only `aria-valuetext` with the bytes sent); a polite live region speaks when the state changes,
 * never at every percent; a failure is an alert.
 *
 * @tagname oneway-upload-progress
 * @summary Per-answer and overall upload progress: bytes, percent, speed, time left, state, and Retry.
 *
 * @csspart root - Everything the element shows; carries the language (`lang`) and direction (`dir`) of its text.
 * @csspart label - The name of the bar: "Your answer" or "Answer N of M".
 * @csspart bar - The bar's track (`role="progressbar"`).
 * @csspart fill - The bar's fill: the share sent of what is recorded so far.
 * @csspart details - The row of status, amount, speed and time left.
 * @csspart status - The state in words: Uploading, Waiting for connection, Retrying, Done, Failed.
 * @csspart amount - Bytes sent of bytes recorded, or the percentage once the recording ended.
 * @csspart speed - The upload speed over the last few seconds.
 * @csspart time-left - The time left, once the total is known.
 * @csspart overall - The totals across answers, or "All answers are saved.".
 * @csspart error - The message shown when an upload failed.
 * @csspart retry-button - The "Retry" button shown with a failure.
 *
 * @cssprop --oneway-color-accent - The colour of the fill and the Retry button (default #1d4ed8; #93c5fd in dark mode).
 * @cssprop --oneway-color-accent-contrast - The Retry button's label (default #ffffff; #111827 in dark mode).
 * @cssprop --oneway-color-surface - Background (default #ffffff; #111827 in dark mode).
 * @cssprop --oneway-color-text - Text colour (default #1f2937; #f3f4f6 in dark mode).
 * @cssprop --oneway-color-error - The colour of a failed bar and of the failure message's border (default #b91c1c; #fca5a5 in dark mode).
 * @cssprop --oneway-font-family - Font; inherits the page's font by default.
 * @cssprop --oneway-radius - Corner radius of the failure message and the button (default 0.5rem).
 * @cssprop --oneway-focus-ring - Outline of the focused button (default 3px solid in the accent colour).
 * @cssprop --oneway-progress-height - Height of the bar (default 0.5rem).
 * @cssprop --oneway-progress-track-color - The colour of the bar's unfilled part (default: the text colour, faint on the surface).
 */
export class OnewayUploadProgress extends OnewayElement {
  static override styles = uploadProgressStyles;

  /**
   * The id of the element whose upload events to show (e.g. a `<oneway-recorder>`), in the same
   * document or shadow root. Without it, the events that reach the parent element are shown.
   */
  @property({ reflect: true }) for = '';

  /** How many answers the interview has, for "Answer N of M"; 0 (the default) counts the answers seen. */
  @property({ type: Number, attribute: 'answer-count' }) answerCount = 0;

  @state() private announcement = '';

  private readonly tracker = new UploadTracker();
  /** The shown answer and state last announced, e.g. `0:uploading`. */
  private announced = '';

  private readonly events = new UploadEventsController(this, {
    targetId: () => this.for,
    onProgress: (source, detail) => this.track(() => this.tracker.progress(detail, source)),
    onUploaded: (source, detail) => this.track(() => this.tracker.uploaded(detail, source)),
    ticking: () => this.tracker.active,
  });

  /**
   * The shown answer's progress. Setting it reports progress as an `oneway-upload-progress` event
   * would (answers are told apart by `takeId`, else by `uploadUrl`), for hosts that feed the element themselves.
   */
  get progress(): UploadProgress | undefined {
    const current = this.tracker.current;
    if (!current) return undefined;
    const { takeId, uploadUrl, bytesUploaded, bytesRecorded, recordingEnded, state } = current;
    return { takeId, uploadUrl, bytesUploaded, bytesRecorded, recordingEnded, state };
  }
  set progress(progress: UploadProgress | undefined) {
    if (progress) this.track(() => this.tracker.progress(progress));
  }

  /** The shown answer's upload state. Setting it changes that answer's state (e.g. `failed` after the host's own error). */
  get state(): UploadState | undefined {
    return this.tracker.current?.state;
  }
  set state(state: UploadState | undefined) {
    if (state) this.track(() => this.tracker.setState(state));
  }

  /** Every answer seen, in order: its upload URL, bytes, state, speed, percent and time left. */
  get answers(): AnswerStats[] {
    return this.tracker.answers;
  }

  /** Forgets every answer seen (e.g. for a new interview on the same page). */
  reset(): void {
    this.tracker.reset();
    this.announced = '';
    this.announcement = '';
    this.requestUpdate();
  }

  /** Sends the failed answer again: calls `retryUpload()` on the element that reported it, else on the element listened to. */
  retryUpload(): void {
    this.retryTarget?.retryUpload();
  }


  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('for') && changed.get('for') !== undefined) this.events.rebind();
  }

  private get retryTarget(): Retryable | undefined {
    const source = this.tracker.currentSource;
    if (canRetry(source)) return source;
    return this.events.targets.find((target): target is EventTarget & Retryable => canRetry(target));
  }

  private track(change: () => unknown): void {
    change();
    this.announce();
    this.requestUpdate();
  }

  /** Fills the polite live region when the shown answer's state changes; a failure goes to the alert instead. */
  private announce(): void {
    const current = this.tracker.current;
    if (!current) return;
    const allDone = this.allDone;
    const signature = `${current.index}:${current.state}:${allDone}`;
    if (signature === this.announced) return;
    this.announced = signature;
    const key = announcementKey(current.state, allDone && this.answerTotal > 1);
    // Cleared on failure, so the same words after a retry are spoken again.
    this.announcement = key ? this.i18n.t(key) : '';
  }

  /** M in "Answer N of M". */
  private get answerTotal(): number {
    return Math.max(this.answerCount, this.tracker.overall.answers);
  }

  private get allDone(): boolean {
    const overall = this.tracker.overall;
    return overall.allDone && overall.answers >= this.answerCount;
  }

  protected override render() {
    const current = this.tracker.current;
    return this.root(
      html`${current ? this.renderAnswer(current) : nothing}
      <div role="alert" class="alert">
        ${current?.state === 'failed' ? html`<p part="error">${this.i18n.t('uploadProgress.failed')}</p>` : nothing}
      </div>
      ${current?.state === 'failed' && this.retryTarget
        ? html`<button part="retry-button" type="button" @click=${() => this.retryUpload()}>${this.i18n.t('uploadProgress.retry')}</button>`
        : nothing}
      <div role="status" class="visually-hidden">${this.announcement}</div>`,
    );
  }

  private renderAnswer(current: AnswerStats) {
    const total = this.answerTotal;
    const label = total > 1 ? this.i18n.t('uploadProgress.answerOf', { n: current.index + 1, total }) : this.i18n.t('uploadProgress.label');
    const sent = this.i18n.bytes(current.bytesUploaded);
    const percent = current.percent;
    const amount =
      percent === undefined
        ? this.i18n.t('uploadProgress.sentOfRecorded', { sent, recorded: this.i18n.bytes(current.bytesRecorded) })
        : this.i18n.t('uploadProgress.percentSent', { percent: this.i18n.percent(percent / 100), sent, total: this.i18n.bytes(current.bytesRecorded) });
    const fill = percent ?? (current.bytesRecorded > 0 ? (current.bytesUploaded * 100) / current.bytesRecorded : 0);
    const known = percent !== undefined;
    return html`
      <div part="label" id="label">${label}</div>
      <div
        part="bar"
        role="progressbar"
        aria-labelledby="label"
        aria-valuemin=${known ? 0 : nothing}
        aria-valuemax=${known ? 100 : nothing}
        aria-valuenow=${known ? percent : nothing}
        aria-valuetext=${known ? nothing : amount}
        data-state=${current.state}
        data-total=${known ? 'known' : 'unknown'}
      >
        <div part="fill" ${styleProperties({ 'inline-size': `${Math.min(100, Math.max(0, fill))}%` })}></div>
      </div>
      <div part="details">
        <span part="status">${this.i18n.t(stateMessageKey(current.state))}</span>
        <span part="amount">${amount}</span>
        ${current.bytesPerSecond !== undefined
          ? html`<span part="speed">${this.i18n.t('uploadProgress.speed', { bytes: this.i18n.bytes(current.bytesPerSecond) })}</span>`
          : nothing}
        ${current.secondsLeft !== undefined && current.secondsLeft > 0
          ? html`<span part="time-left">${this.i18n.t('uploadProgress.timeLeft', { time: this.i18n.duration(roundTimeLeft(current.secondsLeft)) })}</span>`
          : nothing}
      </div>
      ${this.renderOverall()}
    `;
  }

  private renderOverall() {
    if (this.answerTotal < 2) return nothing;
    if (this.allDone) return html`<p part="overall">${this.i18n.t('uploadProgress.allDone')}</p>`;
    const overall = this.tracker.overall;
    return html`<p part="overall">
      ${this.i18n.t('uploadProgress.overall', { sent: this.i18n.bytes(overall.bytesUploaded), recorded: this.i18n.bytes(overall.bytesRecorded) })}
    </p>`;
  }
}
