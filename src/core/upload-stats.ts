// The arithmetic of <oneway-upload-progress>, as pure functions and small clock-injected classes:
// speed smoothed over the last seconds of confirmed bytes, time left, percentages, answers told
// apart by their take id, totals across answers, and the words for each upload state.
import type { MessageKey } from '../i18n/en.js';
import type { UploadProgress } from './take.js';
import type { UploadState } from './streaming-upload.js';

/** How far back the speed looks, in milliseconds. */
export const SPEED_WINDOW_MS = 5000;
/** No speed is given until the samples span this long: one early chunk says little. */
export const MIN_SPEED_SPAN_MS = 1000;

/** Bytes the server had confirmed (a running total) at a moment (ms, monotonic). */
export interface ByteSample {
  at: number;
  bytes: number;
}

// ---------------------------------------------------------------------------------------------
// Speed

/**
 * The samples a speed over `windowMs` before `now` needs: those inside the window and the last
 * one before it (the bytes at the window's start lie between that one and the next).
 */
export function trimSamples(samples: readonly ByteSample[], now: number, windowMs: number = SPEED_WINDOW_MS): ByteSample[] {
  const start = now - windowMs;
  let first = 0;
  while (first + 1 < samples.length && samples[first + 1].at <= start) first++;
  return samples.slice(first);
}

/** The bytes confirmed at `at`, read off the samples with a straight line between neighbours. */
export function bytesAt(samples: readonly ByteSample[], at: number): number {
  if (samples.length === 0) return 0;
  if (at <= samples[0].at) return samples[0].bytes;
  for (let i = 1; i < samples.length; i++) {
    const before = samples[i - 1];
    const after = samples[i];
    if (at <= after.at) {
      const span = after.at - before.at;
      return span > 0 ? before.bytes + ((after.bytes - before.bytes) * (at - before.at)) / span : after.bytes;
    }
  }
  return samples[samples.length - 1].bytes;
}

/**
 * Bytes per second over the last `windowMs` before `now` (or since the first sample, when that is
 * more recent). The window ends at `now`, not at the last sample, so a stalled upload slows to 0.
 * Undefined until the samples span `minSpanMs`.
 */
export function smoothedSpeed(
  samples: readonly ByteSample[],
  now: number,
  windowMs: number = SPEED_WINDOW_MS,
  minSpanMs: number = MIN_SPEED_SPAN_MS,
): number | undefined {
  if (samples.length === 0) return undefined;
  const start = Math.max(samples[0].at, now - windowMs);
  const spanMs = now - start;
  if (spanMs < minSpanMs) return undefined;
  const sent = bytesAt(samples, now) - bytesAt(samples, start);
  return Math.max(0, sent) / (spanMs / 1000);
}

/** Keeps timestamped samples of one upload's confirmed bytes and tells its smoothed speed. */
export class SpeedMeter {
  private samples: ByteSample[] = [];

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly windowMs: number = SPEED_WINDOW_MS,
    private readonly minSpanMs: number = MIN_SPEED_SPAN_MS,
  ) {}

  /** Notes the confirmed total now. A total lower than before starts over (a new upload). */
  record(bytes: number): void {
    const now = this.now();
    const last = this.samples[this.samples.length - 1];
    if (last && bytes < last.bytes) this.samples = [];
    this.samples.push({ at: now, bytes });
    this.samples = trimSamples(this.samples, now, this.windowMs);
  }

  /** Bytes per second over the last few seconds; undefined until there is enough to tell. */
  get bytesPerSecond(): number | undefined {
    return smoothedSpeed(this.samples, this.now(), this.windowMs, this.minSpanMs);
  }

  /** Forgets every sample. */
  reset(): void {
    this.samples = [];
  }
}

// ---------------------------------------------------------------------------------------------
// One answer

/** Whole percent sent, once the recording has ended (before that the total is unknown). */
export function uploadPercent(progress: Pick<UploadProgress, 'bytesUploaded' | 'bytesRecorded' | 'recordingEnded' | 'state'>): number | undefined {
  if (progress.state === 'done') return 100;
  if (!progress.recordingEnded) return undefined;
  if (progress.bytesRecorded <= 0) return 0;
  // Rounded down: 100 % means every byte is on the server.
  return Math.min(100, Math.max(0, Math.floor((progress.bytesUploaded * 100) / progress.bytesRecorded)));
}

