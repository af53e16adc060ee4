// A take through its injected boundaries: a fake MediaRecorder the test drives, a journal in
// memory, a hand-moved clock, and the real tus server at /files.
import { expect } from '@open-wc/testing';
import { Journal } from '../../src/core/journal.js';
import { Take, type TakeProgress, type UploadedAnswer } from '../../src/core/take.js';
import { manualClock } from '../support/clock.js';
import { bytes, fakeRecorders } from '../support/fake-media-recorder.js';
import { memoryJournalStore } from '../support/memory-journal-store.js';
import { concatBytes, serverBytes, sha256Hex } from '../support/tus.js';
import { waitFor } from '../support/wait.js';

/** What a take reported, and a promise of its answer on the server. */
function reports() {
  const progress: TakeProgress[] = [];
  let resolve!: (answer: UploadedAnswer) => void;
  let reject!: (error: Error) => void;
  const uploaded = new Promise<UploadedAnswer>((done, fail) => ((resolve = done), (reject = fail)));
  return {
    progress,
    uploaded,
    callbacks: {
      onProgress: (report: TakeProgress) => progress.push(report),
      onUploaded: (answer: UploadedAnswer) => resolve(answer),
      onError: (error: Error & { recoverable?: boolean }) => !error.recoverable && reject(error),
    },
  };
}

let slot = 0;
const newSlot = () => `take-test-${Date.now()}-${slot++}`;

describe('Take', () => {
  it('does nothing when created; start() records, journals and uploads, every report carrying its id', async () => {
    const storage = memoryJournalStore();
    const journal = new Journal(storage.store);
    const recorders = fakeRecorders();
    const clock = manualClock();
    const seen = reports();
    const take = Take.create({ endpoint: '/files', mimeType: 'video/webm', journal, slot: newSlot(), createRecorder: recorders.create, now: clock.now, ...seen.callbacks });
    expect(recorders.made, 'no recorder before start').to.have.length(0);
    expect(storage.writes, 'nothing journaled before start').to.equal(0);
    expect(seen.progress).to.have.length(0);

    take.start(new MediaStream());
    const recorder = recorders.made[0];
    const slices = [bytes(1000, 1), bytes(500, 7)];
    for (const slice of slices) recorder.emit(slice);
    clock.advance(2500);
    const stopped = await take.stop();
    expect(stopped).to.deep.equal({ bytes: 1500, durationMs: 2500, mimeType: 'video/webm' });
    const answer = await seen.uploaded;

    expect(answer.takeId).to.equal(take.id);
    expect(seen.progress.length).to.be.greaterThan(0);
    expect(seen.progress.every((report) => report.takeId === take.id)).to.equal(true);
    expect(seen.progress[seen.progress.length - 1].state).to.equal('done');
    expect(take.state).to.equal('done');
    expect(take.progress).to.include({ takeId: take.id, state: 'done', bytesUploaded: 1500, recordingEnded: true });
    expect(await serverBytes(answer.uploadUrl)).to.deep.equal(concatBytes(slices));
    expect(answer.sha256).to.equal(await sha256Hex(concatBytes(slices)));
    // Delivered: the journal no longer holds it.
    expect(await journal.unfinished('', true)).to.deep.equal([]);
  });

  it('sends a text as a take of its own: its id on every report, its state ending done', async () => {
    const seen = reports();
    const take = Take.fromText('Grüße', { endpoint: '/files', durationMs: 1200, metadata: { kind: 'text' }, ...seen.callbacks });
    expect(take.progress?.state).to.equal('uploading');
    take.start();
    const answer = await seen.uploaded;
    expect(answer).to.include({ takeId: take.id, bytes: 7, durationMs: 1200, mimeType: 'text/plain;charset=utf-8', interrupted: false });
    expect(answer.metadata).to.include({ filename: 'answer.txt', filetype: 'text/plain', kind: 'text' });
    expect(new TextDecoder().decode(await serverBytes(answer.uploadUrl))).to.equal('Grüße');
    expect(seen.progress.every((report) => report.takeId === take.id)).to.equal(true);
    expect(take.state).to.equal('done');
  });

  it('finishes a take the journal kept under the same id, as interrupted', async () => {
    const storage = memoryJournalStore();
    const journal = new Journal(storage.store);
    const recorders = fakeRecorders();
    const slot = newSlot();
    const cut = Take.create({ endpoint: '/files', mimeType: 'video/webm', journal, slot, createRecorder: recorders.create });
    cut.start(new MediaStream());
    recorders.made[0].emit(bytes(800, 3));
    // The page goes away mid-take: nothing more is sent, the journal keeps the slice.
    await waitForJournal(journal, slot, 800);
    cut.abort();

    const [entry] = await journal.unfinished(slot);
    const seen = reports();
    const resumed = Take.fromJournal(entry, journal, { endpoint: '/ignored', ...seen.callbacks });
    expect(resumed.id).to.equal(cut.id);
    expect(seen.progress, 'nothing before start').to.have.length(0);
    resumed.start();
    const answer = await seen.uploaded;
    expect(answer).to.include({ takeId: cut.id, bytes: 800, interrupted: true });
    expect(await serverBytes(answer.uploadUrl)).to.deep.equal(bytes(800, 3));
  });

  it('reports nothing for a practice take, which is never uploaded', async () => {
    const recorders = fakeRecorders();
    const seen = reports();
    const take = Take.create({ endpoint: '/files', mimeType: 'video/webm', localOnly: true, reviewable: true, createRecorder: recorders.create, ...seen.callbacks });
    take.start(new MediaStream());
    recorders.made[0].emit(bytes(300));
    await take.stop();
    expect(take.progress).to.equal(undefined);
    expect(take.pending).to.equal(false);
    expect(seen.progress).to.have.length(0);
    expect(take.reviewBlob()?.size).to.equal(300);
  });
});

/** Resolves once the journal holds `bytes` bytes of the slot's take (its writes are queued). */
function waitForJournal(journal: Journal, slot: string, bytesRecorded: number): Promise<void> {
  return waitFor(async () => {
    const [entry] = await journal.unfinished(slot);
    return entry && entry.bytesRecorded >= bytesRecorded;
  }, `the journal never held ${bytesRecorded} bytes`);
}
