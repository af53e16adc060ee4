// The CDN build's stand-in for `js-base64`, which tus-js-client uses only to encode metadata
// values: UTF-8 bytes through btoa, without the library's 3.7 KB.
export const Base64 = {
  encode(text: string): string {
    let binary = '';
    for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
    return btoa(binary);
  },
};
