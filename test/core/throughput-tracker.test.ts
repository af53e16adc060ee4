import { expect } from '@open-wc/testing';
import { busyMs, throughputOf, ThroughputTracker, TRACKER_LIMITS } from '../../src/core/throughput-tracker.js';
import { manualClock } from '../support/clock.js';

const KB = 1024;

/**
 * An answer recorded at `recordBps` (one slice a second) and sent over a link of `linkBps` with
 * `latencyMs` per request, as tus-js-client sends it: one request at a time, each with every byte
 * recorded when it starts. Reports go to the tracker as the widget's progress events would.
 */
function simulate(tracker: ThroughputTracker, clock: ReturnType<typeof manualClock>, options: { key: string; seconds: number; recordBps: number; linkBps: number; latencyMs: number }) {
  const { key, seconds, recordBps, linkBps, latencyMs } = options;
  const slice = Math.round(recordBps / 8);
  const start = clock.now();
  let recorded = 0;
  let uploaded = 0;
  let request: { end: number; to: number } | undefined;
  const events: { at: number; run: () => void }[] = [];
  for (let s = 1; s <= seconds; s++) events.push({ at: start + s * 1000, run: () => (recorded += slice) });
  const report = () => tracker.report(key, { bytesUploaded: uploaded, bytesRecorded: recorded, state: 'uploading' });
  const send = () => {
    if (request || recorded <= uploaded) return;
    const bytes = recorded - uploaded;
    request = { end: clock.now() + latencyMs + (bytes * 8 * 1000) / linkBps, to: recorded };
  };
  const behind: number[] = [];
  while (events.length || request) {
    const nextSlice = events[0]?.at ?? Infinity;
    if (request && request.end <= nextSlice) {
      clock.advance(request.end - clock.now());
      uploaded = request.to;
      request = undefined;
      report();
      send();
    } else {
      clock.advance(nextSlice - clock.now());
      events.shift()!.run();
      report();
      behind.push(tracker.behindMs(key));
      send();
    }
  }
  tracker.report(key, { bytesUploaded: uploaded, bytesRecorded: recorded, state: 'done' });
  return { behind };
}

