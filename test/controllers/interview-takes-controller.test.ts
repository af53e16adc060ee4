// The interview's takes controller through its injected boundaries: a host without Lit, a real
// InterviewFlow, a journal in memory, a window of its own, and the real tus server at /files.
import { expect } from '@open-wc/testing';
import { InterviewTakesController, takeKey } from '../../src/controllers/interview-takes-controller.js';
import { LinkController } from '../../src/controllers/link-controller.js';
import type { InterviewConfig } from '../../src/core/interview-config.js';
import { InterviewFlow, newProgress, type InterviewProgress, type SubmittedAnswer } from '../../src/core/interview-flow.js';
import { Journal } from '../../src/core/journal.js';
import type { AnswerUploadedEvent } from '../../src/events/answer-uploaded.js';
import type { OnewayErrorDetail } from '../../src/events/error.js';
import { RecordingStartEvent } from '../../src/events/recording-start.js';
import { controllerHost } from '../support/controller-host.js';
import { memoryJournalStore } from '../support/memory-journal-store.js';
import { decodeMetadata, serverBytes, serverUpload } from '../support/tus.js';
import { waitFor } from '../support/wait.js';

let run = 0;

/** `progress`: what an earlier visit saved, of the interview with that id. */
function setup(overrides: Partial<InterviewConfig> = {}, progress?: InterviewProgress) {
  const config: InterviewConfig = {
    id: progress?.interviewId ?? `takes-${Date.now()}-${run++}`,
    title: 'T',
    deviceCheck: false,
    consent: 'I agree.',
    defaults: { thinkSeconds: 30, answerSeconds: 60, retakes: 1, answer: 'text' },
    questions: [
      { id: 'q1', text: 'One?' },
      { id: 'q2', text: 'Two?' },
    ],
    ...overrides,
  };
  const page = controllerHost();
  const completed: SubmittedAnswer[][] = [];
  const flow = new InterviewFlow(config, progress ?? newProgress(config.id), { candidate: 'cand-t', onComplete: (answers) => completed.push(answers) });
  const errors: OnewayErrorDetail[] = [];
  let releaseLock!: () => void;
  let lock = new Promise<void>((resolve) => (releaseLock = resolve));
  const takes = new InterviewTakesController(page.host, {
    flow: () => flow,
    recorder: () => null,
    link: new LinkController(page.host, { endpoint: () => '/files', authorize: () => undefined }),
    takeOptions: () => ({ endpoint: '/files' }),
    retentionDays: () => 7,
    t: (key, { sent, total }) => `${key} ${sent}/${total}`,
    onError: (error) => errors.push(error),
    lockHeld: () => lock,
    takes: { journal: new Journal(memoryJournalStore().store), unloadTarget: new EventTarget() },
  });
  const uploaded: AnswerUploadedEvent['detail'][] = [];
  page.host.addEventListener('oneway-answer-uploaded', (event) => uploaded.push((event as AnswerUploadedEvent).detail));
  page.connect();
  /** Types `text` as the current question's answer and submits it, as the element does. */
  const answer = (text: string) => {
    flow.reveal();
    flow.startAnswer();
    const submitted = flow.submitText(text)!;
    takes.sendText(flow, submitted);
    return submitted;
  };
  return {
    page,
    flow,
    takes,
    errors,
    uploaded,
    completed,
    answer,
    /** The tab takes the interview's lock (again, after a reconnect). */
    holdLock: () => releaseLock(),
    newLock: () => (lock = new Promise<void>((resolve) => (releaseLock = resolve))),
  };
}

