// The parts of tus-js-client the upload uses: a chunk of its own in the CDN bundle, loaded by
// `loadTusClient()` in streaming-upload.ts.
export { defaultOptions, Upload } from 'tus-js-client';
