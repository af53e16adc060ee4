// <oneway-review> with answers our own recorder made and uploaded to the test tus server: every
// container the engine records in that streams (MP4 and/or WebM), an audio answer and a text answer.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { InterviewConfig } from '../../../src/core/interview-config.js';
import type { SubmittedAnswer } from '../../../src/core/interview-flow.js';
import { supportedMimeTypes } from '../../../src/core/mime-type.js';
import { deliversWhileRecording, recordingTypeChoice } from '../../../src/core/recorder.js';
import { Take, type UploadedAnswer } from '../../../src/core/take.js';
import { submitted, uploadTextAnswer } from '../../support/answers.js';
import type { ReviewAnswer } from '../../../src/core/review-input.js';
import type { OnewayReview } from '../../../src/elements/review/review.js';
import type { ReviewChangeEvent } from '../../../src/events/review-change.js';
import { tamperUpload } from '../../support/commands.js';
import { deepActiveElement, deepText, findButton } from '../../support/dom.js';
import { nextEvent, sleep, waitFor } from '../../support/wait.js';

const RECORD_MS = 4000;
const SPEED_KEY = 'oneway-interview:review-speed';
const TEXT_ANSWER = 'First line <b>not bold</b>\nSecond line';

/** Records `ms` of `stream` as `mimeType` with our Take, and resolves once the tus server has all of it. */
async function record(stream: MediaStream, mimeType: string, ms = RECORD_MS): Promise<UploadedAnswer> {
  let uploaded!: (answer: UploadedAnswer) => void;
  let failed!: (error: Error) => void;
  const done = new Promise<UploadedAnswer>((resolve, reject) => ((uploaded = resolve), (failed = reject)));
  const take = Take.record(stream, { endpoint: '/files', mimeType, onUploaded: uploaded, onError: (error) => !error.recoverable && failed(error) });
  await sleep(ms);
  await take.stop();
  return done;
}

const part = <T extends Element = HTMLElement>(root: Element | ShadowRoot, name: string) => root.querySelector<T>(`[part~="${name}"]`);
const parts = (root: Element | ShadowRoot, name: string) => Array.from(root.querySelectorAll<HTMLElement>(`[part~="${name}"]`));

/** The `<li>` of question `index`. */
const item = (el: OnewayReview, index: number) => parts(el.shadowRoot!, 'question')[index];

async function review(template: ReturnType<typeof html>): Promise<OnewayReview> {
  const el = await fixture<OnewayReview>(template);
  await waitFor(() => part(el.shadowRoot!, 'questions') || part(el.shadowRoot!, 'problems'), 'the review did not render', 10_000);
  return el;
}

