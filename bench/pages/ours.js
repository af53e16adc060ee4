// Drives <oneway-recorder> the way a candidate does: its own Start/Stop recording button.
// Exposes the same window.benchSetup as uppy.js, for bench/run.mjs.
import { follow, until } from './follow.js';

const recorder = document.querySelector('oneway-recorder');
const button = () => recorder.shadowRoot?.querySelector('[part="record-button"]');

const { seen, next } = follow(recorder, ['oneway-recording-start', 'oneway-recording-stop', 'oneway-upload-progress', 'oneway-answer-uploaded', 'oneway-error']);

window.benchSetup = {
  name: 'ours',
  async ready() {
    await until(() => recorder.recordingMimeType && button() && !button().disabled);
    return { mimeType: recorder.recordingMimeType };
  },
  async start() {
    const started = next('oneway-recording-start');
    button().click();
    const { at } = await started;
    return { startedAt: at };
  },
  /** Presses "Stop recording"; resolves when the server holds the whole answer (or it failed). */
  async stopAndWaitSafe() {
    const stopped = next('oneway-recording-stop');
    const uploaded = next('oneway-answer-uploaded');
    const failed = until(() => seen.errors.find((e) => !e.recoverable));
    // Recorded slices the server had not confirmed yet when Stop was pressed (the last slice, still
    // inside MediaRecorder, comes on top).
    const unconfirmedAtStop = seen.progress ? seen.progress.bytesRecorded - seen.progress.bytesUploaded : 0;
    const pressedAt = performance.now();
    button().click();
    const outcome = await Promise.race([uploaded, failed.then((error) => ({ error }))]);
    if (outcome.error) return { pressedAt, unconfirmedAtStop, error: `${outcome.error.code}: ${outcome.error.message}` };
    const stop = await stopped;
    return {
      pressedAt,
      unconfirmedAtStop,
      finalizedAt: stop.at,
      safeAt: outcome.at,
      uploadUrl: outcome.detail.uploadUrl,
      bytes: outcome.detail.bytes,
      sha256: outcome.detail.sha256,
      mimeType: outcome.detail.mimeType,
      errors: seen.errors,
    };
  },
  status() {
    return { bytesUploaded: seen.progress?.bytesUploaded ?? 0, state: seen.progress?.state ?? '' };
  },
};
