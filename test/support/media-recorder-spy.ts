// Keeps a copy of every slice MediaRecorder hands out, so tests compare the server's file with
// what the browser really recorded rather than with the widget's own bookkeeping.
import { concatBytes } from './tus.js';

export interface RecorderSpy {
  /** The bytes of every slice of every MediaRecorder created since install, by recorder, as read so far. */
  recordings: Uint8Array[][];
  /** Each of those recorders, with the options and stream it was made with, in the same order. */
  made: { options: MediaRecorderOptions | undefined; stream: MediaStream; recorder: MediaRecorder }[];
  /** The bytes recorder `index` produced, once every slice is read. */
  recording(index: number): Promise<Uint8Array>;
  /** The bytes the last recorder produced, once every slice is read. */
  lastRecording(): Promise<Uint8Array>;
  restore(): void;
}

/** Spies on the MediaRecorder of `target` (the test page, or a frame's window). */
export function spyOnMediaRecorder(target: Window & typeof globalThis = window): RecorderSpy {
  const Original = target.MediaRecorder;
  const recordings: Uint8Array[][] = [];
  const made: RecorderSpy['made'] = [];
  const reads: Promise<unknown>[][] = [];
  class SpiedMediaRecorder extends Original {
    constructor(stream: MediaStream, options?: MediaRecorderOptions) {
      super(stream, options);
      made.push({ options, stream, recorder: this });
      const slices: Uint8Array[] = [];
      const pending: Promise<unknown>[] = [];
      recordings.push(slices);
      reads.push(pending);
      this.addEventListener('dataavailable', (event) => {
        if (event.data.size === 0) return;
        // Read at once: a slice of a page that unloads may no longer be readable later.
        const index = pending.length;
        pending.push(event.data.arrayBuffer().then((buffer) => (slices[index] = new Uint8Array(buffer))));
      });
    }
  }
  target.MediaRecorder = SpiedMediaRecorder;
  return {
    recordings,
    made,
    async recording(index) {
      await Promise.all(reads[index] ?? []);
      return concatBytes(recordings[index] ?? []);
    },
    lastRecording() {
      return this.recording(recordings.length - 1);
    },
    restore() {
      target.MediaRecorder = Original;
    },
  };
}
