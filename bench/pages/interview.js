// Drives <oneway-interview> the way a candidate in a hurry does, for the slow-link sweep: the
// device check's "Continue" the moment it is enabled, each take started by the think time running
// out and stopped by "Stop recording", then "Submit answer" and "Next question". Exposes
// window.benchInterview for bench/lib/sweep.mjs.
import { follow, stopAndWaitSafe, until } from './follow.js';

const interview = document.querySelector('oneway-interview');
interview.config = {
  id: `bench-slow-link-${Date.now()}`,
  title: 'Bench: slow links',
  deviceCheck: true,
  // The bench stops each take itself; the limit only has to be longer.
  defaults: { thinkSeconds: 3, answerSeconds: 900, retakes: 0, answer: 'video' },
  questions: [
    { id: 'q1', text: 'Question 1: tell us about a project you are proud of.' },
    { id: 'q2', text: 'Question 2: what would you do differently?' },
  ],
};

const events = follow(interview, [
  'oneway-device-check-complete',
  'oneway-recording-start',
  'oneway-recording-stop',
  'oneway-upload-progress',
  'oneway-answer-uploaded',
  'oneway-error',
]);
/** The notes about the connection the candidate saw during the take. */
const notes = new Set();

/** Every element under `root`, shadow roots included. */
function deep(root) {
  const found = [];
  for (const child of root.children) {
    found.push(child);
    if (child.shadowRoot) found.push(...deep(child.shadowRoot));
    found.push(...deep(child));
  }
  return found;
}
const button = (name) => deep(interview.shadowRoot).find((el) => el instanceof HTMLButtonElement && el.textContent.trim() === name && !el.disabled);
/** The notes about the connection shown now (remembered, so one seen during a take is reported). */
function readNotes() {
  for (const el of deep(interview.shadowRoot)) if (el.matches('[part~="slow-connection"]')) notes.add(el.textContent.trim());
}
setInterval(readNotes, 250);

window.benchInterview = {
  /** "Start interview", then the device check's "Continue" as soon as it is enabled. */
  async begin() {
    (await until(() => button('Start interview'))).click();
    const completed = events.next('oneway-device-check-complete');
    (await until(() => button('Continue'))).click();
    const { at, detail } = await completed;
    return { continuedAt: at, measuredAtContinue: detail.throughputBps, measuringForMs: detail.measuringForMs };
  },
  /** Waits for the take to start by itself when the think time runs out. */
  async waitForTake() {
    const { at } = await events.next('oneway-recording-start');
    notes.clear();
    return { startedAt: at };
  },
  /** Presses "Stop recording"; resolves when the server holds the whole answer (or it failed). */
  async stopAndWaitSafe() {
    readNotes();
    const { pressedAt, unconfirmedAtStop, error, stop, safe } = await stopAndWaitSafe(events, () => button('Stop recording').click());
    if (error) return { pressedAt, error };
    const recorder = window.bench.answerRecorder();
    return {
      pressedAt,
      unconfirmedAtStop,
      finalizedAt: stop.at,
      safeAt: safe.at,
      durationMs: stop.detail.durationMs,
      uploadUrl: safe.detail.uploadUrl,
      bytes: safe.detail.bytes,
      sha256: safe.detail.sha256,
      requested: recorder.requested,
      video: recorder.video,
      videoAtStop: recorder.videoAtStop,
      notes: [...notes],
      errors: events.seen.errors,
    };
  },
  /** "Submit answer", then "Next question" (which reveals the question and starts its think time). */
  async submitAndNext() {
    (await until(() => button('Submit answer'))).click();
    (await until(() => button('Next question'))).click();
  },
};
