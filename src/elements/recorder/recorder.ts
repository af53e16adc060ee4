import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AudioLevelController } from '../../controllers/audio-level-controller.js';
import { MediaStreamController } from '../../controllers/media-stream-controller.js';
import { SlotLockController } from '../../controllers/slot-lock-controller.js';
import { retentionMs, TakeController } from '../../controllers/take-controller.js';
import { classifyMediaError, type OnewayError } from '../../core/errors.js';
import type { MediaKind } from '../../core/mime-type.js';
import { recordingTypeChoice } from '../../core/recorder.js';
import { loadTusClient, uploadOriginsAttribute, type AuthorizeHook } from '../../core/streaming-upload.js';
import { recorderStyles } from './recorder.styles.js';
import { cameraPreview } from '../../styles/shared.js';
import { OnewayElement } from '../oneway-element.js';

/** How often at most the upload's byte counts change on screen. */
const UPLOAD_TEXT_MS = 1000;

/**
 * Records an answer with camera and microphone and streams it to a tus endpoint while it records.
 *
 * @tagname oneway-recorder
 * @summary Camera preview, Start/Stop recording, elapsed time, and a tus upload that runs during the recording.
 *
 * @fires oneway-recording-start - Recording has started: `detail` has mimeType, takeId, and `replaces` when it is recorded again in another type.
 * @fires oneway-recording-stop - Recording has stopped: `detail` has bytes, durationMs, mimeType.
 * @fires oneway-upload-progress - Upload progress: `detail` has bytesUploaded, bytesRecorded, recordingEnded, state.
 * @fires oneway-answer-uploaded - The whole answer is on the server: `detail` has uploadUrl, bytes, durationMs, mimeType, sha256, interrupted.
 * @fires oneway-error - A problem: `detail` has code, message, recoverable.
 *
 * @csspart root - Everything the element shows; carries the language (`lang`) and direction (`dir`) of its text.
 * @csspart stage - The box that holds the preview.
 * @csspart preview - The live camera preview (mirrored).
 * @csspart level - The microphone level meter shown for audio answers.
 * @csspart indicator - The "Recording" badge shown while recording.
 * @csspart controls - The row of buttons and timer.
 * @csspart record-button - The Start recording / Stop recording button.
 * @csspart elapsed - The elapsed recording time.
 * @csspart status - The line that says what is happening to the upload.
 * @csspart notice - A warning that does not stop recording, e.g. storage refused, or that the recording started again in another format.
 * @csspart error - The box shown when something went wrong.
 * @csspart error-message - The text of that box.
 * @csspart retry-button - The "Try again" button shown with an error.
 *
 * @cssprop --oneway-color-accent - Button and highlight colour (default #1d4ed8; #93c5fd in dark mode).
 * @cssprop --oneway-color-accent-contrast - Text on the accent colour, e.g. button labels (default #ffffff; #111827 in dark mode).
 * @cssprop --oneway-color-surface - Background (default #ffffff; #111827 in dark mode).
 * @cssprop --oneway-color-text - Text colour (default #1f2937; #f3f4f6 in dark mode).
 * @cssprop --oneway-color-error - Border and tint of the error box (default #b91c1c; #fca5a5 in dark mode).
 * @cssprop --oneway-color-warning - Colour of the notice, e.g. storage refused (default #92400e; #fcd34d in dark mode).
 * @cssprop --oneway-color-scheme - `color-scheme` of native controls (default light; dark in dark mode).
 * @cssprop --oneway-radius - Corner radius of the stage, buttons and error box (default 0.5rem).
 * @cssprop --oneway-font-family - Font; inherits the page's font by default.
 * @cssprop --oneway-spacing - Space between parts (default 1rem).
 * @cssprop --oneway-focus-ring - Outline of focused controls (default 3px solid in the accent colour).
 * @cssprop --oneway-stage-aspect-ratio - Aspect ratio of the camera stage (default: the camera picture's own, 16 / 9 until known); the whole picture is shown inside it.
 */
export class OnewayRecorder extends OnewayElement {
  static override styles = recorderStyles;

  /** The tus endpoint that receives the recording (creation URL), e.g. `/files` or `https://ats.example/tus/`. */
  @property() endpoint = '';

  /** What to record: `video` (camera and microphone) or `audio` (microphone alone). */
  @property({ reflect: true }) kind: MediaKind = 'video';

  /** Recording stops by itself after this many seconds; 0 means no limit. */
  @property({ type: Number, attribute: 'max-seconds' }) maxSeconds = 0;

