import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  FLOOR_DB,
  levelWindow,
  meterValue,
  MICROPHONE_THRESHOLDS,
  microphoneAdvice,
  rms,
  rmsToDb,
  type LevelSample,
  type MicrophoneAdvice,
} from '../core/device-advice.js';
import type { TimerHandle, Timers } from '../core/timers.js';

export interface AudioLevelControllerOptions {
  /** How often the level is read, ms. With the analyser's window this covers the signal without gaps. */
  intervalMs?: number;
  /** Injected for tests; defaults to `new AudioContext()`. */
  createContext?: () => AudioContext;
  /** The timers it reads the level with; the page's unless a test injects others. */
  timers?: Timers;
  /** Milliseconds, monotonic: when each reading is taken. `performance.now()` unless a test injects another. */
  now?: () => number;
}

/** Analyser window: 4096 samples are 85 ms at 48 kHz, longer than the reading interval, so short sounds are not missed. */
const FFT_SIZE = 4096;
const DEFAULT_INTERVAL_MS = 75;

/**
 * The microphone level of a stream, read with a Web Audio AnalyserNode a dozen times a second,
 * and the advice it leads to. Closes its AudioContext and stops its timer when the stream is
 * detached or the element leaves the page.
 */
export class AudioLevelController implements ReactiveController {
  /** The latest level, dBFS. */
  levelDb = FLOOR_DB;
  /** The latest level as a meter position, 0…1. */
  level = 0;
  advice: MicrophoneAdvice = 'measuring';
  private context: AudioContext | undefined;
  private source: MediaStreamAudioSourceNode | undefined;
  private analyser: AnalyserNode | undefined;
  private buffer: Float32Array<ArrayBuffer> | undefined;
  private timer: TimerHandle | undefined;
  private samples: LevelSample[] = [];
  private stream: MediaStream | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: AudioLevelControllerOptions = {}) {
    host.addController(this);
  }

  private get timers(): Timers {
    return this.options.timers ?? globalThis;
  }

  /** Whether the browser lets audio be analysed (an AudioContext made without a user gesture may stay suspended). */
  get running(): boolean {
    return this.context?.state === 'running';
  }

  /** Starts reading the level of `stream`'s microphone; a stream already attached is left as is. */
  attach(stream: MediaStream): void {
    if (stream === this.stream) return;
    this.detach();
    if (stream.getAudioTracks().length === 0) return;
    this.stream = stream;
    try {
      const context = (this.options.createContext ?? (() => new AudioContext()))();
      this.context = context;
      this.source = context.createMediaStreamSource(stream);
      this.analyser = context.createAnalyser();
      this.analyser.fftSize = FFT_SIZE;
      this.source.connect(this.analyser);
      this.buffer = new Float32Array(this.analyser.fftSize);
      context.addEventListener('statechange', this.onStateChange);
      void context.resume().catch(() => undefined);
    } catch {
      // Without Web Audio there is no meter; the check goes on without it.
      this.detach();
      return;
    }
    this.timer = this.timers.setInterval(() => this.read(), this.options.intervalMs ?? DEFAULT_INTERVAL_MS);
  }

  /** Stops reading and closes the AudioContext. */
  detach(): void {
    this.timers.clearInterval(this.timer);
    this.timer = undefined;
    this.source?.disconnect();
    this.context?.removeEventListener('statechange', this.onStateChange);
    if (this.context && this.context.state !== 'closed') void this.context.close().catch(() => undefined);
    this.context = undefined;
    this.source = undefined;
    this.analyser = undefined;
    this.buffer = undefined;
    this.stream = undefined;
    this.samples = [];
    this.levelDb = FLOOR_DB;
    this.level = 0;
    this.advice = 'measuring';
  }

  /** Resumes a suspended AudioContext; call it from a click so the browser allows it. */
  async resume(): Promise<void> {
    await this.context?.resume().catch(() => undefined);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.detach();
  }

  private readonly onStateChange = () => {
    // Readings taken while suspended are silence that the candidate did not make.
    this.samples = [];
    this.host.requestUpdate();
  };

  private read(): void {
    if (!this.analyser || !this.buffer) return;
    if (!this.running) {
      // Also here, not only on statechange: WebKitGTK fires that event late, after resume() has
      // settled and readings have been taken, which then joined the ones from before the pause.
      this.samples = [];
      return;
    }
    this.analyser.getFloatTimeDomainData(this.buffer);
    const now = (this.options.now ?? performance.now.bind(performance))();
    this.levelDb = rmsToDb(rms(this.buffer));
    this.samples.push({ at: now, db: this.levelDb });
    const keepMs = MICROPHONE_THRESHOLDS.windowMs;
    while (this.samples.length > 0 && this.samples[0].at < now - keepMs) this.samples.shift();
    this.advice = microphoneAdvice(levelWindow(this.samples, now));
    const level = meterValue(this.levelDb);
    // Peaks show at once, the fall is eased so the meter does not flicker.
    this.level = level >= this.level ? level : Math.max(level, this.level * 0.8);
    this.host.requestUpdate();
  }
}
