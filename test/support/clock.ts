/** A monotonic clock (ms) the test moves by hand. */
export function manualClock(start = 1000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}
