// What an interview does to keep its recordings fitted to the candidate's uplink, as the events
// of the interview reach it. A chunk of its own: the interview loads it when it connects.
import type { MessageKey } from '../i18n/en.js';
import { fitRecording, LINK_FIT, type RecordingSettings } from './link-policy.js';
import type { UploadProgress } from './take.js';
import { ThroughputTracker } from './throughput-tracker.js';
import type { AuthorizeHook } from './streaming-upload.js';
import { SpeedMeter } from './upload-stats.js';
import { PREFLIGHT_BYTES, PREFLIGHT_TIMEOUT_MS, UploadPreflight, type PreflightOptions, type PreflightResult } from './upload-preflight.js';

export const LINK_WATCH = Object.freeze({
  /** The test upload before a question: a second or two at 0.4 Mbit/s, a fraction of one on a fast link. */
  probeBytes: 128 * 1024,
  probeTimeoutMs: 8_000,
  /** An upload this far behind its recording gets the candidate a note… */
  slowBehindMs: 4_000,
  /** …until it is this close again. */
  caughtUpMs: 1_500,
  /** A take shorter than this says more about its first keyframe than about the encoder. */
  minTakeMs: 5_000,
  /** The frame rate a take is slowed to at the least, when it records more than the link carries. */
  minLiveFrameRate: 5,
  /** How much of a take's recording rate is looked at (ms), from its second second on. */
  liveWindowMs: 3_000,
});

export interface LinkWatchOptions {
  /** The tus endpoint a test upload goes to. */
  endpoint: () => string;
  authorize: () => AuthorizeHook | undefined;
  /** Something the candidate sees may have changed. */
  onChange: () => void;
  /** Milliseconds, monotonic; injected for tests. */
  now?: () => number;
  /** Makes the test upload; injected for tests. */
  createProbe?: (options: PreflightOptions) => Pick<UploadPreflight, 'run' | 'cancel'>;
}

/**
 * Keeps an interview's recordings fitted to the candidate's uplink: takes the device check's
 * measurement whenever it comes (also after "Continue"), measures the link with a small test
 * upload before each recorded question when nothing else just did, follows every answer's upload,
 * learns what the encoder really makes at each size, and says when an upload falls behind.
 */
export class LinkWatch {
  readonly tracker: ThroughputTracker;
  private readonly now: () => number;
  /** Per row of the policy table: what the last take there made against what it asked for. */
  private readonly overshoot: (number | undefined)[] = [];
  private readonly takes = new Map<string, RecordingSettings>();
  private readonly behind = new Set<string>();
  /** A test upload under way: until it ends, its bytes not being through bound the throughput. */
  private pending: { since: number; bytes: number } | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private lastTestAt = Number.NEGATIVE_INFINITY;
  /** What the last test upload measured: a whole test, not one second's request, is what "too slow for video" is said of. */
  private lastTestBps: number | undefined;
  private lastTakeAt = Number.NEGATIVE_INFINITY;
  /** The take being recorded: since when, how fast it records, and the frame rate it is slowed to. */
  private live: { key: string; since: number; meter: SpeedMeter; frameRate: number } | undefined;
  /** The test upload before a question, cancelled when a take starts (it would share the link). */
  private probe: Pick<UploadPreflight, 'run' | 'cancel'> | undefined;
  private shown: RecordingSettings | undefined;

  constructor(private readonly options: LinkWatchOptions) {
    this.now = options.now ?? (() => performance.now());
    this.tracker = new ThroughputTracker(this.now);
  }

  /**
   * What the next take is recorded with, for the link as last measured. While a test upload is
   * under way, the link carries less than its bytes over the time so far: a take that starts
   * before a slow test ends assumes the test is halfway, at half that rate.
   */
  get settings(): RecordingSettings {
    let throughput = this.tracker.bitsPerSecond;
    // A test gives up at its time limit: one that never reported back (it failed) bounds nothing.
    if (this.pending && this.now() - this.pending.since > PREFLIGHT_TIMEOUT_MS + 2000) this.testing(undefined);
    if (this.pending) {
      const bound = (this.pending.bytes * 8000) / 2 / Math.max(1, this.now() - this.pending.since);
      throughput = Math.min(throughput ?? bound, bound);
    }
    const fit = fitRecording(throughput, this.overshoot);
    // During a take only its frame rate can change: never up, down with the link or the take's own rate.
    if (this.live) fit.frameRate = Math.min(fit.frameRate, this.live.frameRate);
    return (this.shown = fit);
  }

  /** The device check is done: its measurement, or how long its test has been running. */
  deviceChecked(detail: { throughputBps: number | undefined; measuringForMs?: number }): void {
    if (detail.measuringForMs !== undefined) this.testing(this.now() - detail.measuringForMs, PREFLIGHT_BYTES);
    if (detail.throughputBps !== undefined) this.tested(detail.throughputBps);
  }

  /** A test upload of `bytes` (the device check's, unless said) measured the link: it counts from the next take on. */
  tested(throughputBps: number, bytes = PREFLIGHT_BYTES): void {
    this.testing(undefined);
    this.lastTestAt = this.now();
    this.lastTestBps = throughputBps;
    this.tracker.tested(throughputBps, bytes);
    this.options.onChange();
  }

