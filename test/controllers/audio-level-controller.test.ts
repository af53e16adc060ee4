import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { AudioLevelController } from '../../src/controllers/audio-level-controller.js';
import { FLOOR_DB } from '../../src/core/device-advice.js';
import { manualTimers } from '../support/timers.js';
import { waitFor } from '../support/wait.js';

class LevelHost extends LitElement {}
customElements.define('test-level-host', LevelHost);

const INTERVAL_MS = 75;

/** A microphone stream that plays a steady tone at `gain` (0: silence), made with Web Audio. */
function microphone(gain: number) {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const volume = context.createGain();
  volume.gain.value = gain;
  const destination = context.createMediaStreamDestination();
  oscillator.connect(volume).connect(destination);
  oscillator.start();
  void context.resume();
  return { stream: destination.stream, volume, close: () => context.close() };
}

const closeAfter: (() => Promise<void>)[] = [];

/** A connected host with a level controller, its AudioContexts and the timers it reads with. */
function levelHost() {
  const host = document.createElement('test-level-host') as LevelHost;
  const time = manualTimers();
  const contexts: AudioContext[] = [];
  const controller = new AudioLevelController(host, {
    intervalMs: INTERVAL_MS,
    timers: time.timers,
    now: time.now,
    createContext: () => {
      const context = new AudioContext();
      contexts.push(context);
      return context;
    },
  });
  document.body.append(host);
  return { host, controller, time, contexts };
}

/** Takes readings until `condition` holds: the audio itself runs in real time. */
async function readUntil(time: ReturnType<typeof manualTimers>, condition: () => boolean, message: string) {
  await waitFor(() => {
    time.advance(INTERVAL_MS);
    return condition();
  }, message);
}

const closed = (context: AudioContext) => waitFor(() => context.state === 'closed', 'the AudioContext is still open');

describe('AudioLevelController', () => {
  // WebKit runs Web Audio without a click only in a page that captures (test/engines/README.md):
  // the page holds the real microphone while the tests read their own tones.
  let capturing: MediaStream | undefined;
  before(async () => {
    capturing = await navigator.mediaDevices.getUserMedia({ audio: true });
  });
  after(() => capturing?.getTracks().forEach((track) => track.stop()));

  afterEach(async () => {
    for (const host of document.querySelectorAll('test-level-host')) host.remove();
    await Promise.all(closeAfter.splice(0).map((close) => close()));
  });

  it('reads nothing from a stream without a microphone', () => {
    const { controller, time, contexts } = levelHost();
    const canvas = document.createElement('canvas');
    controller.attach(canvas.captureStream());
    expect(contexts).to.have.length(0);
    expect(time.pending()).to.equal(0);
    expect(controller.advice).to.equal('measuring');
  });

  it('shows the level of a loud tone and calls its steady floor noisy after the whole window', async () => {
    const { host, controller, time, contexts } = levelHost();
    const tone = microphone(0.5);
    closeAfter.push(tone.close);
    controller.attach(tone.stream);
    expect(contexts).to.have.length(1);
    expect(time.pending()).to.equal(1);
    await waitFor(() => controller.running, 'the AudioContext never ran');
    await readUntil(time, () => controller.levelDb > -20, 'the tone was never heard');
    await host.updateComplete;
    time.advance(INTERVAL_MS);
    expect(host.isUpdatePending, 'the host shows each reading').to.equal(true);
    expect(controller.level).to.be.within(0.6, 1);
    expect(controller.advice, 'advice before the candidate had the whole window').to.equal('measuring');
    time.advance(4000);
    expect(controller.advice).to.equal('noisy');
  });

  it('calls a microphone that hears nothing for the whole window silent', async () => {
    const { controller, time } = levelHost();
    const quiet = microphone(0);
    closeAfter.push(quiet.close);
    controller.attach(quiet.stream);
    await waitFor(() => controller.running, 'the AudioContext never ran');
    time.advance(4000);
    expect(controller.levelDb).to.equal(FLOOR_DB);
    expect(controller.level).to.equal(0);
    expect(controller.advice).to.equal('silent');
  });

  it('leaves a stream already attached as is, and closes the old context for a new stream', async () => {
    const { controller, time, contexts } = levelHost();
    const first = microphone(0.5);
    const second = microphone(0.5);
    closeAfter.push(first.close, second.close);
    controller.attach(first.stream);
    controller.attach(first.stream);
    expect(contexts).to.have.length(1);
    controller.attach(second.stream);
    expect(contexts).to.have.length(2);
    expect(time.pending(), 'the first stream’s timer is still running').to.equal(1);
    await closed(contexts[0]);
    expect(contexts[1].state).to.not.equal('closed');
  });

  it('starts the window again when the context was suspended: those readings were not the candidate’s silence', async () => {
    const { controller, time, contexts } = levelHost();
    const quiet = microphone(0);
    closeAfter.push(quiet.close);
    controller.attach(quiet.stream);
    await waitFor(() => controller.running, 'the AudioContext never ran');
    time.advance(3500);
    await contexts[0].suspend();
    await waitFor(() => !controller.running, 'the AudioContext never suspended');
    time.advance(2000);
    expect(controller.advice, 'readings while suspended').to.equal('measuring');
    await controller.resume();
    expect(controller.running).to.equal(true);
    time.advance(1000);
    expect(controller.advice, 'the window did not start again').to.equal('measuring');
    time.advance(3000);
    expect(controller.advice).to.equal('silent');
  });

  it('stops its timer, closes its context and forgets the readings when the host leaves the page', async () => {
    const { host, controller, time, contexts } = levelHost();
    const tone = microphone(0.5);
    closeAfter.push(tone.close);
    controller.attach(tone.stream);
    await waitFor(() => controller.running, 'the AudioContext never ran');
    await readUntil(time, () => controller.levelDb > -20, 'the tone was never heard');
    host.remove();
    expect(time.pending()).to.equal(0);
    expect(controller).to.include({ levelDb: FLOOR_DB, level: 0, advice: 'measuring', running: false });
    await closed(contexts[0]);
    // Attached again after coming back: a fresh context.
    document.body.append(host);
    controller.attach(tone.stream);
    expect(contexts).to.have.length(2);
    controller.detach();
    expect(time.pending()).to.equal(0);
    await closed(contexts[1]);
  });

  it('goes on without a meter where Web Audio fails', () => {
    const host = document.createElement('test-level-host') as LevelHost;
    const time = manualTimers();
    const controller = new AudioLevelController(host, {
      timers: time.timers,
      createContext: () => {
        throw new DOMException('no audio device', 'NotSupportedError');
      },
    });
    document.body.append(host);
    const tone = microphone(0.5);
    closeAfter.push(tone.close);
    expect(() => controller.attach(tone.stream)).not.to.throw();
    expect(time.pending()).to.equal(0);
    expect(controller.running).to.equal(false);
    expect(controller.advice).to.equal('measuring');
  });
});
