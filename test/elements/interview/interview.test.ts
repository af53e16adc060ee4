import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { InterviewConfig } from '../../../src/core/interview-config.js';
import { validateReviewInput } from '../../../src/core/review-input.js';
import type { OnewayInterview } from '../../../src/elements/interview/interview.js';
import type { AnswerUploadedEvent } from '../../../src/events/answer-uploaded.js';
import type { OnewayErrorEvent } from '../../../src/events/error.js';
import { createStore, getMany, keys } from 'idb-keyval';
import { setTusDown } from '../../support/commands.js';
import { deepText, findButton } from '../../support/dom.js';
import { stubGetUserMedia } from '../../support/media-devices.js';
import { spyOnMediaRecorder } from '../../support/media-recorder-spy.js';
import { expectWholeSlicesFromStart } from '../../support/answers.js';
import { decodeMetadata, serverBytes, serverUpload, sha256Hex } from '../../support/tus.js';
import { nextEvent, sleep, waitFor } from '../../support/wait.js';

/** What IndexedDB still holds of interview `id`: its saved progress and its journal entries. */
async function storedRecords(id: string): Promise<string[]> {
  const progress = (await keys(createStore('oneway-interview-progress', 'progress'))).map(String).filter((key) => key.startsWith(`${id}:`));
  const journal = createStore('oneway-interview', 'journal');
  const takes = (await getMany<{ slot: string } | undefined>((await keys(journal)).map(String).filter((key) => key.startsWith('take:')), journal))
    .filter((entry) => entry?.slot.startsWith(`${encodeURIComponent(id)}/`))
    .map((entry) => `take in ${entry!.slot}`);
  return [...progress, ...takes];
}

let run = 0;
/** A config with short times and an id of its own, so saved progress of other tests does not apply. */
function config(overrides: Partial<InterviewConfig> = {}): InterviewConfig {
  return {
    id: `test-${Date.now()}-${run++}`,
    title: 'Account Executive',
    instructions: 'Three short questions.',
    deviceCheck: false,
    defaults: { thinkSeconds: 1, answerSeconds: 2, retakes: 1, answer: 'video' },
    questions: [
      { id: 'q1', text: 'Tell us about a deal you lost.', answer: 'video' },
      { id: 'q2', text: 'What did you learn?', answer: 'audio', retakes: 0 },
      { id: 'q3', text: 'Anything else?', answer: 'text', maxChars: 200 },
    ],
    ...overrides,
  };
}

async function interview(cfg: InterviewConfig, candidate = 'cand-1') {
  const el = await fixture<OnewayInterview>(html`<oneway-interview endpoint="/files" candidate=${candidate} .config=${cfg}></oneway-interview>`);
  await waitUntil(() => findButton(el, 'Start interview') || findButton(el, 'Resume interview'), 'no start button', { timeout: 10_000 });
  return el;
}

/**
 * An interview put on the page as after a reload, collecting what it delivers from the first
 * moment: cut-off answers are sent before anything is pressed.
 */
async function interviewCollecting(cfg: InterviewConfig, candidate: string) {
  const answers: AnswerUploadedEvent['detail'][] = [];
  const el = await fixture<OnewayInterview>(
    html`<oneway-interview
      endpoint="/files"
      candidate=${candidate}
      .config=${cfg}
      @oneway-answer-uploaded=${(event: AnswerUploadedEvent) => answers.push(event.detail)}
    ></oneway-interview>`,
  );
  return { el, answers };
}

/** Each question's line under "Your answers", e.g. "Question 1: sent". */
function answerLines(el: OnewayInterview): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part~="answer"]')].map((line) => line.textContent!.trim().replace(/\s+/g, ' '));
}

/** Presses the visible button named `name`, waiting for it to appear and be enabled. */
async function press(el: Element, name: string, timeout = 20_000) {
  await waitUntil(() => findButton(el, name) && !findButton(el, name)!.disabled, `no enabled "${name}" button`, { timeout });
  findButton(el, name)!.click();
  await sleep(50);
}

