import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { captureSupportError, classifyMediaError, OnewayError } from '../core/errors.js';
import type { MediaKind } from '../core/mime-type.js';
import {
  applyDevicePreferences,
  defaultPreferenceStorage,
  loadDevicePreferences,
  saveDevicePreferences,
  type DevicePreferences,
  type PreferenceStorage,
} from '../core/device-preferences.js';

export type MediaStreamStatus = 'idle' | 'requesting' | 'ready' | 'error';

export interface MediaStreamControllerOptions {
  kind: () => MediaKind;
  /** Called when a problem is found (denied, no device, device unplugged …). */
  onError: (error: OnewayError) => void;
  /** Injected for tests; defaults to `navigator.mediaDevices`. */
  mediaDevices?: () => Pick<MediaDevices, 'getUserMedia'> | undefined;
  /** Where the chosen devices are remembered; injected for tests, defaults to `localStorage`. */
  storage?: () => PreferenceStorage | undefined;
  /** The element that shows the stream, kept in step with it after each host update. */
  preview?: () => HTMLMediaElement | null | undefined;
  /** The capture height and frame rate asked for (ideal values); 720 at the camera's rate when unset. */
  capture?: () => VideoCapture;
}

/** What the camera is asked for: ideal values, so a camera that cannot do them gives the nearest. */
export interface VideoCapture {
  /** Picture height; the width asked for follows at 16:9. */
  height?: number;
  frameRate?: number;
}

/**
 * Holds the camera/microphone stream of an element: asks for it (for the devices the candidate
 * chose, when they are still there), reports why it failed, notices a device that goes away, shows
 * it in the element's preview, and stops every track when the element leaves the page.
 */
