import { expect } from '@open-wc/testing';
import {
  aggregate,
  announcementKey,
  bytesAt,
  MIN_SPEED_SPAN_MS,
  roundTimeLeft,
  smoothedSpeed,
  SpeedMeter,
  SPEED_WINDOW_MS,
  stateMessageKey,
  timeLeftSeconds,
  trimSamples,
  uploadPercent,
  UploadTracker,
} from '../../src/core/upload-stats.js';
import type { UploadProgress } from '../../src/core/take.js';
import { en } from '../../src/i18n/en.js';

/** A clock the test moves by hand. */
function manualClock(start = 1000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const progress = (overrides: Partial<UploadProgress> = {}): UploadProgress => ({
  bytesUploaded: 0,
  bytesRecorded: 0,
  recordingEnded: false,
  state: 'uploading',
  ...overrides,
});

describe('upload stats: speed', () => {
  it('reads bytes between samples on a straight line, and holds the ends', () => {
    const samples = [
      { at: 0, bytes: 0 },
      { at: 1000, bytes: 1000 },
      { at: 3000, bytes: 5000 },
    ];
    expect(bytesAt(samples, -50)).to.equal(0);
    expect(bytesAt(samples, 500)).to.equal(500);
    expect(bytesAt(samples, 2000)).to.equal(3000);
    expect(bytesAt(samples, 9000)).to.equal(5000);
    expect(bytesAt([], 10)).to.equal(0);
  });

  it('keeps the samples inside the window and the last one before it', () => {
    const samples = [0, 1000, 2000, 3000, 8000].map((at) => ({ at, bytes: at }));
    expect(trimSamples(samples, 8000, 5000).map((sample) => sample.at)).to.deep.equal([3000, 8000]);
    expect(trimSamples(samples, 6500, 5000).map((sample) => sample.at)).to.deep.equal([1000, 2000, 3000, 8000]);
    expect(trimSamples([], 100)).to.deep.equal([]);
  });

  it('is the bytes sent over the last few seconds, not since the start', () => {
    // 100 kB/s for 10 s, then 20 kB/s for 5 s.
    const samples = [];
    for (let t = 0; t <= 10; t++) samples.push({ at: t * 1000, bytes: t * 100_000 });
    for (let t = 11; t <= 15; t++) samples.push({ at: t * 1000, bytes: 1_000_000 + (t - 10) * 20_000 });
    expect(smoothedSpeed(samples, 10_000, 5000)).to.equal(100_000);
    expect(smoothedSpeed(samples, 15_000, 5000)).to.equal(20_000);
    // Halfway, the window holds both.
    expect(smoothedSpeed(samples, 12_500, 5000)).to.be.closeTo((1_050_000 - 750_000) / 5, 1e-6);
  });

  it('smooths bursts: a chunk confirmed every 2 s gives a steady speed', () => {
    const samples = [0, 2000, 4000, 6000, 8000, 10_000].map((at) => ({ at, bytes: at * 50 }));
    expect(smoothedSpeed(samples, 10_000, 5000)).to.equal(50_000);
  });

  it('slows to 0 when confirmations stop, because the window ends now', () => {
    const samples = [
      { at: 0, bytes: 0 },
      { at: 1000, bytes: 100_000 },
    ];
    expect(smoothedSpeed(samples, 1000, 5000)).to.equal(100_000);
    expect(smoothedSpeed(samples, 2000, 5000)).to.equal(50_000);
    expect(smoothedSpeed(samples, 20_000, 5000)).to.equal(0);
  });

  it('says nothing until the samples span a second', () => {
    expect(smoothedSpeed([], 5000)).to.equal(undefined);
    const samples = [
      { at: 0, bytes: 0 },
      { at: 400, bytes: 800_000 },
    ];
    expect(smoothedSpeed(samples, 400)).to.equal(undefined);
    expect(smoothedSpeed(samples, MIN_SPEED_SPAN_MS)).to.equal(800_000);
  });

  it('SpeedMeter samples with the injected clock, forgets old samples, and starts over when the total drops', () => {
    const clock = manualClock();
    const meter = new SpeedMeter(clock.now);
    meter.record(0);
    expect(meter.bytesPerSecond).to.equal(undefined);
    for (let i = 1; i <= 20; i++) {
      clock.advance(500);
      meter.record(i * 25_000);
    }
    expect(meter.bytesPerSecond).to.equal(50_000);
    expect((meter as unknown as { samples: unknown[] }).samples.length).to.be.at.most(SPEED_WINDOW_MS / 500 + 1);
    clock.advance(1000);
    expect(meter.bytesPerSecond).to.be.closeTo(40_000, 1e-6);
    meter.record(0);
    expect(meter.bytesPerSecond).to.equal(undefined);
    meter.reset();
    expect(meter.bytesPerSecond).to.equal(undefined);
  });
});

describe('upload stats: one answer', () => {
  it('has no percentage until the recording ended, then rounds down', () => {
    expect(uploadPercent(progress({ bytesUploaded: 50, bytesRecorded: 100 }))).to.equal(undefined);
    expect(uploadPercent(progress({ bytesUploaded: 50, bytesRecorded: 100, recordingEnded: true }))).to.equal(50);
    expect(uploadPercent(progress({ bytesUploaded: 999, bytesRecorded: 1000, recordingEnded: true }))).to.equal(99);
    expect(uploadPercent(progress({ bytesUploaded: 1000, bytesRecorded: 1000, recordingEnded: true }))).to.equal(100);
    expect(uploadPercent(progress({ recordingEnded: true }))).to.equal(0);
    expect(uploadPercent(progress({ state: 'done' }))).to.equal(100);
  });

  it('gives the time left from the bytes left and the speed, once both are known', () => {
    expect(timeLeftSeconds(1000, undefined, 100)).to.equal(undefined);
    expect(timeLeftSeconds(1000, 3000, undefined)).to.equal(undefined);
    expect(timeLeftSeconds(1000, 3000, 0)).to.equal(undefined);
    expect(timeLeftSeconds(1000, 3000, 100)).to.equal(20);
    expect(timeLeftSeconds(3000, 3000, undefined)).to.equal(0);
  });

  it('rounds the time left so it does not flicker', () => {
    expect(roundTimeLeft(0)).to.equal(0);
    expect(roundTimeLeft(0.2)).to.equal(1);
    expect(roundTimeLeft(9.1)).to.equal(10);
    expect(roundTimeLeft(11)).to.equal(15);
    expect(roundTimeLeft(58)).to.equal(60);
    expect(roundTimeLeft(61)).to.equal(60);
    expect(roundTimeLeft(150)).to.equal(180);
    expect(roundTimeLeft(Number.NaN)).to.equal(0);
  });

  it('has words for every state and announces all but failure', () => {
    for (const state of ['uploading', 'waiting-for-connection', 'retrying', 'done', 'failed'] as const) {
      expect(en[stateMessageKey(state)], state).to.be.a('string').with.length.greaterThan(0);
    }
    expect(en[stateMessageKey('waiting-for-connection')]).to.equal('Waiting for connection');
    expect(announcementKey('failed')).to.equal(undefined);
    expect(announcementKey('done')).to.equal('uploadDone');
    expect(announcementKey('done', true)).to.equal('uploadProgress.allDone');
    expect(announcementKey('retrying')).to.equal('retrying');
    expect(announcementKey('waiting-for-connection')).to.equal('waitingForConnection');
    expect(announcementKey('uploading')).to.equal('uploadProgress.announce.uploading');
  });
});

describe('upload stats: several answers', () => {
  it('adds up bytes and counts done and failed answers', () => {
    const overall = aggregate([
      progress({ bytesUploaded: 100, bytesRecorded: 100, recordingEnded: true, state: 'done' }),
      progress({ bytesUploaded: 50, bytesRecorded: 80 }),
      progress({ bytesUploaded: 10, bytesRecorded: 40, recordingEnded: true, state: 'failed' }),
    ]);
    expect(overall).to.deep.equal({
      answers: 3,
      done: 1,
      failed: 1,
      bytesUploaded: 160,
      bytesRecorded: 220,
      totalKnown: false,
      allDone: false,
    });
    expect(aggregate([]).allDone).to.equal(false);
    expect(aggregate([progress({ state: 'done' }), progress({ state: 'done', recordingEnded: true })])).to.include({ allDone: true, totalKnown: true });
  });

  it('tells answers apart by take id alone, whatever their bytes or URL do', () => {
    const tracker = new UploadTracker({ now: manualClock().now });
    const recorder = {};
    tracker.progress(progress({ takeId: 'a', bytesRecorded: 100 }), recorder);
    tracker.progress(progress({ takeId: 'a', bytesRecorded: 200, uploadUrl: '/files/a' }), recorder);
    expect(tracker.answers).to.have.length(1);
    expect(tracker.current).to.include({ takeId: 'a', uploadUrl: '/files/a', bytesRecorded: 200, index: 0 });

    // A second take of the same recorder, and a late report of the first.
    tracker.progress(progress({ takeId: 'b', bytesRecorded: 50 }), recorder);
    tracker.progress(progress({ takeId: 'b', bytesRecorded: 60, bytesUploaded: 60, uploadUrl: '/files/b' }), recorder);
    tracker.progress(progress({ takeId: 'a', bytesRecorded: 300, bytesUploaded: 300, recordingEnded: true, uploadUrl: '/files/a' }), recorder);
    expect(tracker.answers.map((answer) => [answer.takeId, answer.bytesUploaded])).to.deep.equal([
      ['a', 300],
      ['b', 60],
    ]);
    expect(tracker.current?.takeId).to.equal('b');

    // Fewer bytes, or recording again after it ended, is still the same take: a retry starts over.
    tracker.progress(progress({ takeId: 'a', bytesRecorded: 10 }), recorder);
    expect(tracker.answers).to.have.length(2);
  });

  it('marks answers done by take, and failed only by their reported state', () => {
    const tracker = new UploadTracker();
    const first = {};
    const second = {};
    tracker.progress(progress({ takeId: 'a', bytesRecorded: 100, uploadUrl: '/files/a' }), first);
    tracker.progress(progress({ takeId: 'b', bytesRecorded: 100, uploadUrl: '/files/b' }), second);
    tracker.uploaded({ takeId: 'a', uploadUrl: '/files/a', bytes: 120 }, first);
    expect(tracker.answers[0]).to.include({ state: 'done', bytesUploaded: 120, bytesRecorded: 120, recordingEnded: true, percent: 100 });

    tracker.progress(progress({ takeId: 'b', bytesRecorded: 100, recordingEnded: true, state: 'failed' }), second);
    // The failed answer is the one shown, even though it is not the newest.
    tracker.progress(progress({ takeId: 'c', bytesRecorded: 10 }), first);
    expect(tracker.current?.takeId).to.equal('b');
    expect(tracker.currentSource).to.equal(second);
    expect(tracker.overall).to.include({ answers: 3, done: 1, failed: 1 });
    // Its retry is the same answer again.
    tracker.progress(progress({ takeId: 'b', bytesRecorded: 100, recordingEnded: true, state: 'uploading' }), second);
    expect(tracker.overall).to.include({ answers: 3, failed: 0 });
  });

  it("knows a host's own reports without a take id by their upload URL", () => {
    const tracker = new UploadTracker();
    tracker.progress(progress({ bytesRecorded: 10, uploadUrl: '/files/1' }));
    tracker.progress(progress({ bytesRecorded: 20, uploadUrl: '/files/2' }));
    tracker.progress(progress({ bytesRecorded: 30, uploadUrl: '/files/1' }));
    expect(tracker.answers.map((answer) => [answer.uploadUrl, answer.bytesRecorded])).to.deep.equal([
      ['/files/1', 30],
      ['/files/2', 20],
    ]);
    expect(tracker.currentSource).to.equal(undefined);
  });

  it('counts an answer uploaded before any progress', () => {
    const tracker = new UploadTracker();
    tracker.uploaded({ takeId: 'x', uploadUrl: '/files/x', bytes: 42 });
    expect(tracker.overall).to.include({ answers: 1, allDone: true, bytesUploaded: 42 });
  });

  it('gives speed and time left only while an answer is on its way', () => {
    const clock = manualClock();
    const tracker = new UploadTracker({ now: clock.now });
    tracker.progress(progress({ takeId: 't', bytesRecorded: 1_000_000, uploadUrl: '/u' }));
    clock.advance(2000);
    const during = tracker.progress(progress({ takeId: 't', bytesUploaded: 200_000, bytesRecorded: 1_000_000, uploadUrl: '/u' }));
    expect(during.bytesPerSecond).to.equal(100_000);
    expect(during.secondsLeft, 'total unknown while recording').to.equal(undefined);
    const ended = tracker.progress(progress({ takeId: 't', bytesUploaded: 200_000, bytesRecorded: 1_000_000, recordingEnded: true, uploadUrl: '/u' }));
    expect(ended.secondsLeft).to.equal(8);
    expect(ended.percent).to.equal(20);
    expect(tracker.active).to.equal(true);
    const done = tracker.uploaded({ takeId: 't', uploadUrl: '/u', bytes: 1_000_000 });
    expect(done).to.include({ bytesPerSecond: undefined, secondsLeft: undefined });
    expect(tracker.active).to.equal(false);
  });

  it('lets a host set the shown state, and forgets everything on reset', () => {
    const tracker = new UploadTracker();
    expect(tracker.setState('retrying').state).to.equal('retrying');
    expect(tracker.answers).to.have.length(1);
    tracker.progress(progress({ bytesUploaded: 30, bytesRecorded: 60, recordingEnded: true }));
    expect(tracker.setState('done')).to.include({ bytesUploaded: 60, percent: 100 });
    tracker.reset();
    expect(tracker.answers).to.deep.equal([]);
    expect(tracker.current).to.equal(undefined);
  });
});
