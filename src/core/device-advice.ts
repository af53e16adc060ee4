// The decisions of the device check, as pure functions of what was measured: microphone level →
// advice, picture brightness → advice, free space → warning (measured throughput → bitrate: link-policy.ts).
// The thresholds, and what the candidate is told for each piece of advice, are tables so they can be
// read, tested and tuned in one place.
import type { MessageKey } from '../i18n/en.js';
import type { ConnectionAdvice } from './link-policy.js';

/** What the candidate is told for a piece of advice, and whether it needs their attention. */
export interface Guidance {
  message: MessageKey;
  warning: boolean;
}

// ---------------------------------------------------------------------------------------------
// Microphone

/** The quietest level reported, in dBFS; digital silence is clamped to it. */
export const FLOOR_DB = -100;

/** Microphone thresholds in dBFS (RMS; 0 is full scale). */
export const MICROPHONE_THRESHOLDS = {
  /** A window whose loudest moment stays below this heard nothing: no voice, a muted or wrong microphone. */
  silenceDb: -50,
  /** A window whose quiet moments stay above this has steady background noise. */
  noiseFloorDb: -40,
  /** How long the candidate is given to speak before "We can't hear you". */
  windowMs: 4000,
  /** The share of the quietest samples taken as the noise floor. */
  floorPercentile: 0.2,
} as const;

export type MicrophoneAdvice = 'measuring' | 'ok' | 'silent' | 'noisy';

/** One level reading: when (ms, monotonic) and how loud (dBFS). */
export interface LevelSample {
  at: number;
  db: number;
}

/** What a window of level readings says: its loudest moment, its noise floor, and how long it spans. */
export interface LevelWindow {
  peakDb: number;
  floorDb: number;
  spanMs: number;
}

/** dBFS of an RMS amplitude (0…1), clamped to `FLOOR_DB`. */
export function rmsToDb(rms: number): number {
  if (!(rms > 0)) return FLOOR_DB;
  return Math.max(FLOOR_DB, Math.min(0, 20 * Math.log10(rms)));
}

/** RMS of audio samples (-1…1), e.g. from `AnalyserNode.getFloatTimeDomainData`. */
export function rms(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / samples.length);
}

/** The peak, noise floor and span of the readings taken in the last `windowMs` before `now`. */
export function levelWindow(
  samples: readonly LevelSample[],
  now: number,
  windowMs: number = MICROPHONE_THRESHOLDS.windowMs,
  floorPercentile: number = MICROPHONE_THRESHOLDS.floorPercentile,
): LevelWindow {
  const recent = samples.filter((sample) => sample.at >= now - windowMs && sample.at <= now);
  if (recent.length === 0) return { peakDb: FLOOR_DB, floorDb: FLOOR_DB, spanMs: 0 };
  const sorted = recent.map((sample) => sample.db).sort((a, b) => a - b);
  const floorIndex = Math.min(sorted.length - 1, Math.floor(sorted.length * floorPercentile));
  return {
    peakDb: sorted[sorted.length - 1],
    floorDb: sorted[floorIndex],
    spanMs: now - recent[0].at,
  };
}

/**
 * Advice from a window of readings: nothing until the candidate had the whole window to speak,
 * then "silent" when even its loudest moment was near silence, "noisy" when its quiet moments
 * were loud, else "ok".
 */
export function microphoneAdvice(window: LevelWindow, thresholds = MICROPHONE_THRESHOLDS): MicrophoneAdvice {
  // A little slack: readings arrive on a timer, so a full window spans slightly less than windowMs.
  if (window.spanMs < thresholds.windowMs * 0.9) return 'measuring';
  if (window.peakDb < thresholds.silenceDb) return 'silent';
  if (window.floorDb > thresholds.noiseFloorDb) return 'noisy';
  return 'ok';
}

/** What the candidate is told about the microphone. */
export const MICROPHONE_GUIDANCE: Readonly<Record<MicrophoneAdvice, Guidance>> = {
  measuring: { message: 'deviceCheck.speak', warning: false },
  ok: { message: 'deviceCheck.heard', warning: false },
  silent: { message: 'deviceCheck.silent', warning: true },
  noisy: { message: 'deviceCheck.noisy', warning: true },
};

/** The range the level meter shows, in dBFS: quieter reads as empty. */
export const METER_RANGE_DB = 60;

/** A level in dBFS as a meter position 0…1 (-60 dBFS and below is empty, 0 dBFS is full). */
export function meterValue(db: number): number {
  return Math.max(0, Math.min(1, (db + METER_RANGE_DB) / METER_RANGE_DB));
}

// ---------------------------------------------------------------------------------------------
// Lighting

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

/** What the candidate is told about the light. */
export const LIGHTING_GUIDANCE: Readonly<Record<LightingAdvice, Guidance>> = {
  measuring: { message: 'deviceCheck.lightMeasuring', warning: false },
  ok: { message: 'deviceCheck.lightOk', warning: false },
  'too-dark': { message: 'deviceCheck.tooDark', warning: true },
  'too-bright': { message: 'deviceCheck.tooBright', warning: true },
};

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

// ---------------------------------------------------------------------------------------------
// Connection

// The bitrate, capture size and advice for a measured throughput are in link-policy.ts.

/** What the candidate is told about a measured connection (`{speed}`: the throughput), or one that could not be measured. */
export const CONNECTION_GUIDANCE: Readonly<Record<ConnectionAdvice | 'failed', Guidance>> = {
  failed: { message: 'deviceCheck.connectionFailed', warning: true },
  ok: { message: 'deviceCheck.connectionOk', warning: false },
  slow: { message: 'deviceCheck.connectionSlow', warning: true },
  'too-slow-for-video': { message: 'deviceCheck.connectionTooSlow', warning: true },
};

/** Audio bitrate assumed for storage estimates when none is set (MediaRecorder's Opus/AAC default is about 128 kbit/s). */
export const AUDIO_BITS_PER_SECOND = 128_000;

// ---------------------------------------------------------------------------------------------
// Storage

/**
 * Room for more than one answer's bytes: a take stays on the device until the server confirms it,
 * and a retake may start while the previous one is still being sent.
 */
export const STORAGE_MARGIN = 1.5;

/** Bytes the longest answer can take at the given bitrates, with `STORAGE_MARGIN`. */
export function bytesForAnswer(
  maxAnswerSeconds: number,
  videoBitsPerSecond: number,
  audioBitsPerSecond: number = AUDIO_BITS_PER_SECOND,
): number {
  return Math.ceil((Math.max(0, maxAnswerSeconds) * (videoBitsPerSecond + audioBitsPerSecond) * STORAGE_MARGIN) / 8);
}

export type StorageAdvice = 'unknown' | 'ok' | 'low';

/** Whether free space (quota minus usage, from `navigator.storage.estimate()`) can hold the longest answer. */
export function storageAdvice(check: {
  quotaBytes?: number;
  usageBytes?: number;
  maxAnswerSeconds: number;
  videoBitsPerSecond: number;
  audioBitsPerSecond?: number;
}): StorageAdvice {
  if (check.quotaBytes === undefined || !Number.isFinite(check.quotaBytes)) return 'unknown';
  const free = check.quotaBytes - (check.usageBytes ?? 0);
  const needed = bytesForAnswer(check.maxAnswerSeconds, check.videoBitsPerSecond, check.audioBitsPerSecond);
  return free >= needed ? 'ok' : 'low';
}
