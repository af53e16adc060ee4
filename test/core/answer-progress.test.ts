import { expect } from '@open-wc/testing';
import { AnswerProgress, type SubmittedTake } from '../../src/core/answer-progress.js';
import type { UploadProgress } from '../../src/core/take.js';

function manualClock(start = 1000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const report = (overrides: Partial<UploadProgress>): UploadProgress => ({
  bytesUploaded: 0,
  bytesRecorded: 0,
  recordingEnded: false,
  state: 'uploading',
  ...overrides,
});

const ids = ['q1', 'q2', 'q3'];

describe('AnswerProgress', () => {
  it('counts questions, not takes: a discarded take drops out and the retake is the answer', () => {
    const progress = new AnswerProgress(manualClock().now);
    const submitted: Record<string, SubmittedTake> = {};
    const of = (id: string) => submitted[id];
    progress.report('q1', 1, report({ bytesUploaded: 500, bytesRecorded: 1000, recordingEnded: true }));
    progress.discard('q1', 1);
    progress.report('q1', 2, report({ bytesUploaded: 800, bytesRecorded: 800, recordingEnded: true, state: 'done' }));
    submitted.q1 = { attempt: 2, delivered: true };
    expect(progress.questions(ids, of).map((q) => q.status)).to.deep.equal(['sent', 'not-answered', 'not-answered']);
    const overall = progress.overall(ids, of);
    expect(overall).to.include({ answered: 1, sent: 1, total: 3, bytesLeft: 0, allSaved: false });
  });

  it('says a take being reviewed is recorded, not submitted, and not yet an answer', () => {
    const progress = new AnswerProgress(manualClock().now);
    progress.report('q2', 1, report({ bytesUploaded: 10, bytesRecorded: 10, recordingEnded: true, state: 'done' }));
    const recording = { questionId: 'q2', attempt: 1 };
    expect(progress.questions(ids, () => undefined, recording).map((q) => q.status)).to.deep.equal(['not-answered', 'recorded', 'not-answered']);
    expect(progress.overall(ids, () => undefined, recording)).to.include({ answered: 0, sent: 0 });
  });

  it('is all saved only when every question is answered and on the server', () => {
    const progress = new AnswerProgress(manualClock().now);
    const submitted: Record<string, SubmittedTake> = {
      q1: { attempt: 1, delivered: true },
      q2: { attempt: 1, delivered: true },
    };
    const of = (id: string) => submitted[id];
    expect(progress.overall(ids, of).allSaved).to.equal(false);
    submitted.q3 = { attempt: 1, delivered: false, bytes: 18 };
    expect(progress.overall(ids, of)).to.include({ allSaved: false, answered: 3, sent: 2, bytesLeft: 18 });
    expect(progress.questions(ids, of)[2].status).to.equal('sending');
    submitted.q3.delivered = true;
    expect(progress.overall(ids, of)).to.include({ allSaved: true, bytesLeft: 0 });
  });

  it('adds the bytes left of every answer on its way, with the take being recorded, and tells the time left', () => {
    const clock = manualClock();
    const progress = new AnswerProgress(clock.now);
    const submitted: Record<string, SubmittedTake> = { q1: { attempt: 1, delivered: false } };
    const of = (id: string) => submitted[id];
    progress.report('q1', 1, report({ bytesUploaded: 0, bytesRecorded: 40_000, recordingEnded: true }));
    progress.report('q2', 1, report({ bytesUploaded: 0, bytesRecorded: 20_000, recordingEnded: false }));
    clock.advance(2000);
    progress.report('q1', 1, report({ bytesUploaded: 20_000, bytesRecorded: 40_000, recordingEnded: true }));
    const recording = progress.overall(ids, of, { questionId: 'q2', attempt: 1 });
    expect(recording.bytesLeft).to.equal(40_000);
    expect(recording.bytesPerSecond).to.equal(10_000);
    // The take being recorded grows: no time left can be told yet.
    expect(recording.secondsLeft).to.equal(undefined);
    progress.report('q2', 1, report({ bytesUploaded: 0, bytesRecorded: 20_000, recordingEnded: true }));
    expect(progress.overall(ids, of, { questionId: 'q2', attempt: 1 }).secondsLeft).to.equal(4);
  });

  it('keeps its speed when a discarded take leaves the total', () => {
    const clock = manualClock();
    const progress = new AnswerProgress(clock.now);
    progress.report('q1', 1, report({ bytesUploaded: 0, bytesRecorded: 10_000 }));
    clock.advance(1000);
    progress.report('q1', 1, report({ bytesUploaded: 10_000, bytesRecorded: 10_000 }));
    progress.discard('q1', 1);
    progress.report('q1', 2, report({ bytesUploaded: 0, bytesRecorded: 5_000 }));
    expect(progress.overall(ids, () => undefined, { questionId: 'q1', attempt: 2 }).bytesPerSecond).to.equal(10_000);
  });

  it('says an upload is stalled when bytes are left and none was confirmed for a while', () => {
    const clock = manualClock();
    const progress = new AnswerProgress(clock.now);
    const of = (id: string) => (id === 'q1' ? { attempt: 1, delivered: false } : undefined);
    progress.report('q1', 1, report({ bytesUploaded: 1200, bytesRecorded: 544_000, recordingEnded: true }));
    clock.advance(6000);
    const overall = progress.overall(ids, of);
    expect(overall).to.include({ stalled: true, bytesPerSecond: 0, secondsLeft: undefined });
  });

  it('names the most urgent state among answers on their way', () => {
    const progress = new AnswerProgress(manualClock().now);
    const of = (id: string) => (id === 'q3' ? undefined : { attempt: 1, delivered: false });
    progress.report('q1', 1, report({ state: 'retrying', bytesRecorded: 10 }));
    progress.report('q2', 1, report({ state: 'waiting-for-connection', bytesRecorded: 10 }));
    expect(progress.overall(ids, of).attention).to.equal('waiting-for-connection');
    progress.report('q3', 1, report({ state: 'failed', bytesRecorded: 10 }));
    // The take being recorded counts too.
    expect(progress.overall(ids, of, { questionId: 'q3', attempt: 1 }).attention).to.equal('failed');
    expect(progress.questions(ids, of).map((q) => q.status)).to.deep.equal(['retrying', 'waiting-for-connection', 'not-answered']);
  });
});