describe('<oneway-review>', function () {
  this.timeout(90_000);

  /** One video answer per container the engine streams in, by MIME type. */
  const videos: { mimeType: string; answer: UploadedAnswer }[] = [];
  let audio: UploadedAnswer;
  let text: UploadedAnswer;
  let config: InterviewConfig;
  let answers: ReviewAnswer[];

  before(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const types = [await recordingTypeChoice(stream, 'video').settled];
    // MP4 and WebM both, where the engine streams both (Chromium).
    const other = supportedMimeTypes('video', (type) => MediaRecorder.isTypeSupported(type)).find((type) => !type.startsWith(types[0].split(';')[0]));
    if (other && (await deliversWhileRecording(stream, other))) types.push(other);
    for (const mimeType of types) videos.push({ mimeType, answer: await record(stream, mimeType) });
    const microphone = new MediaStream(stream.getAudioTracks());
    audio = await record(microphone, await recordingTypeChoice(microphone, 'audio').settled, 2000);
    stream.getTracks().forEach((track) => track.stop());
    text = await uploadTextAnswer({ endpoint: '/files', text: TEXT_ANSWER, metadata: {}, durationMs: 42_000 });

    config = {
      id: `review-${Date.now()}`,
      title: 'Support specialist',
      questions: [
        ...videos.map((_, index) => ({ id: `video-${index}`, text: `Video question ${index + 1}: introduce yourself.` })),
        { id: 'voice', text: 'Describe a difficult call.', answer: 'audio' },
        { id: 'written', text: 'When could you start?', answer: 'text' },
        { id: 'skipped', text: 'Anything else?', answer: 'text' },
      ],
    };
    answers = [
      ...videos.map(({ answer }, index) => submitted(`video-${index}`, 'video', answer)),
      { ...submitted('voice', 'audio', audio), receivedAt: '2026-05-04T09:30:00Z' },
      submitted('written', 'text', text),
    ];
  });

  beforeEach(() => localStorage.removeItem(SPEED_KEY));

  it('shows every question in order with its kind, and says when a question has no answer', async () => {
    const el = await review(html`<oneway-review .config=${config} .answers=${answers}></oneway-review>`);
    const items = parts(el.shadowRoot!, 'question');
    expect(items).to.have.length(config.questions.length);
    config.questions.forEach((question, index) => {
      const text = deepText(items[index]);
      expect(text, `question ${index}`).to.contain(`Question ${index + 1} of ${config.questions.length}`);
      expect(text, `question ${index}`).to.contain(question.text);
    });
    expect(part(items[0], 'kind')!.textContent).to.equal('Video answer');
    expect(part(items.at(-3)!, 'kind')!.textContent).to.equal('Audio answer');
    expect(part(items.at(-1)!, 'kind')!.textContent).to.equal('Text answer');
    expect(part(items.at(-1)!, 'unanswered')!.textContent).to.equal('No answer was received for this question.');
    expect(part(items.at(-1)!, 'rating'), 'no rating for a question without an answer').to.equal(null);
    // Take, duration, size and when the host received it.
    const details = Array.from(part(items.at(-3)!, 'details')!.querySelectorAll('dt'), (term) => [term.textContent, term.nextElementSibling!.textContent]);
    expect(details.map(([term]) => term)).to.deep.equal(['Take', 'Duration', 'Size', 'Received']);
    expect(details[0][1]).to.equal('1');
    expect(details[2][1]).to.match(/^\d+(\.\d)? kB$/);
    expect(details[3][1]).to.contain('2026');
    expect(part(items.at(-3)!, 'player')!.hidden, 'an audio answer shows no picture').to.equal(true);
    expect(part(el.shadowRoot!, 'interrupted')).to.equal(null);
  });

  it('shows a text answer as text, with its line breaks', async () => {
    const el = await review(html`<oneway-review .config=${config} .answers=${answers}></oneway-review>`);
    const answer = part(item(el, config.questions.length - 2), 'text-answer')!;
    await waitFor(() => answer.textContent === TEXT_ANSWER, 'the text answer was not read from the server');
    expect(answer.children, 'the HTML in the answer was not parsed').to.have.length(0);
    expect(getComputedStyle(answer).whiteSpace).to.equal('pre-wrap');
  });

  it('marks a take that was interrupted', async () => {
    const cut = answers.map((answer, index) => (index === 0 ? { ...answer, interrupted: true } : answer));
    const el = await review(html`<oneway-review .config=${config} .answers=${cut}></oneway-review>`);
    expect(part(item(el, 0), 'interrupted')!.textContent).to.contain('Interrupted');
  });

  /** Each recorded video's player in a fresh review, made the current answer, once it has its metadata. */
  async function players(check: (player: { mimeType: string; recorded: number; li: HTMLElement; video: HTMLVideoElement }) => Promise<void>) {
    const el = await review(html`<oneway-review .config=${config} .answers=${answers}></oneway-review>`);
    for (const [index, { mimeType, answer }] of videos.entries()) {
      if (index > 0) findButton(el, 'Next answer')!.click();
      const li = item(el, index);
      const video = part<HTMLVideoElement>(li, 'player')!;
      await waitFor(() => video.readyState >= 1 && Number.isFinite(video.duration), `${mimeType}: the player did not learn a duration`, 10_000);
      await check({ mimeType, recorded: answer.durationMs / 1000, li, video });
    }
  }

  it('shows each recording (MP4 and WebM, as the engine records) with its real duration, and plays it', async () => {
    await players(async ({ mimeType, recorded, li, video }) => {
      expect(Number(part<HTMLInputElement>(li, 'position')!.max), `${mimeType}: the duration shown`).to.be.closeTo(recorded, 0.5);
      expect(part(li, 'time')!.textContent, mimeType).to.match(/^0:00 \/ 0:0[3-5]$/);
      // A click from a script is no user gesture: WebKit plays only muted media without one.
      video.muted = true;
      part<HTMLButtonElement>(li, 'play-button')!.click();
      await waitFor(() => video.currentTime > 0.5, `${mimeType}: did not play`);
      expect(part(li, 'play-button')!.textContent!.trim(), mimeType).to.equal('Pause');
      await waitFor(() => part(li, 'time')!.textContent!.startsWith('0:01'), `${mimeType}: the time shown does not follow`);
      part<HTMLButtonElement>(li, 'play-button')!.click();
      await waitFor(() => video.paused && part(li, 'play-button')!.textContent!.trim() === 'Play', `${mimeType}: did not pause`);
    });
  });

  it('makes the player find the duration a streamed recording does not carry, and seek to its middle', async () => {
    await players(async ({ mimeType, recorded, li, video }) => {
      await waitFor(() => Math.abs(video.duration - recorded) <= 0.5, `${mimeType}: the player's duration ${video.duration} is not the recording's ${recorded}`, 10_000);
      await waitFor(() => video.currentTime === 0 && !video.seeking, `${mimeType}: not back at the start after looking for the end`);
      const slider = part<HTMLInputElement>(li, 'position')!;
      slider.value = String(recorded / 2);
      slider.dispatchEvent(new Event('input'));
      await waitFor(() => Math.abs(video.currentTime - recorded / 2) <= 0.5 && !video.seeking, `${mimeType}: did not seek to the middle (at ${video.currentTime})`);
      video.muted = true;
      await video.play();
      await waitFor(() => video.currentTime > recorded / 2 + 0.3, `${mimeType}: did not play on from the middle`);
      video.pause();
    });
  });

  it('changes the playback speed of every player, and remembers it', async () => {
    const el = await review(html`<oneway-review .config=${config} .answers=${answers}></oneway-review>`);
    const speed = part<HTMLSelectElement>(el.shadowRoot!, 'speed')!;
    expect(speed.value).to.equal('1');
    speed.value = '1.5';
    speed.dispatchEvent(new Event('change'));
    await el.updateComplete;
    for (const video of parts(el.shadowRoot!, 'player') as HTMLVideoElement[]) expect(video.playbackRate).to.equal(1.5);

    const again = await review(html`<oneway-review .config=${config} .answers=${answers}></oneway-review>`);
    expect(part<HTMLSelectElement>(again.shadowRoot!, 'speed')!.value).to.equal('1.5');
    const video = part<HTMLVideoElement>(again.shadowRoot!, 'player')!;
    await waitFor(() => video.readyState >= 1, 'no metadata');
    expect(video.playbackRate, 'after loading').to.equal(1.5);
  });

  it('Next answer and Previous answer move the focus and the current answer', async () => {
    const el = await review(html`<oneway-review .config=${config} .answers=${answers}></oneway-review>`);
    const current = () => parts(el.shadowRoot!, 'question').findIndex((li) => li.part.contains('current'));
    expect(current()).to.equal(0);
    expect(findButton(el, 'Previous answer')!.disabled).to.equal(true);
    findButton(el, 'Next answer')!.click();
    await waitFor(() => current() === 1, 'Next did not move');
    await waitFor(() => deepActiveElement()?.textContent === config.questions[1].text, 'the focus is not on the next question');
    expect(item(el, 1).getAttribute('aria-current')).to.equal('true');
    findButton(el, 'Previous answer')!.click();
    await waitFor(() => current() === 0 && deepActiveElement()?.textContent === config.questions[0].text, 'Previous did not move back');
  });

  it('takes the keyboard shortcuts it announces: Space, ← and →, N and P', async () => {
    const el = await review(html`<oneway-review .config=${config} .answers=${answers}></oneway-review>`);
    const help = part(el.shadowRoot!, 'shortcuts')!;
    expect(help.textContent).to.contain('Space').and.to.contain('5 seconds').and.to.contain('N and P');
    expect(findButton(el, 'Next answer')!.getAttribute('aria-describedby')).to.equal(help.id);
    const video = part<HTMLVideoElement>(item(el, 0), 'player')!;
    await waitFor(() => video.readyState >= 1 && Number.isFinite(video.duration), 'no metadata', 10_000);

    // Into the element: the first control that takes the focus is "Next answer" ("Previous answer" is disabled).
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(findButton(el, 'Next answer'));
    await sendKeys({ press: 'n' });
    await waitFor(() => deepActiveElement()?.textContent === config.questions[1].text, 'N did not go to the next answer');
    await sendKeys({ press: 'p' });
    await waitFor(() => deepActiveElement()?.textContent === config.questions[0].text, 'P did not go back');
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => Math.abs(video.currentTime - 5) < 0.5 || video.currentTime >= video.duration - 0.5, '→ did not skip ahead');
    await sendKeys({ press: 'ArrowLeft' });
    await waitFor(() => video.currentTime < 0.5, '← did not skip back');
    await sendKeys({ press: ' ' });
    await waitFor(() => !video.paused, 'Space did not play');
    await sendKeys({ press: ' ' });
    await waitFor(() => video.paused, 'Space did not pause');
  });

  it('reports every rating and notes change with oneway-review-change, and shows saved ones', async () => {
    const saved = { 'video-0': { rating: 2, notes: 'Saved before.' } };
    const el = await review(html`<oneway-review .config=${config} .answers=${answers} .review=${saved}></oneway-review>`);
    const first = item(el, 0);
    expect(part<HTMLTextAreaElement>(first, 'notes')!.value).to.equal('Saved before.');
    expect(first.querySelector<HTMLInputElement>('input[value="2"]')!.checked).to.equal(true);

    const rated = nextEvent(el, 'oneway-review-change');
    first.querySelector<HTMLInputElement>('input[value="4"]')!.click();
    expect((await rated).detail).to.deep.equal({ questionId: 'video-0', attempt: 1, rating: 4, notes: 'Saved before.' });

    const changes: ReviewChangeEvent[] = [];
    el.addEventListener('oneway-review-change', (event) => changes.push(event));
    const notes = part<HTMLTextAreaElement>(first, 'notes')!;
    notes.focus();
    await sendKeys({ type: ' Clear.' });
    expect(changes, 'not per keystroke').to.have.length(0);
    notes.blur();
    await waitFor(() => changes.length === 1, 'no change on blur');
    expect(changes[0].detail).to.deep.equal({ questionId: 'video-0', attempt: 1, rating: 4, notes: 'Saved before. Clear.' });
    expect(changes[0].composed && changes[0].bubbles).to.equal(true);
  });

  it('with verify, marks each file Verified, and one changed on the server as not matching, with oneway-error', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const tampered = await record(stream, videos[0].mimeType, 1500);
    stream.getTracks().forEach((track) => track.stop());
    await tamperUpload(tampered.uploadUrl);
    const manifest = answers.map((answer, index) => (index === 0 ? submitted('video-0', 'video', tampered) : answer));
    const errors: string[] = [];
    const el = await fixture<OnewayReview>(
      html`<oneway-review verify .config=${config} .answers=${manifest} @oneway-error=${(event: CustomEvent) => errors.push(event.detail.code)}></oneway-review>`,
    );
    const marks = () => parts(el.shadowRoot!, 'verification').map((mark) => mark.textContent);
    await waitFor(() => !marks().includes('Checking the file…') && marks().length === manifest.length, 'the files were not all checked', 15_000);
    expect(marks()).to.deep.equal(['Does not match the uploaded file', ...manifest.slice(1).map(() => 'Verified')]);
    expect(part(item(el, 0), 'verification')!.part.contains('mismatch')).to.equal(true);
    expect(errors).to.deep.equal(['answer-mismatch']);
  });

  it('plays from the URL resolveMedia hands it', async () => {
    const resolveMedia = async (answer: SubmittedAnswer) => `${answer.uploadUrl}?signature=${answer.questionId}`;
    const el = await review(html`<oneway-review .config=${config} .answers=${answers} .resolveMedia=${resolveMedia}></oneway-review>`);
    const video = part<HTMLVideoElement>(item(el, 0), 'player')!;
    await waitFor(() => video.src.endsWith('?signature=video-0'), 'the resolved URL is not played');
    await waitFor(() => video.readyState >= 1, 'the resolved URL does not play');
  });

  it('reads { config, answers } from an inline script and from src', async () => {
    const json = JSON.stringify({ config, answers });
    const inline = await review(html`<oneway-review><script type="application/json">${json}</script></oneway-review>`);
    expect(parts(inline.shadowRoot!, 'question')).to.have.length(config.questions.length);
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const fromSrc = await review(html`<oneway-review src=${url}></oneway-review>`);
    expect(parts(fromSrc.shadowRoot!, 'question')).to.have.length(config.questions.length);
    URL.revokeObjectURL(url);
  });

  describe('bad input: oneway-error with every problem and its JSON path, and the problems on screen', () => {
    async function problems(template: ReturnType<typeof html>) {
      const error = new Promise<CustomEvent>((resolve) => document.addEventListener('oneway-error', (event) => resolve(event as CustomEvent), { once: true }));
      const el = await review(template);
      const shown = part(el.shadowRoot!, 'problems')!;
      expect(shown.getAttribute('role')).to.equal('alert');
      return { detail: (await error).detail, shown: shown.textContent!.replace(/\s+/g, ' ') };
    }

    it('a bad config: config-invalid', async () => {
      const bad = { ...config, questions: [{ id: 'q1', text: '' }] };
      const { detail, shown } = await problems(html`<oneway-review .config=${bad} .answers=${[]}></oneway-review>`);
      expect(detail.code).to.equal('config-invalid');
      expect(detail.message).to.contain('$.config.questions[0].text: empty');
      expect(shown).to.contain('The answers cannot be shown').and.to.contain('$.config.questions[0].text');
    });

    it('a bad manifest: manifest-invalid', async () => {
      const bad = [{ ...answers[0], questionId: 'nope', sha256: 'abc' }, { ...answers[1], atempt: 2 }, 'text'];
      const { detail, shown } = await problems(html`<oneway-review .config=${config} .answers=${bad}></oneway-review>`);
      expect(detail.code).to.equal('manifest-invalid');
      for (const path of ['$.answers[0].questionId', '$.answers[0].sha256', '$.answers[1].atempt', '$.answers[2]']) {
        expect(detail.message).to.contain(`${path}: `);
        expect(shown).to.contain(path);
      }
      expect(detail.message).to.contain('did you mean "attempt"?');
    });

    it('src that is not there', async () => {
      const { detail, shown } = await problems(html`<oneway-review src="/no-such-review.json"></oneway-review>`);
      expect(detail.code).to.equal('manifest-invalid');
      expect(shown).to.contain('src "/no-such-review.json" answered 404');
    });
  });

  it('speaks the page language, right to left in Arabic', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar"><oneway-review .config=${config} .answers=${answers}></oneway-review></div>`);
    const el = wrapper.querySelector('oneway-review')!;
    await waitFor(() => findButton(el, 'الإجابة التالية'), 'not in Arabic');
    expect(part(el.shadowRoot!, 'root')!.getAttribute('dir')).to.equal('rtl');
  });

  it('passes axe, with players, a text answer, a missing answer and the verification marks', async () => {
    const el = await review(html`<oneway-review verify .config=${config} .answers=${answers}></oneway-review>`);
    await waitFor(() => parts(el.shadowRoot!, 'verified').length === answers.length, 'not verified', 15_000);
    await expect(el).to.be.accessible();
  });
});