  /** Forces a MIME type for MediaRecorder instead of the automatic choice. */
  @property({ attribute: 'mime-type' }) mimeType = '';

  /** Extra tus metadata sent with every upload (string values). */
  @property({ attribute: false }) metadata: Record<string, string> = {};

  /** Called before every upload request with its method and URL; returns headers to add, e.g. a fresh bearer token. Check the URL before adding credentials. */
  @property({ attribute: false }) authorize: AuthorizeHook | undefined;

  /** Origins, besides the endpoint's own, that the server may place uploads on (space-separated); an upload URL anywhere else is refused. */
  @property({ attribute: 'upload-origins', converter: uploadOriginsAttribute }) uploadOrigins: string[] = [];

  /**
   * Names the recording slot, so an answer interrupted by a reload or crash is found and finished
   * when the page comes back. Defaults to the page path and the element's id.
   */
  @property({ attribute: 'recording-id' }) recordingId = '';

  /** Keeps each take on this device so it can be played back (`reviewBlob()`) before it is submitted. */
  @property({ type: Boolean }) reviewable = false;

  /** Video bitrate for recording, e.g. what `<oneway-device-check>` measured the connection can carry; browser default when unset. */
  @property({ type: Number, attribute: 'video-bits-per-second' }) videoBitsPerSecond: number | undefined;

  /** Audio bitrate for recording (speech is clear at 24–48 kbit/s); browser default (~128 kbit/s) when unset. */
  @property({ type: Number, attribute: 'audio-bits-per-second' }) audioBitsPerSecond: number | undefined;

  /** Camera picture height to ask for, e.g. 360 on a slow link (the width follows at 16:9); 720 when unset. Applies from the next take. */
  @property({ type: Number, attribute: 'capture-height' }) captureHeight: number | undefined;

  /** Camera frame rate to ask for, e.g. 15 on a slow link; the camera's own when unset. Applies at once, also during a take. */
  @property({ type: Number, attribute: 'capture-frame-rate' }) captureFrameRate: number | undefined;

  /** Practice mode: takes are recorded for playback only, never uploaded or stored. */
  @property({ type: Boolean }) practice = false;

  /** Days an answer that has not reached the server is kept on this device; after that it is removed instead of retried. */
  @property({ type: Number, attribute: 'retention-days' }) retentionDays = 7;

  /** Hidden, the recorder lets the camera and microphone go (nothing can be recorded from it) and takes them again when shown. */
  @property({ type: Boolean, reflect: true }) override hidden = false;

  /** The MIME type chosen for recording, once the camera is ready. */
  @state() recordingMimeType = '';
  /** The type the streaming probes settle on for this camera (see `TakeController.start`). */
  private settledMimeType: Promise<string> | undefined;

  @state() private error: OnewayError | undefined;
  /** A problem that does not stop recording (storage refused), shown beside the controls. */
  @state() private notice: OnewayError | undefined;
  @state() private announcement = '';
  private startWhenReady = false;
  /** The "Sending your answer" text last put on screen, and when. */
  private shownUploadText: { text: string; at: number } | undefined;
  private uploadTextRefresh: ReturnType<typeof setTimeout> | undefined;

  @query('video') private preview!: HTMLVideoElement | null;


  private readonly media = new MediaStreamController(this, {
    kind: () => this.kind,
    onError: (error) => this.report(error),
    preview: () => this.preview,
    capture: () => ({ height: this.captureHeight, frameRate: this.captureFrameRate }),
  });

  private readonly lock = new SlotLockController(this, () => this.recordingSlot);

  /** The microphone level, shown instead of a picture for audio answers. */
  private readonly level = new AudioLevelController(this);

  private readonly takes = new TakeController(this, {
    slot: () => this.recordingSlot,
    maxSeconds: () => this.maxSeconds,
    retentionMs: () => retentionMs(this.retentionDays),
    // `authorize` is read at each request, so a hook the host replaces later still applies to running uploads.
    takeOptions: () => ({
      endpoint: this.endpoint,
      metadata: this.metadata,
      authorize: (request) => this.authorize?.(request),
      uploadOrigins: this.uploadOrigins,
      videoBitsPerSecond: this.videoBitsPerSecond,
      audioBitsPerSecond: this.audioBitsPerSecond,
      reviewable: this.reviewable || this.practice,
      localOnly: this.practice,
    }),
    onError: (error, takeId) => this.report(error, takeId),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hidden) void this.prepare();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.recordingMimeType = '';
    this.settledMimeType = undefined;
    this.startWhenReady = false;
    clearTimeout(this.uploadTextRefresh);
    this.uploadTextRefresh = undefined;
  }

