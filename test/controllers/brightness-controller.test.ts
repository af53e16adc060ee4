import { expect } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { BrightnessController } from '../../src/controllers/brightness-controller.js';
import type { LightingAdvice } from '../../src/core/lighting.js';
import { manualTimers } from '../support/timers.js';
import { waitFor } from '../support/wait.js';
import { mountHost, removeHosts } from '../support/controller-host.js';

const INTERVAL_MS = 333;

/** A host with a preview; its brightness timer and clock are the test's. */
class PreviewHost extends LitElement {
  clock = manualTimers();
  readonly light = new BrightnessController(this, {
    video: () => this.renderRoot.querySelector('video'),
    intervalMs: INTERVAL_MS,
    timers: this.clock.timers,
    now: this.clock.now,
  });

  override render() {
    return html`<video muted autoplay playsinline></video>`;
  }
}
customElements.define('test-brightness-host', PreviewHost);

/** A camera stand-in: a canvas painted in `colour` (changeable) 20 times a second, as a video track. */
function paintedCamera(colour: string) {
  const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 240 });
  const camera = {
    colour,
    stream: canvas.captureStream(20),
    stop: () => {
      clearInterval(painting);
      for (const track of camera.stream.getTracks()) track.stop();
    },
  };
  const paint = () => {
    const context = canvas.getContext('2d')!;
    context.fillStyle = camera.colour;
    context.fillRect(0, 0, canvas.width, canvas.height);
  };
  paint();
  const painting = setInterval(paint, 50);
  return camera;
}

let camera: ReturnType<typeof paintedCamera> | undefined;

async function hostShowing(colour: string, setUp: (video: HTMLVideoElement) => void = () => undefined) {
  camera = paintedCamera(colour);
  const host = await mountHost<PreviewHost>('test-brightness-host');
  const video = host.renderRoot.querySelector('video')!;
  setUp(video);
  video.srcObject = camera.stream;
  await waitFor(() => video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0, 'the preview never played');
  return { host, video };
}

/** The video's next painted frame (the controller's own frame callback, asked for earlier, runs first). */
const nextPaint = (video: HTMLVideoElement) => new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve()));

/** One timer tick after the video painted a new frame: one reading. */
async function readFrame(host: PreviewHost, video: HTMLVideoElement): Promise<LightingAdvice> {
  await nextPaint(video);
  host.clock.advance(INTERVAL_MS);
  return host.light.advice;
}

describe('BrightnessController', () => {
  afterEach(() => {
    camera?.stop();
    camera = undefined;
    removeHosts('test-brightness-host');
  });

  it('reads the luma of painted frames, and says nothing from a single one', async () => {
    const { host, video } = await hostShowing('#808080');
    host.light.start();
    // The first tick only asks the video for its next painted frame.
    host.clock.advance(INTERVAL_MS);
    expect(host.light.brightness).to.equal(undefined);
    expect(await readFrame(host, video)).to.equal('measuring');
    expect(host.light.brightness, 'one frame is not a measurement').to.equal(undefined);
    expect(await readFrame(host, video)).to.equal('measuring');
    expect(await readFrame(host, video)).to.equal('ok');
    expect(host.light.brightness).to.be.closeTo(128, 8);
  });

  it('a camera that starts black (as WebKit shows a stream before its first frame): the first advice is not "too dark"', async () => {
    const { host, video } = await hostShowing('#000000');
    host.light.start();
    host.clock.advance(INTERVAL_MS);
    const advice: LightingAdvice[] = [];
    for (let i = 0; i < 4; i++) advice.push(await readFrame(host, video));
    camera!.colour = '#808080';
    while (advice.at(-1) === 'measuring' && advice.length < 30) advice.push(await readFrame(host, video));
    expect(advice.filter((each) => each !== 'measuring')).to.deep.equal(['ok']);
  });

  it('a camera that stays black past its start (a covered lens) is "too dark"', async () => {
    const { host, video } = await hostShowing('#000000');
    host.light.start();
    host.clock.advance(INTERVAL_MS);
    const advice: LightingAdvice[] = [];
    while (advice.at(-1) !== 'too-dark' && advice.length < 30) advice.push(await readFrame(host, video));
    expect(advice.at(-1)).to.equal('too-dark');
    expect(host.clock.now() - 1000, 'black frames counted only after the start').to.be.at.least(2000);
  });

  it('a dim picture is "too dark" once it has read enough frames', async () => {
    const { host, video } = await hostShowing('#202020');
    host.light.start();
    host.clock.advance(INTERVAL_MS);
    const advice = [await readFrame(host, video), await readFrame(host, video), await readFrame(host, video)];
    expect(advice).to.deep.equal(['measuring', 'measuring', 'too-dark']);
  });

  it('samples without frame callbacks where the browser sends none (a hidden preview), after a wait', async () => {
    const { host } = await hostShowing('#808080', (video) => {
      video.requestVideoFrameCallback = () => 0;
      video.cancelVideoFrameCallback = () => undefined;
    });
    host.light.start();
    host.clock.advance(INTERVAL_MS * 4);
    expect(host.light.brightness).to.equal(undefined);
    host.clock.advance(INTERVAL_MS * 4);
    expect(host.light.advice).to.equal('ok');
  });

  it('where the browser has no requestVideoFrameCallback, samples on the timer alone', async () => {
    const { host } = await hostShowing('#808080', (video) => Object.defineProperty(video, 'requestVideoFrameCallback', { value: undefined }));
    host.light.start();
    host.clock.advance(INTERVAL_MS * 3);
    expect(host.light.advice).to.equal('ok');
  });

  it('stops its timer and frame callback, and forgets the reading, on stop and when the host leaves the page', async () => {
    const { host, video } = await hostShowing('#808080');
    const cancelled: number[] = [];
    const cancel = video.cancelVideoFrameCallback.bind(video);
    video.cancelVideoFrameCallback = (handle) => {
      cancelled.push(handle);
      cancel(handle);
    };
    host.light.start();
    host.clock.advance(INTERVAL_MS);
    host.light.stop();
    expect(host.clock.pending()).to.equal(0);
    expect(cancelled.length, 'the pending frame callback').to.equal(1);

    host.light.start();
    host.clock.advance(INTERVAL_MS);
    for (let i = 0; i < 3; i++) await readFrame(host, video);
    expect(host.light.advice).to.equal('ok');
    host.remove();
    expect(host.clock.pending()).to.equal(0);
    expect(cancelled.length).to.equal(2);
    expect(host.light.brightness).to.equal(undefined);
  });
});
