// Keeps a copy of every slice MediaRecorder hands out, so tests compare the server's file with
// what the browser really recorded rather than with the widget's own bookkeeping.
import { concatBytes } from './tus.js';

export interface RecorderSpy {
  /** Every slice of every MediaRecorder created since install, by recorder. */
  recordings: Blob[][];
  /** The bytes the last recorder produced. */
  lastRecording(): Promise<Uint8Array>;
  restore(): void;
}

export function spyOnMediaRecorder(): RecorderSpy {
  const Original = window.MediaRecorder;
  const recordings: Blob[][] = [];
  class SpiedMediaRecorder extends Original {
    constructor(stream: MediaStream, options?: MediaRecorderOptions) {
      super(stream, options);
      const slices: Blob[] = [];
      recordings.push(slices);
      this.addEventListener('dataavailable', (event) => {
        if (event.data.size > 0) slices.push(event.data);
      });
    }
  }
  window.MediaRecorder = SpiedMediaRecorder;
  return {
    recordings,
    async lastRecording() {
      const slices = recordings.at(-1) ?? [];
      return concatBytes(await Promise.all(slices.map(async (blob) => new Uint8Array(await blob.arrayBuffer()))));
    },
    restore() {
      window.MediaRecorder = Original;
    },
  };
}
