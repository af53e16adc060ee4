import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { OnewayCountdown } from '../../../src/elements/countdown/countdown.js';
import type { CountdownEndEvent } from '../../../src/events/countdown-end.js';
import { nextEvent, waitFor } from '../../support/wait.js';

const part = (el: OnewayCountdown, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const timeText = (el: OnewayCountdown) => part(el, 'time').textContent!.trim();
const liveRegion = (el: OnewayCountdown) => el.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;

/** Counts `oneway-countdown-end` events. */
function endEvents(el: OnewayCountdown): CountdownEndEvent[] {
  const events: CountdownEndEvent[] = [];
  el.addEventListener('oneway-countdown-end', (event) => events.push(event));
  return events;
}

/** Every text the live region says, in order (each change, not each render). */
function announcements(el: OnewayCountdown): string[] {
  const said: string[] = [];
  const region = liveRegion(el);
  new MutationObserver(() => {
    const text = region.textContent!.trim();
    if (text && text !== said.at(-1)) said.push(text);
  }).observe(region, { childList: true, characterData: true, subtree: true });
  return said;
}

/** Holds the main thread: no timer runs, no frame renders, as in a throttled background tab. */
function blockMainThread(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy
  }
}

/** Moves performance.now() forward at will, as a tab that slept would see it on waking. */
function skewClock() {
  const real = Performance.prototype.now;
  let offset = 0;
  performance.now = () => real.call(performance) + offset;
  return {
    advance: (ms: number) => (offset += ms),
    restore: () => delete (performance as { now?: unknown }).now,
  };
}

const wake = () => document.dispatchEvent(new Event('visibilitychange'));

