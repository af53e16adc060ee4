import { OnewayError } from './errors.js';
import { canonicalMimeType, supportedMimeTypes, type MediaKind } from './mime-type.js';
import type { Sha256State } from './sha256.js';
import { sliceHasher, type SliceHasher } from './slice-hash.js';

/** The MediaRecorder constructor, injected so tests can stand in for it. */
export type MediaRecorderFactory = (stream: MediaStream, options: MediaRecorderOptions) => MediaRecorder;

export interface MediaRecorderFactoryOptions {
  mimeType: string;
  videoBitsPerSecond?: number;
  audioBitsPerSecond?: number;
}

/** How often MediaRecorder hands over a slice while recording. */
export const TIMESLICE_MS = 1000;

/**
 * How long a take begun before the streaming probes ended has to show it streams (a second slice
 * while recording) before it is recorded again in the type the probes chose: two slices, and a
 * third's time for a busy device.
 */
export const STREAMING_EVIDENCE_MS = 3 * TIMESLICE_MS;

export const createMediaRecorder: MediaRecorderFactory = (stream, options) => new MediaRecorder(stream, options);

/**
 * MediaRecorder options that make slices arrive while recording. Chromium's MP4 writer cuts
 * fragments only at keyframes, and its software H.264 encoder makes none until `stop()` unless a
 * keyframe interval is asked for (a Chromium option, ignored elsewhere).
 */
export function recorderOptions(options: MediaRecorderFactoryOptions): MediaRecorderOptions {
  return { ...options, videoKeyFrameIntervalDuration: TIMESLICE_MS } as MediaRecorderOptions;
}

export interface AnswerRecorderOptions extends MediaRecorderFactoryOptions {
  /** The hash state before the first slice (a new take's empty hash). */
  hash: Sha256State;
  /**
   * Receives every slice, in order: its bytes, the hash state of every byte up to its end, and
   * MediaRecorder's Blob of the same bytes (to send and play without copying them).
   */
  onSlice(bytes: Uint8Array, hash: Sha256State, blob: Blob): void | Promise<void>;
  /** Reads and hashes each slice; the page's worker by default. */
  hashSlice?: SliceHasher;
  /** MediaRecorder failed while recording. */
  onError?(error: OnewayError): void;
  createRecorder?: MediaRecorderFactory;
}

/**
 * One take: MediaRecorder with a timeslice, its Blob slices turned into bytes and hashed (off the
 * main thread), in order. `stop()` resolves once the last slice has been handed over.
 */
export class AnswerRecorder {
  private readonly recorder: MediaRecorder;
  private delivered: Promise<void> = Promise.resolve();
  private hash: Sha256State;
  private readonly stopped: Promise<void>;
  /** Resolves when a second slice arrives while recording: the type streams (a header alone does not count). */
  readonly streaming: Promise<void>;

  constructor(stream: MediaStream, private readonly options: AnswerRecorderOptions) {
    this.hash = options.hash;
    const hashSlice = options.hashSlice ?? sliceHasher();
    this.recorder = (options.createRecorder ?? createMediaRecorder)(stream, recorderOptions(options));
    let slicesWhileRecording = 0;
    let streams!: () => void;
    this.streaming = new Promise((resolve) => (streams = resolve));
    this.recorder.addEventListener('dataavailable', (event) => {
      const blob = (event as BlobEvent).data;
      if (!blob || blob.size === 0) return;
      // The slice `stop()` hands out is no evidence: a container that writes only at the end sends one too.
      if (this.recorder.state === 'recording' && ++slicesWhileRecording === 2) streams();
      // Slices are read in arrival order, one after the other: a slice's bytes must never overtake,
      // and each slice's hash goes on from the one before.
      this.delivered = this.delivered.then(async () => {
        const { bytes, hash } = await hashSlice(blob, this.hash);
        this.hash = hash;
        await options.onSlice(bytes, hash, blob);
      });
    });
    this.recorder.addEventListener('error', (event) => {
      const cause = (event as ErrorEvent).error ?? event;
      options.onError?.(new OnewayError('recording-failed', `MediaRecorder failed: ${String(cause)}`, true, { cause }));
    });
    this.stopped = new Promise((resolve) => this.recorder.addEventListener('stop', () => resolve(), { once: true }));
  }

  /** The MIME type MediaRecorder actually records. */
  get mimeType(): string {
    return canonicalMimeType(this.recorder.mimeType || this.options.mimeType);
  }

  get state(): RecordingState {
    return this.recorder.state;
  }

  start(): void {
    this.recorder.start(TIMESLICE_MS);
  }

  /** Stops recording; resolves when every slice has been handed to `onSlice`. */
  async stop(): Promise<void> {
    if (this.recorder.state !== 'inactive') this.recorder.stop();
    await this.stopped;
    await this.delivered;
  }
}

/** Which MIME types were seen to deliver slices before `stop()` in this page, by type. */
const streamingVerdicts = new Map<string, Promise<boolean>>();
/** The verdicts of `streamingVerdicts` that are in, to choose a type without waiting. */
const settledVerdicts = new Map<string, boolean>();

/** Where verdicts are remembered across pages: by browser version (its user agent) and type. */
export interface VerdictStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const verdictKey = (mimeType: string) => `oneway-interview:streams:${globalThis.navigator?.userAgent ?? ''}:${mimeType}`;

/** The page's localStorage, where it may be used (not in a sandboxed frame, say). */
function defaultVerdictStore(): VerdictStore | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Whether `mimeType` delivers data while recording. Found out by a short silent probe recording
 * of the stream, so a container that only writes at the end is never chosen; the verdict is kept
 * for the page and remembered for this browser version, so the probe runs once per browser version.
 */
