// A MediaRecorder the test drives by hand, given to takes through their `createRecorder`
// boundary: slices come when the test emits them, so no test waits for a real camera's timeslice.

/** Records nothing by itself: `emit()` hands out a slice, `stop()` ends like MediaRecorder does. */
export class FakeMediaRecorder extends EventTarget {
  state: RecordingState = 'inactive';

  constructor(readonly mimeType: string) {
    super();
  }

  start(): void {
    this.state = 'recording';
  }

  /** Hands out a slice, as MediaRecorder does at each timeslice. */
  emit(bytes: Uint8Array): void {
    this.dispatchEvent(Object.assign(new Event('dataavailable'), { data: new Blob([bytes as BlobPart]) }));
  }

  stop(): void {
    this.state = 'inactive';
    queueMicrotask(() => this.dispatchEvent(new Event('stop')));
  }
}

/** A recorder factory that keeps every fake recorder it made. */
export function fakeRecorders() {
  const made: FakeMediaRecorder[] = [];
  return {
    made,
    create: (_stream: MediaStream, options: MediaRecorderOptions) => {
      const recorder = new FakeMediaRecorder(options.mimeType ?? 'video/webm');
      made.push(recorder);
      return recorder as unknown as MediaRecorder;
    },
  };
}

/** `count` bytes counting up from `seed`, so two slices never look alike. */
export function bytes(count: number, seed = 0): Uint8Array {
  return Uint8Array.from({ length: count }, (_, index) => (seed + index) % 256);
}
