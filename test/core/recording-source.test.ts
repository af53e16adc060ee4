import { expect } from '@open-wc/testing';
import { RecordingSource, ReleasedBytesError } from '../../src/core/recording-source.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const read = async (blob: Blob | null) => (blob ? Array.from(new Uint8Array(await blob.arrayBuffer())) : null);

describe('RecordingSource', () => {
  it('returns what is recorded past start without waiting for a full chunk', async () => {
    const source = new RecordingSource();
    source.append(bytes(1, 2, 3));
    const { value, done } = await source.slice(0, 1024);
    expect(await read(value)).to.deep.equal([1, 2, 3]);
    expect(done).to.equal(false);
  });

  it('waits for the next slice when everything recorded was read', async () => {
    const source = new RecordingSource();
    source.append(bytes(1));
    let settled = false;
    const pending = source.slice(1, 10).then((result) => ((settled = true), result));
    await Promise.resolve();
    expect(settled).to.equal(false);
    source.append(bytes(2, 3));
    expect(await read((await pending).value)).to.deep.equal([2, 3]);
  });

  it('reads across slices and caps at the chunk end', async () => {
    const source = new RecordingSource();
    source.append(bytes(1, 2));
    source.append(bytes(3, 4));
    source.append(bytes(5));
    expect(await read((await source.slice(1, 4)).value)).to.deep.equal([2, 3, 4]);
  });

  it('says done with the last bytes once the recording ended, and done with nothing after', async () => {
    const source = new RecordingSource();
    source.append(bytes(1, 2));
    source.end();
    const last = await source.slice(0, 100);
    expect(await read(last.value)).to.deep.equal([1, 2]);
    expect(last.done).to.equal(true);
    expect(await source.slice(2, 100)).to.deep.equal({ value: null, done: true });
  });

  it('is not done while a chunk ends before the recorded end', async () => {
    const source = new RecordingSource();
    source.append(bytes(1, 2, 3));
    source.end();
    expect((await source.slice(0, 2)).done).to.equal(false);
    expect((await source.slice(2, 4)).done).to.equal(true);
  });

  it('holds only what the server has not confirmed', async () => {
    const source = new RecordingSource();
    source.append(bytes(1, 2));
    source.append(bytes(3, 4));
    source.release(3);
    expect(source.bytesHeld).to.equal(2);
    expect(await read((await source.slice(2, 4)).value)).to.deep.equal([3, 4]);
    source.release(4);
    expect(source.bytesHeld).to.equal(0);
    let error: unknown;
    await source.slice(0, 4).catch((e) => (error = e));
    expect(error).to.be.instanceOf(ReleasedBytesError);
  });

  it('cancels a waiting read on close() and serves the next one', async () => {
    const source = new RecordingSource();
    const cancelled = source.slice(0, 10).then(
      () => 'resolved',
      () => 'rejected',
    );
    source.close();
    expect(await cancelled).to.equal('rejected');
    const next = source.slice(0, 10);
    source.append(bytes(9));
    expect(await read((await next).value)).to.deep.equal([9]);
  });

  it('starts at an offset for a resumed recording', async () => {
    const source = new RecordingSource(100);
    source.append(bytes(7));
    expect(source.bytesRecorded).to.equal(101);
    expect(await read((await source.slice(100, 200)).value)).to.deep.equal([7]);
  });
});