describe('throughput tracker', () => {
  it('knows nothing until a transfer or test was measured', () => {
    const tracker = new ThroughputTracker(manualClock().now);
    expect(tracker.bitsPerSecond).to.equal(undefined);
    expect(tracker.uploading).to.equal(false);
    expect(tracker.behindMs('q1#1')).to.equal(0);
  });

  it('measures a link the recording overwhelms at the link’s speed', () => {
    const clock = manualClock();
    const tracker = new ThroughputTracker(clock.now);
    const { behind } = simulate(tracker, clock, { key: 'q1#1', seconds: 20, recordBps: 1_000_000, linkBps: 400_000, latencyMs: 60 });
    // Back to back requests of everything waiting: the latency is a small share of each.
    expect(tracker.bitsPerSecond).to.be.within(360_000, 400_000);
    // The upload falls further behind every second: the candidate is told past a few seconds.
    expect(behind.at(-1)).to.be.above(10_000);
    expect(behind.at(-1)).to.be.above(behind[5]);
  });

  it('measures more than the recording rate on a link that keeps up (the time of each request, not of the recording)', () => {
    const clock = manualClock();
    const tracker = new ThroughputTracker(clock.now);
    const { behind } = simulate(tracker, clock, { key: 'q1#1', seconds: 20, recordBps: 600_000, linkBps: 4_000_000, latencyMs: 40 });
    // Each second's 75 KB take 150 ms + 40 ms: the estimate is the link's, a little under it.
    expect(tracker.bitsPerSecond).to.be.within(2_900_000, 4_000_000);
    expect(Math.max(...behind)).to.equal(0);
  });

  it('follows a link that drops: the next take sees the new speed within the window', () => {
    const clock = manualClock();
    const tracker = new ThroughputTracker(clock.now);
    simulate(tracker, clock, { key: 'q1#1', seconds: 30, recordBps: 2_000_000, linkBps: 4_000_000, latencyMs: 40 });
    expect(tracker.bitsPerSecond).to.be.above(3_000_000);
    clock.advance(20_000);
    simulate(tracker, clock, { key: 'q2#1', seconds: 30, recordBps: 2_000_000, linkBps: 600_000, latencyMs: 40 });
    expect(tracker.bitsPerSecond).to.be.within(500_000, 600_000);
  });

  it('takes a test upload as the link now, forgetting what answers measured before it', () => {
    const clock = manualClock();
    const tracker = new ThroughputTracker(clock.now);
    simulate(tracker, clock, { key: 'q1#1', seconds: 20, recordBps: 2_000_000, linkBps: 4_000_000, latencyMs: 40 });
    clock.advance(15_000);
    tracker.tested(450_000, 256 * KB);
    expect(tracker.bitsPerSecond).to.be.closeTo(450_000, 1);
    tracker.tested(0, 256 * KB);
    expect(tracker.bitsPerSecond, 'a test that measured nothing changes nothing').to.be.closeTo(450_000, 1);
  });

  it('weighs a test by the time it took: a fast one on an idle link soon gives way to what answers measure', () => {
    const clock = manualClock();
    const tracker = new ThroughputTracker(clock.now);
    // 128 KB in 20 ms.
    tracker.tested(52_428_800, 128 * KB);
    simulate(tracker, clock, { key: 'q1#1', seconds: 10, recordBps: 1_000_000, linkBps: 600_000, latencyMs: 40 });
    expect(tracker.bitsPerSecond).to.be.within(500_000, 650_000);
  });

  it('ignores requests too small to be more than a round trip, and time spent retrying', () => {
    const clock = manualClock();
    const tracker = new ThroughputTracker(clock.now);
    tracker.tested(1_000_000, 250_000);
    // An audio answer: 4 KB a second, each request mostly latency.
    simulate(tracker, clock, { key: 'q2#1', seconds: 10, recordBps: 32_000, linkBps: 4_000_000, latencyMs: 60 });
    expect(tracker.bitsPerSecond).to.equal(1_000_000);
    // 200 KB wait while the upload retries for 5 s; then one request sends them in 0.5 s.
    tracker.report('q3#1', { bytesUploaded: 0, bytesRecorded: 200 * KB, state: 'uploading' });
    tracker.report('q3#1', { bytesUploaded: 0, bytesRecorded: 200 * KB, state: 'retrying' });
    clock.advance(5_000);
    tracker.report('q3#1', { bytesUploaded: 0, bytesRecorded: 200 * KB, state: 'uploading' });
    clock.advance(500);
    tracker.report('q3#1', { bytesUploaded: 200 * KB, bytesRecorded: 200 * KB, state: 'uploading' });
    // 2 s of the test at 1 Mbit/s and 0.5 s at 3.3 Mbit/s.
    expect(tracker.bitsPerSecond).to.be.closeTo(((250_000 + 200 * KB) * 8) / 2.5, 1);
  });

  it('reads a request that is not confirmed for long as a slower link, before it is confirmed', () => {
    const clock = manualClock();
    const tracker = new ThroughputTracker(clock.now);
    tracker.tested(4_000_000, 256 * KB);
    // 300 KB wait; 1 s later the request carrying them is still on its way.
    tracker.report('q1#1', { bytesUploaded: 0, bytesRecorded: 300 * KB, state: 'uploading' });
    clock.advance(500);
    expect(tracker.bitsPerSecond, 'half a second is what 4 Mbit/s allows').to.be.closeTo(4_000_000, 1);
    clock.advance(2500);
    expect(tracker.bitsPerSecond).to.be.closeTo((300 * KB * 8) / 3, 1);
    // Confirmed: the transfer itself counts, with the test before it.
    tracker.report('q1#1', { bytesUploaded: 300 * KB, bytesRecorded: 300 * KB, state: 'uploading' });
    expect(tracker.bitsPerSecond).to.be.closeTo(((256 + 300) * KB * 8) / (0.524288 + 3), 1);
  });

  it('tells how far behind an upload is, and forgets a take thrown away', () => {
    const clock = manualClock();
    const tracker = new ThroughputTracker(clock.now);
    tracker.report('q1#1', { bytesUploaded: 0, bytesRecorded: 100 * KB, state: 'uploading' });
    clock.advance(1000);
    tracker.report('q1#1', { bytesUploaded: 0, bytesRecorded: 200 * KB, state: 'uploading' });
    clock.advance(3000);
    expect(tracker.behindMs('q1#1')).to.equal(4000);
    expect(tracker.uploading).to.equal(true);
    // The first slice is confirmed: the oldest unconfirmed byte is the second slice's.
    tracker.report('q1#1', { bytesUploaded: 100 * KB, bytesRecorded: 200 * KB, state: 'uploading' });
    expect(tracker.behindMs('q1#1')).to.equal(3000);
    // The first request took 4 s; the second, with the second slice, is on its way 1.5 s when the take is thrown away.
    clock.advance(1500);
    tracker.forget('q1#1');
    expect(tracker.behindMs('q1#1')).to.equal(0);
    expect(tracker.uploading).to.equal(false);
    // That request counts as what the link carried at most meanwhile.
    expect(tracker.bitsPerSecond).to.be.closeTo((200 * KB * 8) / 5.5, 1);
  });

  it('counts uploads side by side over the time the link was busy, not twice', () => {
    const transfers = [
      { start: 0, end: 1000, bytes: 50_000 },
      { start: 500, end: 1500, bytes: 50_000 },
      { start: 3000, end: 3500, bytes: 25_000 },
    ];
    expect(busyMs(transfers)).to.equal(2000);
    expect(throughputOf(transfers, 60_000)).to.equal((125_000 * 8 * 1000) / 2000);
    // Only the newest transfers that fill the window count.
    expect(throughputOf(transfers, 500)).to.equal((25_000 * 8 * 1000) / 500);
    expect(throughputOf([], 1000)).to.equal(undefined);
  });

  it('keeps a bounded number of transfers', () => {
    const clock = manualClock();
    const tracker = new ThroughputTracker(clock.now);
    const key = 'long';
    let sent = 0;
    for (let i = 0; i < TRACKER_LIMITS.maxTransfers * 3; i++) {
      tracker.report(key, { bytesUploaded: sent, bytesRecorded: sent + 64 * KB, state: 'uploading' });
      clock.advance(i < TRACKER_LIMITS.maxTransfers * 2 ? 100 : 1000);
      sent += 64 * KB;
      tracker.report(key, { bytesUploaded: sent, bytesRecorded: sent, state: 'uploading' });
    }
    // The last 200 requests took a second each: only they are left, and the newest 10 s count.
    expect(tracker.bitsPerSecond).to.be.closeTo(64 * KB * 8, 1);
  });
});
