import { expect } from '@open-wc/testing';
import type { OnewayError } from '../../src/core/errors.js';
import { Journal } from '../../src/core/journal.js';
import { Sha256 } from '../../src/core/sha256.js';
import { memoryJournalStore } from '../support/memory-journal-store.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const take = (takeId: string, scope = 'interview/q1') => ({
  takeId,
  scope,
  endpoint: '/files',
  mimeType: 'video/webm',
  metadata: { questionId: 'q1' },
  hash: new Sha256().save(),
});

describe('chunk journal', () => {
  it('keeps every slice until the server confirms it, then deletes it', async () => {
    const memory = memoryJournalStore();
    const journal = new Journal(memory.store, () => 1000);
    const writer = journal.begin(take('t1'), () => undefined);
    await writer.append(bytes(1, 2, 3), new Sha256().save());
    await writer.append(bytes(4, 5), new Sha256().save());
    expect([...memory.data.keys()].filter((key) => key.startsWith('slice:'))).to.have.length(2);

    await writer.confirm(3);
    const [entry] = await journal.unfinished('interview/q1');
    expect(entry.bytesConfirmed).to.equal(3);
    expect(entry.slices).to.deep.equal([{ seq: 1, start: 3, length: 2 }]);
    expect([...memory.data.keys()].filter((key) => key.startsWith('slice:'))).to.deep.equal(['slice:t1:1']);
    expect(Array.from(await journal.continue(entry, () => undefined).read(3, 5))).to.deep.equal([4, 5]);
  });

  it('does not delete a slice the server has only partly confirmed', async () => {
    const memory = memoryJournalStore();
    const writer = new Journal(memory.store).begin(take('t1'), () => undefined);
    await writer.append(bytes(1, 2, 3, 4), new Sha256().save());
    await writer.confirm(2);
    expect(memory.data.has('slice:t1:0')).to.equal(true);
  });

  it('stores slices as ArrayBuffers (Safari cannot store Blobs) and never credentials', async () => {
    const memory = memoryJournalStore();
    const writer = new Journal(memory.store).begin(take('t1'), () => undefined);
    await writer.append(bytes(9), new Sha256().save());
    await writer.setUploadUrl('https://ats.example/tus/abc');
    expect(memory.data.get('slice:t1:0')).to.be.instanceOf(ArrayBuffer);
    const stored = JSON.stringify(memory.data.get('take:t1'));
    expect(stored).to.contain('https://ats.example/tus/abc');
    expect(stored.toLowerCase()).to.not.contain('authorization');
  });

  it('finds unfinished takes by scope or scope prefix, oldest first, and forgets finished ones', async () => {
    const memory = memoryJournalStore();
    let now = 0;
    const journal = new Journal(memory.store, () => ++now);
    const first = journal.begin(take('a', 'i1/q1'), () => undefined);
    const second = journal.begin(take('b', 'i1/q2'), () => undefined);
    const other = journal.begin(take('c', 'i2/q1'), () => undefined);
    await Promise.all([first.settled(), second.settled(), other.settled()]);
    expect((await journal.unfinished('i1/q1')).map((entry) => entry.takeId)).to.deep.equal(['a']);
    expect((await journal.unfinished('i1/', true)).map((entry) => entry.takeId)).to.deep.equal(['a', 'b']);

    await second.stop(1234);
    expect((await journal.unfinished('i1/q2'))[0]).to.include({ state: 'stopped', durationMs: 1234 });
    await second.finish();
    expect(await journal.unfinished('i1/q2')).to.deep.equal([]);
    expect([...memory.data.keys()].some((key) => key.includes(':b'))).to.equal(false);
  });

  it('stops writing and says so once when storage is refused', async () => {
    const memory = memoryJournalStore();
    const errors: OnewayError[] = [];
    const writer = new Journal(memory.store).begin(take('t1'), (error) => errors.push(error));
    await writer.settled();
    memory.failWrites(true);
    await writer.append(bytes(1), new Sha256().save());
    await writer.append(bytes(2), new Sha256().save());
    await writer.confirm(1);
    expect(errors.map((error) => [error.code, error.recoverable])).to.deep.equal([['storage-unavailable', true]]);
    expect(errors[0].message).to.contain('QuotaExceededError');
    const writesWhenRefused = memory.writes;
    await writer.append(bytes(3), new Sha256().save());
    expect(memory.writes).to.equal(writesWhenRefused);
  });

  it('keeps the hash state with each slice, so a reloaded page finishes the same digest', async () => {
    const memory = memoryJournalStore();
    const journal = new Journal(memory.store);
    const writer = journal.begin(take('t1'), () => undefined);
    const hash = new Sha256();
    for (const slice of [bytes(1, 2), bytes(3)]) {
      hash.update(slice);
      await writer.append(slice, hash.save());
    }
    const [entry] = await journal.unfinished('interview/q1');
    expect(Sha256.from(entry.hash).hex()).to.equal(new Sha256().update(bytes(1, 2, 3)).hex());
  });
});

describe('chunk journal consistency', () => {
  it('never commits an entry that lists a slice whose bytes are not stored, whatever order writes are queued in', async () => {
    const memory = memoryJournalStore();
    const committed: string[] = [];
    const store = {
      ...memory.store,
      async write(pairs: [string, unknown][], deletions: string[]) {
        await memory.store.write(pairs, deletions);
        // After every transaction: each slice the stored entry names is stored.
        const entry = memory.data.get('take:t1') as { slices: { seq: number }[] } | undefined;
        for (const slice of entry?.slices ?? []) {
          if (!memory.data.has(`slice:t1:${slice.seq}`)) committed.push(`slice ${slice.seq} listed without its bytes`);
        }
      },
    };
    const writer = new Journal(store).begin(take('t1'), () => undefined);
    // Writes queued before a slice's own write must not list it.
    void writer.setUploadUrl('https://ats.example/tus/1');
    void writer.append(bytes(1, 2), new Sha256().save());
    void writer.confirm(0);
    void writer.append(bytes(3), new Sha256().save());
    void writer.stop(10);
    await writer.settled();
    expect(committed).to.deep.equal([]);
    expect((memory.data.get('take:t1') as { slices: unknown[] }).slices).to.have.length(2);
  });

  it('reads stored bytes back across slice boundaries, and says which slice is missing', async () => {
    const memory = memoryJournalStore();
    const writer = new Journal(memory.store).begin(take('t1'), () => undefined);
    await writer.append(bytes(1, 2, 3), new Sha256().save());
    await writer.append(bytes(4, 5), new Sha256().save());
    expect(Array.from(await writer.read(1, 5))).to.deep.equal([2, 3, 4, 5]);
    memory.data.delete('slice:t1:1');
    let error: unknown;
    await writer.read(0, 5).catch((caught) => (error = caught));
    expect(String(error)).to.contain('slice 1 of take t1 is missing');
  });

  it('resolves each write with whether it was stored', async () => {
    const memory = memoryJournalStore();
    const writer = new Journal(memory.store).begin(take('t1'), () => undefined);
    expect(await writer.append(bytes(1), new Sha256().save())).to.equal(true);
    memory.failWrites(true);
    expect(await writer.append(bytes(2), new Sha256().save())).to.equal(false);
  });
});
