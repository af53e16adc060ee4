import { createStore, getMany, keys, promisifyRequest, type UseStore } from 'idb-keyval';
import { OnewayError } from './errors.js';
import type { Sha256State } from './sha256.js';

/** The storage the journal writes to: IndexedDB in the browser, a stand-in in unit tests. */
export interface JournalStore {
  getMany<T>(keys: string[]): Promise<(T | undefined)[]>;
  /** Puts `pairs` and deletes `deletions` in one transaction: all or nothing. */
  write(pairs: [string, unknown][], deletions: string[]): Promise<void>;
  keys(): Promise<string[]>;
}

/** The journal's own IndexedDB database, through idb-keyval. */
export function indexedDbJournalStore(dbName = 'oneway-interview', storeName = 'journal'): JournalStore {
  let store: UseStore | undefined;
  // Opened on first use, so merely importing the module never touches IndexedDB.
  const use = () => (store ??= createStore(dbName, storeName));
  return {
    getMany: (list) => getMany(list, use()),
    write: (pairs, deletions) =>
      use()('readwrite', (store) => {
        for (const [key, value] of pairs) store.put(value, key);
        for (const key of deletions) store.delete(key);
        return promisifyRequest(store.transaction);
      }),
    keys: async () => (await keys(use())).map(String),
  };
}

export type TakeState = 'recording' | 'stopped';

/** What the journal knows of one take. Never holds credentials: `authorize` is asked again after a reload. */
export interface JournalEntry {
  takeId: string;
  /** The recording slot: the recorder's `recording-id`, or page path and element id. */
  slot: string;
  endpoint: string;
  mimeType: string;
  metadata: Record<string, string>;
  uploadUrl?: string;
  bytesRecorded: number;
  /** Bytes the server has confirmed; slices wholly below this are deleted. */
  bytesConfirmed: number;
  /** Wall-clock ms (Date.now()) of the start, the last slice, and the stop. */
  startedAt: number;
  lastSliceAt: number;
  stoppedAt?: number;
  durationMs?: number;
  state: TakeState;
  /** The SHA-256 of every byte recorded so far, as a resumable state. */
  hash: Sha256State;
  /** Slices not yet confirmed, in order. */
  slices: { seq: number; start: number; length: number }[];
  nextSeq: number;
}

export type NewTake = Pick<JournalEntry, 'takeId' | 'slot' | 'endpoint' | 'mimeType' | 'metadata' | 'hash'>;

const entryKey = (takeId: string) => `take:${takeId}`;
const sliceKey = (takeId: string, seq: number) => `slice:${takeId}:${seq}`;

/** Journal writes still running in this page, by take, so recovery reads only settled entries. */
const pendingWrites = new Map<string, Promise<void>>();

/** Takes delivered or thrown away in this page: never found again, even where their delete failed. */
const finishedTakes = new Set<string>();

/** How long a take that never reached the server is kept on the device, then removed instead of retried. */
export const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** A take that recovery removed instead of finishing it, and why. */
export interface DroppedTake {
  entry: JournalEntry;
  reason: 'expired' | 'inconsistent';
  /** What happened, for the developer reading logs. */
  detail: string;
}

export interface UnfinishedOptions {
  /** Takes whose last write is older than this are removed (default {@link DEFAULT_RETENTION_MS}). */
  retentionMs?: number;
  /** Told of each take of the slot that was removed instead of returned. */
  onDropped?(dropped: DroppedTake): void;
}

/**
 * The chunk journal: every slice is stored (as an ArrayBuffer: Safari has failed to store Blobs)
 * as it arrives and deleted once the server confirms it, so storage holds only what is not yet
 * on the server. With the slices, each take's entry keeps what a reloaded page needs to finish
 * the upload.
 */
export class Journal {
  constructor(private readonly store: JournalStore = indexedDbJournalStore(), private readonly clock: () => number = Date.now) {}

