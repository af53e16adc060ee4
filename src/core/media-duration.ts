// Streamed recordings (MediaRecorder's WebM, fragmented MP4) carry no duration in their header:
// players say Infinity, or only the part read so far, and cannot seek past it.

/**
 * Makes a player that says Infinity find the real duration: asked to seek far past the end, it
 * looks for the end (with range requests) and reports the duration it found; once that seek is
 * done, it seeks back to the start. Call it once the player has its metadata; it returns at once
 * when the duration is known.
 */
export async function revealDuration(media: HTMLMediaElement, timeoutMs = 5000): Promise<void> {
  if (media.duration !== Infinity) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      media.removeEventListener('seeked', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    media.addEventListener('seeked', done);
    media.currentTime = 1e101;
  });
  media.currentTime = 0;
}

/**
 * The duration to show and seek within, in seconds: the longer of what the player knows and what
 * the recorder measured (`durationMs` of the manifest). Engines that read a streamed recording as
 * they play it (Firefox at times, WebKitGTK) first know only the part they have read.
 */
export function playableSeconds(mediaDuration: number, recordedMs: number | undefined): number {
  const known = Number.isFinite(mediaDuration) ? mediaDuration : 0;
  return Math.max(known, (recordedMs ?? 0) / 1000);
}
