// The take controller through its injected boundaries: a host without Lit, a fake MediaRecorder
// the test drives, a journal in memory, a wake lock and a window of its own, and the real tus
// server at /files (with injected faults).
import { expect } from '@open-wc/testing';
import { TakeController, type TakeControllerOptions } from '../../src/controllers/take-controller.js';
import type { OnewayError } from '../../src/core/errors.js';
import { Journal } from '../../src/core/journal.js';
import type { AnswerUploadedEvent } from '../../src/events/answer-uploaded.js';
import type { UploadProgressEvent } from '../../src/events/upload-progress.js';
import { clearFaults, injectFault } from '../support/commands.js';
import { concatBytes, serverBytes } from '../support/tus.js';
import { controllerHost } from '../support/controller-host.js';
import { STREAMING_EVIDENCE_MS } from '../../src/core/recorder.js';
import type { RecordingStartEvent } from '../../src/events/recording-start.js';
import { bytes, fakeRecorders } from '../support/fake-media-recorder.js';
import { memoryJournalStore } from '../support/memory-journal-store.js';
import { manualTimers } from '../support/timers.js';
import { waitFor } from '../support/wait.js';

let slot = 0;

function setup(overrides: Partial<TakeControllerOptions> = {}) {
  const page = controllerHost();
  const events = new EventTarget();
  const recorders = fakeRecorders();
  const errors: { error: OnewayError; takeId?: string }[] = [];
  const window = new EventTarget();
  const wakeLock = { requests: 0, releases: 0 };
  const name = `take-controller-${Date.now()}-${slot++}`;
  const journal = new Journal(memoryJournalStore().store);
  const controller = new TakeController(page.host, {
    takeOptions: () => ({ endpoint: '/files' }),
    slot: () => name,
    maxSeconds: () => 0,
    onError: (error, takeId) => errors.push({ error, takeId }),
    journal,
    events,
    createRecorder: recorders.create,
    wakeLock: { request: async () => (wakeLock.requests++, { release: async () => void wakeLock.releases++ }) },
    unloadTarget: window,
    ...overrides,
  });
  page.connect();
  const uploaded: AnswerUploadedEvent['detail'][] = [];
  const progress: UploadProgressEvent['detail'][] = [];
  events.addEventListener('oneway-answer-uploaded', (event) => uploaded.push((event as AnswerUploadedEvent).detail));
  events.addEventListener('oneway-upload-progress', (event) => progress.push((event as UploadProgressEvent).detail));
  /** Resolves with the answer of take `takeId` once it is on the server. */
  const delivered = (takeId: string) =>
    new Promise<AnswerUploadedEvent['detail']>((resolve) => {
      const done = uploaded.find((answer) => answer.takeId === takeId);
      if (done) return resolve(done);
      events.addEventListener('oneway-answer-uploaded', function listener(event) {
        const { detail } = event as AnswerUploadedEvent;
        if (detail.takeId !== takeId) return;
        events.removeEventListener('oneway-answer-uploaded', listener);
        resolve(detail);
      });
    });
  /** Resolves with the id of the next take started. */
  const started = () => new Promise<string>((resolve) => events.addEventListener('oneway-recording-start', (event) => resolve((event as CustomEvent).detail.takeId), { once: true }));
  const leave = () => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };
  return { page, controller, events, recorders, errors, wakeLock, journal, uploaded, progress, delivered, started, leave, name };
}