  /** Starts journaling a new take. Writes are queued in order; a failed store stops them and calls `onUnavailable` once. */
  begin(take: NewTake, onUnavailable: (error: OnewayError) => void): TakeJournal {
    const now = this.clock();
    const entry: JournalEntry = {
      ...take,
      bytesRecorded: 0,
      bytesConfirmed: 0,
      startedAt: now,
      lastSliceAt: now,
      state: 'recording',
      slices: [],
      nextSeq: 0,
    };
    return new TakeJournal(this.store, entry, this.clock, onUnavailable, true);
  }

  /** Continues journaling a take found after a reload. */
  continue(entry: JournalEntry, onUnavailable: (error: OnewayError) => void): TakeJournal {
    return new TakeJournal(this.store, entry, this.clock, onUnavailable, false);
  }

  /**
   * Takes of `slot` (or, with `prefix`, of every slot starting with it) that were recording or
   * uploading when the page went away, oldest first. Never throws for one bad take: a take of
   * the slot whose slices are not all there, or any take older than the retention, is removed
   * (and, in the slot, reported through `onDropped`) instead. Only the slot's takes are checked
   * for missing slices: its recorder holds the slot's lock, so no other tab writes them meanwhile.
   */
  async unfinished(slot: string, prefix = false, options: UnfinishedOptions = {}): Promise<JournalEntry[]> {
    // Until this page's writes settle, those of takes not in storage yet too (a take's first write
    // may still be on its way), and a write that ends may have queued another (see `until`).
    for (let round = 0; round < 10 && pendingWrites.size > 0; round++) await Promise.all(pendingWrites.values());
    const stored = new Set(await this.store.keys());
    const entryKeys = [...stored].filter((key) => key.startsWith('take:'));
    const entries = (await this.entries(entryKeys)).filter((entry) => !finishedTakes.has(entry.takeId) && !pendingWrites.has(entry.takeId));
    const inSlot = (entry: JournalEntry) => (prefix ? entry.slot.startsWith(slot) : entry.slot === slot);
    const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    const now = this.clock();
    const kept: JournalEntry[] = [];
    for (const entry of entries) {
      const dropped = inSlot(entry) ? this.problem(entry, stored, now, retentionMs) : this.expired(entry, now, retentionMs);
      if (dropped) {
        await this.remove(entry).catch(() => undefined);
        if (inSlot(entry)) options.onDropped?.(dropped);
      } else if (inSlot(entry) && (entry.state === 'recording' || entry.state === 'stopped')) {
        kept.push(entry);
      }
    }
    return kept.sort((a, b) => a.startedAt - b.startedAt);
  }

  /** Removes every take of `slot` (or of every slot starting with it), whatever its state. */
  async clear(slot: string, prefix = false): Promise<void> {
    for (const entry of await this.entries((await this.store.keys()).filter((key) => key.startsWith('take:')))) {
      if (!(prefix ? entry.slot.startsWith(slot) : entry.slot === slot)) continue;
      finishedTakes.add(entry.takeId);
      await this.remove(entry);
    }
  }

  /** The stored entries of `entryKeys`. Version 0.1.0 named the slot `scope`: such takes are still found. */
  private async entries(entryKeys: string[]): Promise<JournalEntry[]> {
    return (await this.store.getMany<JournalEntry | (Omit<JournalEntry, 'slot'> & { scope: string })>(entryKeys)).flatMap((stored) => {
      if (!stored) return [];
      if ('slot' in stored) return [stored];
      const { scope, ...entry } = stored;
      return [{ ...entry, slot: scope }];
    });
  }

  /** Deletes a take and its slices. */
  private async remove(entry: JournalEntry): Promise<void> {
    await this.store.write([], [entryKey(entry.takeId), ...entry.slices.map((slice) => sliceKey(entry.takeId, slice.seq))]);
  }

  /** Whether `entry` was last written longer ago than the retention. */
  private expired(entry: JournalEntry, now: number, retentionMs: number): DroppedTake | undefined {
    const lastWrite = Math.max(entry.startedAt, entry.lastSliceAt, entry.stoppedAt ?? 0);
    if (now - lastWrite <= retentionMs) return undefined;
    const days = Math.round(retentionMs / 86_400_000);
    return { entry, reason: 'expired', detail: `recorded ${new Date(entry.startedAt).toISOString()}, not on the server after ${days} days` };
  }

