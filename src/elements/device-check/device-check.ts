import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AudioLevelController } from '../../controllers/audio-level-controller.js';
import { BrightnessController } from '../../controllers/brightness-controller.js';
import { MediaStreamController, permissionState } from '../../controllers/media-stream-controller.js';
import { UploadPreflightController } from '../../controllers/upload-preflight-controller.js';
import {
  detectInAppBrowser,
  iframeBlockedError,
  IN_APP_NAMES,
  inAppBrowserError,
  permissionHelp,
  suggestedBrowser,
  type FeaturePolicyLike,
} from '../../core/browser-guidance.js';
import { bytesForAnswer, storageAdvice } from '../../core/device-advice.js';
import { connectionAdvice, fitRecording, LINK_TIERS } from '../../core/link-policy.js';
import {
  applyDevicePreferences,
  loadDevicePreferences,
  saveDevicePreferences,
  type DevicePreferences,
} from '../../core/device-preferences.js';
import { OnewayError } from '../../core/errors.js';
import { timerDelayMs } from '../../core/countdown-clock.js';
import type { AuthorizeHook } from '../../core/tus-stream.js';
import { ConnectionMeasuredEvent } from '../../events/connection-measured.js';
import { DeviceCheckCompleteEvent } from '../../events/device-check-complete.js';
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
  @state() private permissionWaiting = false;
  @state() private cameras: MediaDeviceInfo[] = [];
  @state() private microphones: MediaDeviceInfo[] = [];
  @state() private storageEstimate: { quota?: number; usage?: number } | undefined;
  @state() private completed = false;
  @state() private linkCopied = false;

  @query('video') private preview!: HTMLVideoElement | null;


  private preferences: DevicePreferences = {};
  private run = 0;
  private hintTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly media = new MediaStreamController(this, {
    kind: () => 'video',
    onError: (error) => this.report(error),
    mediaDevices: () => this.preferredMediaDevices(),
    preview: () => this.preview,
  });

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
    this.preferences = loadDevicePreferences();
    globalThis.navigator?.mediaDevices?.addEventListener?.('devicechange', this.onDeviceChange);
    void this.check();
    if (this.endpoint && !this.blockedError() && this.connection.status !== 'done') void this.connection.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.run++;
    clearTimeout(this.hintTimer);
    globalThis.navigator?.mediaDevices?.removeEventListener?.('devicechange', this.onDeviceChange);
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
    return this.media.stream?.getVideoTracks()[0]?.getSettings().deviceId ?? this.preferences.videoDeviceId;
  }

  /** The id of the microphone in use. */
  get audioDeviceId(): string | undefined {
    return this.media.stream?.getAudioTracks()[0]?.getSettings().deviceId ?? this.preferences.audioDeviceId;
  }

  /** The microphone level as the meter shows it, 0…1. */
  get audioLevel(): number {
    return this.levels.level;
  }

  /** Mean brightness (luma, 0…255) of the middle of the camera picture; undefined until a frame was measured. */
  get brightness(): number | undefined {
    return this.light.brightness;
  }

  /** Checks the camera and microphone again (the same as pressing "Try again"). */
  async check(): Promise<void> {
    const run = ++this.run;
    this.error = undefined;
    this.completed = false;
    this.permissionWaiting = false;
    this.levels.detach();
    this.light.stop();
    const blocked = this.blockedError();
    if (blocked) {
      this.media.release();
      this.report(blocked);
      return;
    }
    this.startPermissionHint(run);
    const stream = await this.media.acquire();
    clearTimeout(this.hintTimer);
    if (run !== this.run) return;
    this.permissionWaiting = false;
    if (!stream) return;
    this.levels.attach(stream);
    this.light.start();
    await Promise.all([this.listDevices(), this.estimateStorage()]);
  }


  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') && changed.get('endpoint') !== undefined && this.isConnected) {
      if (this.endpoint && !this.blockedError()) void this.connection.run();
    }
  }

  /** Problems found before asking for the camera: an iframe without the camera, an app's built-in browser. */
  private blockedError(): OnewayError | undefined {
    return iframeBlockedError(currentEmbedding()) ?? inAppBrowserError(globalThis.navigator?.userAgent ?? '');
  }

  /** `navigator.mediaDevices` with the candidate's device choice applied, falling back to any device when a remembered one is gone. */
  private preferredMediaDevices(): Pick<MediaDevices, 'getUserMedia'> | undefined {
    const devices = globalThis.navigator?.mediaDevices;
    if (typeof devices?.getUserMedia !== 'function') return undefined;
    return {
      getUserMedia: async (constraints?: MediaStreamConstraints) => {
        const preferred = applyDevicePreferences(constraints ?? {}, this.preferences);
        if (preferred === constraints) return devices.getUserMedia(constraints);
        try {
          return await devices.getUserMedia(preferred);
        } catch (error) {
          const name = (error as { name?: string } | undefined)?.name;
          if (name !== 'OverconstrainedError' && name !== 'NotFoundError') throw error;
          return devices.getUserMedia(constraints);
        }
      },
    };
  }

  private startPermissionHint(run: number): void {
    clearTimeout(this.hintTimer);
    const seconds = this.permissionHintSeconds;
    if (!(seconds >= 0)) return;
    this.hintTimer = setTimeout(() => void this.permissionUnanswered(run, seconds), timerDelayMs(seconds));
  }

  private async permissionUnanswered(run: number, seconds: number): Promise<void> {
    if (run !== this.run || this.media.status !== 'requesting') return;
    // Both already granted: the devices are merely slow to start, there is no prompt to look for.
    if ((await permissionState('camera')) === 'granted' && (await permissionState('microphone')) === 'granted') return;
    if (run !== this.run || this.media.status !== 'requesting') return;
    this.permissionWaiting = true;
    this.report(
      new OnewayError('permission-timeout', `The camera and microphone permission prompt was not answered within ${seconds} s.`, true),
      false,
    );
  }

  private async listDevices(): Promise<void> {
    const mediaDevices = globalThis.navigator?.mediaDevices;
    if (typeof mediaDevices?.enumerateDevices !== 'function') return;
    try {
      const devices = await mediaDevices.enumerateDevices();
      this.cameras = devices.filter((device) => device.kind === 'videoinput' && device.deviceId);
      this.microphones = devices.filter((device) => device.kind === 'audioinput' && device.deviceId);
    } catch {
      // Without the list the pickers stay empty; the devices in use still work.
    }
  }

  private readonly onDeviceChange = () => {
    if (this.error?.code === 'no-device') void this.check();
    else if (this.status === 'ready') void this.listDevices();
  };

  private async estimateStorage(): Promise<void> {
    const storage = globalThis.navigator?.storage;
    if (typeof storage?.estimate !== 'function') return;
    // Answers are kept on the device until the server has them: ask the browser not to evict them.
    // Not awaited: Firefox asks the candidate, and the request stays pending until they answer.
    void (async () => {
      if (typeof storage.persisted === 'function' && !(await storage.persisted())) await storage.persist?.();
    })().catch(() => undefined);
    try {
      const { quota, usage } = await storage.estimate();
      this.storageEstimate = { quota, usage };
    } catch {
      this.storageEstimate = undefined;
    }
  }

  private async choose(kind: DeviceKind, deviceId: string): Promise<void> {
    this.preferences = { ...this.preferences, [kind === 'video' ? 'videoDeviceId' : 'audioDeviceId']: deviceId };
    saveDevicePreferences(this.preferences);
    await this.check();
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
    this.preferences = { videoDeviceId, audioDeviceId };
    saveDevicePreferences(this.preferences);
    // The recorder opens the devices next; two open captures of one camera fail on some systems (iOS ends the first).
    this.run++;
    this.levels.detach();
    this.light.stop();
    this.media.release();
    this.completed = true;
    this.dispatchEvent(event);
  }

  private report(error: OnewayError, gate = true): void {
    let reported = error;
    if (error.code === 'permission-denied' && currentEmbedding().framed) {
      reported = new OnewayError(
        error.code,
        `${error.message} The page runs in an iframe: if the candidate did not block the camera, the embedding <iframe> needs allow="camera; microphone".`,
        error.recoverable,
        { cause: error },
      );
    }
    if (gate) {
      clearTimeout(this.hintTimer);
      this.permissionWaiting = false;
      this.levels.detach();
      this.light.stop();
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
    if (this.error) return this.renderError(this.error);
    if (this.completed) return html`<p part="done" role="status">${this.i18n.t('deviceCheck.done')}</p>`;
    const ready = this.status === 'ready';
    return html`
      <div part="stage">
        ${cameraPreview(this.i18n.t('cameraPreview'))}
      </div>
      ${this.permissionWaiting
        ? html`<p part="permission-hint" role="alert">${this.i18n.t('error.permission-timeout')}</p>`
        : nothing}
      <div part="devices">
        ${this.renderPicker('video', ready)} ${this.renderPicker('audio', ready)}
      </div>
      <div part="advice" aria-live="polite">
        <div part="microphone">
          <label for="level" part="level-label">${this.i18n.t('deviceCheck.level')}</label>
          <meter id="level" part="level-meter" min="0" max="1" low="0.15" high="0.9" optimum="0.5" .value=${this.levels.level}></meter>
          <p part="microphone-advice" class=${this.levels.advice === 'silent' || this.levels.advice === 'noisy' ? 'warning' : ''}>
            ${this.microphoneText()}
          </p>
          ${ready && !this.levels.running
            ? html`<button part="start-microphone-button" type="button" class="secondary" @click=${() => void this.levels.resume()}>
                ${this.i18n.t('deviceCheck.startMicrophone')}
              </button>`
            : nothing}
        </div>
        <p part="lighting-advice" class=${this.light.advice === 'too-dark' || this.light.advice === 'too-bright' ? 'warning' : ''}>
          ${this.lightingText()}
        </p>
        ${this.renderConnection()} ${this.renderStorage()}
      </div>
      <button part="continue-button" type="button" ?disabled=${!ready} @click=${() => this.continue()}>
        ${this.i18n.t('deviceCheck.continue')}
      </button>
    `;
  }

  private renderPicker(kind: DeviceKind, ready: boolean) {
    const video = kind === 'video';
    const devices = video ? this.cameras : this.microphones;
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

  private microphoneText(): string {
    switch (this.levels.advice) {
      case 'silent':
        return this.i18n.t('deviceCheck.silent');
      case 'noisy':
        return this.i18n.t('deviceCheck.noisy');
      case 'ok':
        return this.i18n.t('deviceCheck.heard');
      default:
        return this.i18n.t('deviceCheck.speak');
    }
  }

  private lightingText(): string {
    switch (this.light.advice) {
      case 'too-dark':
        return this.i18n.t('deviceCheck.tooDark');
      case 'too-bright':
        return this.i18n.t('deviceCheck.tooBright');
      case 'ok':
        return this.i18n.t('deviceCheck.lightOk');
      default:
        return this.i18n.t('deviceCheck.lightMeasuring');
    }
  }

  private renderConnection() {
    if (!this.endpoint) return nothing;
    const status = this.connection.status;
    const throughput = this.throughputBps;
    let text: string;
    let warning = false;
    if (status === 'failed') {
      text = this.i18n.t('deviceCheck.connectionFailed');
      warning = true;
    } else if (status !== 'done' || throughput === undefined) {
      text = `${this.i18n.t('deviceCheck.connectionChecking')} ${this.i18n.t('deviceCheck.connectionBackground')}`;
    } else {
      const advice = connectionAdvice(throughput);
      const speed = this.formatSpeed(throughput);
      text = this.i18n.t(
        advice === 'ok' ? 'deviceCheck.connectionOk' : advice === 'slow' ? 'deviceCheck.connectionSlow' : 'deviceCheck.connectionTooSlow',
        { speed },
      );
      warning = advice !== 'ok';
    }
    return html`
      <p part="connection" class=${warning ? 'warning' : ''}>${text}</p>
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
    const estimate = this.storageEstimate;
    if (!estimate) return nothing;
    const fit = fitRecording(this.throughputBps);
    const videoBitsPerSecond = fit.videoBitsPerSecond ?? LINK_TIERS[0].maxVideoBps;
    const audioBitsPerSecond = fit.audioBitsPerSecond;
    const check = { quotaBytes: estimate.quota, usageBytes: estimate.usage, maxAnswerSeconds: this.maxAnswerSeconds, videoBitsPerSecond, audioBitsPerSecond };
    if (storageAdvice(check) !== 'low') return nothing;
    return html`<p part="storage-warning" class="warning">
      ${this.i18n.t('deviceCheck.storageLow', {
        free: this.i18n.bytes(Math.max(0, (estimate.quota ?? 0) - (estimate.usage ?? 0))),
        needed: this.i18n.bytes(bytesForAnswer(this.maxAnswerSeconds, videoBitsPerSecond, audioBitsPerSecond)),
      })}
    </p>`;
  }

  private renderError(error: OnewayError) {
    const userAgent = globalThis.navigator?.userAgent ?? '';
    const app = error.code === 'in-app-browser' ? detectInAppBrowser(userAgent) : undefined;
    const message = app
      ? this.i18n.t('deviceCheck.inApp', { app: IN_APP_NAMES[app], browser: suggestedBrowser(userAgent, this.i18n.messages) })
      : this.errorMessage(error.code);
    return html`
      <div part="error" role="alert">
        <p part="error-message">${message}</p>
        ${error.code === 'permission-denied' ? this.renderPermissionSteps(userAgent) : nothing}
        ${error.code === 'in-app-browser' ? this.renderCopyLink() : nothing}
        ${error.recoverable
          ? html`<button part="retry-button" type="button" @click=${() => void this.check()}>${this.i18n.t('tryAgain')}</button>`
          : nothing}
      </div>
    `;
  }

  private renderPermissionSteps(userAgent: string) {
    const { browser, steps } = permissionHelp(userAgent, this.i18n.messages);
    return html`
      <p part="help-intro">${this.i18n.t('deviceCheck.permissionSteps')}</p>
      <ol part="help-steps" data-browser=${browser}>
        ${steps.map((step) => html`<li>${step}</li>`)}
      </ol>
    `;
  }

  /** A throughput for people: `850 kbit/s`, `4.2 Mbit/s`. */
  private formatSpeed(bitsPerSecond: number): string {
    if (bitsPerSecond >= 1_000_000) {
      return this.i18n.t('deviceCheck.mbps', { value: this.i18n.number(bitsPerSecond / 1_000_000, { maximumFractionDigits: 1 }) });
    }
    return this.i18n.t('deviceCheck.kbps', { value: Math.round(bitsPerSecond / 1000) });
  }

  private renderCopyLink() {
    return html`
      <div part="link-row">
        <input part="page-link" type="url" readonly aria-label=${this.i18n.t('deviceCheck.pageLink')} .value=${location.href} />
        <button part="copy-link-button" type="button" @click=${() => void this.copyLink()}>${this.i18n.t('deviceCheck.copyLink')}</button>
      </div>
      <p part="link-status" role="status">${this.linkCopied ? this.i18n.t('deviceCheck.linkCopied') : ''}</p>
    `;
  }
}

function hasLiveTrack(stream: MediaStream, kind: DeviceKind): boolean {
  const tracks = kind === 'video' ? stream.getVideoTracks() : stream.getAudioTracks();
  return tracks.some((track) => track.readyState === 'live');
}

/** The embedding facts of this page, for `iframeBlockedError`. */
function currentEmbedding(): { framed: boolean; policy?: FeaturePolicyLike } {
  const framed = globalThis.window !== undefined && window.self !== window.top;
  const doc = globalThis.document as (Document & { featurePolicy?: FeaturePolicyLike; permissionsPolicy?: FeaturePolicyLike }) | undefined;
  return { framed, policy: doc?.permissionsPolicy ?? doc?.featurePolicy };
}
