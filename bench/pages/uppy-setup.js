// The Uppy setup the bench compares with: Uppy's documented webcam-recording set-up with tus
// (https://uppy.io/docs/webcam/, https://uppy.io/docs/tus/). This file alone is bundled with
// esbuild for the size figure; the bench's driving code is in uppy.js.
import Uppy from '@uppy/core';
import Dashboard from '@uppy/dashboard';
import Tus from '@uppy/tus';
import Webcam from '@uppy/webcam';

/**
 * An inline Dashboard with the Webcam plugin (video with audio) and tus uploads that start as
 * soon as a recording is added (autoProceed). `chunkSize` matches the recorder's (1 MiB).
 */
export function createUppy({ target, endpoint, mimeType }) {
  return new Uppy({ autoProceed: true })
    .use(Dashboard, { inline: true, target })
    .use(Webcam, { target: Dashboard, modes: ['video-audio'], preferredVideoMimeType: mimeType })
    .use(Tus, { endpoint, chunkSize: 1024 * 1024 });
}
