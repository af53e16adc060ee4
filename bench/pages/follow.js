// What the bench pages that drive the widget share: its events as they come, and polling.

/**
 * Follows `types` of events on `target`: `seen` keeps the last upload progress and every error,
 * `next(type)` resolves with the next `type` event's time (page clock) and detail.
 */
export function follow(target, types) {
  const seen = { errors: [], progress: undefined };
  const waiters = new Map();
  for (const type of types) {
    target.addEventListener(type, (event) => {
      const at = performance.now();
      if (type === 'oneway-upload-progress') seen.progress = event.detail;
      if (type === 'oneway-error') seen.errors.push({ at, ...event.detail });
      waiters.get(type)?.({ at, detail: event.detail });
      waiters.delete(type);
    });
  }
  return { seen, next: (type) => new Promise((resolve) => waiters.set(type, resolve)) };
}

/**
 * Presses Stop (`press`) and waits until the server holds the whole answer, or an error the
 * widget cannot recover from: when it was pressed, what was unconfirmed then, and the outcome.
 */
export async function stopAndWaitSafe({ seen, next }, press) {
  const stopped = next('oneway-recording-stop');
  const uploaded = next('oneway-answer-uploaded');
  const failed = until(() => seen.errors.find((e) => !e.recoverable));
  // Recorded slices the server had not confirmed yet when Stop was pressed (the last slice, still
  // inside MediaRecorder, comes on top).
  const unconfirmedAtStop = seen.progress ? seen.progress.bytesRecorded - seen.progress.bytesUploaded : 0;
  const pressedAt = performance.now();
  press();
  const outcome = await Promise.race([uploaded, failed.then((error) => ({ error }))]);
  if (outcome.error) return { pressedAt, unconfirmedAtStop, error: `${outcome.error.code}: ${outcome.error.message}` };
  return { pressedAt, unconfirmedAtStop, stop: await stopped, safe: outcome };
}

/** Polls `check` every 10 ms until it returns something. */
export function until(check) {
  return new Promise((resolve) => {
    const poll = () => {
      const value = check();
      if (value) resolve(value);
      else setTimeout(poll, 10);
    };
    poll();
  });
}
