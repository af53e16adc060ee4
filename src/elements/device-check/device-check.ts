import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AudioLevelController } from '../../controllers/audio-level-controller.js';
import { BrightnessController } from '../../controllers/brightness-controller.js';
import { DeviceListController } from '../../controllers/device-list-controller.js';
import { MediaStreamController } from '../../controllers/media-stream-controller.js';
import { PermissionPromptController } from '../../controllers/permission-prompt-controller.js';
import { StorageCheckController } from '../../controllers/storage-check-controller.js';
import { UploadPreflightController } from '../../controllers/upload-preflight-controller.js';
import { explainForFrame, iframeBlockedError, inAppBrowserError, pageEmbedding } from '../../core/browser-guidance.js';
import { connectionAdvice, fitRecording } from '../../core/link-policy.js';
import { OnewayError } from '../../core/errors.js';
import type { AuthorizeHook } from '../../core/streaming-upload.js';
import { ConnectionMeasuredEvent } from '../../events/connection-measured.js';
import { DeviceCheckCompleteEvent } from '../../events/device-check-complete.js';
import { adviceLine, connectionLine, failureGuidance, LIGHTING_GUIDANCE, MICROPHONE_GUIDANCE } from './device-check.guidance.js';
import { deviceCheckStyles } from './device-check.styles.js';
import { cameraPreview } from '../../styles/shared.js';
import { OnewayElement } from '../oneway-element.js';

/** Where the check stands: `checking` until camera and microphone work, `ready` then, `complete` after "Continue". */
export type DeviceCheckStatus = 'checking' | 'ready' | 'error' | 'complete';

type DeviceKind = 'video' | 'audio';

/**
 * Checks camera, microphone, light, connection and storage before the first answer, and says
 * plainly what to fix. Dim light, background noise and a slow connection are advice; only a
 * camera or microphone that does not work keeps "Continue" disabled.
 *
 * @tagname oneway-device-check
 * @summary Live camera preview, camera and microphone pickers, a microphone level meter, light, connection and storage checks, and guidance for every failure.
 *
 * @fires oneway-device-check-complete - The candidate pressed "Continue": `detail` has videoDeviceId, audioDeviceId, videoBitsPerSecond, throughputBps, measuringForMs (the connection test goes on), audioOnly.
 * @fires oneway-connection-measured - The connection test finished, also after "Continue" when it was still running then: `detail` has throughputBps, videoBitsPerSecond.
 * @fires oneway-error - A problem: `detail` has code, message (for developers), recoverable. Codes include permission-denied, permission-timeout, no-device, device-in-use, device-lost, no-media-recorder, insecure-context, iframe-blocked, in-app-browser, and upload-rejected/upload-unauthorized when the upload check is refused.
 *
 * @csspart root - Everything the element shows; carries the language (`lang`) and direction (`dir`) of its text.
 * @csspart stage - The box that holds the preview.
 * @csspart preview - The live camera preview (mirrored).
 * @csspart permission-hint - The hint shown when the permission prompt goes unanswered.
 * @csspart devices - The row of device pickers.
 * @csspart camera-field - The camera label and picker.
 * @csspart camera-label - The camera picker's label.
 * @csspart camera-select - The camera picker.
 * @csspart microphone-field - The microphone label and picker.
 * @csspart microphone-label - The microphone picker's label.
 * @csspart microphone-select - The microphone picker.
 * @csspart advice - The list of checks and their advice.
 * @csspart microphone - The microphone level meter and its advice.
 * @csspart level-label - The level meter's label.
 * @csspart level-meter - The microphone level meter.
 * @csspart microphone-advice - "Say a few words…", "We can hear you", "We can't hear you" or "Background noise is high".
 * @csspart start-microphone-button - "Test my microphone", shown when the browser needs a click before audio can be analysed.
 * @csspart lighting-advice - Whether the light is good, too dark or too bright.
 * @csspart connection - The result of the connection check.
 * @csspart audio-only - The "Answer with audio only" choice, offered when the connection is too slow for video.
 * @csspart storage-warning - The warning shown when the device is low on storage.
 * @csspart title - The heading, "Check your camera and microphone".
 * @csspart continue-button - The "Continue" button.
 * @csspart done - The message shown after "Continue".
 * @csspart error - The guidance shown when the camera or microphone cannot be used.
 * @csspart error-message - The first paragraph of the guidance.
 * @csspart help-intro - "To allow the camera and microphone:", above the steps.
 * @csspart help-steps - The browser-specific steps to allow a blocked camera and microphone.
 * @csspart link-row - The link to this page and the "Copy link" button, in an app's built-in browser.
 * @csspart page-link - The link to this page, in an app's built-in browser.
 * @csspart copy-link-button - The "Copy link" button, in an app's built-in browser.
 * @csspart link-status - "Link copied.".
 * @csspart retry-button - The "Try again" button shown with a recoverable error.
 *
 * @cssprop --oneway-color-accent - Button, meter and highlight colour (default #1d4ed8; #93c5fd in dark mode).
 * @cssprop --oneway-color-accent-contrast - Text on the accent colour, e.g. button labels (default #ffffff; #111827 in dark mode).
 * @cssprop --oneway-color-surface - Background (default #ffffff; #111827 in dark mode).
 * @cssprop --oneway-color-text - Text colour (default #1f2937; #f3f4f6 in dark mode).
 * @cssprop --oneway-color-error - Border and tint of the guidance box when the camera or microphone cannot be used (default #b91c1c; #fca5a5 in dark mode).
 * @cssprop --oneway-color-warning - Colour of advice that needs attention: dark light, noise, slow connection, low storage (default #92400e; #fcd34d in dark mode).
 * @cssprop --oneway-color-scheme - `color-scheme` of the pickers and checkbox (default light; dark in dark mode).
 * @cssprop --oneway-radius - Corner radius of the stage, pickers and buttons (default 0.5rem).
 * @cssprop --oneway-font-family - Font; inherits the page's font by default.
 * @cssprop --oneway-spacing - Space between parts (default 1rem).
 * @cssprop --oneway-focus-ring - Outline of focused controls (default 3px solid in the accent colour).
 * @cssprop --oneway-stage-aspect-ratio - Aspect ratio of the camera stage (default: the camera picture's own, 16 / 9 until known); the whole picture is shown inside it.
 */
