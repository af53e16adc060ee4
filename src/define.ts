// Registers every element. A host page may load the bundle twice (e.g. the CDN build and an npm
// copy), so a tag that is already defined is left alone instead of throwing.
//
// tus-js-client is a chunk too, fetched once an interview or recorder is on the page.
//
// The device check and the standalone upload progress are loaded when used (a chunk next to the
// CDN bundle, or one of the host's bundler): most pages never show them. They are found in the
// page's own markup (now and as it changes), and the interview asks for its device check; one
// placed in the host's own shadow root is loaded with `requestElement(tag)`.
//
// <oneway-interview> and <oneway-review> are defined at once (frameworks set their properties as
// soon as they create them), but what each does and shows is in chunks of its own that it fetches
// when it first connects (see interview.ts and review.ts): the interview's session and templates,
// the review's view. The recorder, the take engine and English stay here, and the interview's
// chunks are fetched before anything can be recorded: once recording can start, an answer is
// saved and a problem is told whatever the network does.
import { OnewayRecorder } from './elements/recorder/recorder.js';
import { OnewayCountdown } from './elements/countdown/countdown.js';
import type { OnewayDeviceCheck } from './elements/device-check/device-check.js';
import type { OnewayUploadProgress } from './elements/upload-progress/upload-progress.js';
import { OnewayQuestion } from './elements/question/question.js';
import { OnewayInterview } from './elements/interview/interview.js';
import { OnewayReview } from './elements/review/review.js';
import { lazyTags, loadDeviceCheck, loadUploadProgress, registerLazyElement, requestElement } from './lazy-elements.js';
import { loadTusClient } from './core/streaming-upload.js';

function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

const elements: Record<string, CustomElementConstructor> = {
  'oneway-recorder': OnewayRecorder,
  'oneway-countdown': OnewayCountdown,
  'oneway-question': OnewayQuestion,
  'oneway-interview': OnewayInterview,
  'oneway-review': OnewayReview,
};
for (const [tag, element] of Object.entries(elements)) define(tag, element);

registerLazyElement('oneway-device-check', async () => define('oneway-device-check', await loadDeviceCheck()));
registerLazyElement('oneway-upload-progress', async () => define('oneway-upload-progress', await loadUploadProgress()));

// Every element the interview renders is defined here or loaded when first used.
for (const tag of OnewayInterview.dependencies) {
  if (!customElements.get(tag) && !lazyTags().includes(tag)) throw new Error(`oneway-interview renders <${tag}>, which is not defined.`);
}

let uploadsPreloaded = false;

/**
 * Loads the lazily defined elements the page's markup uses, and the upload client (a chunk too)
 * once an interview or recorder is there: its first upload (a consent receipt, an answer) then
 * does not wait for it. Stops watching once all are loaded.
 */
function loadUsed(observer?: MutationObserver): void {
  for (const tag of lazyTags()) if (document.querySelector(tag)) void requestElement(tag);
  if (!uploadsPreloaded && document.querySelector('oneway-interview, oneway-recorder')) {
    uploadsPreloaded = true;
    void loadTusClient().catch(() => (uploadsPreloaded = false));
  }
  if (lazyTags().length === 0 && uploadsPreloaded) observer?.disconnect();
}
if (typeof document !== 'undefined') {
  loadUsed();
  const observer = new MutationObserver(() => loadUsed(observer));
  observer.observe(document, { childList: true, subtree: true });
}

export { requestElement };

declare global {
  interface HTMLElementTagNameMap {
    'oneway-recorder': OnewayRecorder;
    'oneway-countdown': OnewayCountdown;
    'oneway-device-check': OnewayDeviceCheck;
    'oneway-upload-progress': OnewayUploadProgress;
    'oneway-question': OnewayQuestion;
    'oneway-interview': OnewayInterview;
    'oneway-review': OnewayReview;
  }
}
