import { expect } from '@open-wc/testing';
import {
  ANNOUNCE_AT_SECONDS,
  MAX_TIMER_SECONDS,
  timerDelayMs,
  createClock,
  crossedThreshold,
  displaySeconds,
  finishClock,
  fractionLeft,
  isFinished,
  isRunning,
  msUntilNextSecond,
  pauseClock,
  remainingMs,
  startClock,
} from '../../src/core/countdown-clock.js';

describe('countdown clock', () => {
  it('has the whole duration left until started', () => {
    const clock = createClock(30_000);
    expect(remainingMs(clock, 0)).to.equal(30_000);
    expect(remainingMs(clock, 1e9)).to.equal(30_000);
    expect(isRunning(clock)).to.equal(false);
  });

  it('computes the time left from the start timestamp, however few readings there were', () => {
    const clock = startClock(createClock(30_000), 1000);
    expect(isRunning(clock)).to.equal(true);
    expect(remainingMs(clock, 1000)).to.equal(30_000);
    expect(remainingMs(clock, 1250)).to.equal(29_750);
    // A tab whose timers slept for 20 s: one reading, still exact.
    expect(remainingMs(clock, 21_000)).to.equal(10_000);
  });

  it('never goes below zero nor above the duration (a clock read before the start)', () => {
    const clock = startClock(createClock(5000), 1000);
    expect(remainingMs(clock, 60_000)).to.equal(0);
    expect(isFinished(clock, 60_000)).to.equal(true);
    expect(remainingMs(clock, 500)).to.equal(5000);
  });

  it('keeps the time left across a pause, and resumes from it', () => {
    let clock = startClock(createClock(10_000), 0);
    clock = pauseClock(clock, 3000);
    expect(isRunning(clock)).to.equal(false);
    expect(remainingMs(clock, 3000)).to.equal(7000);
    expect(remainingMs(clock, 100_000)).to.equal(7000);
    clock = startClock(clock, 50_000);
    expect(remainingMs(clock, 52_000)).to.equal(5000);
    clock = pauseClock(startClock(pauseClock(clock, 52_000), 60_000), 60_500);
    expect(remainingMs(clock, 70_000)).to.equal(4500);
  });

  it('ignores start while running and pause while paused', () => {
    const running = startClock(createClock(10_000), 0);
    expect(startClock(running, 5000)).to.equal(running);
    const paused = pauseClock(running, 2000);
    expect(pauseClock(paused, 9000)).to.equal(paused);
  });

  it('does not start when no time is left', () => {
    const done = finishClock(startClock(createClock(1000), 0));
    expect(isRunning(done)).to.equal(false);
    expect(remainingMs(done, 0)).to.equal(0);
    expect(isRunning(startClock(done, 5000))).to.equal(false);
    expect(isRunning(startClock(createClock(0), 0))).to.equal(false);
  });

  it('treats a negative or non-finite duration as zero', () => {
    expect(createClock(-5).durationMs).to.equal(0);
    expect(createClock(NaN).durationMs).to.equal(0);
    expect(createClock(Infinity).durationMs).to.equal(0);
  });

  it('shows whole seconds rounded up, so 0:00 means time is up', () => {
    expect([30_000, 29_999, 29_001, 29_000, 1, 0, -5].map(displaySeconds)).to.deep.equal([30, 30, 30, 29, 1, 0, 0]);
  });

  it('aims the next reading at the moment the shown seconds change', () => {
    expect(msUntilNextSecond(30_000)).to.equal(1000);
    expect(msUntilNextSecond(29_750)).to.equal(750);
    expect(msUntilNextSecond(1)).to.equal(1);
    expect(msUntilNextSecond(0)).to.equal(undefined);
    expect(msUntilNextSecond(-1)).to.equal(undefined);
  });

  it('gives the share of time left', () => {
    const clock = createClock(4000);
    expect(fractionLeft(clock, 4000)).to.equal(1);
    expect(fractionLeft(clock, 1000)).to.equal(0.25);
    expect(fractionLeft(clock, 0)).to.equal(0);
    expect(fractionLeft(createClock(0), 0)).to.equal(0);
  });

  describe('announcement thresholds', () => {
    it('are 1 minute, 30 s, 10 s and time up', () => {
      expect(ANNOUNCE_AT_SECONDS).to.deep.equal([60, 30, 10, 0]);
    });

    it('are crossed once, when the time left reaches them', () => {
      expect(crossedThreshold(61_000, 60_500)).to.equal(undefined);
      expect(crossedThreshold(60_001, 60_000)).to.equal(60);
      expect(crossedThreshold(60_000, 59_000)).to.equal(undefined);
      expect(crossedThreshold(31_000, 30_000)).to.equal(30);
      expect(crossedThreshold(10_004, 9_996)).to.equal(10);
      expect(crossedThreshold(1, 0)).to.equal(0);
      expect(crossedThreshold(0, 0)).to.equal(undefined);
    });

    it('are silent every other second of a countdown read each second', () => {
      const announced: number[] = [];
      for (let left = 120; left > 0; left--) {
        const crossed = crossedThreshold(left * 1000, (left - 1) * 1000);
        if (crossed !== undefined) announced.push(crossed);
      }
      expect(announced).to.deep.equal([60, 30, 10, 0]);
    });

    it('name only the latest when a sleeping tab skipped several', () => {
      expect(crossedThreshold(70_000, 5000)).to.equal(10);
      expect(crossedThreshold(70_000, 0)).to.equal(0);
      expect(crossedThreshold(45_000, 20_000)).to.equal(30);
    });

    it('skip the thresholds a countdown starts at or below', () => {
      // A 60 s countdown does not say "1 minute left" as it starts.
      expect(crossedThreshold(60_000, 59_000)).to.equal(undefined);
      expect(crossedThreshold(20_000, 10_000)).to.equal(10);
    });

    it('may be chosen by the caller', () => {
      expect(crossedThreshold(6000, 4000, [5])).to.equal(5);
      expect(crossedThreshold(6000, 4000, [])).to.equal(undefined);
    });
  });
});

describe('timerDelayMs', () => {
  it('gives seconds as milliseconds, and never more than setTimeout can wait', () => {
    expect(timerDelayMs(2)).to.equal(2000);
    expect(timerDelayMs(9_999_999)).to.equal(MAX_TIMER_SECONDS * 1000);
    expect(timerDelayMs(Infinity)).to.be.at.most(2 ** 31 - 1);
  });
});
