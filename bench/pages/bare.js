// A bare MediaRecorder page: the camera at 720p shown in a <video>, recorded with start(1000),
// every slice dropped. Same window.benchSetup as ours.js and uppy.js, for bench/run.mjs; nothing
// is uploaded, so "safe" is the recorder's stop event.
const video = document.querySelector('video');
const button = document.querySelector('button');
const params = new URLSearchParams(location.search);
let recorder;
let stream;

window.benchSetup = {
  name: 'bare',
  async ready() {
    stream ??= await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: true });
    video.srcObject = stream;
    button.disabled = false;
    return { mimeType: params.get('mime') ?? '' };
  },
  async start() {
    const startedAt = performance.now();
    recorder = new MediaRecorder(stream, { mimeType: params.get('mime') ?? undefined, videoBitsPerSecond: Number(params.get('bps')) || undefined });
    recorder.addEventListener('dataavailable', () => {});
    recorder.start(1000);
    return { startedAt };
  },
  async stopAndWaitSafe() {
    const pressedAt = performance.now();
    const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
    recorder.stop();
    await stopped;
    const at = performance.now();
    return { pressedAt, unconfirmedAtStop: 0, finalizedAt: at, safeAt: at };
  },
  status() {
    return { bytesUploaded: 0, state: recorder?.state ?? '' };
  },
};