export class OnewayDeviceCheck extends OnewayElement {
  static override styles = deviceCheckStyles;

  /** The tus endpoint that will receive the answers (creation URL); a small test upload there measures the connection. Without it the connection is not checked. */
  @property() endpoint = '';

  /** Offer "Answer with audio only" when the connection is too slow for video. */
  @property({ type: Boolean, attribute: 'allow-audio-fallback' }) allowAudioFallback = false;

  /** The longest answer in seconds: the device is checked for room to keep one at the chosen bitrate. */
  @property({ type: Number, attribute: 'max-answer-seconds' }) maxAnswerSeconds = 300;

  /** Seconds an unanswered permission prompt is left before the candidate is told to look for it. */
  @property({ type: Number, attribute: 'permission-hint-seconds' }) permissionHintSeconds = 6;

  /** Called before every request of the upload check; returns headers to add, e.g. a bearer token. */
  @property({ attribute: false }) authorize: AuthorizeHook | undefined;

  /** The candidate's choice to answer with audio only (offered with `allow-audio-fallback` when the connection is too slow for video). */
  @property({ type: Boolean, attribute: false }) audioOnly = false;

  @state() private error: OnewayError | undefined;
  @state() private completed = false;
  @state() private linkCopied = false;

  @query('video') private preview!: HTMLVideoElement | null;

  private run = 0;

  private readonly media = new MediaStreamController(this, {
    kind: () => 'video',
    onError: (error) => this.report(error),
    preview: () => this.preview,
  });

  private readonly prompt = new PermissionPromptController(this, {
    seconds: () => this.permissionHintSeconds,
    onUnanswered: (error) => this.report(error, false),
  });

  private readonly devices = new DeviceListController(this, {
    onDeviceChange: () => {
      if (this.error?.code === 'no-device') void this.check();
      else if (this.status === 'ready') void this.devices.refresh();
    },
  });

  private readonly storage = new StorageCheckController(this);

  private readonly levels = new AudioLevelController(this);

  private readonly light = new BrightnessController(this, { video: () => this.preview });

