import { expect } from '@open-wc/testing';
import type { InterviewConfig } from '../../src/core/interview-config.js';
import { MAX_TIMER_SECONDS } from '../../src/core/countdown-clock.js';
import { textSha256 } from '../../src/core/consent-receipt.js';
import { InterviewFlow, MAX_TIME_MULTIPLIER, newProgress, type InterviewProgress, type SubmittedAnswer } from '../../src/core/interview-flow.js';

const config = (overrides: Partial<InterviewConfig> = {}): InterviewConfig => ({
  id: 'i1',
  title: 'T',
  deviceCheck: false,
  defaults: { thinkSeconds: 30, answerSeconds: 60, retakes: 1, answer: 'video' },
  questions: [
    { id: 'q1', text: 'One?' },
    { id: 'q2', text: 'Two?', retakes: 0 },
    { id: 'q3', text: 'Three?', answer: 'text' },
  ],
  ...overrides,
});

function flow(overrides: Partial<InterviewConfig> = {}, progress?: InterviewProgress, options = {}) {
  const saved: InterviewProgress[] = [];
  const machine = new InterviewFlow(config(overrides), progress ?? newProgress('i1'), { save: (p) => saved.push(p), ...options });
  return { machine, saved };
}

describe('InterviewFlow', () => {
  it('goes intro → question (revealed at once) → review → next pending → … → finishing → complete', () => {
    const { machine, saved } = flow();
    expect(machine.step).to.deep.equal({ step: 'intro' });
    machine.start();
    expect(machine.step).to.deep.equal({ step: 'question', index: 0, practice: false, phase: 'think' });
    expect(machine.startAnswer()).to.equal(1);
    expect(machine.stopAnswer()).to.equal('review');
    machine.submit({ attempt: 1 });
    expect(machine.step).to.deep.include({ index: 1, phase: 'pending' });
    machine.reveal();
    expect(machine.lastTake, 'q2 has no retakes').to.equal(true);
    machine.startAnswer();
    expect(machine.stopAnswer(), 'its only take is reviewed too').to.equal('review');
    machine.retake();
    expect(machine.step, 'no retake is left').to.deep.include({ phase: 'review' });
    machine.submit({ attempt: 1 });
    machine.reveal();
    machine.startAnswer();
    expect(machine.stopAnswer(), 'text answers are submitted').to.equal('submit');
    machine.submit({ attempt: 1, text: 'hi' });
    expect(machine.step).to.deep.equal({ step: 'finishing' });
    machine.delivered('q1', 1, { uploadUrl: '/files/1', sha256: 'a' });
    machine.delivered('q2', 1, { uploadUrl: '/files/2', sha256: 'b' });
    expect(machine.step).to.deep.equal({ step: 'finishing' });
    machine.delivered('q3', 1, { uploadUrl: '/files/3', sha256: 'c' });
    expect(machine.step).to.deep.equal({ step: 'complete' });
    expect(machine.manifest().map((answer) => [answer.questionId, answer.kind, answer.uploadUrl])).to.deep.equal([
      ['q1', 'video', '/files/1'],
      ['q2', 'video', '/files/2'],
      ['q3', 'text', '/files/3'],
    ]);
    expect(machine.manifest()[2].text, 'a delivered text is not kept').to.equal(undefined);
    expect(saved.at(-1)!.complete).to.equal(true);
  });

  it('counts retakes, numbers attempts, and reviews the last take without a retake', () => {
    const { machine } = flow();
    machine.start();
    expect(machine.retakesLeft).to.equal(1);
    expect(machine.lastTake).to.equal(false);
    machine.startAnswer();
    machine.stopAnswer();
    machine.retake();
    expect(machine.retakesLeft).to.equal(0);
    expect(machine.step).to.deep.include({ phase: 'think' });
    expect(machine.lastTake).to.equal(true);
    expect(machine.startAnswer()).to.equal(2);
    expect(machine.stopAnswer()).to.equal('review');
    machine.retake();
    expect(machine.step, 'the last take cannot be retaken').to.deep.include({ phase: 'review' });
    machine.submit({ attempt: 2 });
    expect(machine.step).to.deep.include({ index: 1, phase: 'pending' });
  });

  it('resumes at the first unanswered question with the retakes left, after the intro', () => {
    const first = flow();
    first.machine.start();
    first.machine.startAnswer();
    first.machine.stopAnswer();
    first.machine.submit({ attempt: 1 });
    const saved = first.saved.at(-1)!;

    const { machine } = flow({}, saved);
    expect(machine.step, 'a returning candidate sees the intro first').to.deep.equal({ step: 'intro' });
    machine.start();
    expect(machine.step).to.deep.equal({ step: 'question', index: 1, practice: false, phase: 'think' });
  });

  it('gives back the retake of a take cut short by a crash, with a new attempt number', () => {
    const first = flow();
    first.machine.start();
    first.machine.startAnswer();
    // The page crashes here: no stop, no retake chosen.
    const { machine } = flow({}, first.saved.at(-1));
    machine.start();
    expect(machine.retakesLeft).to.equal(1);
    expect(machine.nextAttempt).to.equal(2);
  });

  it('records an upload that finished before its take was submitted', () => {
    const { machine } = flow({ questions: [{ id: 'q1', text: 'One?' }] });
    machine.start();
    machine.startAnswer();
    machine.stopAnswer();
    machine.delivered('q1', 1, { uploadUrl: '/files/early', sha256: 'x' });
    machine.submit({ attempt: 1 });
    expect(machine.step).to.deep.equal({ step: 'complete' });
    expect(machine.manifest()[0].uploadUrl).to.equal('/files/early');
  });

  it('ignores the upload of a discarded attempt', () => {
    const { machine } = flow({ questions: [{ id: 'q1', text: 'One?' }] });
    machine.start();
    machine.startAnswer();
    machine.stopAnswer();
    machine.retake();
    machine.startAnswer();
    machine.stopAnswer();
    machine.submit({ attempt: 2 });
    machine.delivered('q1', 1, { uploadUrl: '/files/discarded', sha256: 'x' });
    expect(machine.step).to.deep.equal({ step: 'finishing' });
  });

  it('runs the device check, then the practice question, which is never submitted', () => {
    const { machine } = flow({ deviceCheck: true, practice: true });
    machine.start();
    expect(machine.step).to.deep.equal({ step: 'device-check' });
    machine.deviceCheckDone();
    expect(machine.step).to.deep.equal({ step: 'question', index: 0, practice: true, phase: 'think' });
    machine.startAnswer();
    expect(machine.stopAnswer()).to.equal('review');
    machine.submit({ attempt: 1 });
    expect(machine.progress.submitted).to.deep.equal({});
    expect(machine.progress.takesStarted).to.deep.equal({});
    expect(machine.step).to.deep.equal({ step: 'question', index: 0, practice: false, phase: 'pending' });
  });

  it('keeps question ids such as constructor and __proto__ as plain keys, across a save and a reload', () => {
    const ids = ['constructor', '__proto__', 'toString'];
    const questions = ids.map((id) => ({ id, text: `${id}?` }));
    const first = flow({ questions });
    first.machine.start();
    for (const id of ids.slice(0, 2)) {
      expect(first.machine.current.id).to.equal(id);
      expect(first.machine.retakesLeft, id).to.equal(1);
      expect(first.machine.startAnswer(), id).to.equal(1);
      first.machine.stopAnswer();
      first.machine.retake();
      expect(first.machine.retakesLeft, id).to.equal(0);
      expect(first.machine.startAnswer(), id).to.equal(2);
      expect(first.machine.stopAnswer(), id).to.equal('review');
      first.machine.submit({ attempt: 2 });
      first.machine.delivered(id, 2, { uploadUrl: `/files/${id}`, sha256: id });
      first.machine.reveal();
    }
    // Progress goes through IndexedDB, which stores a structured clone.
    const { machine } = flow({ questions }, structuredClone(first.saved.at(-1)!));
    machine.start();
    expect(machine.current.id).to.equal('toString');
    expect(machine.nextAttempt).to.equal(1);
    machine.startAnswer();
    machine.stopAnswer();
    machine.delivered('toString', 1, { uploadUrl: '/files/early', sha256: 'e' });
    machine.submit({ attempt: 1 });
    expect(machine.step).to.deep.equal({ step: 'complete' });
    expect(machine.manifest().map((answer) => [answer.questionId, answer.attempt, answer.uploadUrl])).to.deep.equal([
      ['constructor', 2, '/files/constructor'],
      ['__proto__', 2, '/files/__proto__'],
      ['toString', 1, '/files/early'],
    ]);
    expect(Object.getPrototypeOf(machine.progress.submitted), 'a "__proto__" answer is a key, not a prototype').to.equal(Object.prototype);
  });

  it(`applies a time multiplier up to ${MAX_TIME_MULTIPLIER}, is untimed beyond, and ignores one that is not a positive number`, () => {
    const times = (timeMultiplier: number) => {
      const { machine } = flow({}, undefined, { timeMultiplier });
      return { think: machine.questions[0].thinkSeconds, timed: machine.timed, multiplier: machine.timeMultiplier };
    };
    expect(times(10)).to.deep.equal({ think: 300, timed: true, multiplier: 10 });
    expect(times(20)).to.deep.equal({ think: 600, timed: true, multiplier: 20 });
    expect(times(20.5)).to.include({ timed: false });
    expect(times(Infinity)).to.include({ timed: false });
    for (const ignored of [0, -2, NaN]) expect(times(ignored), String(ignored)).to.deep.equal({ think: 30, timed: true, multiplier: 1 });
  });

  it("never makes a time longer than setTimeout's 32-bit delay can hold", () => {
    expect(MAX_TIMER_SECONDS * 1000).to.be.at.most(2 ** 31 - 1);
    // The validator caps times at an hour; the flow holds the bound even for a config it did not see.
    const { machine } = flow({ defaults: { thinkSeconds: 3_000_000, answerSeconds: 3_000_000 } }, undefined, { timeMultiplier: MAX_TIME_MULTIPLIER });
    expect([machine.questions[0].thinkSeconds, machine.questions[0].answerSeconds]).to.deep.equal([MAX_TIMER_SECONDS, MAX_TIMER_SECONDS]);
  });

  it('is closed past the deadline, and applies time accommodations', () => {
    const now = () => new Date('2026-12-02T00:00:00Z');
    expect(flow({ deadline: '2026-12-01T23:59:00Z' }, undefined, { now }).machine.step).to.deep.equal({ step: 'closed' });
    const slower = flow({}, undefined, { timeMultiplier: 1.5 }).machine;
    expect([slower.questions[0].thinkSeconds, slower.questions[0].answerSeconds]).to.deep.equal([45, 90]);
    expect(flow({}, undefined, { untimed: true }).machine.timed).to.equal(false);
  });

  it('asks and reports exactly the questions drawn for the candidate, in their order', () => {
    const questions = Array.from({ length: 6 }, (_, i) => ({ id: `q${i + 1}`, text: `Q${i + 1}?` }));
    const { machine } = flow({ questions, pick: 3, shuffle: true, defaults: { retakes: 0, answer: 'text' } }, undefined, { candidate: 'c-7' });
    const drawn = machine.questions.map((question) => question.id);
    expect(drawn).to.have.length(3);
    const again = flow({ questions, pick: 3, shuffle: true, defaults: { retakes: 0, answer: 'text' } }, undefined, { candidate: 'c-7' }).machine;
    expect(again.questions.map((question) => question.id)).to.deep.equal(drawn);
    machine.start();
    for (const id of drawn) {
      expect(machine.current.id).to.equal(id);
      const attempt = machine.startAnswer();
      machine.stopAnswer();
      machine.submit({ attempt, text: 'x' });
      machine.delivered(id, attempt, { uploadUrl: `/files/${id}`, sha256: id });
      machine.reveal();
    }
    expect(machine.step).to.deep.equal({ step: 'complete' });
    expect(machine.manifest().map((answer) => answer.questionId)).to.deep.equal(drawn);
  });

  it('applies a time accommodation set mid-interview from the next timer on', () => {
    const { machine } = flow();
    machine.start();
    const think = machine.current.thinkSeconds;
    machine.setTiming({ timeMultiplier: 2 });
    expect(machine.current.thinkSeconds).to.equal(think * 2);
    expect(machine.step, 'where the candidate is').to.deep.include({ step: 'question', index: 0 });
    machine.setTiming({ untimed: true });
    expect(machine.timed).to.equal(false);
  });

  it('names the upload metadata, the take context and the recording slot of the take on screen, and reads them back', () => {
    const { machine } = flow({}, undefined, { candidate: 'c/1' });
    machine.start();
    expect(machine.takeMetadata('video'), 'before the take: the next attempt').to.deep.equal({
      interviewId: 'i1',
      questionId: 'q1',
      attempt: '1',
      kind: 'video',
      candidate: 'c/1',
    });
    expect(machine.startAnswer()).to.equal(1);
    expect(machine.attempt).to.equal(1);
    expect(machine.takeContext()).to.deep.equal({ questionId: 'q1', attempt: 1, kind: 'video' });
    expect(machine.recordingTake).to.deep.equal({ questionId: 'q1', attempt: 1 });
    machine.stopAnswer();
    machine.retake();
    expect(machine.startAnswer()).to.equal(2);
    const metadata = machine.takeMetadata('video', machine.attempt);
    expect(metadata.attempt).to.equal('2');
    expect(machine.takeContext(metadata), 'read back from the metadata').to.deep.equal({ questionId: 'q1', attempt: 2, kind: 'video' });
    expect(machine.takeMetadata('text', 1, 'q3')).to.include({ questionId: 'q3', attempt: '1', kind: 'text' });
    expect(machine.consentMetadata).to.deep.equal({ interviewId: 'i1', kind: 'consent', candidate: 'c/1' });
    // Encoded: the candidate's "/" cannot make one candidate's slots a prefix of another's.
    expect(machine.slotPrefix).to.equal('i1/c%2F1/');
    expect(machine.slot).to.equal('i1/c%2F1/q1');
    expect(flow({}, undefined, { candidate: 'c' }).machine.slotPrefix).to.not.equal(flow({}, undefined, { candidate: 'c/' }).machine.slotPrefix);
  });

  it('is capturing while a take with camera or microphone is prepared or recorded, never for text', () => {
    const { machine } = flow();
    expect(machine.capturing, 'intro').to.equal(false);
    machine.start();
    expect(machine.capturing, 'think time').to.equal(true);
    machine.startAnswer();
    expect(machine.capturing, 'recording').to.equal(true);
    machine.stopAnswer();
    expect(machine.capturing, 'review').to.equal(false);
    machine.submit({ attempt: 1 });
    expect(machine.capturing, 'before the next question is shown').to.equal(false);
    machine.reveal();
    machine.startAnswer();
    machine.stopAnswer();
    machine.submit({ attempt: 1 });
    machine.reveal();
    expect(machine.step).to.deep.include({ index: 2, phase: 'think' });
    expect(machine.capturing, 'a text question').to.equal(false);
    const practice = flow({ practice: true, questions: [{ id: 't1', text: 'Write.', answer: 'text' }] }).machine;
    practice.start();
    expect(practice.step).to.deep.include({ practice: true, phase: 'think' });
    expect(practice.capturing, 'the practice is recorded, whatever the first question asks').to.equal(true);
  });

  it('gives the practice take no question, a slot of its own and no answer progress', () => {
    const { machine } = flow({ practice: true });
    machine.start();
    expect(machine.slot).to.equal('i1//#practice');
    expect(machine.startAnswer()).to.equal(1);
    expect(machine.takeContext()).to.deep.equal({ practice: true, attempt: 1, kind: 'video' });
    expect(machine.recordingTake).to.equal(undefined);
    expect(machine.textAnswer).to.equal(false);
  });

  it('submits a text answer with how long it took, and sends nothing in practice', () => {
    let now = 1000;
    const { machine } = flow({ questions: [{ id: 't1', text: 'Write.', answer: 'text' }] }, undefined, { monotonic: () => now });
    machine.start();
    expect(machine.textAnswer).to.equal(true);
    machine.startAnswer();
    now += 4321.4;
    const answer = machine.submitText('Because.');
    expect(answer).to.deep.equal({ questionId: 't1', attempt: 1, kind: 'text', text: 'Because.', durationMs: 4321 });
    expect(machine.progress.submitted.t1).to.include({ text: 'Because.', durationMs: 4321, attempt: 1 });
    expect(machine.undelivered.map((undelivered: SubmittedAnswer) => undelivered.questionId)).to.deep.equal(['t1']);

    const practice = flow({ practice: true }).machine;
    practice.start();
    practice.startAnswer();
    expect(practice.submitText('practice'), 'the practice sends nothing').to.equal(undefined);
    expect(practice.progress.submitted).to.deep.equal({});
    expect(practice.progress.practiceDone).to.equal(true);
  });

  it('announces each question once when its think time begins, and completion once with the manifest', () => {
    const started: string[] = [];
    const completed: SubmittedAnswer[][] = [];
    const { machine } = flow({ practice: true, questions: [{ id: 'q1', text: 'One?' }, { id: 'q2', text: 'Two?' }] }, undefined, {
      onQuestionStart: (question: { id: string }, index: number) => started.push(`${question.id}@${index}`),
      onComplete: (answers: SubmittedAnswer[]) => completed.push(answers),
    });
    machine.start();
    expect(started, 'the practice is no question').to.deep.equal([]);
    machine.startAnswer();
    machine.stopAnswer();
    machine.submit({ attempt: 1 });
    machine.reveal();
    expect(started).to.deep.equal(['q1@0']);
    machine.startAnswer();
    machine.stopAnswer();
    machine.retake();
    expect(started, 'a retake is the same question').to.deep.equal(['q1@0']);
    machine.startAnswer();
    machine.stopAnswer();
    machine.submit({ attempt: 2 });
    expect(started, 'q2 is pending until revealed').to.deep.equal(['q1@0']);
    machine.reveal();
    machine.reveal();
    expect(started).to.deep.equal(['q1@0', 'q2@1']);
    machine.startAnswer();
    machine.stopAnswer();
    machine.submit({ attempt: 1 });
    machine.delivered('q1', 2, { uploadUrl: '/files/1', sha256: 'a' });
    expect(completed, 'not before every answer is on the server').to.deep.equal([]);
    machine.delivered('q2', 1, { uploadUrl: '/files/2', sha256: 'b' });
    machine.delivered('q2', 1, { uploadUrl: '/files/2', sha256: 'b' });
    expect(completed.map((answers) => answers.map((answer) => `${answer.questionId}#${answer.attempt}`))).to.deep.equal([['q1#2', 'q2#1']]);
  });

  it('makes the consent receipt once, before the start, and keeps it until the server has it', () => {
    const now = new Date('2026-05-01T10:00:00Z');
    const { machine, saved } = flow({ consent: 'I agree.', aiConsent: 'AI may score me.' }, undefined, { candidate: 'c1', now: () => now });
    const receipt = machine.acceptConsent(true, 'de');
    expect(receipt).to.include({ interviewId: 'i1', candidate: 'c1', textSha256: textSha256('I agree.'), acceptedAt: '2026-05-01T10:00:00.000Z', locale: 'de', ai: true });
    expect(saved.at(-1)!.consent).to.deep.equal({ receipt });
    machine.start();
    expect(machine.acceptConsent(false, 'en'), 'once started, the consent is given').to.equal(undefined);
    expect(machine.progress.consent!.receipt.ai).to.equal(true);
    machine.consentDelivered('/files/consent');
    expect(machine.progress.consent).to.deep.equal({ receipt, uploadUrl: '/files/consent' });
    expect(flow().machine.acceptConsent(true, 'en'), 'no consent in the config, no receipt').to.equal(undefined);
  });
});