describe('InterviewTakesController', () => {
  it('sends a text answer as a take, announces it with its question and attempt, and counts it sent', async () => {
    const { page, flow, takes, uploaded, completed, answer, errors } = setup({ consent: undefined, questions: [{ id: 'q1', text: 'One?' }] });
    flow.start();
    answer('Because I like it.');
    takes.hostUpdate();
    expect(takes.answers!.rows).to.deep.equal([{ questionId: 'q1', status: 'sending' }]);
    await waitFor(() => uploaded.length === 1, 'the text answer was not delivered');
    const [detail] = uploaded;
    expect(detail).to.include({ questionId: 'q1', attempt: 1, kind: 'text' });
    expect(new TextDecoder().decode(await serverBytes(detail.uploadUrl))).to.equal('Because I like it.');
    expect(decodeMetadata((await serverUpload(detail.uploadUrl)).metadata)).to.include({ questionId: 'q1', attempt: '1', kind: 'text', candidate: 'cand-t' });
    expect(completed.map((answers) => answers.map((answer) => [answer.questionId, answer.uploadUrl]))).to.deep.equal([[['q1', detail.uploadUrl]]]);
    expect(completed[0][0], 'the manifest holds no device-local take id').to.not.have.property('takeId');
    takes.hostUpdate();
    expect(takes.answers!.rows).to.deep.equal([{ questionId: 'q1', status: 'sent' }]);
    expect(takes.answers!.overall).to.include({ sent: 1, total: 1, allSaved: true });
    expect(takes.answers!.announcement).to.equal('uploadProgress.allDone 1/1');
    expect(page.updates).to.be.greaterThan(0);
    expect(errors).to.deep.equal([]);
  });

  it('sends the consent receipt as a take of its own, which is no answer', async () => {
    const { flow, takes, uploaded } = setup();
    const receipt = flow.acceptConsent(false, 'en')!;
    takes.sendConsent(flow, receipt);
    flow.start();
    await waitFor(() => flow.progress.consent?.uploadUrl, 'the consent receipt was not delivered');
    const url = flow.progress.consent!.uploadUrl!;
    expect(JSON.parse(new TextDecoder().decode(await serverBytes(url)))).to.deep.equal(receipt);
    expect(decodeMetadata((await serverUpload(url)).metadata)).to.include({ kind: 'consent', filename: 'consent.json' });
    expect(uploaded, 'announced as an answer').to.deep.equal([]);
    takes.hostUpdate();
    expect(takes.answers!.overall.sent).to.equal(0);
  });

  it('sends what an earlier visit left unsent once the lock is held: the consent and submitted text answers', async () => {
    const first = setup();
    const receipt = first.flow.acceptConsent(true, 'en')!;
    first.flow.start();
    first.flow.startAnswer();
    expect(first.flow.submitText('Unsent.')).to.include({ questionId: 'q1', attempt: 1 });
    // The page closed before either was sent: the next visit starts from the saved progress.
    const { flow, takes, uploaded } = setup({}, first.flow.progress);
    takes.finishInterrupted(flow);
    await waitFor(() => flow.progress.consent?.uploadUrl && flow.progress.submitted.q1?.uploadUrl, 'not sent');
    expect(JSON.parse(new TextDecoder().decode(await serverBytes(flow.progress.consent!.uploadUrl!)))).to.deep.equal(receipt);
    expect(new TextDecoder().decode(await serverBytes(flow.progress.submitted.q1.uploadUrl!))).to.equal('Unsent.');
    expect(uploaded.map((detail) => `${detail.questionId}#${detail.attempt}`)).to.deep.equal(['q1#1']);
  });

  it('stops every background take when the host leaves, and sends it again once back and holding the lock', async () => {
    const { page, flow, uploaded, answer, holdLock, newLock } = setup({ consent: undefined });
    flow.start();
    answer('Moved mid-upload.');
    // Off the page before any request could finish: the upload is stopped.
    page.disconnect();
    newLock();
    page.connect();
    expect(flow.progress.submitted.q1.uploadUrl).to.equal(undefined);
    holdLock();
    await waitFor(() => flow.progress.submitted.q1.uploadUrl, 'the stopped text answer was not sent again');
    expect(new TextDecoder().decode(await serverBytes(flow.progress.submitted.q1.uploadUrl!))).to.equal('Moved mid-upload.');
    expect(uploaded.map((detail) => `${detail.questionId}#${detail.attempt}`)).to.deep.equal(['q1#1']);
  });

  it('counts a take recorded again in another format as the same attempt: no retake is used up', () => {
    const { page, flow, takes } = setup({ consent: undefined, defaults: { thinkSeconds: 30, answerSeconds: 60, retakes: 1, answer: 'video' } });
    flow.start();
    flow.reveal();
    const seen: RecordingStartEvent['detail'][] = [];
    page.host.addEventListener('oneway-recording-start', (event) => seen.push((event as RecordingStartEvent).detail));
    takes.recordingStart(new RecordingStartEvent({ mimeType: 'video/mp4', takeId: 'first' }));
    expect(flow.retakesLeft).to.equal(1);
    takes.recordingStart(new RecordingStartEvent({ mimeType: 'video/webm', takeId: 'again', replaces: 'first' }));
    expect(flow.retakesLeft, 'the same attempt').to.equal(1);
    expect(seen.map(({ takeId, questionId, attempt, replaces }) => ({ takeId, questionId, attempt, replaces }))).to.deep.equal([
      { takeId: 'first', questionId: 'q1', attempt: 1, replaces: undefined },
      { takeId: 'again', questionId: 'q1', attempt: 1, replaces: 'first' },
    ]);
    page.disconnect();
  });

  it('names a take for the link watch by question and attempt, the practice apart', () => {
    expect(takeKey({ questionId: 'q1', attempt: 2 })).to.equal('q1#2');
    expect(takeKey({ practice: true, attempt: 1 })).to.equal('#practice');
  });
});
