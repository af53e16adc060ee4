import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { OnewayRecorder } from '../../../src/elements/recorder/recorder.js';
import type { AnswerUploadedEvent } from '../../../src/events/answer-uploaded.js';
import type { OnewayErrorEvent } from '../../../src/events/error.js';
import type { AuthorizeRequest } from '../../../src/core/streaming-upload.js';
import { clearFaults, injectFault, restartTus, setOffline, setTusDown, tusRequests } from '../../support/commands.js';
import { expectDelivered, expectWholeSlicesFromStart } from '../../support/answers.js';
import { spyOnMediaRecorder, type RecorderSpy } from '../../support/media-recorder-spy.js';
import { serverBytes, sha256Hex } from '../../support/tus.js';
import { nextEvent, sleep, waitFor } from '../../support/wait.js';

type OnewayRecorderAnswer = AnswerUploadedEvent['detail'];

let slot = 0;
/** A recorder in a slot of its own, ready to record. */
async function readyRecorder(recordingId = `durability-${Date.now()}-${slot++}`) {
  const el = await fixture<OnewayRecorder>(html`<oneway-recorder endpoint="/files" recording-id=${recordingId}></oneway-recorder>`);
  await waitUntil(() => el.recordingMimeType, 'the recorder never became ready', { timeout: 20_000 });
  return el;
}

/** A recorder for slot `id` (and `metadata`), put on the page as after a reload, with every answer it delivers. */
function putBack(parent: Element, id: string, metadata: Record<string, string> = {}) {
  const recorder = document.createElement('oneway-recorder');
  recorder.endpoint = '/files';
  recorder.recordingId = id;
  recorder.metadata = metadata;
  const uploaded: OnewayRecorderAnswer[] = [];
  recorder.addEventListener('oneway-answer-uploaded', (event) => uploaded.push(event.detail));
  parent.append(recorder);
  return { recorder, uploaded };
}

/** A recorder for slot `id` put back on the page, as after a reload, and the answer it delivers. */
async function comeBack(parent: Element, id: string, metadata?: Record<string, string>) {
  const { recorder: second, uploaded } = putBack(parent, id, metadata);
  await waitFor(() => uploaded.length > 0, 'the recorder put back did not deliver', 30_000);
  return { second, answer: uploaded[0] };
}