  /** Why `entry` cannot be finished, if it cannot. */
  private problem(entry: JournalEntry, stored: Set<string>, now: number, retentionMs: number): DroppedTake | undefined {
    const expired = this.expired(entry, now, retentionMs);
    if (expired) return expired;
    let end = entry.slices[0]?.start ?? entry.bytesRecorded;
    for (const slice of entry.slices) {
      if (!stored.has(sliceKey(entry.takeId, slice.seq))) return { entry, reason: 'inconsistent', detail: `slice ${slice.seq} is missing from this device's storage` };
      if (slice.start !== end) return { entry, reason: 'inconsistent', detail: `slice ${slice.seq} starts at byte ${slice.start}, not ${end}` };
      end += slice.length;
    }
    if (end !== entry.bytesRecorded) return { entry, reason: 'inconsistent', detail: `its slices end at byte ${end}, not ${entry.bytesRecorded}` };
    return undefined;
  }
}

/** Writes one take's journal, in order; each write is one transaction. */
export class TakeJournal {
  private queue: Promise<void> = Promise.resolve();
  /** What failed writes could not store or delete: the next write carries it. */
  private readonly unsaved = new Map<string, unknown>();
  private readonly undeleted = new Set<string>();
  /** Set once storage is full: nothing more is tried, and memory is the only copy of what follows. */
  private full = false;
  private reported = false;

  constructor(
    private readonly store: JournalStore,
    private readonly entry: JournalEntry,
    private readonly clock: () => number,
    private readonly onUnavailable: (error: OnewayError) => void,
    writeEntry: boolean,
  ) {
    if (writeEntry) void this.write(() => [[], []]);
  }

  /** Resolves when every queued write has settled. */
  settled(): Promise<void> {
    return this.queue;
  }

  /**
   * Stores a slice and the hash state after it, together; resolves with whether they were stored.
   * The entry lists the slice only from the transaction that stores its bytes on, so no write
   * ever commits an entry that names bytes not yet stored.
   */
  append(bytes: Uint8Array, hash: Sha256State): Promise<boolean> {
    const seq = this.entry.nextSeq++;
    // IndexedDB stores the whole buffer it is given: a view into a larger one is copied out first.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const buffer = whole ? bytes.buffer : bytes.slice().buffer;
    const at = this.clock();
    return this.write(() => {
      this.entry.slices.push({ seq, start: this.entry.bytesRecorded, length: bytes.length });
      this.entry.bytesRecorded += bytes.length;
      this.entry.hash = hash;
      this.entry.lastSliceAt = at;
      return [[], [[sliceKey(this.entry.takeId, seq), buffer]]];
    });
  }

  /** Reads back the stored bytes `[start, end)`, which must lie in slices not yet confirmed. */
  async read(start: number, end: number): Promise<Uint8Array> {
    const slices = this.entry.slices.filter((slice) => slice.start < end && slice.start + slice.length > start);
    const buffers = await this.store.getMany<ArrayBuffer>(slices.map((slice) => sliceKey(this.entry.takeId, slice.seq)));
    const out = new Uint8Array(end - start);
    let filled = 0;
    slices.forEach((slice, index) => {
      const buffer = buffers[index];
      if (!buffer) throw new Error(`journal: slice ${slice.seq} of take ${this.entry.takeId} is missing`);
      const from = Math.max(start, slice.start);
      const to = Math.min(end, slice.start + slice.length);
      out.set(new Uint8Array(buffer, from - slice.start, to - from), from - start);
      filled += to - from;
    });
    if (filled !== end - start) throw new Error(`journal: take ${this.entry.takeId} holds ${filled} of bytes ${start}–${end}`);
    return out;
  }