  /**
   * A question to record is shown: the link is measured now (links change during an interview),
   * unless an upload is measuring it already or a test did since the last take.
   */
  questionShown(): void {
    const endpoint = this.options.endpoint();
    if (!endpoint || this.pending || this.tracker.uploading || this.lastTestAt > this.lastTakeAt) return;
    const probe = (this.options.createProbe ?? ((options) => new UploadPreflight(options)))({
      endpoint,
      authorize: (request) => this.options.authorize()?.(request),
      bytes: LINK_WATCH.probeBytes,
      timeoutMs: LINK_WATCH.probeTimeoutMs,
    });
    this.probe = probe;
    this.testing(this.now(), LINK_WATCH.probeBytes);
    probe.run().then(
      (result: PreflightResult) => {
        if (this.probe !== probe) return;
        this.probe = undefined;
        this.tested(result.throughputBps, result.bytesSent);
      },
      () => {
        // Unreachable, refused or cancelled: the answers' own uploads say how the link is, and report errors.
        if (this.probe !== probe) return;
        this.probe = undefined;
        this.testing(undefined);
      },
    );
  }

  /** A take starts with the settings last rendered. */
  takeStarted(key: string): void {
    this.cancelProbe();
    const settings = this.shown ?? this.settings;
    this.takes.set(key, settings);
    this.live = { key, since: this.now(), meter: this.liveMeter(), frameRate: settings.frameRate };
  }

  /** A take stopped: what it really made tells how the encoder follows the bitrate asked for. */
  takeStopped(key: string, take: { bytes: number; durationMs: number; kind?: string }): void {
    const settings = this.takes.get(key);
    this.takes.delete(key);
    if (this.live?.key === key) this.live = undefined;
    this.lastTakeAt = this.now();
    if (!settings?.videoBitsPerSecond || take.kind !== 'video' || take.durationMs < LINK_WATCH.minTakeMs) return;
    const recordedBps = (take.bytes * 8 * 1000) / take.durationMs;
    this.overshoot[settings.tier] = recordedBps / (settings.videoBitsPerSecond + settings.audioBitsPerSecond);
  }

  /**
   * A progress report of the take `key`'s upload. A take that records faster than the link
   * carries (an encoder that ignores the bitrate it was asked for) is slowed to fewer frames at
   * once, rather than leaving seconds of backlog for after Stop.
   */
  progress(key: string, progress: UploadProgress): void {
    this.tracker.report(key, progress);
    const live = this.live;
    if (live?.key === key && !progress.recordingEnded && this.now() - live.since >= 1000) {
      live.meter.record(progress.bytesRecorded);
      const recordedBps = (live.meter.bytesPerSecond ?? 0) * 8;
      const link = this.tracker.bitsPerSecond;
      if (link && recordedBps > link * LINK_FIT.ceiling && live.frameRate > LINK_WATCH.minLiveFrameRate) {
        live.frameRate = Math.max(LINK_WATCH.minLiveFrameRate, Math.floor((live.frameRate * link * LINK_FIT.margin) / recordedBps));
        // Measured again from here: the old rate must not count against the new frame rate.
        live.since = this.now();
        live.meter = this.liveMeter();
        this.options.onChange();
      }
    }
    const behindMs = this.tracker.behindMs(key);
    if (behindMs > LINK_WATCH.slowBehindMs) this.behind.add(key);
    else if (behindMs < LINK_WATCH.caughtUpMs) this.behind.delete(key);
  }

  /** The take `key` was thrown away. */
  discarded(key: string): void {
    this.tracker.forget(key);
    this.behind.delete(key);
  }

  /**
   * What to tell the candidate about the take `key`: its upload is behind; or, where `video` is
   * recorded next, that the last test found the link below what video needs. (One second's
   * request is mostly round trip on a slow link: it is no ground to say so.)
   */
  note(key: string, video: boolean): MessageKey | undefined {
    if (this.behind.has(key)) return 'interview.link.slow';
    const test = this.lastTestBps;
    return video && test !== undefined && test < LINK_FIT.floorBps ? 'interview.link.tooSlow' : undefined;
  }

  private liveMeter(): SpeedMeter {
    return new SpeedMeter(this.now, LINK_WATCH.liveWindowMs, LINK_WATCH.liveWindowMs / 2);
  }

  /** Stops a test upload under way (the interview left the page). */
  stop(): void {
    this.cancelProbe();
    this.testing(undefined);
  }

  private cancelProbe(): void {
    const probe = this.probe;
    if (!probe) return;
    this.probe = undefined;
    this.testing(undefined);
    void probe.cancel();
  }

  /**
   * A test upload of `bytes` under way since `since` (undefined: none). Meanwhile what the next
   * take is fitted to falls with every second, so the interview looks again twice a second.
   */
  private testing(since: number | undefined, bytes = 0): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.pending = since === undefined ? undefined : { since, bytes };
    if (this.pending) this.ticker = setInterval(() => this.options.onChange(), 500);
  }
}
