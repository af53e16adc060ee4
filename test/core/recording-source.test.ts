import { expect } from '@open-wc/testing';
import { RecordingSource, ReleasedBytesError, UnreadableBytesError } from '../../src/core/recording-source.js';

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
    expect(source.bytesInMemory).to.equal(2);
    expect(await read((await source.slice(2, 4)).value)).to.deep.equal([3, 4]);
    source.release(4);
    expect(source.bytesInMemory).to.equal(0);
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

describe('RecordingSource with a store (the journal)', () => {
  /** A store holding every appended byte, as the journal would, with the reads it served. */
  function byteStore() {
    const all: number[] = [];
    const reads: [number, number][] = [];
    return {
      all,
      reads,
      async read(start: number, end: number) {
        reads.push([start, end]);
        return Uint8Array.from(all.slice(start, end));
      },
    };
  }

  it('sends only bytes that are stored, so a server never holds what a reload could not account for', async () => {
    const store = byteStore();
    const source = new RecordingSource(0, { store });
    source.append(bytes(1, 2, 3));
    let settled = false;
    const pending = source.slice(0, 100).finally(() => (settled = true));
    await Promise.resolve();
    expect(settled, 'nothing is sent before it is stored').to.equal(false);
    source.stored(3);
    expect(await read((await pending).value)).to.deep.equal([1, 2, 3]);
  });

  it('sends from memory once the store fails, since memory is then the only copy', async () => {
    const source = new RecordingSource(0, { store: byteStore() });
    source.append(bytes(4, 5));
    const pending = source.slice(0, 100);
    source.storeFailed();
    expect(await read((await pending).value)).to.deep.equal([4, 5]);
  });

  it('is done only when the last slice is stored', async () => {
    const source = new RecordingSource(0, { store: byteStore() });
    source.append(bytes(1));
    source.stored(1);
    source.append(bytes(2));
    source.end();
    const first = await source.slice(0, 100);
    expect([await read(first.value), first.done]).to.deep.equal([[1], false]);
    source.stored(2);
    const last = await source.slice(1, 100);
    expect([await read(last.value), last.done]).to.deep.equal([[2], true]);
  });

  it('keeps at most its window in memory and reads older stored slices back, byte for byte', async () => {
    const store = byteStore();
    const source = new RecordingSource(0, { store, memoryWindowBytes: 4 });
    for (let slice = 0; slice < 5; slice++) {
      const values = [slice * 3, slice * 3 + 1, slice * 3 + 2];
      store.all.push(...values);
      source.append(Uint8Array.from(values));
      source.stored(store.all.length);
      expect(source.bytesInMemory, `after slice ${slice}`).to.be.at.most(4 + 3);
    }
    source.end();
    expect(source.bytesInMemory).to.equal(3);
    const sent: number[] = [];
    for (let offset = 0; offset < 15; ) {
      const { value } = await source.slice(offset, offset + 5);
      const part = (await read(value))!;
      sent.push(...part);
      offset += part.length;
    }
    expect(sent).to.deep.equal(store.all);
    expect(store.reads.length, 'older slices came from the store').to.be.greaterThan(0);
  });

  it('never lets unstored bytes leave memory, whatever the window', () => {
    const source = new RecordingSource(0, { store: byteStore(), memoryWindowBytes: 1 });
    source.append(bytes(1, 2));
    source.append(bytes(3, 4));
    expect(source.bytesInMemory).to.equal(4);
    source.stored(2);
    expect(source.bytesInMemory).to.equal(2);
  });

  it('resumes with every slice in the store and nothing in memory', async () => {
    const store = byteStore();
    store.all.push(0, 0, 7, 8, 9);
    const source = new RecordingSource(2, { store });
    source.appendStored(2);
    source.appendStored(1);
    source.end();
    expect(source.bytesInMemory).to.equal(0);
    const { value, done } = await source.slice(2, 100);
    expect([await read(value), done]).to.deep.equal([[7, 8, 9], true]);
  });

  it('turns a failed read-back into an UnreadableBytesError', async () => {
    const source = new RecordingSource(0, {
      store: { read: () => Promise.reject(new Error('gone')) },
      memoryWindowBytes: 0,
    });
    source.append(bytes(1));
    source.stored(1);
    let error: unknown;
    await source.slice(0, 10).catch((caught) => (error = caught));
    expect(error).to.be.instanceOf(UnreadableBytesError);
  });
});
