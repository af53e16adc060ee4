// How a recording is fitted to the candidate's uplink: one table from the measured upload
// throughput to the capture size, frame rate and the video and audio bitrates MediaRecorder is
// asked for, so that what the recording makes (video + audio + container + tus requests) stays
// under the throughput with a margin and the upload keeps up while the candidate speaks. Pure.

/** One row of the table: what is recorded when the throughput is at least `minBps`. */
export interface LinkTier {
  /** The lowest measured throughput (bits/s) this row is for. */
  minBps: number;
  /** Capture height in pixels (the width follows at 16:9). */
  height: number;
  /**
   * Capture frame rate. Fewer frames leave more bits for each, and it is the one lever every
   * encoder follows: Chromium's H.264 encoder spends ~4 KB on a detailed frame whatever bitrate
   * is asked for (~0.35 Mbit/s at 10 fps, 360p, on the bench's noisy camera), so slow rows drop frames.
   */
  frameRate: number;
  /** Opus (or AAC) bitrate: speech is clear at 24–48 kbit/s, far below MediaRecorder's ~128 kbit/s default. */
  audioBitsPerSecond: number;
  /** The most video bitrate worth spending at this size. */
  maxVideoBps: number;
}

/**
 * The table, fastest first. A nominal 0.4 Mbit/s uplink measures ~0.37–0.39 Mbit/s once latency
 * and headers are counted, so each row starts a little below the link speed it is meant for.
 */
export const LINK_TIERS: readonly LinkTier[] = Object.freeze([
  { minBps: 3_500_000, height: 720, frameRate: 30, audioBitsPerSecond: 48_000, maxVideoBps: 2_500_000 },
  { minBps: 2_000_000, height: 720, frameRate: 30, audioBitsPerSecond: 48_000, maxVideoBps: 2_000_000 },
  { minBps: 1_200_000, height: 540, frameRate: 24, audioBitsPerSecond: 40_000, maxVideoBps: 1_200_000 },
  { minBps: 800_000, height: 480, frameRate: 15, audioBitsPerSecond: 32_000, maxVideoBps: 700_000 },
  { minBps: 550_000, height: 360, frameRate: 12, audioBitsPerSecond: 32_000, maxVideoBps: 450_000 },
  { minBps: 350_000, height: 360, frameRate: 6, audioBitsPerSecond: 24_000, maxVideoBps: 300_000 },
  // Below the floor: video cannot keep up; the least that still shows the candidate.
  { minBps: 0, height: 240, frameRate: 5, audioBitsPerSecond: 24_000, maxVideoBps: 200_000 },
]);

/** How the recording is fitted under the throughput. */
export const LINK_FIT = Object.freeze({
  /**
   * The share of the throughput a recording is planned to take. With one request a second, Stop
   * can find one second's request on its way and the last second still to send: at 60 % that is
   * about 1.2 s, the rest absorbs the link's ups and downs.
   */
  margin: 0.6,
  /** The share a take may really take, the encoder's overshoot included: a row that went past it is passed over. */
  ceiling: 0.75,
  /** Container framing (MP4 fragments, WebM clusters) on top of the encoded streams. */
  containerOverhead: 0.03,
  /** tus request and response headers, about one PATCH a second. */
  tusOverheadBps: 8_000,
  /** Below this throughput video cannot keep up even in the lowest row: the candidate is told. */
  floorBps: 350_000,
  /** Below this the connection is called slow (video in visibly lower quality). */
  slowBps: 1_500_000,
  /** No encoder makes a usable picture below this. */
  minVideoBps: 80_000,
  /** What an encoder's overshoot is believed up to (an outlier take must not starve the next). */
  maxOvershoot: 4,
});

/** What to record with. */
export interface RecordingSettings {
  /** For MediaRecorder; undefined when nothing was measured (the browser's default). */
  videoBitsPerSecond: number | undefined;
  audioBitsPerSecond: number;
  /** Capture height (the width follows at 16:9). */
  height: number;
  frameRate: number;
  /** The row of {@link LINK_TIERS} used. */
  tier: number;
  /** The throughput is below the floor: even this recording will not keep up. */
  tooSlow: boolean;
}

/**
 * The settings for a recording over a link measured at `throughputBps` (undefined: not measured,
 * the top row at the browser's default bitrate). `overshoot[tier]` is what an earlier take in that
 * row really made against what was asked (1.4: 40 % more); a row where that would go past the
 * ceiling is passed over, so an encoder that ignores low bitrates gets fewer frames instead.
 */
export function fitRecording(throughputBps: number, overshoot?: readonly (number | undefined)[]): RecordingSettings & { videoBitsPerSecond: number };
export function fitRecording(throughputBps: number | undefined, overshoot?: readonly (number | undefined)[]): RecordingSettings;
export function fitRecording(throughputBps: number | undefined, overshoot: readonly (number | undefined)[] = []): RecordingSettings {
  if (throughputBps === undefined || !(throughputBps >= 0)) return settings(0, undefined, false);
  const last = LINK_TIERS.length - 1;
  for (let tier = 0; tier < last; tier++) {
    if (throughputBps < LINK_TIERS[tier].minBps) continue;
    const video = videoBitrate(tier, throughputBps);
    const made = (video + LINK_TIERS[tier].audioBitsPerSecond) * overshootOf(overshoot[tier]) * (1 + LINK_FIT.containerOverhead) + LINK_FIT.tusOverheadBps;
    if (made <= throughputBps * LINK_FIT.ceiling) return settings(tier, video, false);
  }
  return settings(last, videoBitrate(last, throughputBps), throughputBps < LINK_FIT.floorBps);
}

export type ConnectionAdvice = 'ok' | 'slow' | 'too-slow-for-video';

/** What to tell the candidate about a measured throughput (bits/s). */
export function connectionAdvice(throughputBps: number): ConnectionAdvice {
  if (!(throughputBps >= LINK_FIT.floorBps)) return 'too-slow-for-video';
  return throughputBps < LINK_FIT.slowBps ? 'slow' : 'ok';
}

/**
 * How much more a take made than it was asked for: bits per second recorded over the video and
 * audio bitrates requested, at least 1 (an encoder under its target leaves room, it needs none).
 */
export function overshootOf(ratio: number | undefined): number {
  return ratio !== undefined && ratio > 1 ? Math.min(LINK_FIT.maxOvershoot, ratio) : 1;
}

/** Video bits/s that fit: the throughput's share, less container, tus and audio, within the row's range. */
function videoBitrate(tier: number, throughputBps: number): number {
  const row = LINK_TIERS[tier];
  const streams = (throughputBps * LINK_FIT.margin) / (1 + LINK_FIT.containerOverhead) - LINK_FIT.tusOverheadBps;
  const video = Math.min(row.maxVideoBps, Math.max(LINK_FIT.minVideoBps, streams - row.audioBitsPerSecond));
  // Whole kbit/s: encoders do not care and people read it more easily.
  return Math.floor(video / 1000) * 1000;
}

function settings(tier: number, videoBitsPerSecond: number | undefined, tooSlow: boolean): RecordingSettings {
  const row = LINK_TIERS[tier];
  return {
    videoBitsPerSecond,
    audioBitsPerSecond: row.audioBitsPerSecond,
    height: row.height,
    frameRate: row.frameRate,
    tier,
    tooSlow,
  };
}
