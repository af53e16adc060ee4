// The CDN build's stand-in for tus-js-client's browser file reader, which also handles streams,
// React Native URIs and Cordova files. The widget passes its own reader for recordings; the only
// other input is the device check's Blob, read here as tus-js-client's FileSource reads one.
export default class BlobFileReader {
  async openFile(input: Blob) {
    if (typeof input?.slice !== 'function' || typeof input.size !== 'number') {
      throw new Error('tus: the CDN build reads Blobs only; pass a fileReader for anything else');
    }
    return {
      size: input.size,
      slice: async (start: number, end: number) => ({ value: input.slice(start, end), done: end >= input.size }),
      close() {},
    };
  }
}