describe('<oneway-countdown>', () => {
  it('shows its length as m:ss in a timer named by its label, which is shown beside it, not running', async () => {
    const el = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="90" label="Think time"></oneway-countdown>`);
    expect(timeText(el)).to.equal('1:30');
    expect(el.running).to.equal(false);
    expect(el.remainingMs).to.equal(90_000);
    const timer = part(el, 'timer');
    expect(timer.getAttribute('role')).to.equal('timer');
    expect(timer.getAttribute('aria-label')).to.equal('Think time');
    expect(part(el, 'label').textContent!.trim(), 'the label is seen, not only heard').to.equal('Think time');
    expect(part(el, 'label').getBoundingClientRect().width).to.be.above(0);
    expect(part(el, 'ring').tagName).to.equal('svg');
    expect(liveRegion(el).textContent!.trim()).to.equal('');
    await expect(el).to.be.accessible();

    const unnamed = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="5"></oneway-countdown>`);
    expect(part(unnamed, 'timer').getAttribute('aria-label')).to.equal('Time left');
    expect(part(unnamed, 'label').textContent!.trim()).to.equal('Time left');
  });

  it('counts down in real time and fires oneway-countdown-end exactly once', async () => {
    const el = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="2" label="Answer time"></oneway-countdown>`);
    const ends = endEvents(el);
    const ended = nextEvent(el, 'oneway-countdown-end', 5000);
    const startedAt = performance.now();
    el.start();
    await el.updateComplete;
    expect(el.running).to.equal(true);
    expect(el.hasAttribute('running')).to.equal(true);
    expect(timeText(el)).to.equal('0:02');

    await waitFor(() => timeText(el) === '0:01', 'the time shown never reached 0:01');

    const event = await ended;
    // Never early; a busy machine may make it late, not by a whole second.
    expect(performance.now() - startedAt).to.be.within(1950, 2950);
    expect(event.detail).to.deep.equal({ label: 'Answer time', seconds: 2 });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(el.running).to.equal(false);
    await el.updateComplete;
    expect(el.hasAttribute('running')).to.equal(false);
    expect(timeText(el)).to.equal('0:00');

    el.start(); // nothing left: stays at zero
    await el.updateComplete;
    expect(el.running).to.equal(false);
    expect(el.hasAttribute('running')).to.equal(false);
    expect(ends).to.have.length(1);
  });

  it('pauses, keeping the time left, and resumes from it', async () => {
    const el = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="2"></oneway-countdown>`);
    const ends = endEvents(el);
    el.start();
    await waitFor(() => el.remainingMs <= 1500, 'the countdown never moved');
    el.pause();
    const left = el.remainingMs;
    expect(el.running).to.equal(false);
    // A second of real time passes, measured by another countdown, while this one is paused.
    const other = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="1"></oneway-countdown>`);
    const otherEnded = nextEvent(other, 'oneway-countdown-end', 5000);
    other.start();
    await otherEnded;
    await el.updateComplete;
    expect(el.remainingMs).to.equal(left);
    expect(timeText(el)).to.equal('0:02');
    expect(ends).to.have.length(0);

    const resumedAt = performance.now();
    const ended = nextEvent(el, 'oneway-countdown-end', 5000);
    el.start();
    await ended;
    expect(performance.now() - resumedAt).to.be.within(left - 50, left + 950);
    expect(ends).to.have.length(1);
  });

  it('resets to the full time, and fires the end event again on the next run', async () => {
    const el = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="1"></oneway-countdown>`);
    const ends = endEvents(el);
    el.start();
    await waitFor(() => el.remainingMs < 1000, 'the countdown never moved');
    el.reset();
    await el.updateComplete;
    expect(el.running).to.equal(false);
    expect(el.remainingMs).to.equal(1000);
    expect(timeText(el)).to.equal('0:01');
    expect(ends).to.have.length(0);

    el.start();
    await nextEvent(el, 'oneway-countdown-end', 3000);
    el.reset();
    el.start();
    await nextEvent(el, 'oneway-countdown-end', 3000);
    expect(ends).to.have.length(2);
  });

  it('starts and pauses from the running attribute and property', async () => {
    const el = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="3" running></oneway-countdown>`);
    expect(el.running).to.equal(true);
    await waitFor(() => el.remainingMs < 3000, 'the running attribute did not start it');
    el.running = false;
    await el.updateComplete;
    const left = el.remainingMs;
    expect(left).to.be.below(3000);
    await el.updateComplete;
    expect(el.hasAttribute('running')).to.equal(false);
    expect(el.remainingMs, 'paused by the property').to.equal(left);
    el.removeAttribute('running');
    el.setAttribute('running', '');
    await el.updateComplete;
    await waitFor(() => el.remainingMs < left, 'the running attribute did not resume it');
    el.pause();
  });

  it('starts over when seconds changes, still running', async () => {
    const el = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="5"></oneway-countdown>`);
    el.start();
    await waitFor(() => el.remainingMs < 5000, 'the countdown never moved');
    const changedAt = performance.now();
    el.seconds = 3;
    await el.updateComplete;
    expect(el.running).to.equal(true);
    expect(timeText(el)).to.equal('0:03');
    // Three seconds from the change, counted by the clock however long the render took.
    expect(el.remainingMs).to.be.within(3000 - (performance.now() - changedAt) - 20, 3000);
    el.pause();
  });

  it('announces at 1 minute, 30 s and 10 s left and when time is up, and at no other second', async () => {
    const clock = skewClock();
    try {
      const el = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="75" label="Think time"></oneway-countdown>`);
      const said = announcements(el);
      const shown: string[] = [];
      el.start();
      for (let second = 1; second <= 75; second++) {
        clock.advance(1000);
        wake();
        await el.updateComplete;
        shown.push(timeText(el));
      }
      expect(shown.slice(0, 3)).to.deep.equal(['1:14', '1:13', '1:12']);
      expect(shown.slice(-2)).to.deep.equal(['0:01', '0:00']);
      expect(said).to.deep.equal([
        'Think time: 1 minute left.',
        'Think time: 30 seconds left.',
        'Think time: 10 seconds left.',
        'Think time: time is up.',
      ]);
    } finally {
      clock.restore();
    }
  });

  it('shows the exact time after its timers were held up, as in a throttled tab', async () => {
    const el = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="4"></oneway-countdown>`);
    const ended = nextEvent(el, 'oneway-countdown-end', 8000);
    const startedAt = performance.now();
    el.start();
    await el.updateComplete;
    expect(timeText(el)).to.equal('0:04');

    blockMainThread(2300); // no tick at all for 2.3 s
    // What is left follows the clock, however long the first render took on a busy machine.
    const elapsed = performance.now() - startedAt;
    expect(el.remainingMs).to.be.within(4000 - elapsed - 20, 4000 - elapsed + 20);
    wake();
    await el.updateComplete;
    // A countdown that counted its ticks would still show 0:04; 2.3 s or more have gone.
    expect(['0:02', '0:01']).to.include(timeText(el));

    await ended;
    // Never early; and ended by the clock, not 2.3 s late as one counting ticks would be.
    expect(performance.now() - startedAt).to.be.within(3950, 6000);
  });

  it('after a long sleep ends at once and says only that time is up', async () => {
    const clock = skewClock();
    try {
      const el = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="120"></oneway-countdown>`);
      const ends = endEvents(el);
      const said = announcements(el);
      el.start();
      await el.updateComplete;
      clock.advance(10 * 60_000);
      wake();
      await el.updateComplete;
      expect(ends).to.have.length(1);
      expect(timeText(el)).to.equal('0:00');
      expect(said).to.deep.equal(['Time left: time is up.']);
      wake();
      await el.updateComplete;
      expect(ends).to.have.length(1);
    } finally {
      clock.restore();
    }
  });

  it('stops its timers when removed from the page, and catches up when put back', async () => {
    const el = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="1"></oneway-countdown>`);
    const ends = endEvents(el);
    const parent = el.parentNode!;
    el.start();
    el.remove();
    // That no timer is left is checked with timers moved by hand (countdown-controller.test.ts).
    await waitFor(() => el.remainingMs === 0, 'time did not run on while the element was away');
    expect(ends).to.have.length(0);
    parent.append(el);
    expect(ends).to.have.length(1);
    expect(el.running).to.equal(false);
  });

  it('moves the ring smoothly, and without transition for reduced motion', async () => {
    const el = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="10"></oneway-countdown>`);
    el.start();
    await el.updateComplete;
    const progress = part(el, 'ring-progress');
    try {
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(parseFloat(getComputedStyle(progress).transitionDuration)).to.be.within(0.5, 1.01);
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(progress).transitionDuration).to.equal('0s');
      // The arc then shows the second on display rather than gliding towards the next one.
      expect(getComputedStyle(progress).strokeDashoffset).to.match(/^0(px|%)?$/);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
      el.pause();
    }
  });

  it('draws a bar instead of a ring with variant="bar"', async () => {
    const el = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="20" variant="bar" label="Answer time"></oneway-countdown>`);
    expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
    expect(part(el, 'bar-progress')).to.be.instanceOf(HTMLElement);
    el.start();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.pause();
  });

  it('passes axe while running and once ended', async () => {
    const el = await fixture<OnewayCountdown>(html`<oneway-countdown seconds="1" label="Think time"></oneway-countdown>`);
    const ended = nextEvent(el, 'oneway-countdown-end', 3000);
    el.start();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await ended;
    await el.updateComplete;
    expect(liveRegion(el).textContent!.trim()).to.equal('Think time: time is up.');
    await expect(el).to.be.accessible();
  });
});
