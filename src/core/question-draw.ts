// Which of the config's questions a candidate is asked, and in which order: `pick` draws some,
// `shuffle` mixes their order, `pools` draw so many from each group in turn. The draw is seeded
// by the interview and the candidate, so the same candidate always gets the same questions in the
// same order (a reload or a resume changes nothing) and different candidates get different ones.

/** How questions are drawn: the config's `pick`, `shuffle` and `pools`. */
export interface DrawRules {
  pick?: number;
  shuffle?: boolean;
  pools?: readonly { id: string; pick?: number; questions: readonly string[] }[];
}

/** The questions asked, from all of `questions`, for the draw seeded by `seed`. */
export function drawQuestions<T extends { id: string }>(questions: readonly T[], rules: DrawRules, seed: string): T[] {
  if (!rules.pools) return drawGroup(questions, rules.pick, !!rules.shuffle, seededRandom(seed));
  const byId = new Map(questions.map((question) => [question.id, question]));
  return rules.pools.flatMap((pool) => {
    const members = pool.questions.flatMap((id) => byId.get(id) ?? []);
    // Each pool has its own stream: a pool's draw does not change when another pool does.
    return drawGroup(members, pool.pick, !!rules.shuffle, seededRandom(`${seed}\u0000${pool.id}`));
  });
}

/** `pick` of `questions` (all without it), in the config's order unless `shuffle`. */
function drawGroup<T>(questions: readonly T[], pick: number | undefined, shuffle: boolean, random: () => number): T[] {
  const order = questions.map((_, index) => index);
  // Fisher–Yates: every order is equally likely.
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const chosen = order.slice(0, Math.min(pick ?? questions.length, questions.length));
  if (!shuffle) chosen.sort((a, b) => a - b);
  return chosen.map((index) => questions[index]);
}

/** A seeded generator of numbers in [0, 1): a 32-bit string hash (FNV-1a) seeding mulberry32. */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