  /**
   * Makes readers of the journal (recovery) wait for `work` as for a write: a take stopped as its
   * element goes away still gets its last slice, which some browsers (Firefox) hand over late.
   */
  until(work: Promise<unknown>, timeoutMs = 3000): Promise<void> {
    const bounded = Promise.race([work, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
    this.queue = this.queue.then(() => bounded.then(() => undefined, () => undefined));
    return this.track();
  }

  setUploadUrl(url: string): Promise<boolean> {
    return this.write(() => {
      this.entry.uploadUrl = url;
      return [[], []];
    });
  }

  /** The server holds every byte below `offset`: their slices are deleted. */
  confirm(offset: number): Promise<boolean> {
    return this.write(() => {
      this.entry.bytesConfirmed = Math.max(this.entry.bytesConfirmed, offset);
      const done = this.entry.slices.filter((slice) => slice.start + slice.length <= this.entry.bytesConfirmed);
      this.entry.slices = this.entry.slices.filter((slice) => slice.start + slice.length > this.entry.bytesConfirmed);
      return [done.map((slice) => sliceKey(this.entry.takeId, slice.seq)), []];
    });
  }

  stop(durationMs: number): Promise<boolean> {
    const stoppedAt = this.clock();
    return this.write(() => {
      this.entry.state = 'stopped';
      this.entry.stoppedAt = stoppedAt;
      this.entry.durationMs = durationMs;
      return [[], []];
    });
  }

  /**
   * The take is delivered or thrown away: its entry and slices go, once the writes queued before
   * are done. The delete is tried even after storage refused a write (a full disk still deletes),
   * and the take is never found again in this page either way.
   */
  finish(): Promise<void> {
    finishedTakes.add(this.entry.takeId);
    this.queue = this.queue.then(() => {
      const keysToDelete = [entryKey(this.entry.takeId), ...this.entry.slices.map((slice) => sliceKey(this.entry.takeId, slice.seq))];
      this.entry.slices = [];
      return this.store.write([], keysToDelete).catch(() => undefined);
    });
    return this.track();
  }

  /**
   * Queues a write of the entry plus `change()`'s deletions and extra pairs, in one transaction;
   * resolves with whether it was stored. `change()` runs, and the entry is snapshotted, when the
   * write runs, so each write commits the newest state and nothing a later write adds. What a
   * failed write could not store goes with the next one, unless storage is full: a busy or
   * closing database passes, a full disk stays full.
   */
  private write(change: () => [string[], [string, unknown][]]): Promise<boolean> {
    let stored = false;
    this.queue = this.queue.then(async () => {
      const [deletions, pairs] = change();
      // After finish() or clear() nothing may write the take back.
      if (this.full || finishedTakes.has(this.entry.takeId)) return;
      for (const [key, value] of pairs) this.unsaved.set(key, value);
      for (const key of deletions) {
        this.unsaved.delete(key);
        this.undeleted.add(key);
      }
      try {
        await this.store.write([...this.unsaved, [entryKey(this.entry.takeId), this.snapshot()]], [...this.undeleted]);
        this.unsaved.clear();
        this.undeleted.clear();
        stored = true;
      } catch (cause) {
        if (cause instanceof DOMException && cause.name === 'QuotaExceededError') {
          this.full = true;
          this.unsaved.clear();
        }
        if (this.reported) return;
        this.reported = true;
        this.onUnavailable(
          new OnewayError(
            'storage-unavailable',
            `The browser refused to store the recording on this device (${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}); it is still being uploaded.`,
            true,
            { cause },
          ),
        );
      }
    });
    return this.track().then(() => stored);
  }

  private track(): Promise<void> {
    const queue = this.queue;
    pendingWrites.set(this.entry.takeId, queue);
    void queue.then(() => {
      if (pendingWrites.get(this.entry.takeId) === queue) pendingWrites.delete(this.entry.takeId);
    });
    return queue;
  }

  private snapshot(): JournalEntry {
    return { ...this.entry, metadata: { ...this.entry.metadata }, slices: this.entry.slices.map((slice) => ({ ...slice })) };
  }
}
