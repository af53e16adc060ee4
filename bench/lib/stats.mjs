// Small helpers for figures: median with min and max, ratios, and human units.

/** `{ median, min, max, n }` of the finite numbers in `values` (undefined when there are none). */
export function spread(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

/** "1.23 s (1.10–1.40)" for a spread of milliseconds. */
export function formatSeconds(s, digits = 2) {
  if (!s) return 'n/a';
  const f = (ms) => (ms / 1000).toFixed(digits);
  return s.n > 1 ? `${f(s.median)} s (${f(s.min)}–${f(s.max)})` : `${f(s.median)} s`;
}

/** "123 ms (100–140)" for a spread of milliseconds. */
export function formatMs(s, digits = 0) {
  if (!s) return 'n/a';
  const f = (ms) => ms.toFixed(digits);
  return s.n > 1 ? `${f(s.median)} ms (${f(s.min)}–${f(s.max)})` : `${f(s.median)} ms`;
}

/** A spread of plain numbers with a unit. */
export function formatNumber(s, unit = '', digits = 0) {
  if (!s) return 'n/a';
  const f = (v) => v.toFixed(digits);
  const suffix = unit ? ` ${unit}` : '';
  return s.n > 1 ? `${f(s.median)}${suffix} (${f(s.min)}–${f(s.max)})` : `${f(s.median)}${suffix}`;
}

/** Bytes as KB/MB (1 KB = 1000 B, as network figures are). */
export function formatBytes(bytes) {
  if (!Number.isFinite(bytes)) return 'n/a';
  if (Math.abs(bytes) >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (Math.abs(bytes) >= 1e3) return `${(bytes / 1e3).toFixed(1)} KB`;
  return `${Math.round(bytes)} B`;
}

/** A spread of bytes. */
export function formatByteSpread(s) {
  if (!s) return 'n/a';
  return s.n > 1 ? `${formatBytes(s.median)} (${formatBytes(s.min)}–${formatBytes(s.max)})` : formatBytes(s.median);
}

/** "×12.3 (×10.1–×15.0)" for a spread of ratios. */
export function formatRatio(s) {
  if (!s) return 'n/a';
  const f = (v) => `×${v >= 10 ? v.toFixed(0) : v.toFixed(1)}`;
  return s.n > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median);
}