export function deliversWhileRecording(
  stream: MediaStream,
  mimeType: string,
  createRecorder: MediaRecorderFactory = createMediaRecorder,
  probeMs = 2500,
  store: VerdictStore | undefined = defaultVerdictStore(),
): Promise<boolean> {
  let verdict = streamingVerdicts.get(mimeType);
  if (!verdict) {
    const remembered = readVerdict(store, mimeType);
    verdict = remembered !== undefined ? Promise.resolve(remembered) : probe(stream, mimeType, createRecorder, probeMs).then((outcome) => {
      // Nothing at all in time may be a busy device rather than the container: kept for this page only,
      // or one slow moment would turn streaming off for every later interview in this browser.
      if (outcome !== 'nothing') writeVerdict(store, mimeType, outcome === 'streams');
      return outcome === 'streams';
    });
    void verdict.then((streams) => settledVerdicts.set(mimeType, streams));
    streamingVerdicts.set(mimeType, verdict);
  }
  return verdict;
}

/** What is known now of whether `mimeType` streams: this page's verdict, else this browser's remembered one. */
function knownVerdict(mimeType: string, store: VerdictStore | undefined): boolean | undefined {
  return settledVerdicts.get(mimeType) ?? readVerdict(store, mimeType);
}

function readVerdict(store: VerdictStore | undefined, mimeType: string): boolean | undefined {
  try {
    const value = store?.getItem(verdictKey(mimeType));
    return value === 'streams' ? true : value === 'at-stop' ? false : undefined;
  } catch {
    return undefined;
  }
}

function writeVerdict(store: VerdictStore | undefined, mimeType: string, streams: boolean): void {
  try {
    store?.setItem(verdictKey(mimeType), streams ? 'streams' : 'at-stop');
  } catch {
    // Storage full or refused: the next page probes again.
  }
}

/**
 * The probe asks for a keyframe every 100 ms (where the browser takes the option), so a
 * container that cuts fragments at keyframes shows it within a fraction of a second. It waits
 * for a second non-empty slice: Chromium's MP4 writer hands out its header at once, and a
 * container that writes the rest only at `stop()` never sends a second one.
 */
const PROBE_KEYFRAME_MS = 100;

/** What the probe saw: a second slice, only a header (or an error), or nothing at all in time. */
type ProbeOutcome = 'streams' | 'at-stop' | 'nothing';

async function probe(
  stream: MediaStream,
  mimeType: string,
  createRecorder: MediaRecorderFactory,
  probeMs: number,
): Promise<ProbeOutcome> {
  let recorder: MediaRecorder;
  try {
    recorder = createRecorder(stream.clone(), { mimeType, videoKeyFrameIntervalDuration: PROBE_KEYFRAME_MS } as MediaRecorderOptions);
  } catch {
    return 'at-stop';
  }
  const probeStream = recorder.stream;
  try {
    return await new Promise<ProbeOutcome>((resolve) => {
      let slices = 0;
      const timer = setTimeout(() => resolve(slices === 0 ? 'nothing' : 'at-stop'), probeMs);
      recorder.addEventListener('dataavailable', (event) => {
        if ((event as BlobEvent).data.size > 0 && ++slices === 2) {
          clearTimeout(timer);
          resolve('streams');
        }
      });
      recorder.addEventListener('error', () => {
        clearTimeout(timer);
        resolve('at-stop');
      });
      recorder.start(PROBE_KEYFRAME_MS);
    });
  } finally {
    if (recorder.state !== 'inactive') recorder.stop();
    for (const track of probeStream.getTracks()) track.stop();
  }
}

/** How the streaming probes record and remember; injected for tests. */
export interface ProbeOptions {
  createRecorder?: MediaRecorderFactory;
  /** How long a probe waits for a second slice. */
  probeMs?: number;
  store?: VerdictStore;
}

/** The first of `candidates` (not empty) that streams while recording, else the first at all. */
async function firstStreamingType(stream: MediaStream, candidates: readonly string[], { createRecorder, probeMs, store }: ProbeOptions): Promise<string> {
  for (const mimeType of candidates) {
    if (await deliversWhileRecording(stream, mimeType, createRecorder, probeMs, store)) return mimeType;
  }
  return candidates[0];
}

/** The type to record in at once, and the one the streaming probes settle on. */
export interface RecordingTypeChoice {
  /** The host's type, or the best supported type not known to write only at `stop()`. */
  now: string;
  /**
   * The type that streams, once the probes say: the same as `now` unless `now` was not probed
   * before and turns out to write only at `stop()`.
   */
  settled: Promise<string>;
}

/**
 * The MIME type to record `kind` in: the host's `override` when the browser supports it,
 * otherwise the best supported type that streams while recording. A type not probed yet is
 * chosen at once, so the candidate need not wait for the probe; `settled` says whether it stays.
 */
export function recordingTypeChoice(
  stream: MediaStream,
  kind: MediaKind,
  override?: string,
  isTypeSupported: (type: string) => boolean = (type) => MediaRecorder.isTypeSupported(type),
  probe: ProbeOptions = {},
): RecordingTypeChoice {
  if (override) {
    if (!isTypeSupported(override)) {
      throw new OnewayError('unsupported-mime-type', `This browser cannot record "${override}" (the mime-type attribute).`, false);
    }
    const type = canonicalMimeType(override);
    return { now: type, settled: Promise.resolve(type) };
  }
  const candidates = supportedMimeTypes(kind, isTypeSupported);
  if (candidates.length === 0) {
    throw new OnewayError('unsupported-mime-type', `This browser supports none of the ${kind} types the recorder knows.`, false);
  }
  const store = probe.store ?? defaultVerdictStore();
  return {
    now: candidates.find((type) => knownVerdict(type, store) !== false) ?? candidates[0],
    settled: firstStreamingType(stream, candidates, { ...probe, store }),
  };
}
