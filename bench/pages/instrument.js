// Bench instrumentation, the first script of every bench page (before the widget or Uppy loads):
// - wraps window.MediaRecorder so every recorder records at the bench's `videoBitsPerSecond`
//   (?bps=…): a recorder created without a bitrate (Uppy's Webcam has no option for it) gets it
//   added; one created with a bitrate (ours, from its video-bits-per-second attribute) keeps its
//   own. Every slice it hands out is counted and hashed in a worker, the reference for the upload check;
// - observes long tasks and long animation frames (with script attribution) for the main-thread figure.

const params = new URLSearchParams(location.search);
const videoBitsPerSecond = Number(params.get('bps')) || undefined;

const worker = new Worker(new URL('./hash-worker.js', import.meta.url));
const digests = new Map();
worker.onmessage = ({ data }) => {
  digests.get(data.id)?.(data);
  digests.delete(data.id);
};

/** One entry per MediaRecorder the page created. */
const recorders = [];
const NativeMediaRecorder = window.MediaRecorder;

class BenchMediaRecorder extends NativeMediaRecorder {
  constructor(stream, options = {}) {
    const forced = Boolean(videoBitsPerSecond) && options.videoBitsPerSecond === undefined;
    super(stream, forced ? { ...options, videoBitsPerSecond } : options);
    const record = {
      id: recorders.length,
      requested: { ...options },
      // Who chose the bitrate: the page's own code, or this wrapper.
      bitrateSetBy: forced ? 'wrapper' : options.videoBitsPerSecond !== undefined ? 'page' : 'nobody',
      mimeType: '',
      started: false,
      startedAt: NaN,
      stoppedAt: NaN,
      slices: 0,
      bytes: 0,
    };
    recorders.push(record);
    // Registered before the page's own listeners, so it sees every slice first.
    this.addEventListener('dataavailable', (event) => {
      if (!event.data || event.data.size === 0) return;
      record.slices++;
      record.bytes += event.data.size;
      // A Blob is posted by reference: the worker reads it, the main thread does not.
      worker.postMessage({ id: record.id, blob: event.data });
    });
    this.addEventListener('start', () => {
      record.started = true;
      record.startedAt = performance.now();
      record.mimeType = this.mimeType;
      // What the camera really gives (the widget may ask for a smaller picture on a slow link).
      const settings = stream.getVideoTracks()[0]?.getSettings();
      record.video = settings && { width: settings.width, height: settings.height, frameRate: settings.frameRate };
    });
    this.addEventListener('stop', () => {
      record.stoppedAt = performance.now();
      // The frame rate may have been lowered during the take, when it recorded more than the link carried.
      record.videoAtStop = stream.getVideoTracks()[0]?.getSettings().frameRate;
    });
  }
}
window.MediaRecorder = BenchMediaRecorder;

// The observers only keep the entries: turning them into plain objects happens after the run,
// so the bench adds as little main-thread work as it can to what it measures.
const longTasks = [];
const longFrames = [];
for (const [type, list] of [
  ['longtask', longTasks],
  ['long-animation-frame', longFrames],
]) {
  try {
    new PerformanceObserver((entries) => list.push(...entries.getEntries())).observe({ type, buffered: true });
  } catch {
    // Not observable in this browser: the figure says n/a.
  }
}

window.bench = {
  videoBitsPerSecond,
  recorders,
  longTasks,
  longFrames,
  /** The recorder that recorded the answer: the last one started. */
  answerRecorder() {
    return [...recorders].reverse().find((r) => r.started);
  },
  /** SHA-256 and length of every slice recorder `id` handed out, once the worker has read them all. */
  digest(id) {
    return new Promise((resolve) => {
      digests.set(id, resolve);
      worker.postMessage({ id, digest: true });
    });
  },
  /** Long tasks and long animation frames (with script attribution) that started between `from` and `to` (ms, page clock). */
  mainThread(from, to) {
    const inside = (entry) => entry.startTime >= from && entry.startTime <= to;
    return {
      longTasks: longTasks.filter(inside).map((entry) => ({
        start: entry.startTime,
        duration: entry.duration,
        attribution: (entry.attribution ?? []).map((a) => `${a.name}/${a.containerType}`),
      })),
      longFrames: longFrames.filter(inside).map((entry) => ({
        start: entry.startTime,
        duration: entry.duration,
        blockingDuration: entry.blockingDuration,
        scripts: (entry.scripts ?? []).map((s) => ({
          duration: s.duration,
          invoker: s.invoker,
          url: (s.sourceURL || '').replace(location.origin, ''),
          functionName: s.sourceFunctionName,
          position: s.sourceCharPosition,
        })),
      })),
    };
  },
};
