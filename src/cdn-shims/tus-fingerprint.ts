// The CDN build's stand-in for tus-js-client's fingerprint, which names a file for its URL
// storage; the widget does not use that storage, so no upload needs a fingerprint.
export default function fingerprint(): Promise<null> {
  return Promise.resolve(null);
}
