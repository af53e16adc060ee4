import { Take, type TextTakeOptions, type UploadedAnswer } from './take.js';

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

export interface TextAnswerOptions extends Omit<TextTakeOptions, 'onProgress' | 'onUploaded' | 'onError'> {
  text: string;
  metadata: Record<string, string>;
}

/**
 * Sends a text answer as a small `text/plain` file through the same take layer, tus endpoint
 * and retry policy as recordings, so the host receives every answer the same way. Rejects with
 * the first problem reported.
 */
export function uploadTextAnswer(options: TextAnswerOptions): Promise<UploadedAnswer> {
  return new Promise((resolve, reject) => {
    Take.fromText(options.text, { ...options, onUploaded: resolve, onError: reject }).start();
  });
}
