// Drives <oneway-recorder> the way a candidate does: its own Start/Stop recording button.
// Exposes the same window.benchSetup as uppy.js, for bench/run.mjs.
import { follow, stopAndWaitSafe, until } from './follow.js';

const recorder = document.querySelector('oneway-recorder');
const button = () => recorder.shadowRoot?.querySelector('[part="record-button"]');

const events = follow(recorder, ['oneway-recording-start', 'oneway-recording-stop', 'oneway-upload-progress', 'oneway-answer-uploaded', 'oneway-error']);

window.benchSetup = {
  name: 'ours',
  async ready() {
    await until(() => recorder.recordingMimeType && button() && !button().disabled);
    return { mimeType: recorder.recordingMimeType };
  },
  async start() {
    const started = events.next('oneway-recording-start');
    button().click();
    const { at } = await started;
    return { startedAt: at };
  },
  /** Presses "Stop recording"; resolves when the server holds the whole answer (or it failed). */
  async stopAndWaitSafe() {
    const { pressedAt, unconfirmedAtStop, error, stop, safe } = await stopAndWaitSafe(events, () => button().click());
    if (error) return { pressedAt, unconfirmedAtStop, error };
    return {
      pressedAt,
      unconfirmedAtStop,
      finalizedAt: stop.at,
      safeAt: safe.at,
      uploadUrl: safe.detail.uploadUrl,
      bytes: safe.detail.bytes,
      sha256: safe.detail.sha256,
      mimeType: safe.detail.mimeType,
      errors: events.seen.errors,
    };
  },
  status() {
    return { bytesUploaded: events.seen.progress?.bytesUploaded ?? 0, state: events.seen.progress?.state ?? '' };
  },
};
