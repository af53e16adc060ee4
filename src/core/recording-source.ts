/** A read asked for bytes the source already dropped because the server had confirmed them. */
export class ReleasedBytesError extends Error {
  override name = 'ReleasedBytesError';
}

/**
 * The bytes of one recording as tus-js-client reads them: a file source that grows while the
 * recording goes on. A read returns whatever is recorded past its start (up to the chunk size)
 * instead of waiting for a full chunk, so each slice leaves as soon as it exists, and the read
 * that reaches the end of a stopped recording says `done`, which sends the final length with the
 * last bytes. Bytes stay held until the server confirms them.
 */
export class RecordingSource {
  /** Unknown while recording; tus-js-client is told with `uploadLengthDeferred`. */
  readonly size = null;
  private held: Uint8Array[] = [];
  private heldStart = 0;
  private recorded = 0;
  private ended = false;
  /** Bumped by `close()`, so reads that were waiting before it give up. */
  private generation = 0;
  private readonly waiting = new Set<() => void>();

  /** Bytes recorded so far. */
  get bytesRecorded(): number {
    return this.recorded;
  }

  /** Bytes held in memory because the server has not confirmed them yet. */
  get bytesHeld(): number {
    return this.recorded - this.heldStart;
  }

  /** Whether the recording has stopped, so the total length is known. */
  get isEnded(): boolean {
    return this.ended;
  }

  /**
   * Starts the source at `offset` (bytes before it already confirmed), as when a recording is
   * resumed from the journal.
   */
  constructor(offset = 0) {
    this.heldStart = offset;
    this.recorded = offset;
  }

  /** Adds the next recorded bytes. */
  append(bytes: Uint8Array): void {
    if (this.ended) throw new Error('RecordingSource: append after end');
    if (bytes.length === 0) return;
    this.held.push(bytes);
    this.recorded += bytes.length;
    this.notify();
  }

  /** Marks the recording as stopped: the total length is now known. */
  end(): void {
    this.ended = true;
    this.notify();
  }

  /** Drops held bytes below `offset`, which the server has confirmed. */
  release(offset: number): void {
    while (this.held.length > 0 && this.heldStart + this.held[0].length <= offset) {
      this.heldStart += this.held[0].length;
      this.held.shift();
    }
  }

  /** tus-js-client's read: resolves once there is a byte at `start` or the recording has ended. */
  async slice(start: number, end: number): Promise<{ value: Blob | null; done: boolean }> {
    const generation = this.generation;
    while (start >= this.recorded && !this.ended) {
      await new Promise<void>((resolve) => this.waiting.add(resolve));
      if (generation !== this.generation) throw new Error('RecordingSource: read cancelled by close()');
    }
    if (start < this.heldStart) {
      throw new ReleasedBytesError(`bytes from ${start} were released (held from ${this.heldStart})`);
    }
    const stop = Math.min(end, this.recorded);
    const done = this.ended && stop === this.recorded;
    if (stop <= start) return { value: null, done };
    return { value: new Blob(this.range(start, stop) as BlobPart[]), done };
  }

  /**
   * Cancels waiting reads; tus-js-client calls it when an upload finishes or is aborted. The
   * source stays usable, since an aborted upload is started again on the same source.
   */
  close(): void {
    this.generation++;
    this.notify();
  }

  private range(start: number, stop: number): Uint8Array[] {
    const parts: Uint8Array[] = [];
    let position = this.heldStart;
    for (const bytes of this.held) {
      const from = Math.max(start, position);
      const to = Math.min(stop, position + bytes.length);
      if (from < to) parts.push(bytes.subarray(from - position, to - position));
      position += bytes.length;
      if (position >= stop) break;
    }
    return parts;
  }

  private notify(): void {
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const wake of waiting) wake();
  }
}
