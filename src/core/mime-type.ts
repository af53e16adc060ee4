/** What an answer records: camera and microphone, or the microphone alone. */
export type MediaKind = 'video' | 'audio';

/**
 * Containers in order of preference. MP4 first: it carries a duration and plays on Safari.
 * WebM from MediaRecorder has no duration, so it comes second.
 */
const CANDIDATES: Record<MediaKind, readonly string[]> = {
  video: [
    'video/mp4;codecs=avc1,opus',
    'video/mp4;codecs=avc1,mp4a.40.2',
    'video/mp4;codecs=avc1',
    'video/webm;codecs=vp9,opus',
    'video/webm;codecs=vp8,opus',
    'video/mp4',
    'video/webm',
  ],
  audio: ['audio/mp4;codecs=opus', 'audio/mp4;codecs=mp4a.40.2', 'audio/webm;codecs=opus', 'audio/mp4', 'audio/webm'],
};

/**
 * The MIME types a browser can record for `kind`, best first.
 * `isTypeSupported` is injected so the table can be tested for any browser.
 */
export function supportedMimeTypes(kind: MediaKind, isTypeSupported: (type: string) => boolean): string[] {
  return CANDIDATES[kind].filter((type) => isTypeSupported(type));
}

/**
 * One spelling of a MIME type whichever browser reports it: no blanks around the parameters
 * (WebKit writes `video/mp4; codecs=avc1`, Chromium and Firefox `video/mp4;codecs=avc1`).
 */
export function canonicalMimeType(mimeType: string): string {
  return mimeType
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(';');
}

/** The bare type of a MIME type with parameters: `video/mp4;codecs=avc1` → `video/mp4`. */
export function bareType(mimeType: string): string {
  return mimeType.split(';')[0].trim().toLowerCase();
}

/** A file extension for a recorded MIME type. */
export function fileExtension(mimeType: string): string {
  const subtype = bareType(mimeType).split('/')[1] ?? 'bin';
  return subtype === 'mp4' && mimeType.startsWith('audio/') ? 'm4a' : subtype;
}
