// A small seeded generator (mulberry32), shared by the test server's chaos mode and the chaos
// test in the browser, so a run's faults and the test's own choices repeat for the same seed.

/**
 * Numbers in [0, 1) from `seed`, the same sequence for the same seed.
 * @param {number} seed
 * @returns {() => number}
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