  /**
   * The recording slot: `recording-id`, else the page path and element id, else the page path
   * and the element's position among recorders (stable across reloads of the same page); and
   * the candidate in the metadata, so one candidate's takes are never another's.
   */
  private get recordingSlot(): string {
    const position = [...document.querySelectorAll(this.localName)].indexOf(this);
    const slot = this.recordingId || `${location.pathname}#${this.id || position}`;
    const candidate = this.metadata.candidate;
    return candidate ? `${slot}#candidate=${encodeURIComponent(candidate)}` : slot;
  }

  /** Whether a take is being recorded. */
  get recording(): boolean {
    return this.takes.status === 'recording';
  }

  /**
   * Starts recording (the same as pressing "Start recording"). Called before the camera is ready
   * (e.g. when a think time ends first), recording starts as soon as it is.
   */
  start(): void {
    const stream = this.media.stream;
    if (this.recording) return;
    if (!stream || !this.recordingMimeType || this.lock.status !== 'held') {
      this.startWhenReady = true;
      return;
    }
    this.startWhenReady = false;
    this.error = undefined;
    const settled = this.settledMimeType;
    void this.takes.start(stream, this.recordingMimeType, settled).then((type) => {
      if (settled && this.settledMimeType === settled) this.recordingMimeType = type;
    });
    this.announcement = this.i18n.t('recordingStarted');
  }

  /** Stops recording (the same as pressing "Stop recording"); the upload finishes by itself. */
  async stop(): Promise<void> {
    await this.takes.stop();
    this.announcement = this.i18n.t('recordingStopped');
  }

  /** Sends every take whose upload failed again (e.g. once the host can issue a fresh token). */
  retryUpload(): void {
    this.error = undefined;
    this.takes.retryUpload();
  }

  /** The last take's recording for playback, when `reviewable` or `practice` is set. */
  reviewBlob(): Blob | undefined {
    return this.takes.reviewBlob();
  }

  /**
   * Finishes every interrupted take whose `recording-id` starts with `prefix` (e.g. all answers of
   * an interview after a reload), not only this slot's.
   */
  finishInterrupted(prefix: string): Promise<void> {
    return this.takes.finishInterrupted(prefix);
  }

  /**
   * Removes this slot's recordings from this device (e.g. "Remove my recordings from this
   * device" on a shared computer); whatever reached the server stays there.
   */
  clearStoredData(): Promise<void> {
    return this.takes.clearStoredData();
  }