/** Seconds until the upload is done at `bytesPerSecond`; undefined while the total or the speed is unknown. */
export function timeLeftSeconds(bytesUploaded: number, bytesTotal: number | undefined, bytesPerSecond: number | undefined): number | undefined {
  if (bytesTotal === undefined) return undefined;
  const left = Math.max(0, bytesTotal - bytesUploaded);
  if (left === 0) return 0;
  if (!bytesPerSecond || bytesPerSecond <= 0) return undefined;
  return left / bytesPerSecond;
}

/**
 * A time left as people say it, so it does not flicker: whole seconds up to 10 s, steps of 5 s up
 * to a minute, whole minutes beyond.
 */
export function roundTimeLeft(seconds: number): number {
  if (!(seconds > 0)) return 0;
  if (seconds <= 10) return Math.ceil(seconds);
  if (seconds < 60) return Math.min(60, Math.ceil(seconds / 5) * 5);
  return Math.max(1, Math.round(seconds / 60)) * 60;
}

/** Whether an upload state means the answer is still on its way. */
export function isActive(state: UploadState): boolean {
  return state === 'uploading' || state === 'waiting-for-connection' || state === 'retrying';
}

/** The word for an upload state, shown beside the bar. (Uploads have no "paused" state to show.) */
export function stateMessageKey(state: UploadState): MessageKey {
  return `uploadProgress.state.${state}`;
}

/**
 * What the live region says when the shown answer reaches `state`; `allDone` when that was the
 * last of several answers. Undefined for `failed`, which is announced by an alert instead.
 */
