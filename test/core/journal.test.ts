import { expect } from '@open-wc/testing';
import type { OnewayError } from '../../src/core/errors.js';
import { Journal } from '../../src/core/journal.js';
import { Sha256 } from '../../src/core/sha256.js';
import { memoryJournalStore } from '../support/memory-journal-store.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const take = (takeId: string, slot = 'interview/q1') => ({
  takeId,
  slot,
  endpoint: '/files',
  mimeType: 'video/webm',
  metadata: { questionId: 'q1' },
  hash: new Sha256().save(),
});

describe('chunk journal', () => {
  it("finds a take whose first write is still on its way when recovery looks (a page's own aborted take)", async () => {
    const memory = memoryJournalStore();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const write = memory.store.write;
    // The first write (the new take's entry) is slow, as IndexedDB can be on a busy machine.
    let first = true;
    const store = {
      ...memory.store,
      write: async (...args: Parameters<typeof write>) => {
        if (first) {
          first = false;
          await held;
        }
        return write(...args);
      },
    };
    const journal = new Journal(store, () => 1000);
    journal.begin(take('slow'), () => undefined);
    const found = journal.unfinished('interview/q1');
    setTimeout(release, 50);
    expect((await found).map((entry) => entry.takeId)).to.deep.equal(['slow']);
  });

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

  it('finds unfinished takes by slot or slot prefix, oldest first, and forgets finished ones', async () => {
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

describe('chunk journal recovery', () => {
  /** Everything one take writes, in order, against `journal`. */
  async function recordTake(journal: Journal, takeId: string, slices: Uint8Array[]) {
    const writer = journal.begin(take(takeId), () => undefined);
    const hash = new Sha256();
    let sent = 0;
    for (const [index, slice] of slices.entries()) {
      hash.update(slice);
      void writer.append(slice, hash.save());
      if (index === 0) void writer.setUploadUrl(`https://ats.example/tus/${takeId}`);
      if (index === 2) void writer.confirm((sent = slices[0].length));
    }
    void writer.stop(1234);
    await writer.settled();
    return sent;
  }

  it('leaves a consistent take at every crash point: its slices, length and hash agree', async () => {
    const slices = [bytes(1, 2, 3), bytes(4, 5), bytes(6), bytes(7, 8, 9, 10)];
    // How many writes one take makes, to walk a crash after each of them.
    const counting = memoryJournalStore();
    await recordTake(new Journal(counting.store), 'count', slices);
    const writes = counting.writes;
    expect(writes).to.be.greaterThan(slices.length);
    for (let crashAfter = 0; crashAfter <= writes; crashAfter++) {
      const memory = memoryJournalStore();
      let made = 0;
      // The page dies after `crashAfter` transactions: nothing later reaches storage.
      const crashing = {
        ...memory.store,
        write: (pairs: [string, unknown][], deletions: string[]) =>
          made++ < crashAfter ? memory.store.write(pairs, deletions) : Promise.reject(new DOMException('the page went away', 'AbortError')),
      };
      await recordTake(new Journal(crashing), 't1', slices);
      const dropped: string[] = [];
      const journal = new Journal(memory.store);
      const [entry] = await journal.unfinished('interview/q1', false, { onDropped: ({ detail }) => dropped.push(detail) });
      expect(dropped, `crash after ${crashAfter}`).to.deep.equal([]);
      if (!entry) {
        expect(crashAfter, 'only a crash before the first write leaves nothing').to.equal(0);
        continue;
      }
      const all = slices.flatMap((slice) => Array.from(slice));
      const from = entry.slices[0]?.start ?? entry.bytesRecorded;
      const kept = Array.from(await journal.continue(entry, () => undefined).read(from, entry.bytesRecorded));
      expect(kept, `crash after ${crashAfter}: the stored bytes`).to.deep.equal(all.slice(from, entry.bytesRecorded));
      expect(Sha256.from(entry.hash).hex(), `crash after ${crashAfter}: the hash covers exactly the bytes recorded`).to.equal(
        new Sha256().update(Uint8Array.from(all.slice(0, entry.bytesRecorded))).hex(),
      );
    }
  });

  it('removes a take whose slice is missing, says what was lost, and still returns the others', async () => {
    const memory = memoryJournalStore();
    let now = 1000;
    const journal = new Journal(memory.store, () => now++);
    await recordTake(journal, 'broken', [bytes(1), bytes(2), bytes(3), bytes(4)]);
    await recordTake(journal, 'fine', [bytes(5), bytes(6), bytes(7), bytes(8)]);
    memory.data.delete('slice:broken:2');
    const dropped: string[] = [];
    const entries = await journal.unfinished('interview/q1', false, { onDropped: ({ reason, detail }) => dropped.push(`${reason}: ${detail}`) });
    expect(entries.map((entry) => entry.takeId)).to.deep.equal(['fine']);
    expect(dropped).to.deep.equal(["inconsistent: slice 2 is missing from this device's storage"]);
    expect([...memory.data.keys()].filter((key) => key.includes('broken'))).to.deep.equal([]);
  });

  it('removes takes older than the retention instead of retrying them forever, in every slot', async () => {
    const memory = memoryJournalStore();
    let now = 0;
    const journal = new Journal(memory.store, () => now);
    await recordTake(journal, 'old', [bytes(1), bytes(2), bytes(3)]);
    const other = journal.begin(take('elsewhere', 'other/q1'), () => undefined);
    await other.append(bytes(9), new Sha256().save());
    now = 8 * 24 * 60 * 60 * 1000;
    const dropped: string[] = [];
    expect(await journal.unfinished('interview/q1', false, { onDropped: ({ reason }) => dropped.push(reason) })).to.deep.equal([]);
    expect(dropped).to.deep.equal(['expired']);
    expect(memory.data.size, 'nothing left behind, whatever the slot').to.equal(0);
  });

  it('keeps a take within a shorter or longer retention as the host sets it', async () => {
    const memory = memoryJournalStore();
    let now = 0;
    const journal = new Journal(memory.store, () => now);
    await recordTake(journal, 't1', [bytes(1), bytes(2), bytes(3)]);
    now = 10 * 24 * 60 * 60 * 1000;
    expect(await journal.unfinished('interview/q1', false, { retentionMs: 30 * 24 * 60 * 60 * 1000 })).to.have.length(1);
    expect(await journal.unfinished('interview/q1', false, { retentionMs: 24 * 60 * 60 * 1000 })).to.have.length(0);
  });

  it('clears every take of a slot prefix, and a finished or cleared take is never found or written again', async () => {
    const memory = memoryJournalStore();
    const journal = new Journal(memory.store);
    const a = journal.begin(take('clear-a', 'i1/c1/q1'), () => undefined);
    const b = journal.begin(take('clear-b', 'i1/c2/q1'), () => undefined);
    await Promise.all([a.append(bytes(1), new Sha256().save()), b.append(bytes(2), new Sha256().save())]);
    await journal.clear('i1/c1/', true);
    expect((await journal.unfinished('i1/', true)).map((entry) => entry.takeId)).to.deep.equal(['clear-b']);
    // (Take ids are UUIDs; these are unique in the file, as finished takes are remembered for the page.)
    // A slice that arrives after the clear (a recorder stopping late) does not bring the take back.
    await a.append(bytes(3), new Sha256().save());
    expect([...memory.data.keys()].some((key) => key.includes('clear-a'))).to.equal(false);
  });

  it('finds and clears a take that version 0.1.0 stored with its slot named scope', async () => {
    const memory = memoryJournalStore();
    const journal = new Journal(memory.store);
    const writer = journal.begin(take('legacy-1', 'i9/q1'), () => undefined);
    await writer.append(bytes(7, 8), new Sha256().save());
    const { slot, ...rest } = memory.data.get('take:legacy-1') as { slot: string };
    memory.data.set('take:legacy-1', { ...rest, scope: slot });

    const [entry] = await journal.unfinished('i9/q1');
    expect(entry.slot).to.equal('i9/q1');
    expect(entry).to.not.have.property('scope');
    expect(Array.from(await journal.continue(entry, () => undefined).read(0, 2))).to.deep.equal([7, 8]);
    await journal.clear('i9/', true);
    expect([...memory.data.keys()].some((key) => key.includes('legacy-1'))).to.equal(false);
  });

  it('writes again, with what it could not store, after a passing storage error', async () => {
    const memory = memoryJournalStore();
    const errors: OnewayError[] = [];
    const journal = new Journal(memory.store);
    const writer = journal.begin(take('retry-1'), (error) => errors.push(error));
    const hash = new Sha256();
    const append = (slice: Uint8Array) => writer.append(slice, hash.update(slice).save());
    expect(await append(bytes(1, 2))).to.equal(true);
    memory.failWrites('UnknownError');
    expect(await append(bytes(3))).to.equal(false);
    expect(await writer.confirm(2)).to.equal(false);
    memory.failWrites(false);
    expect(await append(bytes(4, 5))).to.equal(true);
    const [entry] = await journal.unfinished('interview/q1');
    expect(entry.slices.map((slice) => slice.seq)).to.deep.equal([1, 2]);
    expect(Array.from(await journal.continue(entry, () => undefined).read(2, 5))).to.deep.equal([3, 4, 5]);
    expect(memory.data.has('slice:retry-1:0'), 'the confirmed slice was deleted after all').to.equal(false);
    expect(errors.map((error) => error.code)).to.deep.equal(['storage-unavailable']);
  });

  it('deletes a finished take even after storage refused a write', async () => {
    const memory = memoryJournalStore();
    const journal = new Journal(memory.store);
    const writer = journal.begin(take('t1'), () => undefined);
    await writer.append(bytes(1), new Sha256().save());
    memory.failWrites(true);
    await writer.append(bytes(2), new Sha256().save());
    memory.failWrites(false);
    await writer.finish();
    expect(memory.data.size).to.equal(0);
  });
});
