// The uplink as the answers' own uploads find it: each tus request, from the moment it could
// start to the server's confirmation, is a measurement of the link, so the next take is fitted to
// the link as it is now rather than as the device check found it. Also how far each upload is
// behind its recording. Pure, with an injected clock.
import type { UploadState } from './streaming-upload.js';

/** Bytes that went over the link between two moments (ms, monotonic). */
export interface Transfer {
  start: number;
  end: number;
  bytes: number;
}

export const TRACKER_LIMITS = Object.freeze({
  /** The estimate is taken over the newest transfers that kept the link busy this long. */
  windowMs: 10_000,
  /** A request this small is mostly round trip: it says little about the link (e.g. an audio answer's second). */
  minTransferBytes: 16 * 1024,
  /** Transfers kept. */
  maxTransfers: 200,
  /** tus-js-client's largest request body (the widget's chunk size): what one request can carry. */
  maxRequestBytes: 1024 * 1024,
});

/** What the tracker needs of an upload's progress report. */
export interface UploadReport {
  bytesUploaded: number;
  bytesRecorded: number;
  state: UploadState;
}

interface Trace {
  confirmed: number;
  /** When the request now on its way could start (bytes were waiting and the link was free). */
  requestStart: number | undefined;
  /** The bytes that request carries: all that were waiting, up to a chunk. */
  requestBytes: number;
  /** When each recorded total was reached: the oldest unconfirmed byte's arrival says how far behind the upload is. */
  arrivals: { at: number; bytes: number }[];
}

/**
 * Upload throughput from test uploads and from answers' tus confirmations. A request starts when
 * the previous one was confirmed with bytes still waiting, or when bytes arrive on an idle upload
 * (requests are sent back to back, each with all the bytes there are), so the time to its
 * confirmation is the link's, not the recorder's.
 */
export class ThroughputTracker {
  private transfers: Transfer[] = [];
  private readonly traces = new Map<string, Trace>();
  private estimate: number | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /**
   * A test upload of `bytes` went at `bitsPerSecond` just now: what the answers measured before it
   * is older news. It counts for the time it took, like any transfer.
   */
  tested(bitsPerSecond: number, bytes: number): void {
    if (!(bitsPerSecond > 0) || !(bytes > 0)) return;
    const end = this.now();
    const start = end - Math.min((bytes * 8000) / bitsPerSecond, TRACKER_LIMITS.windowMs);
    this.transfers = this.transfers.filter((transfer) => transfer.end > start);
    this.add({ start, end, bytes: ((end - start) * bitsPerSecond) / 8000 });
  }

  /** A progress report of the upload `key` (one take). */
  report(key: string, report: UploadReport): void {
    const now = this.now();
    let trace = this.traces.get(key);
    if (!trace) {
      trace = { confirmed: report.bytesUploaded, requestStart: undefined, requestBytes: 0, arrivals: [] };
      this.traces.set(key, trace);
    }
    const last = trace.arrivals.at(-1);
    if (report.bytesRecorded > (last?.bytes ?? trace.confirmed)) trace.arrivals.push({ at: now, bytes: report.bytesRecorded });
    if (report.bytesUploaded > trace.confirmed) {
      const bytes = report.bytesUploaded - trace.confirmed;
      if (trace.requestStart !== undefined && bytes >= TRACKER_LIMITS.minTransferBytes) this.add({ start: trace.requestStart, end: now, bytes });
      trace.confirmed = report.bytesUploaded;
      trace.arrivals = trace.arrivals.filter((arrival) => arrival.bytes > trace.confirmed);
      trace.requestStart = undefined;
    }
    if (report.state === 'done' || report.state === 'failed') {
      this.traces.delete(key);
      return;
    }
    // A retry's back-off is no measure of the link: timing starts again with the next request.
    if (report.state !== 'uploading') trace.requestStart = undefined;
    else if (trace.requestStart === undefined && report.bytesRecorded > trace.confirmed) {
      trace.requestStart = now;
      trace.requestBytes = Math.min(TRACKER_LIMITS.maxRequestBytes, report.bytesRecorded - trace.confirmed);
    }
  }

  /**
   * Forgets the upload `key` (a take thrown away). A request of it that was on its way for more
   * than a second still tells the most the link carried meanwhile, and counts as a transfer.
   */
  forget(key: string): void {
    const trace = this.traces.get(key);
    this.traces.delete(key);
    const now = this.now();
    if (trace?.requestStart !== undefined && trace.requestBytes >= TRACKER_LIMITS.minTransferBytes && now - trace.requestStart >= 1000) {
      this.add({ start: trace.requestStart, end: now, bytes: trace.requestBytes });
    }
  }

  /** Whether an answer's upload still has bytes to send (its requests measure the link). */
  get uploading(): boolean {
    return [...this.traces.values()].some((trace) => trace.arrivals.length > 0);
  }

  /** Milliseconds since the oldest byte of `key` that the server has not confirmed was recorded; 0 when it is up to date. */
  behindMs(key: string): number {
    const oldest = this.traces.get(key)?.arrivals[0];
    return oldest ? Math.max(0, this.now() - oldest.at) : 0;
  }

  /**
   * The upload throughput in bits per second over the newest transfers; undefined until something
   * was measured. A request still unconfirmed after longer than the estimate allows says the link
   * is slower now: less than its bytes over the time so far.
   */
  get bitsPerSecond(): number | undefined {
    let estimate = this.estimate;
    const now = this.now();
    for (const { requestStart, requestBytes } of this.traces.values()) {
      if (requestStart === undefined || requestBytes < TRACKER_LIMITS.minTransferBytes) continue;
      const bound = (requestBytes * 8000) / Math.max(1, now - requestStart);
      if (estimate !== undefined && bound < estimate) estimate = bound;
    }
    return estimate;
  }

  private add(transfer: Transfer): void {
    if (!(transfer.end > transfer.start)) return;
    this.transfers.push(transfer);
    if (this.transfers.length > TRACKER_LIMITS.maxTransfers) this.transfers.shift();
    this.estimate = throughputOf(this.transfers, TRACKER_LIMITS.windowMs);
  }
}

/**
 * Bits per second over the newest transfers that together kept the link busy for `windowMs`:
 * their bytes over the time at least one was under way (uploads side by side share the link).
 */
export function throughputOf(transfers: readonly Transfer[], windowMs: number): number | undefined {
  const newest = [...transfers].sort((a, b) => b.end - a.end);
  const taken: Transfer[] = [];
  for (const transfer of newest) {
    taken.push(transfer);
    if (busyMs(taken) >= windowMs) break;
  }
  const busy = busyMs(taken);
  if (!(busy > 0)) return undefined;
  return (taken.reduce((sum, transfer) => sum + transfer.bytes, 0) * 8 * 1000) / busy;
}

/** The time at least one of `transfers` was under way. */
export function busyMs(transfers: readonly Transfer[]): number {
  const sorted = [...transfers].sort((a, b) => a.start - b.start);
  let busy = 0;
  let reach = -Infinity;
  for (const { start, end } of sorted) {
    if (end <= reach) continue;
    busy += end - Math.max(start, reach);
    reach = end;
  }
  return busy;
}