export function announcementKey(state: UploadState, allDone = false): MessageKey | undefined {
  switch (state) {
    case 'uploading':
      return 'uploadProgress.announce.uploading';
    case 'waiting-for-connection':
      return 'waitingForConnection';
    case 'retrying':
      return 'retrying';
    case 'done':
      return allDone ? 'uploadProgress.allDone' : 'uploadDone';
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Several answers

/** One answer's upload as the tracker knows it. */
export interface AnswerStats extends UploadProgress {
  /** Position among the answers seen, from 0. */
  index: number;
  /** Bytes per second over the last few seconds, while the upload is active. */
  bytesPerSecond: number | undefined;
  /** Whole percent sent, once the total is known. */
  percent: number | undefined;
  /** Seconds left, once the total and the speed are known. */
  secondsLeft: number | undefined;
}

/** All answers seen, together. */
export interface OverallStats {
  /** Answers seen. */
  answers: number;
  done: number;
  failed: number;
  bytesUploaded: number;
  bytesRecorded: number;
  /** Whether every answer's recording has ended, so `bytesRecorded` is the final total. */
  totalKnown: boolean;
  /** Whether there are answers and every one is on the server. */
  allDone: boolean;
}

/** Totals across answers. */
export function aggregate(answers: readonly Pick<UploadProgress, 'bytesUploaded' | 'bytesRecorded' | 'recordingEnded' | 'state'>[]): OverallStats {
  let bytesUploaded = 0;
  let bytesRecorded = 0;
  let done = 0;
  let failed = 0;
  for (const answer of answers) {
    bytesUploaded += answer.bytesUploaded;
    bytesRecorded += answer.bytesRecorded;
    if (answer.state === 'done') done++;
    if (answer.state === 'failed') failed++;
  }
  return {
    answers: answers.length,
    done,
    failed,
    bytesUploaded,
    bytesRecorded,
    totalKnown: answers.every((answer) => answer.recordingEnded || answer.state === 'done'),
    allDone: answers.length > 0 && done === answers.length,
  };
}

interface Entry extends UploadProgress {
  key: string;
  /** The element that last reported the answer (the one to ask for a retry). */
  source?: object;
  meter: SpeedMeter;
}

/**
 * Keeps the progress of several answers, each known by its `takeId` (reports of a host that
 * feeds progress itself, without one, by their `uploadUrl`). Nothing is inferred: an answer's
 * state, failed included, is the state its reports say.
 */
export class UploadTracker {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: { now?: () => number; windowMs?: number } = {}) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Applies a progress report from `source` (the element that sent it; none for a host's own). */
  progress(progress: UploadProgress, source?: object): AnswerStats {
    const entry = this.entry(answerKey(progress), source);
    entry.uploadUrl = progress.uploadUrl ?? entry.uploadUrl;
    entry.bytesUploaded = progress.bytesUploaded;
    entry.bytesRecorded = Math.max(progress.bytesRecorded, progress.bytesUploaded);
    entry.recordingEnded = progress.recordingEnded;
    entry.state = progress.state;
    entry.meter.record(progress.bytesUploaded);
    return this.stats(entry);
  }

  /** Marks the answer as on the server, `bytes` long. */
  uploaded(answer: { takeId?: string; uploadUrl: string; bytes: number }, source?: object): AnswerStats {
    const entry = this.entry(answerKey(answer), source);
    entry.uploadUrl = answer.uploadUrl;
    entry.bytesUploaded = entry.bytesRecorded = answer.bytes;
    entry.recordingEnded = true;
    entry.state = 'done';
    return this.stats(entry);
  }

  /** Sets the state of the answer shown (see `current`), e.g. by a host that tracks uploads itself. */
  setState(state: UploadState): AnswerStats {
    const entry = this.currentEntry ?? this.entry('');
    entry.state = state;
    if (state === 'done') {
      entry.recordingEnded = true;
      entry.bytesUploaded = entry.bytesRecorded;
    }
    return this.stats(entry);
  }

  /** Forgets every answer. */
  reset(): void {
    this.entries.clear();
  }

  /** Every answer seen, in the order they first reported. */
  get answers(): AnswerStats[] {
    return [...this.entries.values()].map((entry) => this.stats(entry));
  }

  /** The answer to show: the first that failed (it needs the candidate), else the newest. */
  get current(): AnswerStats | undefined {
    const entry = this.currentEntry;
    return entry && this.stats(entry);
  }

  /** The element that reported the answer shown. */
  get currentSource(): object | undefined {
    return this.currentEntry?.source;
  }

  /** Whether any answer is still on its way (so its speed and time left change with time). */
  get active(): boolean {
    return [...this.entries.values()].some((entry) => isActive(entry.state));
  }

  /** Totals across every answer seen. */
  get overall(): OverallStats {
    return aggregate([...this.entries.values()]);
  }

  private get currentEntry(): Entry | undefined {
    const entries = [...this.entries.values()];
    return entries.find((entry) => entry.state === 'failed') ?? entries[entries.length - 1];
  }

  private entry(key: string, source?: object): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { key, bytesUploaded: 0, bytesRecorded: 0, recordingEnded: false, state: 'uploading', meter: new SpeedMeter(this.now, this.options.windowMs) };
      this.entries.set(key, entry);
    }
    entry.source = source ?? entry.source;
    return entry;
  }

  private stats(entry: Entry): AnswerStats {
    const active = isActive(entry.state);
    const bytesPerSecond = active ? entry.meter.bytesPerSecond : undefined;
    const total = entry.recordingEnded ? entry.bytesRecorded : undefined;
    return {
      index: [...this.entries.keys()].indexOf(entry.key),
      takeId: entry.key,
      uploadUrl: entry.uploadUrl,
      bytesUploaded: entry.bytesUploaded,
      bytesRecorded: entry.bytesRecorded,
      recordingEnded: entry.recordingEnded,
      state: entry.state,
      bytesPerSecond,
      percent: uploadPercent(entry),
      secondsLeft: active ? timeLeftSeconds(entry.bytesUploaded, total, bytesPerSecond) : undefined,
    };
  }
}

/** Which answer a report is about: its take, else (a host's own report) its upload URL. */
function answerKey(report: { takeId?: string; uploadUrl?: string }): string {
  return report.takeId ?? report.uploadUrl ?? '';
}