  private readonly connection = new UploadPreflightController(this, {
    preflightOptions: () => ({ endpoint: this.endpoint, authorize: this.authorize }),
    // A refused upload check is the host's to fix; the candidate can still go on.
    onError: (error) => this.report(error, false),
    onResult: ({ throughputBps }) =>
      this.dispatchEvent(new ConnectionMeasuredEvent({ throughputBps, videoBitsPerSecond: fitRecording(throughputBps).videoBitsPerSecond })),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.check();
    if (this.endpoint && !this.blockedError() && this.connection.status !== 'done') void this.connection.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.run++;
  }

  /** Where the check stands: `checking`, `ready` (camera and microphone work), `error`, or `complete` after "Continue". */
  get status(): DeviceCheckStatus {
    if (this.error) return 'error';
    if (this.completed) return 'complete';
    const stream = this.media.stream;
    if (this.media.status === 'ready' && stream && hasLiveTrack(stream, 'video') && hasLiveTrack(stream, 'audio')) {
      return 'ready';
    }
    return 'checking';
  }

  /** The measured upload throughput in bits per second, once the connection check is done. */
  get throughputBps(): number | undefined {
    return this.connection.result?.throughputBps;
  }

  /** A video bitrate (bits/s) the connection keeps up with, for MediaRecorder's `videoBitsPerSecond`; undefined until measured. */
  get videoBitsPerSecond(): number | undefined {
    const throughput = this.throughputBps;
    return throughput === undefined ? undefined : fitRecording(throughput).videoBitsPerSecond;
  }

  /** The id of the camera in use. */
  get videoDeviceId(): string | undefined {
    return this.media.stream?.getVideoTracks()[0]?.getSettings().deviceId ?? this.media.preferences.videoDeviceId;
  }

  /** The id of the microphone in use. */
  get audioDeviceId(): string | undefined {
    return this.media.stream?.getAudioTracks()[0]?.getSettings().deviceId ?? this.media.preferences.audioDeviceId;
  }

  /** The microphone level as the meter shows it, 0…1. */
  get audioLevel(): number {
    return this.levels.level;
  }

  /** Mean brightness (luma, 0…255) of the middle of the camera picture; undefined until a few painted frames were measured. */
  get brightness(): number | undefined {
    return this.light.brightness;
  }

  /** Checks the camera and microphone again (the same as pressing "Try again"). */
  async check(): Promise<void> {
    const run = ++this.run;
    this.error = undefined;
    this.completed = false;
    this.stopMeasuring();
    const blocked = this.blockedError();
    if (blocked) {
      this.media.release();
      this.report(blocked);
      return;
    }
    const stream = await this.prompt.watch(this.media.acquire());
    if (run !== this.run || !stream) return;
    this.levels.attach(stream);
    this.light.start();
    await Promise.all([this.devices.refresh(), this.storage.check()]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') && changed.get('endpoint') !== undefined && this.isConnected) {
      if (this.endpoint && !this.blockedError()) void this.connection.run();
    }
  }

  /** Problems found before asking for the camera: an iframe without the camera, an app's built-in browser. */
  private blockedError(): OnewayError | undefined {
    return iframeBlockedError(pageEmbedding()) ?? inAppBrowserError(globalThis.navigator?.userAgent ?? '');
  }

  private async choose(kind: DeviceKind, deviceId: string): Promise<void> {
    this.media.prefer({ ...this.media.preferences, [kind === 'video' ? 'videoDeviceId' : 'audioDeviceId']: deviceId });
    await this.check();
  }

  private stopMeasuring(): void {
    this.prompt.stop();
    this.levels.detach();
    this.light.stop();
  }

  private get offerAudioOnly(): boolean {
    const throughput = this.throughputBps;
    return this.allowAudioFallback && throughput !== undefined && connectionAdvice(throughput) === 'too-slow-for-video';
  }

  private continue(): void {
    if (this.status !== 'ready') return;
    const videoDeviceId = this.videoDeviceId;
    const audioDeviceId = this.audioDeviceId;
    const event = new DeviceCheckCompleteEvent({
      videoDeviceId,
      audioDeviceId,
      videoBitsPerSecond: this.videoBitsPerSecond,
      throughputBps: this.throughputBps,
      measuringForMs: this.connection.status === 'running' ? performance.now() - this.connection.startedAt : undefined,
      audioOnly: this.offerAudioOnly && this.audioOnly,
    });
    // The candidate need not wait for the connection test: it finishes after they go on.
    this.connection.finishInBackground();
    this.media.prefer({ videoDeviceId, audioDeviceId });
    // The recorder opens the devices next; two open captures of one camera fail on some systems (iOS ends the first).
    this.run++;
    this.stopMeasuring();
    this.media.release();
    this.completed = true;
    this.dispatchEvent(event);
  }

  private report(error: OnewayError, gate = true): void {
    const reported = explainForFrame(error, pageEmbedding());
    if (gate) {
      this.stopMeasuring();
      this.error = reported;
    }
    this.reportError(reported);
  }

  private async copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(location.href);
      this.linkCopied = true;
    } catch {
      // No clipboard in this browser: select the link so it can be copied by hand.
      this.renderRoot.querySelector<HTMLInputElement>('[part="page-link"]')?.select();
    }
  }

  protected override render() {
    return this.root(
      html`<h2 part="title">${this.i18n.t('deviceCheck.title')}</h2>
      ${this.renderContent()}`,
    );
  }

  private renderContent() {
    if (this.error) {
      return failureGuidance(this.i18n, this.error, {
        message: (error) => this.errorMessage(error.code),
        retry: () => void this.check(),
        copyLink: () => void this.copyLink(),
        linkCopied: this.linkCopied,
      });
    }
    if (this.completed) return html`<p part="done" role="status">${this.i18n.t('deviceCheck.done')}</p>`;
    const ready = this.status === 'ready';
    return html`
      <div part="stage">
        ${cameraPreview(this.i18n.t('cameraPreview'))}
      </div>
      ${this.prompt.waiting
        ? html`<p part="permission-hint" role="alert">${this.i18n.t('error.permission-timeout')}</p>`
        : nothing}
      <div part="devices">
        ${this.renderPicker('video', ready)} ${this.renderPicker('audio', ready)}
      </div>
      <div part="advice" aria-live="polite">
        <div part="microphone">
          <label for="level" part="level-label">${this.i18n.t('deviceCheck.level')}</label>
          <meter id="level" part="level-meter" min="0" max="1" low="0.15" high="0.9" optimum="0.5" .value=${this.levels.level}></meter>
          ${adviceLine(this.i18n, 'microphone-advice', MICROPHONE_GUIDANCE[this.levels.advice])}
          ${ready && !this.levels.running
            ? html`<button part="start-microphone-button" type="button" class="secondary" @click=${() => void this.levels.resume()}>
                ${this.i18n.t('deviceCheck.startMicrophone')}
              </button>`
            : nothing}
        </div>
        ${adviceLine(this.i18n, 'lighting-advice', LIGHTING_GUIDANCE[this.light.advice])}
        ${this.renderConnection()} ${this.renderStorage()}
      </div>
      <button part="continue-button" type="button" ?disabled=${!ready} @click=${() => this.continue()}>
        ${this.i18n.t('deviceCheck.continue')}
      </button>
    `;
  }

  private renderPicker(kind: DeviceKind, ready: boolean) {
    const video = kind === 'video';
    const devices = video ? this.devices.cameras : this.devices.microphones;
    const current = video ? this.videoDeviceId : this.audioDeviceId;
    const id = video ? 'camera' : 'microphone';
    return html`
      <div part=${`${id}-field`}>
        <label for=${id} part=${`${id}-label`}>${this.i18n.t(video ? 'deviceCheck.camera' : 'deviceCheck.microphone')}</label>
        <select
          id=${id}
          part=${`${id}-select`}
          ?disabled=${!ready || devices.length === 0}
          @change=${(event: Event) => void this.choose(kind, (event.target as HTMLSelectElement).value)}
        >
          ${devices.map(
            (device, index) => html`<option value=${device.deviceId} ?selected=${device.deviceId === current}>
              ${device.label ||
              this.i18n.t(video ? 'deviceCheck.unnamedCamera' : 'deviceCheck.unnamedMicrophone', { n: index + 1 })}
            </option>`,
          )}
        </select>
      </div>
    `;
  }

  private renderConnection() {
    if (!this.endpoint) return nothing;
    return html`
      ${connectionLine(this.i18n, this.connection.status, this.throughputBps)}
      ${this.offerAudioOnly
        ? html`<label part="audio-only">
            <input
              type="checkbox"
              .checked=${this.audioOnly}
              @change=${(event: Event) => (this.audioOnly = (event.target as HTMLInputElement).checked)}
            />
            ${this.i18n.t('deviceCheck.audioOnly')}
          </label>`
        : nothing}
    `;
  }

  private renderStorage() {
    const shortfall = this.storage.shortfall(this.maxAnswerSeconds, this.throughputBps);
    if (!shortfall) return nothing;
    return html`<p part="storage-warning" class="warning">
      ${this.i18n.t('deviceCheck.storageLow', { free: this.i18n.bytes(shortfall.freeBytes), needed: this.i18n.bytes(shortfall.neededBytes) })}
    </p>`;
  }
}

function hasLiveTrack(stream: MediaStream, kind: DeviceKind): boolean {
  const tracks = kind === 'video' ? stream.getVideoTracks() : stream.getAudioTracks();
  return tracks.some((track) => track.readyState === 'live');
}