describe('TakeController', () => {
  afterEach(() => clearFaults());

  it('keeps the take on screen apart from the takes finishing in the background', async () => {
    const { controller, recorders, delivered, started, progress } = setup();
    const firstId = started();
    controller.start(new MediaStream(), 'video/webm');
    const first = await firstId;
    expect(controller.status).to.equal('recording');
    expect(controller.progress?.takeId, 'the take is on screen from its first report').to.equal(first);
    recorders.made[0].emit(bytes(600, 1));
    await controller.stop();
    // The next slot: the first take goes on in the background, nothing of it is on screen.
    controller.nextSlot();
    expect(controller.progress).to.equal(undefined);
    expect(controller.status).to.equal('idle');

    const secondId = started();
    controller.start(new MediaStream(), 'video/webm');
    const second = await secondId;
    const firstAnswer = await delivered(first);
    expect(firstAnswer.bytes).to.equal(600);
    expect(controller.answer, "the first take's answer is not the second's").to.equal(undefined);
    expect(controller.status).to.equal('recording');

    recorders.made[1].emit(bytes(200, 9));
    await controller.stop();
    const secondAnswer = await delivered(second);
    expect(controller.status).to.equal('uploaded');
    expect(controller.answer).to.deep.equal(secondAnswer);
    expect(new Set(progress.map((report) => report.takeId))).to.deep.equal(new Set([first, second]));
  });

  it('says a take failed only from its upload state, and sends every failed take again', async () => {
    const { controller, recorders, delivered, started, errors } = setup();
    await injectFault({ kind: 'status', status: 400, method: 'POST' });
    const id = started();
    controller.start(new MediaStream(), 'video/webm');
    const takeId = await id;
    recorders.made[0].emit(bytes(100));
    await controller.stop();
    await waitFor(() => controller.progress?.state === 'failed', 'the refused take was never reported failed');
    expect(controller.uploadFailed).to.equal(true);
    expect(errors.map(({ error, takeId }) => [error.recoverable, takeId])).to.deep.include([false, takeId]);
    controller.retryUpload();
    expect(controller.uploadFailed).to.equal(false);
    expect((await delivered(takeId)).bytes).to.equal(100);
  });

  it('sends a text in the background, reported with its take id like any take', async () => {
    const { controller, delivered, progress } = setup();
    const takeId = controller.sendText('hello', { metadata: { kind: 'text' }, durationMs: 5 });
    const answer = await delivered(takeId);
    expect(answer).to.include({ takeId, bytes: 5 });
    expect(progress.some((report) => report.takeId === takeId)).to.equal(true);
    expect(controller.status, 'nothing on screen').to.equal('idle');
  });

  it('finishes a take the journal kept, shown on screen when nothing else is', async () => {
    const cut = setup();
    const id = cut.started();
    cut.controller.start(new MediaStream(), 'video/webm');
    const takeId = await id;
    cut.recorders.made[0].emit(bytes(400, 5));
    await cut.controller.stop();
    // The page goes away before the upload is done.
    cut.page.disconnect();

    const next = setup({ journal: cut.journal, slot: () => cut.name });
    await next.controller.finishInterrupted();
    expect(next.controller.recovered).to.equal(true);
    expect(next.controller.progress?.takeId).to.equal(takeId);
    const answer = await next.delivered(takeId);
    expect(answer.bytes).to.equal(400);
    expect(next.controller.status).to.equal('uploaded');
  });

  it('keeps the screen awake while recording and questions leaving while bytes are not on the server', async () => {
    const { controller, recorders, wakeLock, leave, delivered, started, page } = setup();
    expect(leave()).to.equal(false);
    const id = started();
    controller.start(new MediaStream(), 'video/webm');
    const takeId = await id;
    expect(wakeLock.requests).to.equal(1);
    expect(leave()).to.equal(true);
    recorders.made[0].emit(bytes(50));
    await controller.stop();
    await Promise.resolve();
    await Promise.resolve();
    expect(wakeLock.releases).to.equal(1);
    await delivered(takeId);
    expect(leave()).to.equal(false);
    page.disconnect();
  });

  it('re-renders once a second while recording, when the clock on screen changes, and stops at the limit', async () => {
    const clock = manualTimers();
    const { controller, recorders, page, started } = setup({ timers: clock.timers, now: clock.now, maxSeconds: () => 3 });
    const id = started();
    controller.start(new MediaStream(), 'video/webm');
    await id;
    recorders.made[0].emit(bytes(50));
    const before = page.updates;
    clock.advance(999);
    expect(page.updates, 'nothing on screen changed before the first second').to.equal(before);
    clock.advance(1);
    expect(page.updates, 'the first whole second').to.equal(before + 1);
    expect(controller.elapsedMs).to.equal(1000);
    clock.advance(1500);
    expect(page.updates, 'the second whole second, not its half').to.equal(before + 2);
    expect(controller.status).to.equal('recording');
    clock.advance(500);
    // The limit and the tick fall due together: the take stops, and nothing ticks after it.
    await waitFor(() => controller.status !== 'recording' && controller.status !== 'stopping', 'the take stops at its limit');
    expect(controller.elapsedMs).to.equal(3000);
    expect(clock.pending(), 'no timer left once recording stopped').to.equal(0);
    page.disconnect();
  });

  it('draws new byte counts at the clock\'s next second while recording, and a new upload state at once', async () => {
    const clock = manualTimers();
    const { controller, recorders, page, started, progress } = setup({ timers: clock.timers, now: clock.now });
    const id = started();
    controller.start(new MediaStream(), 'video/webm');
    await id;
    recorders.made[0].emit(bytes(300, 1));
    await waitFor(() => progress.some((report) => report.bytesUploaded === 300), 'the first slice never reached the server');
    const counted = page.updates;
    recorders.made[0].emit(bytes(200, 2));
    await waitFor(() => progress.some((report) => report.bytesUploaded === 500), 'the second slice never reached the server');
    expect(progress.at(-1)?.state).to.equal('uploading');
    expect(page.updates, 'no render for new byte counts alone').to.equal(counted);
    clock.advance(1000);
    expect(page.updates, 'the clock draws the latest counts').to.equal(counted + 1);
    await injectFault({ kind: 'status', status: 503, method: 'PATCH', count: 1 });
    recorders.made[0].emit(bytes(100, 3));
    await waitFor(() => progress.at(-1)?.state === 'retrying', 'the refused PATCH was never retried');
    expect(page.updates, 'the retry is drawn when it is reported').to.be.greaterThan(counted + 1);
    await controller.stop();
    page.disconnect();
  });
  describe('a take begun before the streaming probes ended', () => {
    /** The probes' verdict, given by the test; and every take started, with the take it replaces. */
    function early() {
      const clock = manualTimers();
      const cut = setup({ timers: clock.timers, now: clock.now, maxSeconds: () => 60 });
      const starts: RecordingStartEvent['detail'][] = [];
      cut.events.addEventListener('oneway-recording-start', (event) => starts.push((event as RecordingStartEvent).detail));
      let settle!: (type: string) => void;
      const settled = new Promise<string>((resolve) => (settle = resolve));
      const decided = cut.controller.start(new MediaStream(), 'video/mp4', settled);
      return { ...cut, clock, starts, settle, decided };
    }

    it('is recorded again from the start in the settled type when it has not streamed, and the first is deleted everywhere', async () => {
      const { controller, recorders, clock, starts, settle, decided, progress, delivered, journal, name, page } = early();
      const [first] = starts;
      // Only a header came: the type writes the rest at stop().
      recorders.made[0].emit(bytes(36, 1));
      await waitFor(() => progress.some((report) => report.takeId === first.takeId && report.uploadUrl && report.bytesUploaded === 36), 'the header never reached the server');
      const firstUrl = progress.find((report) => report.takeId === first.takeId && report.uploadUrl)!.uploadUrl!;
      clock.advance(1500);
      const timers = clock.pending();
      settle('video/webm');
      // The verdict is in; the take's own evidence is awaited, until a timer of its own.
      await waitFor(() => clock.pending() === timers + 1, 'the take never waited for its own evidence');
      expect(starts, 'no restart before the take had its time to show it streams').to.have.length(1);
      clock.advance(STREAMING_EVIDENCE_MS - 1500);
      await waitFor(() => starts.length === 2, 'the take was never recorded again');
      const second = starts[1];
      expect(second.replaces).to.equal(first.takeId);
      expect(second.takeId).to.not.equal(first.takeId);
      expect(recorders.made.map((recorder) => recorder.mimeType)).to.deep.equal(['video/mp4', 'video/webm']);
      expect(recorders.made[0].state, 'the first recorder stopped').to.equal('inactive');
      expect(controller.restarted).to.equal(true);
      expect(controller.status).to.equal('recording');
      expect(controller.elapsedMs, 'the clock starts again').to.equal(0);
      expect(controller.progress?.takeId).to.equal(second.takeId);
      expect(await decided, 'the next takes record in the settled type').to.equal('video/webm');
      // What such a container writes at stop() comes after the take was thrown away: it is written nowhere.
      recorders.made[0].emit(bytes(900, 7));

      const slices = [bytes(500, 2), bytes(300, 3)];
      for (const slice of slices) recorders.made[1].emit(slice);
      clock.advance(2000);
      await controller.stop();
      const answer = await delivered(second.takeId);
      expect(await serverBytes(answer.uploadUrl), 'the server holds the second recording, byte for byte').to.deep.equal(concatBytes(slices));
      const gone = await fetch(firstUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
      expect(gone.status, 'the first upload was deleted on the server').to.be.oneOf([404, 410]);
      await waitFor(async () => (await journal.unfinished(name)).length === 0, 'a take is left in the journal');
      page.disconnect();
      expect(clock.pending(), 'no timer left').to.equal(0);
    });

    it('keeps a take that streams, whatever the probes settled on (a busy device may show them nothing in time)', async () => {
      const { controller, recorders, clock, starts, settle, decided, delivered, page } = early();
      const slices = [bytes(36, 4), bytes(700, 5)];
      for (const slice of slices) recorders.made[0].emit(slice);
      settle('video/webm');
      expect(await decided, 'the next takes record in the type that streamed').to.equal('video/mp4');
      clock.advance(STREAMING_EVIDENCE_MS * 2);
      expect(starts, 'not recorded again').to.have.length(1);
      expect(recorders.made).to.have.length(1);
      expect(controller.restarted).to.equal(false);
      await controller.stop();
      const answer = await delivered(starts[0].takeId);
      expect(answer.mimeType).to.equal('video/mp4');
      expect(await serverBytes(answer.uploadUrl)).to.deep.equal(concatBytes(slices));
      page.disconnect();
    });

    it('is kept when the probes settle on its own type, and stops waiting when it is stopped', async () => {
      const first = early();
      first.settle('video/mp4');
      expect(await first.decided).to.equal('video/mp4');
      first.clock.advance(STREAMING_EVIDENCE_MS * 2);
      expect(first.starts).to.have.length(1);
      await first.controller.stop();
      first.page.disconnect();

      const stopped = early();
      await stopped.controller.stop();
      stopped.settle('video/webm');
      expect(await stopped.decided, 'later takes record in the settled type').to.equal('video/webm');
      stopped.clock.advance(STREAMING_EVIDENCE_MS * 2);
      expect(stopped.starts, 'a stopped take holds all its bytes: it is not recorded again').to.have.length(1);
      expect(stopped.recorders.made).to.have.length(1);
      stopped.page.disconnect();
      expect(stopped.clock.pending()).to.equal(0);
    });
  });
});