describe('<oneway-recorder> durability', () => {
  let spy: RecorderSpy;
  beforeEach(() => (spy = spyOnMediaRecorder()));
  afterEach(async () => {
    spy.restore();
    await setOffline(false);
    await setTusDown(false);
    await clearFaults();
  });

  it('finishes a recording interrupted by the element going away, as an interrupted answer', async () => {
    const id = `recreate-${Date.now()}`;
    const first = await readyRecorder(id);
    first.start();
    await sleep(2500);
    const parent = first.parentElement!;
    first.remove();

    const { second, answer } = await comeBack(parent, id);
    expect(answer.interrupted).to.equal(true);
    expect(answer.durationMs).to.be.within(1500, 4000);
    await expectDelivered(spy, answer);
    await second.updateComplete;
    expect(second.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain('interrupted answer was saved');
    second.remove();
  });

  it('finishes an upload left unfinished after stop when the page comes back', async () => {
    const id = `after-stop-${Date.now()}`;
    const first = await readyRecorder(id);
    first.start();
    await sleep(1500);
    await setTusDown(true);
    await first.stop();
    const parent = first.parentElement!;
    first.remove();
    await setTusDown(false);

    const { second, answer } = await comeBack(parent, id);
    expect(answer.interrupted).to.equal(false);
    await expectDelivered(spy, answer);
    second.remove();
  });

  it('resumes the same upload after a reload whose resume HEAD meets 503s, instead of losing the answer', async () => {
    const id = `head-503-${Date.now()}`;
    const since = Date.now();
    const first = await readyRecorder(id);
    first.start();
    await sleep(2000);
    await setTusDown(true);
    await first.stop();
    const parent = first.parentElement!;
    first.remove();
    await setTusDown(false);
    // A load balancer during a deploy answers the reloaded page's first HEADs.
    await injectFault({ kind: 'status', status: 503, method: 'HEAD', count: 3 });

    const { second, answer } = await comeBack(parent, id);
    await expectDelivered(spy, answer);
    expect((await tusRequests(since)).filter((request) => request.method === 'POST'), 'uploads created').to.have.length(1);
    expect(await clearFaults(), 'every 503 was met').to.deep.equal([]);
    second.remove();
  });

  it('keeps recording offline and catches up when the network returns', async () => {
    const el = await readyRecorder();
    const states: string[] = [];
    el.addEventListener('oneway-upload-progress', (event) => states.push(event.detail.state));
    const uploaded = nextEvent(el, 'oneway-answer-uploaded', 60_000);
    el.start();
    await sleep(1500);
    await setOffline(true);
    await sleep(4000);
    await waitFor(() => states.includes('waiting-for-connection'), 'never said it was waiting for the connection');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain('Waiting for the connection');
    await setOffline(false);
    await sleep(1500);
    await el.stop();
    await expectDelivered(spy, (await uploaded).detail);
  });

  it('survives the tus server going down and restarting mid-recording', async () => {
    const el = await readyRecorder();
    const uploaded = nextEvent(el, 'oneway-answer-uploaded', 60_000);
    el.start();
    await sleep(1500);
    await setTusDown(true);
    await sleep(3000);
    await restartTus();
    await setTusDown(false);
    await sleep(1000);
    await el.stop();
    await expectDelivered(spy, (await uploaded).detail);
  });

  it('asks authorize again after a 401 and delivers with the fresh token', async () => {
    const el = await readyRecorder();
    const calls: AuthorizeRequest[] = [];
    let token = 'expired';
    el.authorize = (request) => {
      calls.push(request);
      if (request.refresh) token = 'fresh';
      return { Authorization: `Bearer ${token}` };
    };
    const uploaded = nextEvent(el, 'oneway-answer-uploaded');
    el.start();
    await sleep(2000);
    await el.stop();
    await expectDelivered(spy, (await uploaded).detail);
    expect(calls.filter((call) => call.refresh)).to.have.length(1);
    expect(calls[0]).to.include({ method: 'POST', refresh: false });
  });

  it('reports a permanent 403 as a clear error, and sends again on "Try again" once the host renews the token', async () => {
    const el = await readyRecorder();
    el.authorize = () => ({ Authorization: 'Bearer forbidden' });
    const failed = nextEvent(el, 'oneway-error');
    el.start();
    const error = (await failed).detail;
    expect(error.code).to.equal('upload-unauthorized');
    expect(error.recoverable).to.equal(false);
    expect(error.message).to.contain('403').and.contain('/files');
    await el.stop();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('could not be sent');

    // The host renews the token; "Try again" sends the whole answer.
    el.authorize = () => ({ Authorization: 'Bearer renewed' });
    const uploaded = nextEvent(el, 'oneway-answer-uploaded');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await expectDelivered(spy, (await uploaded).detail);
  });

  it('still delivers when IndexedDB refuses to store (quota), and tells the candidate once', async () => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function refuse() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const el = await readyRecorder();
      const errors: OnewayErrorEvent[] = [];
      el.addEventListener('oneway-error', (event) => errors.push(event));
      const uploaded = nextEvent(el, 'oneway-answer-uploaded');
      el.start();
      await sleep(2500);
      await el.stop();
      const answer = (await uploaded).detail;
      await expectDelivered(spy, answer);
      expect(errors.map((event) => event.detail), 'about that take').to.deep.equal([
        { code: 'storage-unavailable', message: errors[0].detail.message, recoverable: true, takeId: answer.takeId },
      ]);
      expect(el.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.contain('keep this page open');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
  });

  it('removes its recordings from the device on clearStoredData(), so the slot finds nothing to send', async () => {
    const id = `clear-${Date.now()}`;
    const first = await readyRecorder(id);
    await setTusDown(true);
    first.start();
    await sleep(1500);
    await first.stop();
    await first.clearStoredData();
    const parent = first.parentElement!;
    first.remove();
    await setTusDown(false);

    const { recorder: second, uploaded } = putBack(parent, id);
    await waitUntil(() => second.recordingMimeType, 'the second recorder never became ready', { timeout: 20_000 });
    await sleep(1500);
    expect(uploaded, 'a cleared take was sent').to.deep.equal([]);
    second.remove();
  });

  it("never finishes one candidate's take in another candidate's recorder of the same slot", async () => {
    const id = `candidates-${Date.now()}`;
    const first = await fixture<OnewayRecorder>(html`<oneway-recorder endpoint="/files" recording-id=${id} .metadata=${{ candidate: 'cand-a' }}></oneway-recorder>`);
    await waitUntil(() => first.recordingMimeType, 'the recorder never became ready', { timeout: 20_000 });
    await setTusDown(true);
    first.start();
    await sleep(1500);
    await first.stop();
    const parent = first.parentElement!;
    first.remove();
    await setTusDown(false);

    const { recorder: forB, uploaded: sentForB } = putBack(parent, id, { candidate: 'cand-b' });
    await waitUntil(() => forB.recordingMimeType, "candidate B's recorder never became ready", { timeout: 20_000 });
    await sleep(1500);
    expect(sentForB, "candidate A's take sent from B's recorder").to.deep.equal([]);
    forB.remove();

    const { second: forA, answer } = await comeBack(parent, id, { candidate: 'cand-a' });
    await expectDelivered(spy, answer);
    forA.remove();
  });

  it('deletes a discarded take on the server', async () => {
    const el = await readyRecorder();
    let uploadUrl = '';
    el.addEventListener('oneway-upload-progress', (event) => (uploadUrl ||= event.detail.uploadUrl ?? ''));
    el.start();
    await waitFor(() => uploadUrl, 'the upload was never created');
    await el.stop();
    await el.discard();
    const head = await fetch(uploadUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
    expect([404, 410]).to.include(head.status);
  });

  it('lets only one recorder of a slot record at a time (two tabs)', async () => {
    const id = `two-tabs-${Date.now()}`;
    const first = await readyRecorder(id);
    const second = await fixture<OnewayRecorder>(html`<oneway-recorder endpoint="/files" recording-id=${id}></oneway-recorder>`);
    await waitFor(() => second.shadowRoot!.textContent!.includes('open in another tab'), 'the second recorder did not say so');
    expect(second.shadowRoot!.querySelector<HTMLButtonElement>('[part="record-button"]')!.disabled).to.equal(true);
    first.remove();
    await waitUntil(() => second.recordingMimeType, 'the second recorder did not take over', { timeout: 20_000 });
  });
});

describe('<oneway-recorder> across a real page reload', () => {
  it('delivers every slice that reached the journal before the reload, as an interrupted answer', async () => {
    type FrameWindow = Window & typeof globalThis & { answers: { uploadUrl: string; sha256: string; bytes: number; interrupted: boolean }[] };
    const iframe = document.createElement('iframe');
    iframe.src = '/test/fixtures/reload.html';
    const loaded = () => new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    const firstLoad = loaded();
    document.body.append(iframe);
    try {
      await firstLoad;
      const frame = () => iframe.contentWindow as FrameWindow;
      const recorder = () => frame().document.querySelector('oneway-recorder') as OnewayRecorder;
      await waitUntil(() => recorder()?.recordingMimeType, 'the recorder in the frame never became ready', { timeout: 20_000 });
      const spy = spyOnMediaRecorder(frame());
      recorder().start();
      // At least two slices read before the reload, however busy the machine: their order is checked below.
      await waitUntil(() => (spy.recordings[0]?.filter(Boolean).length ?? 0) >= 2, 'fewer than two slices before the reload', {
        timeout: 15_000,
      });
      await sleep(500);
      const reloaded = loaded();
      frame().location.reload();
      await reloaded;

      await waitUntil(() => frame().answers?.length > 0, 'the reloaded page did not deliver the answer', { timeout: 30_000 });
      const [answer] = frame().answers;
      expect(answer.interrupted).to.equal(true);
      const onServer = await serverBytes(answer.uploadUrl);
      expect(answer.sha256).to.equal(await sha256Hex(onServer));
      // The server holds whole slices, in order, from the start: at least all but the one that
      // was being written when the page went away.
      // Slices the old page could not read before it went away were not journaled either.
      const slices = spy.recordings[0].filter(Boolean);
      expect(slices.length).to.be.greaterThan(1);
      const whole = await expectWholeSlicesFromStart(slices, onServer);
      expect(whole).to.be.at.least(slices.length - 1);
    } finally {
      iframe.remove();
    }
  });
});

describe('<oneway-recorder> keeping the page and the device alive', () => {
  it('records and delivers all the same in a browser without Wake Lock and Web Locks', async () => {
    // Own properties shadow the prototype's getters, as in a browser that has neither.
    Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: undefined });
    Object.defineProperty(navigator, 'locks', { configurable: true, value: undefined });
    const spy = spyOnMediaRecorder();
    try {
      const el = await readyRecorder();
      const uploaded = nextEvent(el, 'oneway-answer-uploaded');
      el.start();
      await sleep(1500);
      await el.stop();
      const answer = (await uploaded).detail;
      expect(answer.interrupted).to.equal(false);
      await expectDelivered(spy, answer);
    } finally {
      spy.restore();
      delete (navigator as { wakeLock?: unknown }).wakeLock;
      delete (navigator as { locks?: unknown }).locks;
    }
  });

  it('asks before the page is left while bytes are not on the server, and not after', async () => {
    const el = await readyRecorder();
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave(), 'nothing recorded yet').to.equal(false);
    const uploaded = nextEvent(el, 'oneway-answer-uploaded');
    el.start();
    await sleep(1200);
    expect(leave(), 'while recording').to.equal(true);
    await el.stop();
    await uploaded;
    expect(leave(), 'once the answer is on the server').to.equal(false);
  });

  it('holds a screen wake lock while recording and releases it at stop', async () => {
    const requests: string[] = [];
    let released = 0;
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'wakeLock');
    Object.defineProperty(navigator, 'wakeLock', {
      configurable: true,
      value: {
        request: async (type: string) => {
          requests.push(type);
          return { release: async () => void released++ };
        },
      },
    });
    try {
      const el = await readyRecorder();
      el.start();
      await sleep(300);
      expect(requests).to.deep.equal(['screen']);
      await el.stop();
      await waitFor(() => released === 1, 'the wake lock was not released');
    } finally {
      delete (navigator as { wakeLock?: unknown }).wakeLock;
      if (original) Object.defineProperty(Navigator.prototype, 'wakeLock', original);
    }
  });
});
