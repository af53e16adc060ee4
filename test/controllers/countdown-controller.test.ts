import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { CountdownController } from '../../src/controllers/countdown-controller.js';
import { manualTimers } from '../support/timers.js';

/** A bare host that counts its renders. */
class CountdownHost extends LitElement {
  renders = 0;
  protected override updated(): void {
    this.renders++;
  }
}
customElements.define('test-countdown-host', CountdownHost);

/** A countdown of `seconds` on a connected host, with timers the test moves by hand. */
async function countdown(seconds: number) {
  const host = document.createElement('test-countdown-host') as CountdownHost;
  const time = manualTimers();
  const announced: number[] = [];
  let ends = 0;
  const controller = new CountdownController(host, {
    onAnnounce: (secondsLeft) => announced.push(secondsLeft),
    onEnd: () => ends++,
    now: time.now,
    timers: time.timers,
  });
  document.body.append(host);
  controller.setDuration(seconds * 1000);
  await host.updateComplete;
  return { host, controller, time, announced, ends: () => ends };
}

const becameVisible = () => document.dispatchEvent(new Event('visibilitychange'));

describe('CountdownController', () => {
  afterEach(() => {
    for (const host of document.querySelectorAll('test-countdown-host')) host.remove();
  });

  it('waits with the whole time until started, with no timer', async () => {
    const { controller, time } = await countdown(30);
    expect(controller.running).to.equal(false);
    expect(controller.durationMs).to.equal(30_000);
    time.advance(10_000);
    expect(controller.remainingMs).to.equal(30_000);
    expect(controller.fractionLeft).to.equal(1);
    expect(time.pending()).to.equal(0);
  });

  it('announces 60, 30 and 10 seconds and time up, and ends once, by its own timers', async () => {
    const { controller, time, announced, ends } = await countdown(65);
    expect(controller.start()).to.equal(true);
    // Each reading lands 4 ms after the second changed.
    time.advance(5004);
    expect(announced).to.deep.equal([60]);
    time.advance(30_000);
    expect(announced).to.deep.equal([60, 30]);
    time.advance(20_000);
    expect(announced).to.deep.equal([60, 30, 10]);
    expect(controller.remainingMs).to.equal(9996);
    expect(controller.fractionLeft).to.be.closeTo(9.996 / 65, 1e-9);
    time.advance(10_000);
    expect(announced).to.deep.equal([60, 30, 10, 0]);
    expect(ends()).to.equal(1);
    expect(controller.running).to.equal(false);
    expect(controller.remainingMs).to.equal(0);
    expect(time.pending(), 'a timer after the end').to.equal(0);
    time.advance(60_000);
    expect(ends()).to.equal(1);
  });

  it('aims its timer just after the shown seconds change, and renders the host then', async () => {
    const { host, controller, time } = await countdown(2.5);
    controller.start();
    await host.updateComplete;
    const renders = host.renders;
    time.advance(500);
    expect(host.isUpdatePending, 'a reading before the second changed').to.equal(false);
    time.advance(4);
    expect(host.isUpdatePending).to.equal(true);
    await host.updateComplete;
    expect(host.renders).to.equal(renders + 1);
    expect(controller.remainingMs).to.equal(1996);
    expect(time.pending()).to.equal(1);
  });

  it('reads the clock again when the tab becomes visible, announcing only the latest threshold crossed', async () => {
    const { controller, time, announced, ends } = await countdown(65);
    controller.start();
    time.jump(58_000); // the tab slept past 60, 30 and 10 seconds
    expect(announced).to.deep.equal([]);
    becameVisible();
    expect(announced).to.deep.equal([10]);
    expect(ends()).to.equal(0);
    expect(controller.remainingMs).to.equal(7000);
    time.jump(10_000);
    becameVisible();
    expect(announced).to.deep.equal([10, 0]);
    expect(ends()).to.equal(1);
  });

  it('pauses with the time left and no timer, counting what was crossed before the pause', async () => {
    const { controller, time, announced } = await countdown(40);
    controller.start();
    time.jump(15_000);
    controller.pause();
    expect(announced).to.deep.equal([30]);
    expect(controller.running).to.equal(false);
    expect(time.pending()).to.equal(0);
    time.advance(60_000);
    expect(controller.remainingMs).to.equal(25_000);
    controller.start();
    time.advance(15_004);
    expect(announced).to.deep.equal([30, 10]);
    expect(controller.remainingMs).to.equal(9996);
  });

  it('ends instead of pausing when time ran out before the pause', async () => {
    const { controller, time, ends } = await countdown(5);
    controller.start();
    time.jump(6000);
    controller.pause();
    expect(ends()).to.equal(1);
    expect(controller.remainingMs).to.equal(0);
    expect(controller.start(), 'started with no time left').to.equal(false);
    expect(time.pending()).to.equal(0);
  });

  it('puts the full time back on reset, and starts over from a new length, still running', async () => {
    const { controller, time, ends } = await countdown(20);
    controller.start();
    time.advance(5000);
    controller.reset();
    expect(controller.running).to.equal(false);
    expect(controller.remainingMs).to.equal(20_000);
    expect(time.pending()).to.equal(0);
    controller.start();
    time.advance(5000);
    controller.setDuration(8000);
    expect(controller.running).to.equal(true);
    expect(controller.remainingMs).to.equal(8000);
    time.advance(8004);
    expect(ends()).to.equal(1);
  });

  it('takes a negative or infinite length as none', async () => {
    const { controller } = await countdown(-3);
    expect(controller.durationMs).to.equal(0);
    expect(controller.start()).to.equal(false);
    controller.setDuration(Infinity);
    expect(controller.durationMs).to.equal(0);
    expect(controller.fractionLeft).to.equal(0);
  });

  it('stops its timer and stops listening when the host leaves, and catches up when it is back', async () => {
    const { host, controller, time, announced, ends } = await countdown(40);
    controller.start();
    host.remove();
    expect(time.pending()).to.equal(0);
    time.advance(35_000);
    becameVisible();
    expect(announced, 'read while off the page').to.deep.equal([]);
    document.body.append(host);
    expect(announced).to.deep.equal([10]);
    expect(time.pending()).to.equal(1);
    host.remove();
    time.jump(10_000);
    document.body.append(host);
    expect(ends()).to.equal(1);
    expect(time.pending()).to.equal(0);
  });
});
