// Drives Uppy the way a candidate does: the Dashboard's Camera tab, the Webcam plugin's record and
// stop buttons, then its "Submit recorded file" button (clicked the moment it appears); autoProceed
// uploads it with tus. Exposes the same window.benchSetup as ours.js, for bench/run.mjs.
import { createUppy } from '/build/uppy-setup.js';

const mimeType = new URLSearchParams(location.search).get('mime') || null;
const uppy = createUppy({ target: '#uppy', endpoint: '/files', mimeType });
const webcam = uppy.getPlugin('Webcam');
const root = document.querySelector('#uppy');

const $ = (selector) => root.querySelector(selector);
const recordButton = () => $('button.uppy-Webcam-button[title="Begin video recording"]');
const stopButton = () => $('button.uppy-Webcam-button[title="Stop video recording"]');
const submitButton = () => $('button.uppy-Webcam-button--submit');

/** Resolves with `check()` as soon as the DOM under #uppy makes it truthy (checked on every mutation). */
function whenDom(check) {
  return new Promise((resolve) => {
    const value = check();
    if (value) return resolve(value);
    const observer = new MutationObserver(() => {
      const found = check();
      if (!found) return;
      observer.disconnect();
      resolve(found);
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true });
  });
}

const outcome = { success: undefined, error: undefined };
uppy.on('upload-success', (file, response) => {
  outcome.success = { at: performance.now(), file, response };
  outcome.onChange?.();
});
uppy.on('upload-error', (file, error) => {
  outcome.error = { at: performance.now(), message: String(error?.message ?? error) };
  outcome.onChange?.();
});
uppy.on('restriction-failed', (file, error) => {
  outcome.error = { at: performance.now(), message: `restriction: ${error?.message}` };
  outcome.onChange?.();
});

let bytesUploaded = 0;
uppy.on('upload-progress', (file, progress) => {
  bytesUploaded = progress.bytesUploaded;
});

window.benchUppy = uppy;
window.benchSetup = {
  name: 'uppy',
  async ready() {
    // The Dashboard lists its sources; the candidate opens the Camera tab.
    const tab = await whenDom(() => $('[data-uppy-acquirer-id="Webcam"] button'));
    tab.click();
    await whenDom(() => recordButton() && webcam.getPluginState().cameraReady);
    return { mimeType: mimeType ?? '' };
  },
  async start() {
    recordButton().click();
    await whenDom(() => stopButton());
    return { startedAt: window.bench.answerRecorder()?.startedAt ?? performance.now() };
  },
  /** Presses stop, then "Submit recorded file" as soon as it shows; resolves on upload-success (or error). */
  async stopAndWaitSafe() {
    const pressedAt = performance.now();
    stopButton().click();
    const submit = await whenDom(() => submitButton());
    const finalizedAt = performance.now();
    submit.click();
    await new Promise((resolve) => {
      outcome.onChange = resolve;
      if (outcome.success || outcome.error) resolve();
    });
    if (outcome.error) return { pressedAt, finalizedAt, error: outcome.error.message };
    const { file, response, at } = outcome.success;
    return {
      pressedAt,
      finalizedAt,
      safeAt: at,
      uploadUrl: response.uploadURL,
      bytes: file.size,
      mimeType: file.type,
    };
  },
  status() {
    return { bytesUploaded, state: outcome.success ? 'done' : '' };
  },
};
