// The decisions of the device check, as pure functions of what was measured: microphone level →
// advice, free space → warning (picture brightness → advice: lighting.ts; measured throughput →
// bitrate: link-policy.ts). The thresholds are tables so they can be read, tested and tuned in one place.
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

/** The range the level meter shows, in dBFS: quieter reads as empty. */
export const METER_RANGE_DB = 60;

/** A level in dBFS as a meter position 0…1 (-60 dBFS and below is empty, 0 dBFS is full). */
export function meterValue(db: number): number {
  return Math.max(0, Math.min(1, (db + METER_RANGE_DB) / METER_RANGE_DB));
}

// ---------------------------------------------------------------------------------------------
// Connection

// The bitrate, capture size and advice for a measured throughput are in link-policy.ts.

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
