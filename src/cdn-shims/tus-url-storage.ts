// The CDN build's stand-in for tus-js-client's localStorage URL storage: the widget keeps upload
// URLs in its own journal (`storeFingerprintForResuming: false`), so nothing is stored there.
export const canStoreURLs = false;

export class WebStorageUrlStorage {}
