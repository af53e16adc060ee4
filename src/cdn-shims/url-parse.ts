// The CDN build's stand-in for `url-parse`, which tus-js-client uses only to resolve an upload's
// Location against its endpoint: the browser's URL does that, for ~2 KB gzip less. Relative
// endpoints (e.g. "/files") are resolved against the page first, as url-parse does.
export default class ResolvedUrl {
  private readonly href: string;

  constructor(link: string, base: string) {
    this.href = new URL(link, new URL(base, globalThis.location?.href)).href;
  }

  toString(): string {
    return this.href;
  }
}
