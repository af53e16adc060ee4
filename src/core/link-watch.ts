// What an interview does to keep its recordings fitted to the candidate's uplink, as the events
// of the interview reach it. A chunk of its own: the interview loads it when it connects.
import type { MessageKey } from '../i18n/en.js';
import { fitRecording, type RecordingSettings } from './link-policy.js';
import type { UploadProgress } from './take.js';
import { ThroughputTracker } from './throughput-tracker.js';
import type { AuthorizeHook } from './tus-stream.js';
import { PREFLIGHT_BYTES, UploadPreflight, type PreflightOptions, type PreflightResult } from './upload-preflight.js';

export const LINK_WATCH = Object.freeze({
  /** The test upload before a question: a second or two at 0.4 Mbit/s, a fraction of one on a fast link. */
  probeBytes: 128 * 1024,
  probeTimeoutMs: 8_000,
  /** A test this recent still tells how the link is: no new one before the next question. */
  testFreshMs: 10_000,
  /** An upload this far behind its recording gets the candidate a note… */
  slowBehindMs: 4_000,
  /** …until it is this close again. */
  caughtUpMs: 1_500,
  /** A take shorter than this says more about its first keyframe than about the encoder. */
  minTakeMs: 5_000,
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
  private testPending = false;
  private lastTestAt = Number.NEGATIVE_INFINITY;
  /** The test upload before a question, cancelled when a take starts (it would share the link). */
  private probe: Pick<UploadPreflight, 'run' | 'cancel'> | undefined;
  private shown: RecordingSettings | undefined;

  constructor(private readonly options: LinkWatchOptions) {
    this.now = options.now ?? (() => performance.now());
    this.tracker = new ThroughputTracker(this.now);
  }

  /** What the next take is recorded with, for the link as last measured. */
  get settings(): RecordingSettings {
    return (this.shown = fitRecording(this.tracker.bitsPerSecond, this.overshoot));
  }

  /** The device check is done: its measurement, or word that its test still runs. */
  deviceChecked(detail: { throughputBps: number | undefined; measuring?: boolean }): void {
    this.testPending = !!detail.measuring;
    if (detail.throughputBps !== undefined) this.tested(detail.throughputBps);
  }

  /** A test upload of `bytes` (the device check's, unless said) measured the link: it counts from the next take on. */
  tested(throughputBps: number, bytes = PREFLIGHT_BYTES): void {
    this.testPending = false;
    this.lastTestAt = this.now();
    this.tracker.tested(throughputBps, bytes);
    this.options.onChange();
  }

  /**
   * A question to record is shown: the link is measured now (links change during an interview),
   * unless an upload is measuring it already or a test just did.
   */
  questionShown(): void {
    const endpoint = this.options.endpoint();
    if (!endpoint || this.probe || this.testPending || this.tracker.uploading) return;
    if (this.now() - this.lastTestAt < LINK_WATCH.testFreshMs) return;
    const probe = (this.options.createProbe ?? ((options) => new UploadPreflight(options)))({
      endpoint,
      authorize: (request) => this.options.authorize()?.(request),
      bytes: LINK_WATCH.probeBytes,
      timeoutMs: LINK_WATCH.probeTimeoutMs,
    });
    this.probe = probe;
    probe.run().then(
      (result: PreflightResult) => {
        if (this.probe !== probe) return;
        this.probe = undefined;
        this.tested(result.throughputBps, result.bytesSent);
      },
      () => {
        // Unreachable, refused or cancelled: the answers' own uploads say how the link is, and report errors.
        if (this.probe === probe) this.probe = undefined;
      },
    );
  }

  /** A take starts with the settings last rendered. */
  takeStarted(key: string): void {
    this.cancelProbe();
    this.takes.set(key, this.shown ?? this.settings);
  }

  /** A take stopped: what it really made tells how the encoder follows the bitrate asked for. */
  takeStopped(key: string, take: { bytes: number; durationMs: number; kind?: string }): void {
    const settings = this.takes.get(key);
    this.takes.delete(key);
    if (!settings?.videoBitsPerSecond || take.kind !== 'video' || take.durationMs < LINK_WATCH.minTakeMs) return;
    const recordedBps = (take.bytes * 8 * 1000) / take.durationMs;
    this.overshoot[settings.tier] = recordedBps / (settings.videoBitsPerSecond + settings.audioBitsPerSecond);
  }

  /** A progress report of the take `key`'s upload. */
  progress(key: string, progress: UploadProgress): void {
    this.tracker.report(key, progress);
    const behindMs = this.tracker.behindMs(key);
    if (behindMs > LINK_WATCH.slowBehindMs) this.behind.add(key);
    else if (behindMs < LINK_WATCH.caughtUpMs) this.behind.delete(key);
  }

  /** The take `key` was thrown away. */
  discarded(key: string): void {
    this.tracker.forget(key);
    this.behind.delete(key);
  }

  /** What to tell the candidate during the take `key`: its upload is behind, or video cannot keep up at all. */
  note(key: string, video: boolean): MessageKey | undefined {
    if (this.behind.has(key)) return 'interview.link.slow';
    return video && this.settings.tooSlow ? 'interview.link.tooSlow' : undefined;
  }

  /** Stops a test upload under way (the interview left the page). */
  stop(): void {
    this.cancelProbe();
  }

  private cancelProbe(): void {
    const probe = this.probe;
    this.probe = undefined;
    void probe?.cancel();
  }
}
