import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LightingMeter, paintedLuma, type LightingAdvice } from '../core/lighting.js';
import type { TimerHandle, Timers } from '../core/timers.js';

export interface BrightnessControllerOptions {
  /** The video element that shows the camera. */
  video: () => HTMLVideoElement | null | undefined;
  /** How often a frame is sampled, ms: a few times a second is plenty for light that changes slowly. */
  intervalMs?: number;
  /** Defaults to the page's timers; injected for tests. */
  timers?: Timers;
  /** The monotonic clock, ms; `performance.now()` unless a test injects another. */
  now?: () => number;
}

/** The sampled picture is tiny: brightness needs no detail, and reading pixels back is the costly part. */
const SAMPLE_WIDTH = 32;
const SAMPLE_HEIGHT = 24;
const DEFAULT_INTERVAL_MS = 333;
/** The middle of the frame, where a face usually is, decides: a bright window behind a dark face still reads as dark. */
const CENTRE_SHARE = 0.6;
/**
 * How long to wait for `requestVideoFrameCallback` before sampling without it: browsers do not
 * call it for a preview the page hides, whose frames can still be read.
 */
const FRAME_CALLBACK_WAIT_MS = 1500;

/**
 * The brightness of the camera picture: a few times a second, the middle of the latest preview
 * frame (one the video has painted: `requestVideoFrameCallback`) is drawn onto a small canvas and
 * its mean luma (0…255) read; `LightingMeter` turns the readings into advice. Stops its timer and
 * frame callback when stopped or when the element leaves the page.
 */
export class BrightnessController implements ReactiveController {
  private meter: LightingMeter | undefined;
  private timer: TimerHandle | undefined;
  private context: CanvasRenderingContext2D | null | undefined;
  /** The pending frame callback and the video it was asked of. */
  private frameWatch: { video: HTMLVideoElement; handle: number; since: number } | undefined;
  /** The video that painted a frame since the last sample. */
  private painted: HTMLVideoElement | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: BrightnessControllerOptions) {
    host.addController(this);
  }

  /** Mean luma of the middle of the picture, 0…255, once enough frames were read. */
  get brightness(): number | undefined {
    return this.meter?.brightness;
  }

  get advice(): LightingAdvice {
    return this.meter?.advice ?? 'measuring';
  }

  /** Starts sampling frames. */
  start(): void {
    if (this.timer !== undefined) return;
    this.meter = new LightingMeter(this.now);
    this.timer = this.timers.setInterval(() => this.sample(), this.options.intervalMs ?? DEFAULT_INTERVAL_MS);
  }

  /** Stops sampling and forgets the measurement. */
  stop(): void {
    this.timers.clearInterval(this.timer);
    this.timer = undefined;
    this.meter = undefined;
    this.unwatchFrames();
  }

  hostDisconnected(): void {
    this.stop();
    this.context = undefined;
  }

  private get timers(): Timers {
    return this.options.timers ?? globalThis;
  }

  private readonly now = (): number => (this.options.now ?? (() => performance.now()))();

  private sample(): void {
    const video = this.options.video();
    if (!video || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth || !video.videoHeight) return;
    if (globalThis.document?.visibilityState === 'hidden') return;
    if (!this.paintedSinceLastSample(video)) return;
    const context = this.canvasContext();
    if (!context || !this.meter) return;
    const sw = video.videoWidth * CENTRE_SHARE;
    const sh = video.videoHeight * CENTRE_SHARE;
    try {
      context.clearRect(0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT);
      context.drawImage(video, (video.videoWidth - sw) / 2, (video.videoHeight - sh) / 2, sw, sh, 0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT);
      if (this.meter.add(paintedLuma(context.getImageData(0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT).data))) this.host.requestUpdate();
    } catch {
      // A frame that cannot be read (e.g. the track just ended) is skipped.
    }
  }

  /** Whether `video` painted a new frame since the last sample (as far as the browser can tell). */
  private paintedSinceLastSample(video: HTMLVideoElement): boolean {
    if (typeof video.requestVideoFrameCallback !== 'function') return true;
    const painted = this.painted === video;
    this.painted = undefined;
    if (this.frameWatch?.video !== video) this.unwatchFrames();
    if (this.frameWatch) return this.now() - this.frameWatch.since >= FRAME_CALLBACK_WAIT_MS;
    const handle = video.requestVideoFrameCallback(() => {
      this.frameWatch = undefined;
      this.painted = video;
    });
    this.frameWatch = { video, handle, since: this.now() };
    return painted;
  }

  private unwatchFrames(): void {
    this.frameWatch?.video.cancelVideoFrameCallback(this.frameWatch.handle);
    this.frameWatch = undefined;
    this.painted = undefined;
  }

  private canvasContext(): CanvasRenderingContext2D | null {
    if (this.context === undefined) {
      const canvas = document.createElement('canvas');
      canvas.width = SAMPLE_WIDTH;
      canvas.height = SAMPLE_HEIGHT;
      this.context = canvas.getContext('2d', { willReadFrequently: true });
    }
    return this.context;
  }
}
