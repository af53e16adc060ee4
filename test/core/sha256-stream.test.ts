import { expect } from '@open-wc/testing';
import { sha256OfStream } from '../../src/core/sha256-stream.js';
import { sha256Hex } from '../support/tus.js';

/** A stream that yields `chunks` one by one. */
function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++]);
      else controller.close();
    },
  });
}

describe('sha256OfStream', () => {
  it('hashes nothing as the digest of no bytes', async () => {
    expect(await sha256OfStream(streamOf([]))).to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('matches WebCrypto whatever the chunks, empty ones included', async () => {
    const bytes = new Uint8Array(200_003);
    for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(bytes.length, i + 65536)));
    const chunks = [bytes.subarray(0, 1), new Uint8Array(0), bytes.subarray(1, 64), bytes.subarray(64, 100_000), bytes.subarray(100_000)];
    expect(await sha256OfStream(streamOf(chunks))).to.equal(await sha256Hex(bytes));
  });

  it('hashes what a fetched body streams', async () => {
    const text = 'An answer of a few words.\n'.repeat(1000);
    const body = new Response(text).body!;
    expect(await sha256OfStream(body)).to.equal(await sha256Hex(new TextEncoder().encode(text)));
  });

  it('rejects with the stream’s error when the stream breaks off', async () => {
    let sent = false;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) controller.error(new TypeError('network error'));
        else controller.enqueue(new Uint8Array([1, 2, 3]));
        sent = true;
      },
    });
    let failure: unknown;
    await sha256OfStream(broken).catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);
    expect((failure as Error).message).to.equal('network error');
  });
});
