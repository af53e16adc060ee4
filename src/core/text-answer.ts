import type { OnewayError } from './errors.js';
import { RecordingSource } from './recording-source.js';
import { Sha256 } from './sha256.js';
import type { UploadedAnswer } from './take.js';
import { StreamingUpload, type AuthorizeHook } from './tus-stream.js';

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

export interface TextAnswerOptions {
  endpoint: string;
  text: string;
  metadata: Record<string, string>;
  authorize?: AuthorizeHook;
  /** Origins besides the endpoint's that the server may place uploads on. */
  uploadOrigins?: readonly string[];
  /** How long the candidate took, reported with the answer. */
  durationMs: number;
  /** The file's name and type on the server: a text answer's (`answer.txt`, text/plain) unless set. */
  filename?: string;
  mimeType?: string;
}

/**
 * Sends a text answer as a small `text/plain` file through the same tus endpoint and retry
 * policy as recordings, so the host receives every answer the same way.
 */
export function uploadTextAnswer(options: TextAnswerOptions): Promise<UploadedAnswer> {
  const bytes = new TextEncoder().encode(options.text);
  const source = new RecordingSource();
  source.append(bytes);
  source.end();
  const filetype = options.mimeType ?? 'text/plain';
  const mimeType = `${filetype};charset=utf-8`;
  const metadata = { filename: options.filename ?? 'answer.txt', filetype, codecs: mimeType, ...options.metadata };
  return new Promise((resolve, reject) => {
    const upload = new StreamingUpload({
      endpoint: options.endpoint,
      source,
      metadata,
      authorize: options.authorize,
      uploadOrigins: options.uploadOrigins,
      onSuccess: (uploadUrl) =>
        resolve({
          uploadUrl,
          bytes: bytes.length,
          durationMs: options.durationMs,
          mimeType,
          sha256: new Sha256().update(bytes).hex(),
          interrupted: false,
          metadata,
        }),
      onError: (error: OnewayError) => reject(error),
    });
    upload.start();
  });
}
