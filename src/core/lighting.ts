// The light check of the device check, as pure functions of what was read from camera frames:
// which frames count, and mean luma → advice. The thresholds are a table so they can be read,
// tested and tuned in one place. Its own module: only the device check uses it, and the recorder's
// bundle need not carry it.

/** Mean luma thresholds (0…255, Rec. 709 weights) of the middle of the picture, where a face usually is. */
export const LIGHTING_THRESHOLDS = {
  tooDarkBelow: 55,
  tooBrightAbove: 210,
  /** Frames read before any advice: one frame may be a camera still starting, or a hand passing. */
  minReadings: 3,
  /** Below this a frame is black: at the start, a camera that has not painted yet (WebKit starts its video black). */
  blackBelow: 1,
  /** How long black frames at the start are taken for a camera still starting; after that they count (a covered lens). */
  blackStartMs: 2000,
} as const;

export type LightingThresholds = { readonly [K in keyof typeof LIGHTING_THRESHOLDS]: number };

export type LightingAdvice = 'measuring' | 'ok' | 'too-dark' | 'too-bright';

/** Mean luma (0…255) of RGBA pixels, e.g. `ImageData.data`. */
export function averageLuma(rgba: ArrayLike<number>): number {
  const pixels = Math.floor(rgba.length / 4);
  if (pixels === 0) return 0;
  let sum = 0;
  for (let i = 0; i < pixels * 4; i += 4) sum += 0.2126 * rgba[i] + 0.7152 * rgba[i + 1] + 0.0722 * rgba[i + 2];
  return sum / pixels;
}

/** Mean luma (0…255) of a drawn frame's RGBA pixels, or undefined when any is transparent: nothing was painted there yet. */
export function paintedLuma(rgba: ArrayLike<number>): number | undefined {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] < 255) return undefined;
  return rgba.length >= 4 ? averageLuma(rgba) : undefined;
}

/**
 * The brightness of a camera picture from frame readings: leaves out the black frames of a camera
 * still starting, smooths over readings so one odd frame does not flip the advice, and says
 * nothing until it has read several frames.
 */
export class LightingMeter {
  private readings = 0;
  private smoothed = 0;
  private sawPicture = false;
  private readonly startedAt: number;

  constructor(private readonly now: () => number, private readonly thresholds: LightingThresholds = LIGHTING_THRESHOLDS) {
    this.startedAt = now();
  }

  /** Takes one frame's mean luma (undefined: nothing painted); returns whether it counted. */
  add(luma: number | undefined): boolean {
    if (luma === undefined || Number.isNaN(luma)) return false;
    const black = luma < this.thresholds.blackBelow;
    if (black && !this.sawPicture && this.now() - this.startedAt < this.thresholds.blackStartMs) return false;
    if (!black) this.sawPicture = true;
    this.smoothed = this.readings === 0 ? luma : this.smoothed * 0.5 + luma * 0.5;
    this.readings++;
    return true;
  }

  /** Mean luma 0…255, smoothed; undefined until enough frames were read. */
  get brightness(): number | undefined {
    return this.readings >= this.thresholds.minReadings ? this.smoothed : undefined;
  }

  get advice(): LightingAdvice {
    return lightingAdvice(this.brightness, this.thresholds);
  }
}

/** Advice from the mean luma of the picture; undefined means nothing was measured yet. */
export function lightingAdvice(luma: number | undefined, thresholds: LightingThresholds = LIGHTING_THRESHOLDS): LightingAdvice {
  if (luma === undefined || Number.isNaN(luma)) return 'measuring';
  if (luma < thresholds.tooDarkBelow) return 'too-dark';
  if (luma > thresholds.tooBrightAbove) return 'too-bright';
  return 'ok';
}
