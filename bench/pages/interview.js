// Drives <oneway-interview> the way a candidate in a hurry does, for the slow-link sweep: the
// device check's "Continue" the moment it is enabled, each take started by the think time running
// out and stopped by "Stop recording", then "Submit answer" and "Next question". Exposes
// window.benchInterview for bench/lib/sweep.mjs.

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

const seen = { errors: [], notes: new Set(), progress: undefined };
const waiters = new Map();
/** Resolves with the next `type` event's time and detail. */
const next = (type) => new Promise((resolve) => waiters.set(type, resolve));
for (const type of ['oneway-device-check-complete', 'oneway-recording-start', 'oneway-recording-stop', 'oneway-upload-progress', 'oneway-answer-uploaded', 'oneway-error']) {
  interview.addEventListener(type, (event) => {
    const at = performance.now();
    if (type === 'oneway-upload-progress') seen.progress = event.detail;
    if (type === 'oneway-error') seen.errors.push({ at, ...event.detail });
    waiters.get(type)?.({ at, detail: event.detail });
    waiters.delete(type);
  });
}

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
  for (const el of deep(interview.shadowRoot)) if (el.matches('[part~="slow-connection"]')) seen.notes.add(el.textContent.trim());
}
setInterval(readNotes, 250);

/** Polls `check` every 10 ms until it returns something. */
function until(check) {
  return new Promise((resolve) => {
    const poll = () => {
      const value = check();
      if (value) resolve(value);
      else setTimeout(poll, 10);
    };
    poll();
  });
}

window.benchInterview = {
  /** "Start interview", then the device check's "Continue" as soon as it is enabled. */
  async begin() {
    (await until(() => button('Start interview'))).click();
    const completed = next('oneway-device-check-complete');
    (await until(() => button('Continue'))).click();
    const { at, detail } = await completed;
    return { continuedAt: at, measuredAtContinue: detail.throughputBps, measuring: detail.measuring };
  },
  /** Waits for the take to start by itself when the think time runs out. */
  async waitForTake() {
    const { at } = await next('oneway-recording-start');
    seen.notes.clear();
    return { startedAt: at };
  },
  /** Presses "Stop recording"; resolves when the server holds the whole answer (or it failed). */
  async stopAndWaitSafe() {
    const stopped = next('oneway-recording-stop');
    const uploaded = next('oneway-answer-uploaded');
    const failed = until(() => seen.errors.find((e) => !e.recoverable));
    const unconfirmedAtStop = seen.progress ? seen.progress.bytesRecorded - seen.progress.bytesUploaded : 0;
    readNotes();
    const pressedAt = performance.now();
    button('Stop recording').click();
    const outcome = await Promise.race([uploaded, failed.then((error) => ({ error }))]);
    if (outcome.error) return { pressedAt, error: `${outcome.error.code}: ${outcome.error.message}` };
    const stop = await stopped;
    const recorder = window.bench.answerRecorder();
    return {
      pressedAt,
      unconfirmedAtStop,
      finalizedAt: stop.at,
      safeAt: outcome.at,
      durationMs: stop.detail.durationMs,
      uploadUrl: outcome.detail.uploadUrl,
      bytes: outcome.detail.bytes,
      sha256: outcome.detail.sha256,
      requested: recorder.requested,
      video: recorder.video,
      notes: [...seen.notes],
      errors: seen.errors,
    };
  },
  /** "Submit answer", then "Next question" (which reveals the question and starts its think time). */
  async submitAndNext() {
    (await until(() => button('Submit answer'))).click();
    (await until(() => button('Next question'))).click();
  },
};