  /** Throws the last take away: its upload is deleted on the server (tus termination) and from this device. */
  async discard(): Promise<void> {
    await this.takes.discard();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('recordingId') && changed.get('recordingId') !== undefined) {
      // A new slot (the next question): earlier takes keep uploading; this one's lock and leftovers are looked up.
      this.takes.nextSlot();
      this.lock.relock();
      void this.lock.acquired.then(() => this.takes.finishInterrupted());
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('hidden') && changed.get('hidden') !== undefined) {
      if (this.hidden && !this.recording) this.letDevicesGo();
      else if (!this.hidden && !this.media.stream) void this.prepare();
    }
    if (changed.has('kind') && changed.get('kind') !== undefined && !this.hidden) void this.prepare();
    // A new capture size waits for the take under way to end; a new frame rate applies at once.
    void this.media.fitCapture(this.recording);
    if (this.kind === 'audio' && this.media.stream) this.level.attach(this.media.stream);
    else this.level.detach();
  }

  private async prepare(): Promise<void> {
    this.error = undefined;
    this.recordingMimeType = '';
    this.settledMimeType = undefined;
    await this.lock.acquired;
    if (!this.isConnected) return;
    void this.takes.finishInterrupted();
    // The upload client is a chunk of its own: fetched while the camera starts, so it is there for the first take.
    void loadTusClient().catch(() => undefined);
    const stream = await this.media.acquire();
    if (!stream) return;
    try {
      // Start is usable at once; a take begun before the probes end is checked by the take controller.
      const choice = recordingTypeChoice(stream, this.kind, this.mimeType || undefined);
      this.recordingMimeType = choice.now;
      this.settledMimeType = choice.settled;
      // While a take records, the take's own slices have the last word (see `start`).
      void choice.settled.then((type) => {
        if (this.settledMimeType === choice.settled && !this.recording) this.recordingMimeType = type;
      });
    } catch (cause) {
      // Nothing can be recorded (e.g. a forced MIME type this browser lacks): the camera goes off.
      this.letDevicesGo();
      this.report(classifyMediaError(cause));
      return;
    }
    if (this.hidden) this.letDevicesGo();
    else if (this.startWhenReady) this.start();
  }

  /** Stops the camera and microphone; `prepare()` takes them again. */
  private letDevicesGo(): void {
    this.media.release();
    this.recordingMimeType = '';
    this.settledMimeType = undefined;
  }

  private report(error: OnewayError, takeId?: string): void {
    if (error.code === 'storage-unavailable') this.notice = error;
    else this.error = error;
    this.reportError({ code: error.code, message: error.message, recoverable: error.recoverable, takeId });
  }


  protected override render() {
    return this.root(this.renderContent());
  }

  private renderContent() {
    if (this.error && !this.recording) return this.renderError(this.error);
    const ready = Boolean(this.media.stream && this.recordingMimeType && this.lock.status === 'held');
    return html`
      <div part="stage">
        ${this.kind === 'video'
          ? cameraPreview(this.i18n.t('cameraPreview'))
          : html`<meter part="level" min="0" max="1" .value=${this.level.level} aria-label=${this.i18n.t('microphoneLevel')}></meter>`}
        ${this.recording ? html`<span part="indicator">${this.i18n.t('recording')}</span>` : nothing}
      </div>
      <div part="controls">
        <button
          part="record-button"
          type="button"
          ?disabled=${!ready || this.takes.status === 'stopping'}
          @click=${() => (this.recording ? void this.stop() : this.start())}
        >
          ${this.i18n.t(this.recording ? 'stopRecording' : 'startRecording')}
        </button>
        <span part="elapsed" role="timer" aria-live="off">${this.renderElapsed()}</span>
      </div>
      <p part="status">${this.statusText(ready)}</p>
      ${this.takes.restarted && this.recording ? html`<p part="notice" role="alert">${this.i18n.t('recordingRestarted')}</p>` : nothing}
      ${this.notice ? html`<p part="notice" role="alert">${this.errorMessage(this.notice.code)}</p>` : nothing}
      <div role="status" class="visually-hidden">${this.announcement}</div>
    `;
  }

  private renderElapsed() {
    const elapsed = this.i18n.clock(this.takes.elapsedMs / 1000);
    return this.maxSeconds
      ? this.i18n.t('elapsed', { elapsed, max: this.i18n.clock(this.maxSeconds) })
      : this.i18n.t('elapsedNoLimit', { elapsed });
  }

  private statusText(ready: boolean): string {
    if (this.lock.status === 'busy') return this.i18n.t('openInAnotherTab');
    const progress = this.takes.progress;
    if (this.takes.status === 'uploaded') return this.i18n.t(this.takes.answer?.interrupted ? 'recoveredDone' : 'uploadDone');
    if (this.takes.recovered && progress && this.takes.status === 'uploading') return this.i18n.t('recovering');
    if (!ready) return this.i18n.t(this.media.status === 'requesting' ? 'askingForCamera' : 'preparing');
    if (!progress) return '';
    if (progress.state === 'waiting-for-connection') return this.i18n.t('waitingForConnection');
    if (progress.state === 'retrying') return this.i18n.t('retrying');
    return this.uploadText(
      this.i18n.t('uploading', {
        sent: this.i18n.bytes(progress.bytesUploaded),
        total: this.i18n.bytes(progress.bytesRecorded),
      }),
    );
  }

  /**
   * The byte counts change with every slice and every confirmation, several times a second: each
   * change cost the page a layout and paint. They are put on screen at most once a second, which
   * a person can follow, and the latest always within a second.
   */
  private uploadText(text: string): string {
    const now = performance.now();
    const shown = this.shownUploadText;
    if (shown && text !== shown.text && now - shown.at < UPLOAD_TEXT_MS) {
      this.uploadTextRefresh ??= setTimeout(() => {
        this.uploadTextRefresh = undefined;
        this.requestUpdate();
      }, UPLOAD_TEXT_MS - (now - shown.at));
      return shown.text;
    }
    if (text !== shown?.text) this.shownUploadText = { text, at: now };
    return text;
  }

  private renderError(error: OnewayError) {
    return html`
      <div part="error" role="alert">
        <p part="error-message">${this.errorMessage(error.code)}</p>
        ${this.takes.uploadFailed
          ? html`<button part="retry-button" type="button" @click=${() => this.retryUpload()}>${this.i18n.t('tryAgain')}</button>`
          : error.recoverable
            ? html`<button part="retry-button" type="button" @click=${() => void this.prepare()}>${this.i18n.t('tryAgain')}</button>`
            : nothing}
      </div>
    `;
  }
}
