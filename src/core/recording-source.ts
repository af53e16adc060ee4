/** A read asked for bytes the source already dropped because the server had confirmed them. */
export class ReleasedBytesError extends Error {
  override name = 'ReleasedBytesError';
}

/** Bytes that left memory could not be read back from the store they were kept in. */
export class UnreadableBytesError extends Error {
  override name = 'UnreadableBytesError';
}

/** Where slices that left memory are kept (the journal): reads back `[start, end)`. */
export interface SliceStore {
  read(start: number, end: number): Promise<Uint8Array>;
}

export interface RecordingSourceOptions {
  /**
   * Where slices are kept until the server confirms them (the journal). With one, only stored
   * bytes are sent, so a server never holds bytes that a reloaded page could not account for,
   * and older slices are read back from there; without one every unconfirmed byte stays in memory.
   */
  store?: SliceStore;
  /** At most this many unconfirmed bytes stay in memory once older ones are safely stored. */
  memoryWindowBytes?: number;
}

/** Enough for a PATCH or two ahead of the server at any bitrate, small enough for a phone's tab. */
export const DEFAULT_MEMORY_WINDOW_BYTES = 16 * 1024 * 1024;

/**
 * Recorded bytes: in JS memory, or a Blob (MediaRecorder's own, whose bytes the browser keeps
 * outside the page and sends without copying them through it).
 */
export type SliceBytes = Uint8Array | Blob;

const lengthOf = (bytes: SliceBytes) => (bytes instanceof Blob ? bytes.size : bytes.length);

/** One recorded slice that the server has not wholly confirmed; `bytes` is unset once it is only in the store. */
interface HeldSlice {
  start: number;
  length: number;
  bytes?: SliceBytes;
}

/**
 * The bytes of one recording as tus-js-client reads them: a file source that grows while the
 * recording goes on. A read returns whatever is recorded past its start (up to the chunk size)
 * instead of waiting for a full chunk, so each slice leaves as soon as it exists, and the read
 * that reaches the end of a stopped recording says `done`, which sends the final length with the
 * last bytes. Bytes stay held until the server confirms them; past a small window, those already
 * safe in the store leave memory and are read back from there when sent, so a long time offline
 * costs storage, not the tab's memory.
 */
export class RecordingSource {
  /** Unknown while recording; tus-js-client is told with `uploadLengthDeferred`. */
  readonly size = null;
  private held: HeldSlice[] = [];
  private released: number;
  private recorded: number;
  private storedUpTo = 0;
  /** Whether reads wait for bytes to be stored; off without a store, or once it fails. */
  private sendStoredOnly: boolean;
  private readUpTo = 0;
  private inMemory = 0;
  private ended = false;
  /** Bumped by `close()`, so reads that were waiting before it give up. */
  private generation = 0;
  private readonly waiting = new Set<() => void>();
  private readonly store: SliceStore | undefined;
  private readonly memoryWindowBytes: number;

  /**
   * Starts the source at `offset` (bytes before it already confirmed), as when a recording is
   * resumed from the journal.
   */
  constructor(offset = 0, options: RecordingSourceOptions = {}) {
    this.released = offset;
    this.recorded = offset;
    this.storedUpTo = offset;
    this.store = options.store;
    this.sendStoredOnly = !!options.store;
    this.memoryWindowBytes = options.memoryWindowBytes ?? DEFAULT_MEMORY_WINDOW_BYTES;
  }

  /** Bytes recorded so far. */
  get bytesRecorded(): number {
    return this.recorded;
  }

  /** Bytes held in memory because the server has not confirmed them yet. */
  get bytesInMemory(): number {
    return this.inMemory;
  }

  /** Bytes from the start that the server confirmed and that are no longer held anywhere. */
  get bytesReleased(): number {
    return this.held[0]?.start ?? this.released;
  }

  /** The end of the furthest read: no server can hold bytes past it that this source handed out. */
  get bytesRead(): number {
    return this.readUpTo;
  }

  /** Whether the recording has stopped, so the total length is known. */
  get isEnded(): boolean {
    return this.ended;
  }

  /** Adds the next recorded bytes. */
  append(bytes: SliceBytes): void {
    if (this.ended) throw new Error('RecordingSource: append after end');
    const length = lengthOf(bytes);
    if (length === 0) return;
    this.held.push({ start: this.recorded, length, bytes });
    this.recorded += length;
    this.inMemory += length;
    this.evict();
    this.notify();
  }

