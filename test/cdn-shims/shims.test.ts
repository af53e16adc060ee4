import { expect } from '@open-wc/testing';
import { Base64 as RealBase64 } from 'js-base64';
// @ts-expect-error url-parse ships no types; it is only compared against here.
import RealUrl from 'url-parse';
// @ts-expect-error tus-js-client ships no types for its internals; it is only compared against here.
import RealFileReader from 'tus-js-client/lib/browser/fileReader.js';
import { Base64 } from '../../src/cdn-shims/js-base64.js';
import BlobFileReader from '../../src/cdn-shims/tus-file-reader.js';
import ResolvedUrl from '../../src/cdn-shims/url-parse.js';

// The CDN build swaps these libraries for the shims: they must give tus-js-client the same results.
describe('CDN shims for tus-js-client', () => {
  it('resolve an upload Location against its endpoint like url-parse', () => {
    const cases: [string, string][] = [
      ['/files/abc', '/files'],
      ['abc', '/files/'],
      ['https://tus.example/files/abc', '/files'],
      ['/files/abc', 'https://ats.example/tus/'],
      ['//cdn.example/files/abc', 'https://ats.example/tus/'],
      ['../up/abc?x=1', 'https://ats.example/tus/files/'],
    ];
    for (const [link, base] of cases) {
      const real = new RealUrl(link, new RealUrl(base, location.href).toString()).toString();
      expect(new ResolvedUrl(link, base).toString(), `${link} against ${base}`).to.equal(real);
    }
  });

  it('encode metadata values to Base64 like js-base64, Unicode included', () => {
    for (const value of ['', 'video/mp4', 'answer.webm', 'Müller-Lüdenscheidt', '面接の回答', '🎥 take 2', 'a'.repeat(1000)]) {
      expect(Base64.encode(value), value).to.equal(RealBase64.encode(value));
    }
  });

  it("read a Blob in chunks like tus-js-client's own file reader", async () => {
    const blob = new Blob([new Uint8Array(1000).map((_, index) => index % 251)]);
    const [real, shim] = await Promise.all([new RealFileReader().openFile(blob, 300), new BlobFileReader().openFile(blob)]);
    expect(shim.size).to.equal(real.size);
    for (const [start, end] of [[0, 300], [300, 600], [900, 1200], [1000, 1300]]) {
      const [a, b] = await Promise.all([real.slice(start, end), shim.slice(start, end)]);
      expect(b.done, `done at ${start}-${end}`).to.equal(a.done);
      expect(new Uint8Array(await b.value.arrayBuffer()), `bytes ${start}-${end}`).to.deep.equal(new Uint8Array(await a.value.arrayBuffer()));
    }
  });
});
