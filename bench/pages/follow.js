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