describe('<oneway-interview>', () => {
  it('runs a video, audio and text interview with a retake, and the server holds every submitted answer', async () => {
    const cfg = config();
    const el = await interview(cfg);
    const uploaded: AnswerUploadedEvent[] = [];
    el.addEventListener('oneway-answer-uploaded', (event) => uploaded.push(event));
    const starts: { questionId?: string; attempt?: number; at: number }[] = [];
    el.addEventListener('oneway-recording-start', (event) => starts.push({ ...event.detail, at: performance.now() }));
    const stops: { questionId?: string; durationMs: number }[] = [];
    el.addEventListener('oneway-recording-stop', (event) => stops.push(event.detail));
    const complete = nextEvent(el, 'oneway-complete', 90_000);
    /**
     * Records take number `n` for about 1.2 s. With a think time of 1 s the take may start by
     * itself before a press could (a slower engine readies its stream later): either way it starts;
     * the answer time of 2 s may end it by itself too.
     */
    const recordTake = async (n: number, what: string) => {
      const startEnabled = () => findButton(el, 'Start recording') && !findButton(el, 'Start recording')!.disabled;
      await waitUntil(() => starts.length === n || startEnabled(), `${what} could not start`, { timeout: 10_000 });
      if (starts.length < n) findButton(el, 'Start recording')!.click();
      await waitUntil(() => starts.length === n, `${what} did not start`, { timeout: 10_000 });
      await sleep(1200);
      if (stops.length < n) await press(el, 'Stop recording');
    };

    expect(deepText(el)).to.not.contain('Tell us about a deal you lost.');
    const revealed = performance.now();
    await press(el, 'Start interview');
    expect(deepText(el)).to.contain('Tell us about a deal you lost.');

    // Think time (1 s) runs out: recording starts by itself; answer time (2 s) runs out: it stops by itself.
    await waitUntil(() => stops.length === 1, 'the first take did not stop by itself', { timeout: 15_000 });
    expect(starts[0].at - revealed).to.be.within(700, 6000);
    expect(stops[0].durationMs).to.be.within(1500, 3000);
    expect(starts[0]).to.include({ questionId: 'q1', attempt: 1 });

    await press(el, 'Retake');
    // The camera, off while the take was reviewed, comes back for the retake; with a think time
    // of 1 s the take may start by itself before a press could: either way it starts.
    await recordTake(2, 'the retake');
    // That was the last retake: the take is reviewed, and only submitted.
    await waitFor(() => findButton(el, 'Submit answer'), 'the last take was not reviewed');
    expect(findButton(el, 'Retake'), 'a retake after the last take').to.equal(undefined);
    expect(deepText(el)).to.contain('That was your last take for this question.');
    expect(el.shadowRoot!.querySelector('video[part="review"]')).to.not.equal(null);
    expect(answerLines(el)).to.deep.equal(['Question 1: recorded, not submitted yet', 'Question 2: not answered yet', 'Question 3: not answered yet']);
    await press(el, 'Submit answer');

    // Per question, not per take: the discarded first take counts nowhere.
    expect(deepText(el)).to.not.contain('What did you learn?');
    await waitFor(() => answerLines(el)[0] === 'Question 1: sent', `question 1 was not sent: ${answerLines(el).join(' / ')}`, 20_000);
    expect(answerLines(el)).to.deep.equal(['Question 1: sent', 'Question 2: not answered yet', 'Question 3: not answered yet']);
    expect(deepText(el)).to.contain('1 of 3 answers sent.');
    expect(deepText(el)).to.not.contain('All answers are saved');
    expect(deepText(el)).to.contain('Your answer to question 1 is submitted.');
    await press(el, 'Next question');
    expect(deepText(el)).to.contain('What did you learn?');
    // q2 has no retakes: the candidate is told before its only take, and can still listen to it.
    expect(deepText(el)).to.contain('This is your last take for this question');
    expect(deepText(el), 'a status line of the last question').to.not.contain('Your answer is saved');
    await recordTake(3, 'the take of q2');
    await waitFor(() => findButton(el, 'Submit answer'), 'the only take of q2 was not reviewed');
    expect(deepText(el)).to.contain('Listen to your answer');
    expect(el.shadowRoot!.querySelector('audio[part="review"]')).to.not.equal(null);
    expect(findButton(el, 'Retake')).to.equal(undefined);
    await press(el, 'Submit answer');
    await press(el, 'Next question');
    await waitFor(() => el.shadowRoot!.querySelector('textarea'), 'no text area after the think time');
    const textarea = el.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'I would do it again.';
    textarea.dispatchEvent(new Event('input'));
    await press(el, 'Submit answer');

    const { detail } = await complete;
    expect(detail.interviewId).to.equal(cfg.id);
    expect(detail.answers.map((answer) => [answer.questionId, answer.attempt, answer.kind])).to.deep.equal([
      ['q1', 2, 'video'],
      ['q2', 1, 'audio'],
      ['q3', 1, 'text'],
    ]);
    for (const answer of detail.answers) {
      const bytes = await serverBytes(answer.uploadUrl!);
      expect(await sha256Hex(bytes), answer.questionId).to.equal(answer.sha256);
      const metadata = decodeMetadata((await serverUpload(answer.uploadUrl!)).metadata);
      expect(metadata).to.include({
        interviewId: cfg.id,
        questionId: answer.questionId,
        attempt: String(answer.attempt),
        kind: answer.kind,
        candidate: 'cand-1',
      });
    }
    expect(new TextDecoder().decode(await serverBytes(detail.answers[2].uploadUrl!))).to.equal('I would do it again.');
    expect(decodeMetadata((await serverUpload(detail.answers[1].uploadUrl!)).metadata).filetype).to.match(/^audio\//);
    // Every submitted answer was announced; the discarded first take of q1, if it was fully
    // uploaded before "Retake", was announced too and is now deleted on the server.
    const announced = uploaded.map((event) => `${event.detail.questionId}#${event.detail.attempt}`);
    expect(announced).to.include.members(['q1#2', 'q2#1', 'q3#1']);
    const discarded = uploaded.find((event) => event.detail.questionId === 'q1' && event.detail.attempt === 1);
    if (discarded) {
      const head = await fetch(discarded.detail.uploadUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
      expect([404, 410]).to.include(head.status);
    }
    await el.updateComplete;
    expect(deepText(el)).to.contain('3 of 3 answers received. You can close this page.');
    // Every answer carries the same fields, whatever its kind.
    const fields = detail.answers.map((answer) => Object.keys(answer).sort().join(','));
    expect(new Set(fields).size, fields.join(' | ')).to.equal(1);
    // The manifest is what the host keeps and gives <oneway-review>: it must read it as it is.
    expect(validateReviewInput({ config: cfg, answers: detail.answers })).to.include({ ok: true });
    expect(detail.answers[0].metadata).to.include({ questionId: 'q1', attempt: '2', candidate: 'cand-1' });
  });

  it('flags practice takes in their events, names no question in them, and finishes the practice', async () => {
    const el = await interview(config({ practice: true, defaults: { thinkSeconds: 30, answerSeconds: 10, retakes: 1, answer: 'video' } }));
    const details: { type: string; detail: Record<string, unknown> }[] = [];
    for (const type of ['oneway-recording-start', 'oneway-recording-stop', 'oneway-upload-progress'] as const) {
      el.addEventListener(type, (event) => details.push({ type, detail: { ...event.detail } }));
    }
    await press(el, 'Start interview');
    await press(el, 'Start recording');
    await sleep(800);
    await press(el, 'Stop recording');
    await waitFor(() => findButton(el, 'Finish practice'), 'no "Finish practice" button');
    expect(findButton(el, 'Submit answer'), 'the practice is never submitted').to.equal(undefined);
    expect(details.map((entry) => entry.type)).to.deep.equal(['oneway-recording-start', 'oneway-recording-stop']);
    for (const { detail } of details) {
      expect(detail).to.include({ practice: true, attempt: 1 });
      expect(detail, 'a practice take names no question').to.not.have.property('questionId');
    }
    await press(el, 'Finish practice');
    await press(el, 'Next question');
    details.length = 0;
    await press(el, 'Start recording');
    await waitFor(() => details.length > 0, 'no event of the first real take');
    expect(details[0].detail).to.include({ questionId: 'q1', attempt: 1 });
    expect(details[0].detail).to.not.have.property('practice');
  });

  it('starts each take with its own status and time, not the last take\'s', async () => {
    const cfg = config({ defaults: { thinkSeconds: 30, answerSeconds: 10, retakes: 1, answer: 'video' } });
    const el = await fixture<OnewayInterview>(html`<oneway-interview endpoint="/files" candidate="cand-untimed" untimed .config=${cfg}></oneway-interview>`);
    await press(el, 'Start interview');
    await press(el, 'Start recording');
    await sleep(2200);
    await press(el, 'Stop recording');
    await press(el, 'Retake');
    await waitFor(() => findButton(el, 'Start recording') && !findButton(el, 'Start recording')!.disabled, 'the retake could not start');
    const recorder = el.shadowRoot!.querySelector('oneway-recorder')!;
    const elapsed = recorder.shadowRoot!.querySelector('[part="elapsed"]')!;
    // Untimed, the recorder's elapsed time is the one timer shown: it starts again from zero.
    expect(elapsed.getBoundingClientRect().height).to.be.above(0);
    expect(elapsed.textContent!.trim()).to.equal('0:00');
    expect(recorder.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim()).to.not.contain('saved');
  });

  it('continues at the first unanswered question, with the retakes left, when the page comes back', async () => {
    const cfg = config({ defaults: { thinkSeconds: 30, answerSeconds: 3, retakes: 2, answer: 'video' } });
    const first = await interview(cfg, 'cand-resume');
    await press(first, 'Start interview');
    await press(first, 'Start recording');
    await sleep(800);
    await press(first, 'Stop recording');
    await press(first, 'Retake');
    await press(first, 'Start recording');
    await sleep(800);
    await press(first, 'Stop recording');
    await press(first, 'Submit answer');
    await waitFor(() => findButton(first, 'Next question'), 'no "Next question" button');
    first.remove();
    await sleep(300);

    const second = await interview(cfg, 'cand-resume');
    expect(findButton(second, 'Resume interview')).to.not.equal(undefined);
    expect(deepText(second)).to.contain('answered 1 of 3');
    await press(second, 'Resume interview');
    expect(deepText(second)).to.contain('What did you learn?');
    expect(deepText(second)).to.not.contain('Tell us about a deal you lost.');
  });

  it('delivers an answer cut off by a reload as soon as the page is back, without any click', async () => {
    const cfg = config({ defaults: { thinkSeconds: 30, answerSeconds: 10, retakes: 1, answer: 'video' } });
    const spy = spyOnMediaRecorder();
    try {
      const first = await interview(cfg, 'cand-reload');
      await press(first, 'Start interview');
      await press(first, 'Start recording');
      await waitFor(() => (spy.recordings[0]?.filter(Boolean).length ?? 0) >= 2, 'fewer than two slices before the reload', 10_000);
      first.remove();

      const { el: second, answers } = await interviewCollecting(cfg, 'cand-reload');
      await waitFor(() => answers.length > 0, 'the cut-off answer was not delivered before any click', 20_000);
      expect(findButton(second, 'Resume interview'), 'still on the intro: nothing was pressed').to.not.equal(undefined);
      const [answer] = answers;
      expect(answer).to.include({ questionId: 'q1', attempt: 1, interrupted: true });
      const onServer = await serverBytes(answer.uploadUrl);
      expect(await sha256Hex(onServer)).to.equal(answer.sha256);
      expect(await expectWholeSlicesFromStart(spy.recordings[0].filter(Boolean), onServer)).to.be.greaterThan(0);
      await waitFor(() => deepText(second).includes('The answer that was cut off when the page closed is saved.'), 'the intro did not say it was saved');
    } finally {
      spy.restore();
    }
  });

  it('leaves no record of the interview on the device after oneway-complete', async () => {
    const cfg = config({
      defaults: { thinkSeconds: 1, answerSeconds: 1, retakes: 0, answer: 'video' },
      questions: [{ id: 'q1', text: 'One short answer.', answer: 'video' }],
    });
    const el = await interview(cfg, 'cand-clean');
    const complete = nextEvent(el, 'oneway-complete', 60_000);
    await press(el, 'Start interview');
    // The only take records and stops by itself; the candidate submits it after watching it.
    await press(el, 'Submit answer');
    await complete;
    // The clean-up runs in the background after the event: give it a moment.
    for (let poll = 0; poll < 50 && (await storedRecords(cfg.id)).length > 0; poll++) await sleep(100);
    expect(await storedRecords(cfg.id)).to.deep.equal([]);
  });

  it("never shows or sends one candidate's answers to another on the same browser", async () => {
    const cfg = config({ defaults: { thinkSeconds: 30, answerSeconds: 10, retakes: 1, answer: 'video' } });
    const first = await interview(cfg, 'cand-a');
    await press(first, 'Start interview');
    await press(first, 'Start recording');
    await sleep(1500);
    await setTusDown(true);
    first.remove();
    await setTusDown(false);
    const { el: second, answers: uploadedForB } = await interviewCollecting(cfg, 'cand-b');
    await waitFor(() => findButton(second, 'Start interview'), 'candidate B did not get a fresh intro', 10_000);
    expect(findButton(second, 'Resume interview')).to.equal(undefined);
    // B goes on to the first question, where a recorder looks for cut-off takes of its interview.
    await press(second, 'Start interview');
    await sleep(2000);
    expect(uploadedForB, "candidate A's cut-off take sent from B's page").to.deep.equal([]);
    second.remove();

    const { el: third, answers: uploadedForA } = await interviewCollecting(cfg, 'cand-a');
    await waitFor(() => uploadedForA.length > 0, "candidate A's take was not delivered when A came back", 20_000);
    expect(uploadedForA[0]).to.include({ questionId: 'q1', interrupted: true });
    expect(decodeMetadata((await serverUpload(uploadedForA[0].uploadUrl)).metadata).candidate).to.equal('cand-a');
    expect(findButton(third, 'Resume interview')).to.not.equal(undefined);
  });

  it('lets the camera go whenever nothing can be recorded, and has it back for the next take', async () => {
    const streams: MediaStream[] = [];
    const getUserMedia = MediaDevices.prototype.getUserMedia;
    const restore = stubGetUserMedia(async function (this: MediaDevices, constraints) {
      const stream = await getUserMedia.call(this, constraints);
      streams.push(stream);
      return stream;
    });
    const live = () => streams.flatMap((stream) => stream.getTracks()).filter((track) => track.readyState === 'live');
    try {
      const cfg = config({ defaults: { thinkSeconds: 30, answerSeconds: 10, retakes: 1, answer: 'video' } });
      const el = await interview(cfg, 'cand-camera');
      await press(el, 'Start interview');
      await press(el, 'Start recording');
      await sleep(1000);
      await press(el, 'Stop recording');
      await waitFor(() => findButton(el, 'Retake'), 'no review of the take');
      await waitFor(() => live().length === 0, 'the camera and microphone stayed on while the take was reviewed');
      await press(el, 'Retake');
      await waitFor(() => live().some((track) => track.kind === 'video'), 'the camera was not back for the retake', 2000);
      await waitFor(() => findButton(el, 'Start recording') && !findButton(el, 'Start recording')!.disabled, 'the retake could not start');
    } finally {
      restore();
    }
  });

  it('keeps the retakes of a take cut short by a reload ("fair retakes")', async () => {
    const cfg = config({ defaults: { thinkSeconds: 30, answerSeconds: 10, retakes: 1, answer: 'video' } });
    const first = await interview(cfg, 'cand-fair');
    await press(first, 'Start interview');
    await press(first, 'Start recording');
    await sleep(1500);
    first.remove();
    await sleep(300);

    const { el: second, answers } = await interviewCollecting(cfg, 'cand-fair');
    await press(second, 'Resume interview');
    // The cut-short take is still delivered, marked interrupted, as attempt 1.
    await waitFor(() => answers.length > 0, 'the cut-short take was not delivered', 20_000);
    expect(answers[0]).to.include({ questionId: 'q1', attempt: 1, interrupted: true });
    await press(second, 'Start recording');
    await sleep(800);
    const stopped = nextEvent(second, 'oneway-recording-stop');
    await press(second, 'Stop recording');
    expect((await stopped).detail.attempt).to.equal(2);
    // Still one retake left: the reload did not use it up.
    expect(findButton(second, 'Retake')).to.not.equal(undefined);
  });

  it('completes with question ids that name what every object inherits (constructor, __proto__)', async () => {
    const cfg = config({
      defaults: { thinkSeconds: 1, answerSeconds: 2, retakes: 0 },
      questions: [
        { id: 'constructor', text: 'Who are you?', answer: 'video' },
        { id: '__proto__', text: 'And why?', answer: 'text' },
      ],
    });
    const el = await interview(cfg);
    const complete = nextEvent(el, 'oneway-complete');
    await press(el, 'Start interview');
    // Think time runs out, the take records by itself and answer time stops it (no retakes).
    await press(el, 'Submit answer');
    await press(el, 'Next question');
    await waitFor(() => el.shadowRoot!.querySelector('textarea'), 'no text area after the think time');
    const textarea = el.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'Because.';
    textarea.dispatchEvent(new Event('input'));
    await press(el, 'Submit answer');

    const { detail } = await complete;
    expect(detail.answers.map((answer) => [answer.questionId, answer.attempt, answer.kind])).to.deep.equal([
      ['constructor', 1, 'video'],
      ['__proto__', 1, 'text'],
    ]);
    for (const answer of detail.answers) {
      const metadata = decodeMetadata((await serverUpload(answer.uploadUrl!)).metadata);
      expect(metadata, answer.questionId).to.include({ questionId: answer.questionId, attempt: '1' });
    }
  });

  it('reports every config problem with its path, in the widget and in oneway-error', async () => {
    const errors: OnewayErrorEvent[] = [];
    document.addEventListener('oneway-error', (event) => errors.push(event), { once: true });
    const el = await fixture<OnewayInterview>(html`<oneway-interview
      endpoint="/files"
      .config=${{ id: '', title: 'x', questions: [{ id: 'a', text: 'A', answer: 'vidoe' }, { id: 'a', text: 'B', answerSeconds: -5 }] }}
    ></oneway-interview>`);
    await waitFor(() => errors.length > 0, 'no oneway-error');
    expect(errors[0].detail.code).to.equal('config-invalid');
    expect(errors[0].detail.recoverable).to.equal(false);
    const shown = el.shadowRoot!.querySelector('[part="problems"]')!.textContent!;
    for (const path of ['$.id', '$.questions[0].answer', '$.questions[1].id', '$.questions[1].answerSeconds']) {
      expect(shown, path).to.contain(path);
      expect(errors[0].detail.message, path).to.contain(path);
    }
    await expect(el).to.be.accessible();
  });

  it('reads the config from config-src and from an inline JSON script', async () => {
    const cfg = config();
    const inline = await fixture<OnewayInterview>(html`<oneway-interview endpoint="/files">
      <script type="application/json">${JSON.stringify(cfg)}</script>
    </oneway-interview>`);
    await waitFor(() => deepText(inline).includes('Account Executive'), 'inline config not read');

    const errors: OnewayErrorEvent[] = [];
    document.addEventListener('oneway-error', (event) => errors.push(event), { once: true });
    await fixture(html`<oneway-interview endpoint="/files" config-src="/no/such/config.json"></oneway-interview>`);
    await waitFor(() => errors.length > 0, 'no error for a missing config-src');
    expect(errors[0].detail.message).to.contain('/no/such/config.json').and.contain('404');
  });

  it('keeps the properties a framework sets as soon as it creates the element, before its code has loaded', async () => {
    const cfg = config({ defaults: { thinkSeconds: 30, answerSeconds: 2, retakes: 1, answer: 'video' } });
    const el = document.createElement('oneway-interview');
    document.body.append(el);
    // Set in the task that connected it: its session (a chunk of its own) is not there yet.
    el.endpoint = '/files';
    el.candidate = 'cand-early-properties';
    el.timeMultiplier = 1.5;
    el.config = cfg;
    try {
      const ready = await nextEvent(el, 'oneway-ready', 10_000);
      expect(ready.detail.interviewId).to.equal(cfg.id);
      await press(el, 'Start interview');
      expect(el.shadowRoot!.querySelector('oneway-countdown')!.seconds, 'the time multiplier set early was lost').to.equal(45);
    } finally {
      el.remove();
    }
  });

  it('shows question text as text, never as HTML', async () => {
    const el = await interview(config({ questions: [{ id: 'x', text: '<img src=x onerror=alert(1)>', answer: 'text' }] }));
    await press(el, 'Start interview');
    expect(deepText(el)).to.contain('<img src=x onerror=alert(1)>');
    const question = el.shadowRoot!.querySelector('oneway-question')!;
    expect(question.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('does not start past the deadline, and says so', async () => {
    const el = await interview(config({ deadline: '2020-01-01T00:00:00Z' })).catch(() => undefined);
    expect(el).to.equal(undefined);
    const closed = await fixture<OnewayInterview>(html`<oneway-interview endpoint="/files" .config=${config({ deadline: '2020-01-01T00:00:00Z' })}></oneway-interview>`);
    await waitFor(() => deepText(closed).includes('closed'), 'no closed message');
    expect(findButton(closed, 'Start interview')).to.equal(undefined);
  });

  it('asks for consent before it starts', async () => {
    const el = await interview(config({ consent: 'I agree that my answers are recorded.' }));
    expect(findButton(el, 'Start interview')!.disabled).to.equal(true);
    el.shadowRoot!.querySelector<HTMLInputElement>('[part="consent"] input')!.click();
    await el.updateComplete;
    expect(findButton(el, 'Start interview')!.disabled).to.equal(false);
  });

  it('passes axe on the intro, a question, the review and the end', async () => {
    const el = await interview(config({ consent: 'I agree.', questions: [{ id: 'q1', text: 'Q?', answer: 'video' }] }));
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLInputElement>('[part="consent"] input')!.click();
    await press(el, 'Start interview');
    await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });
    await press(el, 'Start recording');
    await sleep(800);
    await press(el, 'Stop recording');
    await waitFor(() => findButton(el, 'Retake'), 'no "Retake" button');
    await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });
    const complete = nextEvent(el, 'oneway-complete');
    await press(el, 'Submit answer');
    await complete;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
