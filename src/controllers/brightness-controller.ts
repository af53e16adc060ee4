import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { averageLuma, lightingAdvice, type LightingAdvice } from '../core/device-advice.js';

export interface BrightnessControllerOptions {
  /** The video element that shows the camera. */
  video: () => HTMLVideoElement | null | undefined;
  /** How often a frame is sampled, ms: a few times a second is plenty for light that changes slowly. */
  intervalMs?: number;
}

/** The sampled picture is tiny: brightness needs no detail, and reading pixels back is the costly part. */
const SAMPLE_WIDTH = 32;
const SAMPLE_HEIGHT = 24;
const DEFAULT_INTERVAL_MS = 333;
/** The middle of the frame, where a face usually is, decides: a bright window behind a dark face still reads as dark. */
const CENTRE_SHARE = 0.6;

/**
 * The brightness of the camera picture: a few times a second, the middle of the current preview
 * frame is drawn onto a small canvas and its mean luma (0…255) taken, smoothed over readings.
 * Stops its timer when stopped or when the element leaves the page.
 */
export class BrightnessController implements ReactiveController {
  /** Mean luma of the middle of the picture, 0…255, once a frame was read. */
  brightness: number | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private context: CanvasRenderingContext2D | null | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: BrightnessControllerOptions) {
    host.addController(this);
  }

  get advice(): LightingAdvice {
    return lightingAdvice(this.brightness);
  }

  /** Starts sampling frames. */
  start(): void {
    if (this.timer !== undefined) return;
    this.brightness = undefined;
    this.timer = setInterval(() => this.sample(), this.options.intervalMs ?? DEFAULT_INTERVAL_MS);
  }

  /** Stops sampling and forgets the measurement. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.brightness = undefined;
  }

  hostDisconnected(): void {
    this.stop();
    this.context = undefined;
  }

  private sample(): void {
    const video = this.options.video();
    if (!video || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth || !video.videoHeight) return;
    if (globalThis.document?.visibilityState === 'hidden') return;
    const context = this.canvasContext();
    if (!context) return;
    const sw = video.videoWidth * CENTRE_SHARE;
    const sh = video.videoHeight * CENTRE_SHARE;
    try {
      context.drawImage(video, (video.videoWidth - sw) / 2, (video.videoHeight - sh) / 2, sw, sh, 0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT);
      const luma = averageLuma(context.getImageData(0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT).data);
      // Smoothed, so one odd frame (a hand passing) does not flip the advice.
      this.brightness = this.brightness === undefined ? luma : this.brightness * 0.5 + luma * 0.5;
      this.host.requestUpdate();
    } catch {
      // A frame that cannot be read (e.g. the track just ended) is skipped.
    }
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
