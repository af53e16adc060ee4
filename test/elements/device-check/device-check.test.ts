import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { requestElement } from '../../../src/define.js';

// The device check is defined when first used: the tests use it at once.
await requestElement('oneway-device-check');
import { DEVICE_PREFERENCES_KEY, loadDevicePreferences } from '../../../src/core/device-preferences.js';
import { connectionAdvice, fitRecording } from '../../../src/core/link-policy.js';
import type { OnewayDeviceCheck } from '../../../src/elements/device-check/device-check.js';
import type { OnewayErrorEvent } from '../../../src/events/error.js';
import { en } from '../../../src/i18n/en.js';
import { stubGetUserMedia } from '../../support/media-devices.js';
import { nextEvent, sleep, waitFor } from '../../support/wait.js';

const template = html`<oneway-device-check endpoint="/files"></oneway-device-check>`;

async function readyCheck(t = template): Promise<OnewayDeviceCheck> {
  const el = await fixture<OnewayDeviceCheck>(t);
  await waitUntil(() => el.status === 'ready', 'the device check never became ready', { timeout: 20_000 });
  await el.updateComplete;
  return el;
}

function part<T extends Element = HTMLElement>(el: OnewayDeviceCheck, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part="${name}"]`);
}

function continueButton(el: OnewayDeviceCheck): HTMLButtonElement {
  return part<HTMLButtonElement>(el, 'continue-button')!;
}

function previewStream(el: OnewayDeviceCheck): MediaStream {
  return part<HTMLVideoElement>(el, 'preview')!.srcObject as MediaStream;
}

/** Collects every `oneway-error` that reaches the document until `stop()`. */
function collectErrors() {
  const errors: OnewayErrorEvent[] = [];
  const listener = (event: OnewayErrorEvent) => errors.push(event);
  document.addEventListener('oneway-error', listener);
  return { errors, stop: () => document.removeEventListener('oneway-error', listener) };
}

/** Shadows a read-only property of `target` (navigator.userAgent, window.isSecureContext …) for the duration of a test. */
function shadow<T extends object>(target: T, key: string, value: unknown): () => void {
  Object.defineProperty(target, key, { value, configurable: true });
  return () => delete (target as Record<string, unknown>)[key];
}

/** A device check whose camera fails: the first oneway-error, the element and its guidance. */
async function failedCheck(setUp: () => () => void, t = template) {
  const collected = collectErrors();
  const restore = setUp();
  try {
    const el = await fixture<OnewayDeviceCheck>(t);
    await waitUntil(() => collected.errors.length > 0, 'no oneway-error', { timeout: 20_000 });
    await el.updateComplete;
    return { el, error: collected.errors[0].detail, guidance: part(el, 'error')?.textContent ?? '' };
  } finally {
    restore();
    collected.stop();
  }
}

/** Keeps the intervals set until `restore()`; `running()` lists the ones not cleared. */
function watchIntervals() {
  const { setInterval: set, clearInterval: clear } = window;
  const running = new Set<unknown>();
  window.setInterval = ((...args: Parameters<typeof set>) => {
    const handle = set(...args);
    running.add(handle);
    return handle;
  }) as typeof set;
  window.clearInterval = ((handle?: number) => {
    running.delete(handle);
    clear(handle);
  }) as typeof clear;
  return {
    running: () => [...running],
    restore() {
      window.setInterval = set;
      window.clearInterval = clear;
    },
  };
}

interface XhrRecord {
  method: string;
  url: string;
  bodyBytes?: number;
  status?: number;
}

/**
 * Records the XMLHttpRequests tus-js-client makes; `delayPatchMs` holds each PATCH back, as a slow
 * link would (`heldBack`: one promise per PATCH, settled when it was let go).
 */
function spyOnXhr(delayPatchMs = 0) {
  const requests: XhrRecord[] = [];
  const heldBack: Promise<void>[] = [];
  const { open, send } = XMLHttpRequest.prototype;
  const records = new WeakMap<XMLHttpRequest, XhrRecord>();
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    const record: XhrRecord = { method: String(args[0]), url: new URL(String(args[1]), location.href).href };
    requests.push(record);
    records.set(this, record);
    // On load: tus-js-client aborts its finished request when it terminates the upload, which resets the status.
    this.addEventListener('load', () => (record.status = this.status));
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as typeof open;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const record = records.get(this);
    if (record && body instanceof Blob) record.bodyBytes = body.size;
    if (record?.method === 'PATCH' && delayPatchMs > 0) {
      // An upload cancelled meanwhile has aborted this request: sending it then throws, and is nothing to send.
      const letGo = () => (this.readyState === XMLHttpRequest.OPENED ? send.call(this, body) : undefined);
      heldBack.push(new Promise((resolve) => setTimeout(() => resolve(letGo()), delayPatchMs)));
    } else send.call(this, body);
  };
  return {
    requests,
    heldBack,
    restore() {
      XMLHttpRequest.prototype.open = open;
      XMLHttpRequest.prototype.send = send;
    },
  };
}

describe('<oneway-device-check>', () => {
  beforeEach(() => localStorage.removeItem(DEVICE_PREFERENCES_KEY));
  after(() => localStorage.removeItem(DEVICE_PREFERENCES_KEY));

  it('becomes ready with the fake camera and microphone: mirrored preview, labelled pickers, Continue enabled, accessible', async () => {
    const el = await fixture<OnewayDeviceCheck>(template);
    expect(el.status).to.equal('checking');
    expect(continueButton(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();

    await waitUntil(() => el.status === 'ready', 'never ready', { timeout: 20_000 });
    await el.updateComplete;
    const video = part<HTMLVideoElement>(el, 'preview')!;
    await waitFor(() => video.videoWidth > 0, 'the preview never played');
    expect(getComputedStyle(video).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');

    const camera = part<HTMLSelectElement>(el, 'camera-select')!;
    const microphone = part<HTMLSelectElement>(el, 'microphone-select')!;
    await waitFor(() => camera.options.length > 0 && microphone.options.length > 0, 'the pickers stayed empty');
    expect(camera.labels[0].textContent!.trim()).to.equal('Camera');
    expect(microphone.labels[0].textContent!.trim()).to.equal('Microphone');
    expect(camera.value).to.equal(el.videoDeviceId);
    expect(microphone.value).to.equal(el.audioDeviceId);

    const button = continueButton(el);
    expect(button.textContent!.trim()).to.equal('Continue');
    expect(button.disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('moves the level meter with the fake microphone tone and says it hears the candidate', async () => {
    const el = await readyCheck();
    const meter = part<HTMLMeterElement>(el, 'level-meter')!;
    expect(meter.labels[0].textContent!.trim()).to.equal('Microphone level');
    const seen: number[] = [];
    const until = performance.now() + 3000;
    while (performance.now() < until) {
      seen.push(meter.value);
      await sleep(40);
    }
    expect(Math.max(...seen), 'the meter never rose').to.be.greaterThan(0.3);
    // Chromium's fake microphone beeps, with silence between: the candidate is heard. Firefox's and
    // WebKit's play one steady tone, which is what loud background noise sounds like.
    const steadyTone = !/Chrom(e|ium)\//.test(navigator.userAgent);
    if (!steadyTone) expect(new Set(seen.map((value) => value.toFixed(2))).size, 'the meter did not move').to.be.greaterThan(3);
    const advice = steadyTone ? 'Background noise is high' : 'We can hear you';
    await waitUntil(() => part(el, 'microphone-advice')!.textContent!.includes(advice), `no "${advice}"`, { timeout: 8000 });
  });

  it('measures the brightness of the fake camera picture a few times a second', async () => {
    const el = await readyCheck();
    // WebKitGTK at times goes a second or more without painting a frame that can be read.
    await waitFor(() => el.brightness !== undefined, 'no brightness measured', 20_000);
    // Never 0: a frame the video had not painted yet (WebKit draws nothing at times) is not read.
    expect(el.brightness).to.be.within(5, 250);
    await el.updateComplete;
    expect(part(el, 'lighting-advice')!.textContent!.trim()).to.be.oneOf([
      'The light looks good.',
      'Your face may be too dark. Turn on a light in front of you or face a window.',
      'Your face may be too bright. Move out of direct sunlight or away from a strong light.',
    ]);
  });

  it('a well-lit camera whose first frames are black (as WebKit starts a stream): the first advice is "The light looks good."', async () => {
    // A mid-grey picture (a canvas), black for its first second, and the real microphone.
    const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 240 });
    let openedAt = Infinity;
    const paint = () => {
      const context = canvas.getContext('2d')!;
      context.fillStyle = performance.now() - openedAt < 1000 ? '#000000' : '#808080';
      context.fillRect(0, 0, canvas.width, canvas.height);
    };
    const painting = setInterval(paint, 50);
    const microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
    const restore = stubGetUserMedia(async () => {
      openedAt = performance.now();
      paint();
      return new MediaStream([...canvas.captureStream(20).getVideoTracks(), ...microphone.getAudioTracks()]);
    });
    const el = await fixture<OnewayDeviceCheck>(template);
    // Every text the lighting advice shows, from the first render on.
    const shown: string[] = [];
    const record = () => {
      const text = part(el, 'lighting-advice')?.textContent?.trim();
      if (text && text !== shown.at(-1)) shown.push(text);
    };
    const observer = new MutationObserver(record);
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    try {
      record();
      await waitFor(() => el.brightness !== undefined, 'no brightness measured', 20_000);
      await el.updateComplete;
      record();
      expect(el.brightness).to.be.closeTo(128, 10);
      expect(shown).to.deep.equal(['Checking the light…', 'The light looks good.']);
    } finally {
      observer.disconnect();
      restore();
      clearInterval(painting);
      microphone.getTracks().forEach((track) => track.stop());
    }
  });

  it('times a test upload to the real tus server, deletes it, and chooses a bitrate from the throughput', async () => {
    const xhr = spyOnXhr();
    try {
      const el = await readyCheck();
      await waitUntil(() => el.throughputBps !== undefined, 'the connection check never finished', { timeout: 20_000 });
      const created = xhr.requests.find((r) => r.method === 'POST');
      const body = xhr.requests.find((r) => r.method === 'PATCH');
      const deleted = xhr.requests.find((r) => r.method === 'DELETE');
      expect(created?.url).to.equal(new URL('/files', location.href).href);
      expect(created?.status).to.equal(201);
      expect(body?.url).to.match(new RegExp(`^${location.origin}/files/[\\w-]+$`));
      expect(body?.bodyBytes).to.equal(256 * 1024);
      expect(body?.status).to.equal(204);
      expect(deleted?.url).to.equal(body?.url);
      expect(deleted?.status).to.equal(204);
      const head = await fetch(body!.url, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
      expect(head.status).to.be.oneOf([404, 410]);

      expect(el.throughputBps).to.be.greaterThan(0);
      // The link policy's bitrate for what was measured (same origin: usually its top row, 2.5 Mbit/s,
      // but a loaded machine measures less, and that is not what this test is about).
      expect(el.videoBitsPerSecond).to.equal(fitRecording(el.throughputBps!).videoBitsPerSecond);
      await el.updateComplete;
      const words = { ok: 'good', slow: 'slow', 'too-slow-for-video': 'too slow for video' }[connectionAdvice(el.throughputBps!)];
      expect(part(el, 'connection')!.textContent).to.match(new RegExp(`Your connection is ${words} \\([\\d.,]+ [kM]bit/s\\)`));
    } finally {
      xhr.restore();
    }
  });

  it('"Continue" fires oneway-device-check-complete with the devices and bitrate, and lets the camera go', async () => {
    const el = await readyCheck();
    await waitUntil(() => el.throughputBps !== undefined, 'the connection check never finished', { timeout: 20_000 });
    const stream = previewStream(el);
    // Read while the tracks are live: Firefox's settings of an ended track have no deviceId.
    const [video, audio] = [stream.getVideoTracks()[0].getSettings(), stream.getAudioTracks()[0].getSettings()];
    const completed = nextEvent(el, 'oneway-device-check-complete');
    continueButton(el).click();
    const { detail } = await completed;
    expect(detail.videoDeviceId).to.be.a('string').and.equal(video.deviceId);
    expect(detail.audioDeviceId).to.be.a('string').and.equal(audio.deviceId);
    expect(detail.throughputBps).to.be.greaterThan(0);
    expect(detail.videoBitsPerSecond).to.equal(el.videoBitsPerSecond);
    expect(detail.audioOnly).to.equal(false);
    expect(stream.getTracks().map((track) => track.readyState)).to.deep.equal(['ended', 'ended']);
    expect(loadDevicePreferences()).to.deep.equal({ videoDeviceId: detail.videoDeviceId, audioDeviceId: detail.audioDeviceId });
    await el.updateComplete;
    expect(el.status).to.equal('complete');
    expect(part(el, 'done')!.textContent).to.contain('ready');
    await expect(el).to.be.accessible();
  });

  it('remembers the chosen microphone and camera across re-creation', async () => {
    const el = await readyCheck();
    const microphone = part<HTMLSelectElement>(el, 'microphone-select')!;
    await waitFor(() => microphone.options.length > 0, 'the pickers stayed empty');
    const ids = [...microphone.options].map((option) => option.value);
    expect(ids.length, 'the fake microphone list').to.be.greaterThan(1);
    const chosen = ids.find((id) => id !== el.audioDeviceId)!;
    const camera = el.videoDeviceId!;
    microphone.value = chosen;
    microphone.dispatchEvent(new Event('change'));
    await waitUntil(() => el.status === 'ready' && el.audioDeviceId === chosen, 'the chosen microphone was not applied', {
      timeout: 20_000,
    });
    expect(previewStream(el).getAudioTracks()[0].getSettings().deviceId).to.equal(chosen);
    expect(loadDevicePreferences().audioDeviceId).to.equal(chosen);
    expect(JSON.parse(localStorage.getItem(DEVICE_PREFERENCES_KEY)!)).to.have.keys(['audioDeviceId']);
    el.remove();

    const again = await readyCheck();
    expect(previewStream(again).getAudioTracks()[0].getSettings().deviceId).to.equal(chosen);
    expect(again.audioDeviceId).to.equal(chosen);
    expect(again.videoDeviceId).to.equal(camera);
    await waitFor(() => part<HTMLSelectElement>(again, 'microphone-select')!.value === chosen, 'the picker does not show the choice');
  });

  it('falls back to an available device when a remembered one is gone, in two getUserMedia calls', async () => {
    localStorage.setItem(DEVICE_PREFERENCES_KEY, JSON.stringify({ videoDeviceId: 'unplugged-camera', audioDeviceId: 'unplugged-mic' }));
    const calls: MediaStreamConstraints[] = [];
    const getUserMedia = MediaDevices.prototype.getUserMedia;
    const restore = stubGetUserMedia(function (this: MediaDevices, constraints?: MediaStreamConstraints) {
      calls.push(constraints ?? {});
      return getUserMedia.call(this, constraints);
    });
    try {
      const el = await readyCheck();
      expect(el.videoDeviceId).to.be.a('string').and.not.equal('unplugged-camera');
      expect(el.audioDeviceId).to.be.a('string').and.not.equal('unplugged-mic');
      expect(calls.length, 'getUserMedia calls').to.equal(2);
      expect(calls[0].video).to.deep.include({ deviceId: { exact: 'unplugged-camera' } });
      expect(calls[1].video).to.not.have.property('deviceId');
    } finally {
      restore();
    }
  });

  it('in the dark and with a silent microphone: "too dark" and "We can\'t hear you", as advice that does not block Continue', async () => {
    // A black picture (a canvas) and a microphone that hears nothing: the real one, disabled, which
    // sends silence. (A Web Audio stream instead stalls WebKitGTK's player, and WebKit lets Web Audio
    // run without a click only in a page that captures.)
    const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 240 });
    const paint = setInterval(() => {
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#050505';
      context.fillRect(0, 0, canvas.width, canvas.height);
    }, 50);
    const microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
    const silent = microphone.getAudioTracks()[0];
    silent.enabled = false;
    const restore = stubGetUserMedia(async () => new MediaStream([...canvas.captureStream(20).getVideoTracks(), silent]));
    try {
      const el = await readyCheck();
      await waitFor(() => part(el, 'lighting-advice')!.textContent!.includes('too dark'), 'no "too dark"');
      expect(el.brightness).to.be.below(20);
      await waitUntil(() => part(el, 'microphone-advice')!.textContent!.includes("We can't hear you"), 'no "We can\'t hear you"', {
        timeout: 8000,
      });
      expect(el.audioLevel).to.equal(0);
      expect(continueButton(el).disabled).to.equal(false);
      await expect(el).to.be.accessible();
    } finally {
      restore();
      clearInterval(paint);
      silent.stop();
    }
  });

  it('stops every track and timer when removed from the page', async () => {
    const timers = watchIntervals();
    try {
      const el = await readyCheck();
      const stream = previewStream(el);
      expect(timers.running().length, 'the level and light timers run').to.be.greaterThan(0);
      el.remove();
      expect(stream.getTracks().map((track) => track.readyState)).to.deep.equal(['ended', 'ended']);
      expect(timers.running(), 'intervals left running').to.deep.equal([]);
      expect(el.audioLevel).to.equal(0);
      expect(el.brightness).to.equal(undefined);
    } finally {
      timers.restore();
    }
  });

  it('is ready without storage advice in a browser without navigator.storage', async () => {
    const restore = shadow(navigator, 'storage', undefined);
    try {
      const el = await readyCheck(html`<oneway-device-check max-answer-seconds="120"></oneway-device-check>`);
      // The pickers are filled in the same step as the storage estimate: once they are, any storage advice would show.
      await waitFor(() => part<HTMLSelectElement>(el, 'camera-select')!.options.length > 0, 'the pickers stayed empty');
      await el.updateComplete;
      expect(part(el, 'storage-warning')).to.equal(null);
      expect(continueButton(el).disabled).to.equal(false);
    } finally {
      restore();
    }
  });

  it('warns when the device cannot hold the longest answer', async () => {
    const restore = shadow(navigator.storage, 'estimate', async () => ({ quota: 30_000_000, usage: 25_000_000 }));
    try {
      const el = await readyCheck(html`<oneway-device-check max-answer-seconds="120"></oneway-device-check>`);
      await waitFor(() => part(el, 'storage-warning'), 'no storage warning');
      expect(part(el, 'storage-warning')!.textContent).to.contain('low on storage');
      expect(part(el, 'storage-warning')!.textContent).to.contain('5 MB free');
      expect(continueButton(el).disabled, 'storage is advice, not a gate').to.equal(false);
    } finally {
      restore();
    }
  });

  it('no warning when the device has room', async () => {
    let estimated = false;
    const restore = shadow(navigator.storage, 'estimate', async () => {
      estimated = true;
      return { quota: 10_000_000_000, usage: 0 };
    });
    try {
      const el = await readyCheck(html`<oneway-device-check max-answer-seconds="120"></oneway-device-check>`);
      // check() resolves once the devices are listed and the storage estimated again.
      await el.check();
      await el.updateComplete;
      expect(estimated, 'storage was estimated').to.equal(true);
      expect(part(el, 'storage-warning')).to.equal(null);
    } finally {
      restore();
    }
  });

  it('on a connection too slow for video, says so and offers audio only (allow-audio-fallback)', async () => {
    // 256 KiB held back 9 s: about 230 kbit/s.
    const xhr = spyOnXhr(9000);
    try {
      const el = await readyCheck(html`<oneway-device-check endpoint="/files" allow-audio-fallback></oneway-device-check>`);
      await waitUntil(() => el.throughputBps !== undefined, 'the connection check never finished', { timeout: 30_000 });
      await el.updateComplete;
      expect(el.throughputBps).to.be.within(1, 300_000);
      // The lowest row of the link policy: a little video, under what the link carries.
      expect(el.videoBitsPerSecond).to.be.within(80_000, el.throughputBps! * 0.7);
      expect(part(el, 'connection')!.textContent).to.contain('too slow for video');
      const offer = part<HTMLLabelElement>(el, 'audio-only')!;
      expect(offer.textContent!.trim()).to.equal('Answer with audio only');
      await expect(el).to.be.accessible();
      offer.querySelector('input')!.click();
      expect(continueButton(el).disabled, 'a slow link is advice, not a gate').to.equal(false);
      const completed = nextEvent(el, 'oneway-device-check-complete');
      continueButton(el).click();
      const { detail } = await completed;
      expect(detail.audioOnly).to.equal(true);
      expect(detail.measuringForMs).to.equal(undefined);
      expect(detail.videoBitsPerSecond).to.equal(el.videoBitsPerSecond);
      expect(detail.throughputBps).to.equal(el.throughputBps);
    } finally {
      xhr.restore();
    }
  });

  it('a connection test still running at "Continue" says so, finishes after the check has left the page, and fires oneway-connection-measured', async () => {
    // 256 KiB held back 3 s: the candidate continues before the test is done.
    const xhr = spyOnXhr(3000);
    try {
      const el = await readyCheck();
      expect(el.throughputBps).to.equal(undefined);
      expect(part(el, 'connection')!.textContent).to.contain('You can continue now: the test finishes in the background.');
      const measured = nextEvent(el, 'oneway-connection-measured', 20_000);
      const completed = nextEvent(el, 'oneway-device-check-complete');
      continueButton(el).click();
      const { detail } = await completed;
      expect(detail.measuringForMs).to.be.within(1, 3000);
      expect(detail.throughputBps).to.equal(undefined);
      // As in the interview: the check is gone from the page once the candidate continues.
      el.remove();
      const result = (await measured).detail;
      expect(result.throughputBps).to.be.within(1, 1_000_000);
      expect(result.videoBitsPerSecond).to.be.within(80_000, result.throughputBps * 0.7);
      // The test upload is deleted as when it finishes on the page.
      await waitFor(() => xhr.requests.some((r) => r.method === 'DELETE' && r.status === 204), 'the test upload was not deleted');
    } finally {
      xhr.restore();
    }
  });

  it('a connection test still running when the check leaves the page without "Continue" is cancelled', async () => {
    const xhr = spyOnXhr(3000);
    try {
      const el = await readyCheck();
      let measured = false;
      el.addEventListener('oneway-connection-measured', () => (measured = true));
      // While the test upload's PATCH is held back (a cancel during its creation is tested in
      // upload-preflight.test.ts).
      await waitFor(() => xhr.requests.some((r) => r.method === 'PATCH'), 'the test upload was never created');
      el.remove();
      await waitFor(() => xhr.requests.some((r) => r.method === 'DELETE'), 'the test upload was not cancelled and deleted');
      // Past the moment the held-back PATCH would have finished the measurement.
      await Promise.all(xhr.heldBack);
      expect(xhr.heldBack.length).to.be.greaterThan(0);
      expect(measured).to.equal(false);
    } finally {
      xhr.restore();
    }
  });

  it('a refused upload check fires oneway-error but does not block Continue', async () => {
    const { el, error } = await failedCheck(() => () => undefined, html`<oneway-device-check endpoint="/no-tus-here"></oneway-device-check>`);
    expect(error.code).to.equal('upload-rejected');
    expect(error.message).to.contain('/no-tus-here');
    await waitUntil(() => el.status === 'ready', 'never ready', { timeout: 20_000 });
    await el.updateComplete;
    expect(part(el, 'connection')!.textContent).to.contain('could not reach the server');
    expect(continueButton(el).disabled).to.equal(false);
  });
});

describe('<oneway-device-check> guidance for each failure', () => {
  const rejectWith = (name: string) => () => stubGetUserMedia(() => Promise.reject(new DOMException(`stubbed ${name}`, name)));

  it('permission denied: browser-specific steps to allow the camera again, Try again, permission-denied', async () => {
    const { el, error, guidance } = await failedCheck(rejectWith('NotAllowedError'));
    expect(error.code).to.equal('permission-denied');
    expect(error.recoverable).to.equal(true);
    expect(el.status).to.equal('error');
    expect(guidance).to.contain('blocked the camera or microphone');
    const steps = part(el, 'help-steps')!;
    // The steps of the engine the tests run in: Chromium, Firefox or WebKitGTK's MiniBrowser (Safari's engine).
    const browser = /Firefox\//.test(navigator.userAgent) ? 'firefox' : /Chrom(e|ium)\//.test(navigator.userAgent) ? 'chrome' : 'safari';
    expect(steps.dataset.browser).to.equal(browser);
    expect(steps.querySelectorAll('li').length).to.be.greaterThan(1);
    // Each engine's own first step (Safari's are in its menu bar, the others' at the address bar).
    expect(steps.textContent).to.contain(en[`deviceCheck.permission.${browser}`].split('\n')[0]);
    expect(part(el, 'retry-button')!.textContent!.trim()).to.equal('Try again');
    expect(part(el, 'continue-button')).to.equal(null);
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await waitUntil(() => el.status === 'ready', 'Try again did not recover', { timeout: 20_000 });
  });

  const simple: [string, string, string, string][] = [
    ['NotFoundError', 'no-device', 'could not find a camera or microphone', 'no camera or microphone'],
    ['OverconstrainedError', 'no-device', 'could not find a camera or microphone', 'no matching camera'],
    ['NotReadableError', 'device-in-use', 'being used by another app', 'device in use'],
  ];
  for (const [name, code, text, what] of simple) {
    it(`${what} (${name}): ${code}`, async () => {
      const { el, error, guidance } = await failedCheck(rejectWith(name));
      expect(error.code).to.equal(code);
      expect(guidance).to.contain(text);
      expect(part(el, 'retry-button')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('device lost (a track ends): device-lost, then Try again recovers', async () => {
    const el = await readyCheck();
    const collected = collectErrors();
    try {
      previewStream(el).getVideoTracks()[0].dispatchEvent(new Event('ended'));
      await waitFor(() => collected.errors.length > 0, 'no oneway-error');
      await el.updateComplete;
      expect(collected.errors[0].detail.code).to.equal('device-lost');
      expect(el.status).to.equal('error');
      expect(part(el, 'error')!.textContent).to.contain('was disconnected');
      await expect(el).to.be.accessible();
      part<HTMLButtonElement>(el, 'retry-button')!.click();
      await waitUntil(() => el.status === 'ready', 'Try again did not recover', { timeout: 20_000 });
    } finally {
      collected.stop();
    }
  });

  it('no MediaRecorder: says which browsers work, not recoverable', async () => {
    const { el, error, guidance } = await failedCheck(() => {
      const original = window.MediaRecorder;
      // @ts-expect-error simulating a browser without MediaRecorder
      delete window.MediaRecorder;
      return () => (window.MediaRecorder = original);
    });
    expect(error.code).to.equal('no-media-recorder');
    expect(error.recoverable).to.equal(false);
    expect(guidance).to.contain('cannot record video');
    expect(part(el, 'retry-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('insecure context: tells the candidate to tell the site owner', async () => {
    const { el, error, guidance } = await failedCheck(() => shadow(window, 'isSecureContext', false));
    expect(error.code).to.equal('insecure-context');
    expect(error.recoverable).to.equal(false);
    expect(guidance).to.contain('not secure');
    await expect(el).to.be.accessible();
  });

  it('a permission prompt nobody answers: a hint after permission-hint-seconds, permission-timeout', async () => {
    const restorePermissions = shadow(navigator.permissions, 'query', async () => ({ state: 'prompt' }));
    const { el, error } = await failedCheck(
      () => stubGetUserMedia(() => new Promise<MediaStream>(() => undefined)),
      html`<oneway-device-check permission-hint-seconds="0.2"></oneway-device-check>`,
    );
    try {
      expect(error.code).to.equal('permission-timeout');
      expect(error.recoverable).to.equal(true);
      expect(el.status).to.equal('checking');
      expect(part(el, 'permission-hint')!.textContent).to.contain('choose "Allow"');
      expect(continueButton(el).disabled).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      restorePermissions();
    }
  });

  it('an app’s built-in browser: "Open this page in …" with a copy-link button, in-app-browser', async () => {
    const instagram =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 337.0.3.23.54 (iPhone15,2; iOS 17_5; en_US; en; scale=3.00; 1179x2556; 612345678)';
    let requested = false;
    const restoreMedia = stubGetUserMedia(() => {
      requested = true;
      return Promise.reject(new DOMException('should not be asked', 'NotAllowedError'));
    });
    let copied = '';
    const restoreClipboard = shadow(navigator, 'clipboard', { writeText: async (text: string) => void (copied = text) });
    try {
      const { el, error, guidance } = await failedCheck(() => shadow(navigator, 'userAgent', instagram));
      expect(error.code).to.equal('in-app-browser');
      expect(error.recoverable).to.equal(false);
      expect(requested, 'the camera was asked for in an app that cannot record').to.equal(false);
      expect(guidance).to.contain("Instagram's built-in browser");
      expect(guidance).to.contain('Open this page in Safari');
      expect(part<HTMLInputElement>(el, 'page-link')!.value).to.equal(location.href);
      await expect(el).to.be.accessible();
      const copy = part<HTMLButtonElement>(el, 'copy-link-button')!;
      expect(copy.textContent!.trim()).to.equal('Copy link');
      copy.click();
      await waitFor(() => part(el, 'error')!.textContent!.includes('Link copied.'), 'no "Link copied."');
      expect(copied).to.equal(location.href);
    } finally {
      restoreClipboard();
      restoreMedia();
    }
  });

  it('an iframe without allow="camera; microphone": iframe-blocked, telling the host developer', async () => {
    // Same-origin frames get the camera by default; a cross-origin one needs allow="camera; microphone".
    const crossOrigin = new URL('/test/fixtures/device-check-iframe.html', location.href);
    crossOrigin.hostname = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const iframe = document.createElement('iframe');
    iframe.title = 'Embedded device check';
    const reported = new Promise<{ detail: OnewayErrorEvent['detail']; status: string; text: string; pageError?: string }>(
      (resolve) => {
        const listener = (event: MessageEvent) => {
          if (event.source !== iframe.contentWindow || event.data?.source !== 'device-check-iframe') return;
          window.removeEventListener('message', listener);
          resolve(event.data);
        };
        window.addEventListener('message', listener);
      },
    );
    iframe.src = crossOrigin.href;
    document.body.append(iframe);
    try {
      const report = await Promise.race([
        reported,
        sleep(20_000).then(() => {
          throw new Error('the framed device check reported nothing');
        }),
      ]);
      expect(report.pageError).to.equal(undefined);
      // Only Chromium lets a page ask its frame's permissions policy; elsewhere the browser's
      // refusal is all there is, and the candidate gets the permission guidance.
      const askable = 'featurePolicy' in document || 'permissionsPolicy' in document;
      if (!askable) {
        expect(report.detail.code).to.equal('permission-denied');
        expect(report.status).to.equal('error');
        return;
      }
      expect(report.detail.code).to.equal('iframe-blocked');
      expect(report.detail.recoverable).to.equal(false);
      expect(report.detail.message).to.contain('allow="camera; microphone"');
      expect(report.status).to.equal('error');
      expect(report.text).to.contain('Please tell the site owner');
    } finally {
      iframe.remove();
    }
  });
});