  /** Adds the next slice, which is in the store only (a take resumed from the journal). */
  appendStored(length: number): void {
    if (!this.store) throw new Error('RecordingSource: appendStored without a store');
    this.held.push({ start: this.recorded, length });
    this.recorded += length;
    this.storedUpTo = this.recorded;
    this.notify();
  }

  /** Bytes below `offset` are safely in the store: they may be sent, and older slices may leave memory. */
  stored(offset: number): void {
    this.storedUpTo = Math.max(this.storedUpTo, offset);
    this.evict();
    this.notify();
  }

  /** The store refused a slice: from now on memory is the only copy of what it does not hold, and is sent from. */
  storeFailed(): void {
    this.sendStoredOnly = false;
    this.notify();
  }

  /** Marks the recording as stopped: the total length is now known. */
  end(): void {
    this.ended = true;
    this.notify();
  }

  /** Drops held slices wholly below `offset`, which the server has confirmed. */
  release(offset: number): void {
    this.released = Math.max(this.released, offset);
    while (this.held.length > 0 && this.held[0].start + this.held[0].length <= offset) {
      const { bytes } = this.held.shift()!;
      this.inMemory -= bytes ? lengthOf(bytes) : 0;
    }
  }

  /** tus-js-client's read: resolves once there is a byte at `start` or the recording has ended. */
  async slice(start: number, end: number): Promise<{ value: Blob | null; done: boolean }> {
    const generation = this.generation;
    while (start >= this.sendable && !this.complete) {
      await new Promise<void>((resolve) => this.waiting.add(resolve));
      if (generation !== this.generation) throw new Error('RecordingSource: read cancelled by close()');
    }
    if (start < this.bytesReleased) {
      throw new ReleasedBytesError(`bytes from ${start} were released (held from ${this.bytesReleased})`);
    }
    const wanted = Math.min(end, this.sendable);
    if (wanted <= start) return { value: null, done: this.complete };
    const { parts, stop } = this.store && this.isStoredOnly(start) ? await this.readStored(start, wanted) : this.readMemory(start, wanted);
    this.readUpTo = Math.max(this.readUpTo, stop);
    return { value: new Blob(parts as BlobPart[]), done: this.complete && stop === this.recorded };
  }

  /** The end of what may be sent now. */
  private get sendable(): number {
    return this.sendStoredOnly ? this.storedUpTo : this.recorded;
  }

  /** Whether every byte is recorded and may be sent. */
  private get complete(): boolean {
    return this.ended && this.sendable === this.recorded;
  }

  /**
   * Cancels waiting reads; tus-js-client calls it when an upload finishes or is aborted. The
   * source stays usable, since an aborted upload is started again on the same source.
   */
  close(): void {
    this.generation++;
    this.notify();
  }

  private isStoredOnly(offset: number): boolean {
    return !this.held.find((slice) => slice.start + slice.length > offset)?.bytes;
  }

  /** The in-memory bytes from `start`, up to `wanted` or the first slice that left memory. */
  private readMemory(start: number, wanted: number): { parts: SliceBytes[]; stop: number } {
    const parts: SliceBytes[] = [];
    let stop = start;
    for (const { start: from, length, bytes } of this.held) {
      if (from + length <= start) continue;
      if (!bytes || from >= wanted) break;
      const to = Math.min(wanted, from + length);
      const [begin, finish] = [Math.max(start, from) - from, to - from];
      parts.push(bytes instanceof Blob ? bytes.slice(begin, finish) : bytes.subarray(begin, finish));
      stop = to;
    }
    return { parts, stop };
  }

  /** The stored bytes from `start`, up to `wanted` or the first slice still in memory. */
  private async readStored(start: number, wanted: number): Promise<{ parts: SliceBytes[]; stop: number }> {
    let stop = start;
    for (const { start: from, length, bytes } of this.held) {
      if (from + length <= start) continue;
      if (bytes || from >= wanted) break;
      stop = Math.min(wanted, from + length);
    }
    try {
      return { parts: [await this.store!.read(start, stop)], stop };
    } catch (cause) {
      throw new UnreadableBytesError(`bytes ${start}–${stop} could not be read back from this device's storage (${String(cause)})`, { cause });
    }
  }

  /** Lets the oldest safely stored slices leave memory while more than the window is held. */
  private evict(): void {
    if (!this.store) return;
    for (const slice of this.held) {
      if (this.inMemory <= this.memoryWindowBytes || slice.start + slice.length > this.storedUpTo) return;
      if (!slice.bytes) continue;
      this.inMemory -= slice.length;
      slice.bytes = undefined;
    }
  }

  private notify(): void {
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const wake of waiting) wake();
  }
}
