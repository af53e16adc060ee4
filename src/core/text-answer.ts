/** Characters as people count them (grapheme clusters: an emoji or an accented letter is one). */
export function characterCount(text: string): number {
  return Array.from(graphemes(text)).length;
}

/** The first `max` characters of `text`, as people count them. */
export function truncateCharacters(text: string, max: number): string {
  let kept = '';
  let count = 0;
  for (const { segment } of graphemes(text)) {
    if (count++ >= max) break;
    kept += segment;
  }
  return kept;
}

/** The UTF-8 size of `text`, as it is uploaded. */
export function textBytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

function graphemes(text: string): Iterable<{ segment: string }> {
  // Intl.Segmenter is in every engine the widget supports; code points are the fallback.
  return typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)
    : Array.from(text, (segment) => ({ segment }));
}
