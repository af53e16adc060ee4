import { expect } from '@open-wc/testing';
import { averageLuma, LIGHTING_THRESHOLDS, lightingAdvice, LightingMeter, paintedLuma } from '../../src/core/lighting.js';
import { manualClock } from '../support/clock.js';

describe('lighting advice', () => {
  const cases: [string, number | undefined, string][] = [
    ['nothing measured', undefined, 'measuring'],
    ['NaN', Number.NaN, 'measuring'],
    ['black', 0, 'too-dark'],
    ['a dim room', 40, 'too-dark'],
    ['just dark enough', 54.9, 'too-dark'],
    ['the dark threshold', 55, 'ok'],
    ['a lit face', 120, 'ok'],
    ['the bright threshold', 210, 'ok'],
    ['overexposed', 230, 'too-bright'],
    ['white', 255, 'too-bright'],
  ];
  for (const [name, luma, advice] of cases) {
    it(`${name} (${luma}) → ${advice}`, () => {
      expect(lightingAdvice(luma)).to.equal(advice);
    });
  }

  it('averages the luma of RGBA pixels with Rec. 709 weights, ignoring alpha', () => {
    const pixels = (...rgba: number[][]) => new Uint8ClampedArray(rgba.flat());
    expect(averageLuma(pixels([0, 0, 0, 255]))).to.equal(0);
    expect(averageLuma(pixels([255, 255, 255, 0]))).to.be.closeTo(255, 1e-9);
    expect(averageLuma(pixels([255, 0, 0, 255]))).to.be.closeTo(0.2126 * 255, 1e-9);
    expect(averageLuma(pixels([0, 255, 0, 255]))).to.be.closeTo(0.7152 * 255, 1e-9);
    expect(averageLuma(pixels([0, 0, 0, 255], [200, 200, 200, 255]))).to.be.closeTo(100, 1e-9);
    expect(averageLuma(new Uint8ClampedArray(0))).to.equal(0);
  });
});

describe('painted frames and the lighting meter', () => {
  const pixels = (...rgba: number[][]) => new Uint8ClampedArray(rgba.flat());

  it('a frame with any transparent pixel was not painted there: no luma', () => {
    expect(paintedLuma(pixels([0, 0, 0, 0], [0, 0, 0, 0]))).to.equal(undefined);
    expect(paintedLuma(pixels([200, 200, 200, 255], [0, 0, 0, 0]))).to.equal(undefined);
    expect(paintedLuma(new Uint8ClampedArray(0))).to.equal(undefined);
    expect(paintedLuma(pixels([0, 0, 0, 255], [200, 200, 200, 255]))).to.be.closeTo(100, 1e-9);
  });

  it('no advice from fewer than minReadings frames, then the smoothed luma decides', () => {
    const meter = new LightingMeter(manualClock().now);
    const advice: string[] = [];
    for (const luma of [120, 120, 120]) {
      expect(meter.add(luma)).to.equal(true);
      advice.push(meter.advice);
    }
    expect(LIGHTING_THRESHOLDS.minReadings).to.equal(3);
    expect(advice).to.deep.equal(['measuring', 'measuring', 'ok']);
    expect(meter.brightness).to.equal(120);
  });

  it('one odd frame does not flip the advice, a lasting change does', () => {
    const meter = new LightingMeter(manualClock().now);
    for (const luma of [120, 120, 120]) meter.add(luma);
    meter.add(20);
    expect(meter.advice, 'one dark frame (a hand passing)').to.equal('ok');
    meter.add(20);
    meter.add(20);
    expect(meter.advice).to.equal('too-dark');
  });

  it('black frames at the start are a camera still starting, not a dark room; black after a picture counts at once', () => {
    const clock = manualClock();
    const meter = new LightingMeter(clock.now);
    for (let i = 0; i < 5; i++) {
      expect(meter.add(0)).to.equal(false);
      clock.advance(300);
    }
    expect(meter.advice).to.equal('measuring');
    for (const luma of [110, 110, 110]) meter.add(luma);
    expect(meter.advice).to.equal('ok');
    expect(meter.add(0), 'the light went out').to.equal(true);
  });

  it('black frames past the start are a covered or dark camera: "too dark"', () => {
    const clock = manualClock();
    const meter = new LightingMeter(clock.now);
    clock.advance(LIGHTING_THRESHOLDS.blackStartMs - 1);
    expect(meter.add(0)).to.equal(false);
    clock.advance(1);
    for (let i = 0; i < 3; i++) expect(meter.add(0)).to.equal(true);
    expect(meter.advice).to.equal('too-dark');
  });

  it('a frame with nothing painted never counts', () => {
    const meter = new LightingMeter(manualClock().now);
    expect(meter.add(undefined)).to.equal(false);
    expect(meter.add(Number.NaN)).to.equal(false);
    expect(meter.brightness).to.equal(undefined);
  });
});