export class MediaStreamController implements ReactiveController {
  stream: MediaStream | undefined;
  status: MediaStreamStatus = 'idle';
  error: OnewayError | undefined;
  private request = 0;
  /** The element the stream was last shown in, which may since have left the host's shadow root. */
  private shownIn: HTMLMediaElement | undefined;
  /** The capture the live video track was last asked for. */
  private captured: VideoCapture = {};
  /** The devices chosen on this page; they count even where storage cannot keep them. */
  private chosen: DevicePreferences | undefined;
  /** Removes the `ended` listeners of the stream's tracks. */
  private trackListeners: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: MediaStreamControllerOptions) {
    host.addController(this);
  }

  /** Asks for the camera and microphone (or the microphone alone for audio answers). */
  async acquire(): Promise<MediaStream | undefined> {
    const request = ++this.request;
    this.release();
    this.status = 'requesting';
    this.error = undefined;
    this.host.requestUpdate();
    const mediaDevices = this.options.mediaDevices?.() ?? globalThis.navigator?.mediaDevices;
    const unsupported = captureSupportError({
      isSecureContext: globalThis.isSecureContext !== false,
      hasMediaDevices: typeof mediaDevices?.getUserMedia === 'function',
      hasMediaRecorder: typeof globalThis.MediaRecorder === 'function',
    });
    try {
      if (unsupported) throw unsupported;
      const video = this.options.kind() === 'video';
      const capture = this.capture();
      const constraints: MediaStreamConstraints = {
        audio: { echoCancellation: true, noiseSuppression: true },
        video: video ? { ...videoConstraints(capture), facingMode: 'user' } : false,
      };
      // The camera and microphone chosen, unless they have gone since: then any device, so a
      // remembered device that was unplugged costs one request more, never more.
      const preferred = applyDevicePreferences(constraints, this.preferences);
      const stream = await mediaDevices!.getUserMedia(preferred).catch((error: unknown) => {
        // By name: Firefox's OverconstrainedError is not a DOMException.
        const name = (error as { name?: unknown } | null)?.name;
        const gone = name === 'OverconstrainedError' || name === 'NotFoundError';
        if (preferred === constraints || !gone) throw error;
        return mediaDevices!.getUserMedia(constraints);
      });
      if (request !== this.request) {
        stopTracks(stream);
        return undefined;
      }
      this.trackListeners = new AbortController();
      for (const track of stream.getTracks()) {
        track.addEventListener('ended', () => this.lost(stream, track), { once: true, signal: this.trackListeners.signal });
      }
      this.stream = stream;
      this.status = 'ready';
      this.captured = capture;
      return stream;
    } catch (cause) {
      if (request !== this.request) return undefined;
      this.fail(classifyMediaError(cause));
      return undefined;
    } finally {
      this.host.requestUpdate();
    }
  }

  /**
   * Asks the live camera for the capture now wanted (`capture` changed since it was opened), e.g.
   * a smaller picture for a slower link. While recording (`frameRateOnly`) only the frame rate
   * changes: fewer frames are safe half-way, a new size is not for every recorder.
   */
  async fitCapture(frameRateOnly = false): Promise<void> {
    const track = this.stream?.getVideoTracks()[0];
    const wanted = this.capture();
    const capture = frameRateOnly ? { ...this.captured, frameRate: wanted.frameRate } : wanted;
    if (!track || JSON.stringify(capture) === JSON.stringify(this.captured)) return;
    this.captured = capture;
    try {
      await track.applyConstraints(videoConstraints(capture));
    } catch {
      // The camera keeps what it had: a larger picture costs bitrate, not the recording.
    }
  }

  /** The devices asked for: the ones chosen on this page, else the ones remembered from before. */
  get preferences(): DevicePreferences {
    if (this.chosen) return this.chosen;
    const storage = this.storage();
    return storage ? loadDevicePreferences(storage) : {};
  }

  /** Chooses the devices to ask for from now on, and remembers them for the recorder and the next visit. */
  prefer(preferences: DevicePreferences): void {
    this.chosen = preferences;
    const storage = this.storage();
    if (storage) saveDevicePreferences(preferences, storage);
  }

  private storage(): PreferenceStorage | undefined {
    return this.options.storage ? this.options.storage() : defaultPreferenceStorage();
  }

  private capture(): VideoCapture {
    return this.options.capture?.() ?? {};
  }

  /** Takes the stream out of the preview, then stops every track. */
  release(): void {
    // Without accelerated compositing, WebKitGTK's web process can deadlock when the tracks a
    // <video> is playing stop under it.
    this.showInPreview(undefined);
    this.trackListeners?.abort();
    if (this.stream) stopTracks(this.stream);
    this.stream = undefined;
    if (this.status === 'ready') this.status = 'idle';
  }

  hostUpdated(): void {
    this.showInPreview(this.stream);
  }

  hostDisconnected(): void {
    this.request++;
    this.release();
    this.status = 'idle';
  }

  private lost(stream: MediaStream, track: MediaStreamTrack): void {
    if (stream !== this.stream) return;
    this.release();
    // Not the device's label: it can name its owner ("Anna's AirPods"), and the message reaches the
    // host's logs and the diagnostic report.
    this.fail(new OnewayError('device-lost', `The ${track.kind} device stopped.`, true));
    this.host.requestUpdate();
  }

  /** Shows `stream` in the current preview, and takes it out of a preview the host no longer renders. */
  private showInPreview(stream: MediaStream | undefined): void {
    const preview = this.options.preview?.() ?? undefined;
    if (this.shownIn && this.shownIn !== preview) this.shownIn.srcObject = null;
    if (preview && preview.srcObject !== (stream ?? null)) preview.srcObject = stream ?? null;
    this.shownIn = stream ? preview : undefined;
  }

  private fail(error: OnewayError): void {
    this.status = 'error';
    this.error = error;
    this.options.onError(error);
  }
}

function videoConstraints({ height = 720, frameRate }: VideoCapture): MediaTrackConstraints {
  // Even: encoders want even sizes.
  const width = Math.round((height * 16) / 9 / 2) * 2;
  return { width: { ideal: width }, height: { ideal: height }, ...(frameRate ? { frameRate: { ideal: frameRate } } : {}) };
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** The state of a permission, or undefined where the browser cannot tell (e.g. Firefox before 131 for the camera). */
export async function permissionState(
  name: 'camera' | 'microphone',
  permissions: Pick<Permissions, 'query'> | undefined = globalThis.navigator?.permissions,
): Promise<PermissionState | undefined> {
  try {
    return (await permissions?.query({ name: name as PermissionName }))?.state;
  } catch {
    return undefined;
  }
}
