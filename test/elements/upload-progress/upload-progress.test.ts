import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { requestElement } from '../../../src/define.js';

// The upload progress is defined when first used: the tests use it at once.
await requestElement('oneway-upload-progress');
import type { UploadProgress } from '../../../src/core/take.js';
import type { OnewayRecorder } from '../../../src/elements/recorder/recorder.js';
import type { OnewayUploadProgress } from '../../../src/elements/upload-progress/upload-progress.js';
import { AnswerUploadedEvent, OnewayErrorEvent, UploadProgressEvent, type AnswerUploadedDetail } from '../../../src/events/index.js';
import { en } from '../../../src/i18n/en.js';
import { nextEvent, sleep, waitFor } from '../../support/wait.js';

let slot = 0;
const recordingId = () => `upload-progress-${Date.now()}-${slot++}`;

function part<T extends HTMLElement = HTMLElement>(el: OnewayUploadProgress, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part="${name}"]`);
}
const text = (el: OnewayUploadProgress, name: string) => part(el, name)?.textContent?.trim() ?? '';
const bar = (el: OnewayUploadProgress) => el.shadowRoot!.querySelector<HTMLElement>('[role="progressbar"]')!;
const liveRegion = (el: OnewayUploadProgress) => el.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
const alertRegion = (el: OnewayUploadProgress) => el.shadowRoot!.querySelector<HTMLElement>('[role="alert"]')!;

const progress = (overrides: Partial<UploadProgress> = {}): UploadProgress => ({
  bytesUploaded: 0,
  bytesRecorded: 0,
  recordingEnded: false,
  state: 'uploading',
  ...overrides,
});

/** An `oneway-answer-uploaded` event for take `takeId`, at `uploadUrl`. */
const uploadedEvent = (takeId: string, uploadUrl: string, bytes: number) =>
  new AnswerUploadedEvent({ takeId, uploadUrl, bytes, durationMs: 1000, mimeType: 'video/webm', sha256: '', interrupted: false } as AnswerUploadedDetail);

/** Dispatches an upload progress event on `target` and waits for `el` to show it. */
async function report(el: OnewayUploadProgress, target: EventTarget, detail: Partial<UploadProgress>) {
  target.dispatchEvent(new UploadProgressEvent(progress(detail)));
  await el.updateComplete;
}

/** A recorder and a progress element pointed at it, the recorder ready to record. */
async function recorderWithProgress() {
  const container = await fixture<HTMLElement>(html`
    <div>
      <oneway-recorder id="rec" endpoint="/files" recording-id=${recordingId()}></oneway-recorder>
      <oneway-upload-progress for="rec"></oneway-upload-progress>
    </div>
  `);
  const rec = container.querySelector('oneway-recorder')!;
  const el = container.querySelector('oneway-upload-progress')!;
  await waitUntil(() => rec.recordingMimeType, 'the recorder never became ready', { timeout: 20_000 });
  return { rec, el };
}

/** Records for about `ms` and waits until the server holds the whole answer. */
async function recordAnswer(rec: OnewayRecorder, ms = 2000) {
  const uploaded = nextEvent(rec, 'oneway-answer-uploaded');
  rec.start();
  await sleep(ms);
  await rec.stop();
  return (await uploaded).detail;
}

/** A progress element that follows a plain element (no recorder), for synthetic events. */
async function followingPlainTarget(attributes = '') {
  const container = await fixture<HTMLElement>(html`<div><div id="source"></div></div>`);
  container.insertAdjacentHTML('beforeend', `<oneway-upload-progress for="source" ${attributes}></oneway-upload-progress>`);
  const el = container.querySelector('oneway-upload-progress')!;
  await el.updateComplete;
  return { source: container.querySelector<HTMLElement & { retryUpload?: () => void }>('#source')!, el };
}

describe('<oneway-upload-progress>', () => {
  it('follows a real recording: bytes sent of recorded while it records, then done at 100 %', async () => {
    const { rec, el } = await recorderWithProgress();
    expect(part(el, 'bar'), 'nothing to show before the first answer').to.equal(null);
    const uploaded = nextEvent(rec, 'oneway-answer-uploaded');
    rec.start();

    await waitFor(() => (el.progress?.bytesRecorded ?? 0) > 0, 'no bytes shown while recording');
    await el.updateComplete;
    expect(text(el, 'label')).to.equal('Your answer');
    expect(text(el, 'amount')).to.match(/^[\d.]+ (bytes?|kB|MB) sent of [\d.]+ (bytes?|kB|MB) recorded$/);
    expect(text(el, 'status')).to.equal('Uploading');
    expect(el.state).to.equal('uploading');
    // The total is unknown while recording: no value, a text instead.
    expect(bar(el).hasAttribute('aria-valuenow')).to.equal(false);
    expect(bar(el).getAttribute('aria-valuetext')).to.equal(text(el, 'amount'));
    expect(bar(el).getAttribute('aria-labelledby')).to.equal('label');
    expect(liveRegion(el).textContent!.trim()).to.equal('Sending your answer.');
    await waitFor(() => part(el, 'speed'), 'no speed shown while recording');
    expect(text(el, 'speed')).to.match(/^[\d.]+ (bytes?|kB|MB)\/s$/);
    await expect(el).to.be.accessible();

    await sleep(500);
    await rec.stop();
    const answer = (await uploaded).detail;
    await waitUntil(() => el.state === 'done', 'the progress never reached done', { timeout: 10_000 });
    await el.updateComplete;
    expect(el.progress).to.include({ uploadUrl: answer.uploadUrl, bytesUploaded: answer.bytes, bytesRecorded: answer.bytes, recordingEnded: true });
    expect(text(el, 'status')).to.equal('Done');
    expect(text(el, 'amount')).to.match(/^100% sent \(/);
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('100');
    expect(bar(el).getAttribute('aria-valuemin')).to.equal('0');
    expect(bar(el).getAttribute('aria-valuemax')).to.equal('100');
    expect(bar(el).hasAttribute('aria-valuetext')).to.equal(false);
    expect(part(el, 'fill')!.style.inlineSize).to.equal('100%');
    expect(part(el, 'speed'), 'no speed once done').to.equal(null);
    expect(part(el, 'time-left')).to.equal(null);
    expect(part(el, 'overall'), 'no totals for a single answer').to.equal(null);
    expect(liveRegion(el).textContent!.trim()).to.equal('Your answer is saved.');
    expect(alertRegion(el).textContent!.trim()).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('adds up two real answers of one recorder, told apart by take id, and says when all are saved', async () => {
    const { rec, el } = await recorderWithProgress();
    const first = await recordAnswer(rec);
    await waitUntil(() => el.state === 'done', 'the first answer never showed as done', { timeout: 10_000 });

    const uploaded = nextEvent(rec, 'oneway-answer-uploaded');
    rec.start();
    await waitFor(() => el.answers.length === 2, 'the second answer was not seen as a new one');
    await el.updateComplete;
    expect(text(el, 'label')).to.equal('Answer 2 of 2');
    expect(text(el, 'overall')).to.match(/^All answers: .+ sent of .+ recorded$/);
    await sleep(1500);
    await rec.stop();
    const second = (await uploaded).detail;
    await waitUntil(() => el.answers.every((answer) => answer.state === 'done'), 'not every answer showed as done', { timeout: 10_000 });
    await el.updateComplete;

    expect(el.answers.map((answer) => [answer.takeId, answer.uploadUrl, answer.bytesUploaded])).to.deep.equal([
      [first.takeId, first.uploadUrl, first.bytes],
      [second.takeId, second.uploadUrl, second.bytes],
    ]);
    expect(first.takeId).to.not.equal(second.takeId);
    expect(text(el, 'overall')).to.equal('All answers are saved.');
    expect(liveRegion(el).textContent!.trim()).to.equal('All answers are saved.');
  });

  it('puts the state in words: uploading, waiting for connection, retrying, failed', async () => {
    const { source, el } = await followingPlainTarget();
    await report(el, source, { bytesUploaded: 1_000_000, bytesRecorded: 2_400_000, uploadUrl: '/files/x' });
    expect(text(el, 'status')).to.equal('Uploading');
    expect(text(el, 'amount')).to.equal('1 MB sent of 2.4 MB recorded');
    await expect(el).to.be.accessible();

    await report(el, source, { bytesUploaded: 1_000_000, bytesRecorded: 2_600_000, uploadUrl: '/files/x', state: 'waiting-for-connection' });
    expect(text(el, 'status')).to.equal('Waiting for connection');
    expect(liveRegion(el).textContent!.trim()).to.equal(en.waitingForConnection);

    await report(el, source, { bytesUploaded: 1_000_000, bytesRecorded: 2_600_000, recordingEnded: true, uploadUrl: '/files/x', state: 'retrying' });
    expect(text(el, 'status')).to.equal('Retrying');
    expect(text(el, 'amount')).to.equal('38% sent (1 MB of 2.6 MB)');
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('38');
    expect(liveRegion(el).textContent!.trim()).to.equal(en.retrying);

    // The error that comes with a failure says nothing to the progress: the failed state does.
    source.dispatchEvent(new OnewayErrorEvent({ code: 'upload-rejected', message: 'HTTP 413', recoverable: false }));
    await el.updateComplete;
    expect(el.state).to.equal('retrying');
    await report(el, source, { bytesUploaded: 1_000_000, bytesRecorded: 2_600_000, recordingEnded: true, uploadUrl: '/files/x', state: 'failed' });
    expect(el.state).to.equal('failed');
    expect(text(el, 'status')).to.equal('Failed');
    expect(alertRegion(el).textContent!.trim()).to.equal(en['uploadProgress.failed']);
    expect(liveRegion(el).textContent!.trim(), 'a failure is not also announced politely').to.equal('');
    expect(part(el, 'retry-button'), 'nothing to call retryUpload on').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('takes no answer or state from errors, only from upload events', async () => {
    const { source, el } = await followingPlainTarget();
    source.dispatchEvent(new OnewayErrorEvent({ code: 'insecure-context', message: 'http', recoverable: false }));
    await el.updateComplete;
    expect(el.answers).to.have.length(0);
    await report(el, source, { takeId: 't', bytesUploaded: 10, bytesRecorded: 20 });
    source.dispatchEvent(new OnewayErrorEvent({ code: 'upload-unauthorized', message: '403', recoverable: false, takeId: 't' }));
    await el.updateComplete;
    expect(el.state).to.equal('uploading');
  });

  it('shows the time left once the total is known, from the speed of the last seconds', async () => {
    const { source, el } = await followingPlainTarget();
    await report(el, source, { bytesUploaded: 0, bytesRecorded: 5_000_000, recordingEnded: true, uploadUrl: '/files/t' });
    expect(part(el, 'time-left'), 'no speed yet').to.equal(null);
    await sleep(1100);
    await report(el, source, { bytesUploaded: 500_000, bytesRecorded: 5_000_000, recordingEnded: true, uploadUrl: '/files/t' });
    expect(text(el, 'speed')).to.match(/^[\d.]+ kB\/s$/);
    expect(text(el, 'time-left')).to.match(/^About \d+ sec left$/);
  });

  it('offers Retry after a failure, which calls retryUpload() on the element that reported it', async () => {
    const { source, el } = await followingPlainTarget();
    let retries = 0;
    source.retryUpload = () => retries++;
    await report(el, source, { bytesUploaded: 100, bytesRecorded: 300, recordingEnded: true, uploadUrl: '/files/r', state: 'failed' });
    const button = part<HTMLButtonElement>(el, 'retry-button')!;
    expect(button.textContent!.trim()).to.equal('Retry');
    await expect(el).to.be.accessible();
    button.click();
    expect(retries).to.equal(1);

    // The recorder then reports the upload running again: the button goes away.
    await report(el, source, { bytesUploaded: 100, bytesRecorded: 300, recordingEnded: true, uploadUrl: '/files/r', state: 'uploading' });
    expect(part(el, 'retry-button')).to.equal(null);
    expect(alertRegion(el).textContent!.trim()).to.equal('');
  });

  it('calls retryUpload() on a real recorder', async () => {
    const { rec, el } = await recorderWithProgress();
    let retries = 0;
    rec.retryUpload = () => retries++;
    rec.dispatchEvent(new UploadProgressEvent(progress({ takeId: 'fake', bytesRecorded: 10, uploadUrl: '/files/fake', state: 'failed' })));
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    expect(retries).to.equal(1);
  });

  it('without `for`, follows the events that bubble to its parent from siblings and their descendants', async () => {
    const container = await fixture<HTMLElement>(html`
      <section>
        <div><span id="deep"></span></div>
        <oneway-upload-progress></oneway-upload-progress>
      </section>
    `);
    const el = container.querySelector('oneway-upload-progress')!;
    await el.updateComplete;
    await report(el, container.querySelector('#deep')!, { bytesUploaded: 2000, bytesRecorded: 4000 });
    expect(text(el, 'amount')).to.equal('2 kB sent of 4 kB recorded');

    // Events from outside the parent do not reach it.
    const outsider = document.createElement('div');
    document.body.append(outsider);
    try {
      await report(el, outsider, { bytesUploaded: 1, bytesRecorded: 1, uploadUrl: '/files/elsewhere' });
      expect(el.answers).to.have.length(1);
    } finally {
      outsider.remove();
    }
  });

  it('without `for`, as a direct child of a shadow root, follows its siblings in that shadow root', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div id="inner"></div><oneway-upload-progress></oneway-upload-progress>';
    const el = root.querySelector('oneway-upload-progress')!;
    await el.updateComplete;
    await report(el, root.querySelector('#inner')!, { bytesUploaded: 5, bytesRecorded: 10, uploadUrl: '/files/s' });
    expect(el.progress?.uploadUrl).to.equal('/files/s');
  });

  it('without `for`, inside a shadow root, also follows the events of its host, and handles each event once', async () => {
    // Like a component that stops its recorder's events and dispatches them again on itself.
    const host = await fixture<HTMLElement & { retryUpload?: () => void }>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div><p id="sibling"></p><oneway-upload-progress></oneway-upload-progress></div>';
    const el = root.querySelector('oneway-upload-progress')!;
    await el.updateComplete;
    const tracker = (el as unknown as { tracker: { progress: (...args: unknown[]) => unknown } }).tracker;
    const original = tracker.progress;
    let handled = 0;
    tracker.progress = (...args) => (handled++, original.apply(tracker, args));

    await report(el, host, { bytesUploaded: 1000, bytesRecorded: 3000, uploadUrl: '/files/host' });
    expect(handled).to.equal(1);
    expect(el.progress?.uploadUrl).to.equal('/files/host');

    // A sibling's composed event passes the parent and then the host: one report, not two.
    await report(el, root.querySelector('#sibling')!, { bytesUploaded: 1, bytesRecorded: 2, uploadUrl: '/files/sibling' });
    expect(handled).to.equal(2);
    expect(el.answers.map((answer) => answer.uploadUrl)).to.deep.equal(['/files/host', '/files/sibling']);

    // The host can send a failed answer again.
    let retries = 0;
    host.retryUpload = () => retries++;
    await report(el, host, { bytesUploaded: 1000, bytesRecorded: 3000, uploadUrl: '/files/host', state: 'failed' });
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    expect(retries).to.equal(1);
  });

  it('finds `for` in its own shadow root, re-binds when `for` changes, and stops listening when removed', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div id="a"></div><div id="b"></div><oneway-upload-progress for="a"></oneway-upload-progress>';
    const el = root.querySelector('oneway-upload-progress')!;
    const [a, b] = [root.querySelector('#a')!, root.querySelector('#b')!];
    await el.updateComplete;
    await report(el, a, { bytesRecorded: 1, uploadUrl: '/files/a' });
    await report(el, b, { bytesRecorded: 1, uploadUrl: '/files/b' });
    expect(el.answers.map((answer) => answer.uploadUrl)).to.deep.equal(['/files/a']);

    el.for = 'b';
    await el.updateComplete;
    await report(el, a, { bytesRecorded: 2, uploadUrl: '/files/a2' });
    await report(el, b, { bytesRecorded: 2, uploadUrl: '/files/b' });
    expect(el.answers.map((answer) => answer.uploadUrl)).to.deep.equal(['/files/a', '/files/b']);

    el.remove();
    await report(el, b, { bytesRecorded: 3, uploadUrl: '/files/b3' });
    expect(el.answers).to.have.length(2);
  });

  it('finds a `for` element that comes after it in the markup', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const el = document.createElement('oneway-upload-progress');
    el.setAttribute('for', 'later');
    container.append(el);
    const later = document.createElement('div');
    later.id = 'later';
    container.append(later);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await report(el, later, { bytesRecorded: 7, uploadUrl: '/files/later' });
    expect(el.progress?.bytesRecorded).to.equal(7);
  });

  it('adds up several answers: "Answer N of M", totals, and all saved once every one is done', async () => {
    const { source, el } = await followingPlainTarget('answer-count="3"');
    await report(el, source, { takeId: '1', bytesUploaded: 1_000_000, bytesRecorded: 1_000_000, recordingEnded: true, uploadUrl: '/files/1' });
    source.dispatchEvent(uploadedEvent('1', '/files/1', 1_000_000));
    await report(el, source, { takeId: '2', bytesUploaded: 500_000, bytesRecorded: 2_000_000 });
    expect(text(el, 'label')).to.equal('Answer 2 of 3');
    expect(text(el, 'overall')).to.equal('All answers: 1.5 MB sent of 3 MB recorded');

    await report(el, source, { takeId: '2', bytesUploaded: 2_000_000, bytesRecorded: 2_000_000, recordingEnded: true, uploadUrl: '/files/2', state: 'done' });
    expect(text(el, 'overall'), 'two of three is not all').to.equal('All answers: 3 MB sent of 3 MB recorded');
    expect(liveRegion(el).textContent!.trim()).to.equal('Your answer is saved.');

    el.answerCount = 2;
    await el.updateComplete;
    expect(text(el, 'label')).to.equal('Answer 2 of 2');
    expect(text(el, 'overall')).to.equal('All answers are saved.');
    await expect(el).to.be.accessible();

    el.reset();
    await el.updateComplete;
    expect(el.answers).to.deep.equal([]);
    expect(part(el, 'bar')).to.equal(null);
  });

  it('announces state changes only, never progress', async () => {
    const { source, el } = await followingPlainTarget();
    const spoken: string[] = [];
    const listen = () => {
      const now = liveRegion(el).textContent!.trim();
      if (now !== (spoken[spoken.length - 1] ?? '')) spoken.push(now);
    };
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));

    await report(el, source, { bytesRecorded: 100 });
    listen();
    observer.observe(liveRegion(el), { subtree: true, childList: true, characterData: true });
    for (let i = 1; i <= 20; i++) {
      await report(el, source, { bytesUploaded: i * 100, bytesRecorded: (i + 1) * 100, uploadUrl: '/files/talk' });
      listen();
    }
    expect(mutations, 'the live region stayed as it was while only bytes changed').to.have.length(0);
    await report(el, source, { bytesUploaded: 2000, bytesRecorded: 2100, uploadUrl: '/files/talk', state: 'waiting-for-connection' });
    listen();
    await report(el, source, { bytesUploaded: 2000, bytesRecorded: 2200, uploadUrl: '/files/talk', state: 'waiting-for-connection' });
    listen();
    await report(el, source, { bytesUploaded: 2100, bytesRecorded: 2200, uploadUrl: '/files/talk' });
    listen();
    await report(el, source, { bytesUploaded: 2200, bytesRecorded: 2200, recordingEnded: true, uploadUrl: '/files/talk' });
    listen();
    source.dispatchEvent(uploadedEvent('/files/talk', '/files/talk', 2200));
    await el.updateComplete;
    listen();
    observer.disconnect();

    expect(spoken).to.deep.equal(['Sending your answer.', en.waitingForConnection, 'Sending your answer.', 'Your answer is saved.']);
  });

  it('can be fed by properties, for hosts that track uploads themselves', async () => {
    const el = await fixture<OnewayUploadProgress>(html`<oneway-upload-progress></oneway-upload-progress>`);
    el.progress = progress({ bytesUploaded: 300_000, bytesRecorded: 600_000, recordingEnded: true, uploadUrl: '/files/p' });
    await el.updateComplete;
    expect(text(el, 'amount')).to.equal('50% sent (300 kB of 600 kB)');
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('50');

    el.state = 'retrying';
    await el.updateComplete;
    expect(text(el, 'status')).to.equal('Retrying');
    expect(el.progress?.state).to.equal('retrying');

    el.state = 'failed';
    await el.updateComplete;
    expect(alertRegion(el).textContent!.trim()).to.equal(en['uploadProgress.failed']);
    expect(part(el, 'retry-button'), 'no element to retry').to.equal(null);

    el.state = 'done';
    await el.updateComplete;
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('100');
    expect(text(el, 'status')).to.equal('Done');
  });
});
