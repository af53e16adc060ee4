import { expect } from '@open-wc/testing';
import { RecordingSource } from '../../src/core/recording-source.js';
import { StreamingUpload, type UploadState } from '../../src/core/streaming-upload.js';
import { clearFaults, injectFault } from '../support/commands.js';
import { serverBytes } from '../support/tus.js';
import { waitFor } from '../support/wait.js';

describe('StreamingUpload against the tus server', () => {
  afterEach(() => clearFaults());

  it('sends bytes as they are appended and the final length with the last ones', async () => {
    const source = new RecordingSource();
    const confirmed: number[] = [];
    let url = '';
    const done = new Promise<string>((resolve, reject) => {
      const upload = new StreamingUpload({
        endpoint: '/files',
        source,
        metadata: { filetype: 'application/octet-stream' },
        onUrl: (value) => (url = value),
        onConfirmed: (offset) => confirmed.push(offset),
        onSuccess: resolve,
        onError: reject,
      });
      upload.start();
    });
    source.append(new Uint8Array(1000).fill(1));
    await waitFor(() => confirmed.includes(1000), 'the first bytes were not sent before the end');
    expect(source.bytesInMemory, 'confirmed bytes are released').to.equal(0);
    source.append(new Uint8Array(500).fill(2));
    source.end();
    expect(await done).to.equal(url);
    const bytes = await serverBytes(url);
    expect(bytes.length).to.equal(1500);
    expect(bytes[999]).to.equal(1);
    expect(bytes[1000]).to.equal(2);
  });

  it('aborts a request that makes no progress and sends it again', async () => {
    await injectFault({ kind: 'hold', method: 'PATCH' });
    const source = new RecordingSource();
    const states: UploadState[] = [];
    const done = new Promise<string>((resolve, reject) => {
      new StreamingUpload({
        endpoint: '/files',
        source,
        metadata: {},
        requestTimeoutMs: 1000,
        onStateChange: (state) => states.push(state),
        onSuccess: resolve,
        onError: reject,
      }).start();
    });
    source.append(new Uint8Array(2000).fill(7));
    source.end();
    const url = await done;
    expect(states).to.include('retrying');
    expect((await serverBytes(url)).length).to.equal(2000);
  });

  it('finishes when the last PATCH, which declares the length, is cut off and the server refuses the length again', async () => {
    const source = new RecordingSource();
    let confirmed = 0;
    const done = new Promise<string>((resolve, reject) => {
      new StreamingUpload({
        endpoint: '/files',
        source,
        metadata: {},
        requestTimeoutMs: 1500,
        onConfirmed: (offset) => (confirmed = offset),
        onSuccess: resolve,
        onError: reject,
      }).start();
    });
    source.append(new Uint8Array(5000).fill(1));
    await waitFor(() => confirmed === 5000, 'the first bytes were not confirmed');
    // The server declares the length from the headers, then loses the body.
    await injectFault({ kind: 'cut', bytes: 100_000, method: 'PATCH' });
    source.append(new Uint8Array(600_000).fill(2));
    source.end();
    const bytes = await serverBytes(await done);
    expect(bytes.length).to.equal(605_000);
    expect([bytes[4999], bytes[5000], bytes[604_999]]).to.deep.equal([1, 2, 2]);
    expect(await clearFaults()).to.deep.equal([]);
  });
});
