import { expect } from '@open-wc/testing';
import {
  averageLuma,
  bytesForAnswer,
  CONNECTION_GUIDANCE,
  LIGHTING_GUIDANCE,
  LIGHTING_THRESHOLDS,
  LightingMeter,
  MICROPHONE_GUIDANCE,
  paintedLuma,
  FLOOR_DB,
  levelWindow,
  lightingAdvice,
  meterValue,
  microphoneAdvice,
  rms,
  rmsToDb,
  storageAdvice,
  type LevelSample,
} from '../../src/core/device-advice.js';
import { en } from '../../src/i18n/en.js';
import { manualClock } from '../support/clock.js';

/** Readings every 100 ms over `ms`, loud (`loudDb`) every `every`-th reading, `quietDb` otherwise. */
function readings(ms: number, quietDb: number, loudDb = quietDb, every = 5): LevelSample[] {
  const samples: LevelSample[] = [];
  for (let at = 0, i = 0; at <= ms; at += 100, i++) samples.push({ at, db: i % every === 0 ? loudDb : quietDb });
  return samples;
}

describe('device advice: microphone', () => {
  const cases: [string, LevelSample[], number, string][] = [
    ['no readings yet', [], 0, 'measuring'],
    ['only 1 s of readings', readings(1000, -90), 1000, 'measuring'],
    ['4 s of digital silence', readings(4000, FLOOR_DB), 4000, 'silent'],
    ['4 s of a muted microphone (-70 dBFS)', readings(4000, -70), 4000, 'silent'],
    ['4 s just below the silence threshold', readings(4000, -65, -51), 4000, 'silent'],
    ['a quiet room with speech peaks', readings(4000, -65, -20), 4000, 'ok'],
    ['a quiet room with faint speech (-45 dBFS)', readings(4000, -70, -45), 4000, 'ok'],
    ['speech over a loud floor (-30 dBFS)', readings(4000, -30, -12), 4000, 'noisy'],
    ['a constant hum at -38 dBFS', readings(4000, -38), 4000, 'noisy'],
    ['a floor just under the noise threshold', readings(4000, -41, -15), 4000, 'ok'],
    ['silence long ago, speech in the window', [...readings(4000, -90), ...readings(4000, -60, -20).map((s) => ({ ...s, at: s.at + 5000 }))], 9000, 'ok'],
  ];
  for (const [name, samples, now, advice] of cases) {
    it(`${name} → ${advice}`, () => {
      expect(microphoneAdvice(levelWindow(samples, now))).to.equal(advice);
    });
  }

  it('takes the peak and a low percentile of the window as peak and floor', () => {
    const window = levelWindow(readings(4000, -60, -10), 4000);
    expect(window.peakDb).to.equal(-10);
    expect(window.floorDb).to.equal(-60);
    expect(window.spanMs).to.equal(4000);
  });

  it('converts RMS to dBFS, clamped to the floor', () => {
    expect(rmsToDb(1)).to.equal(0);
    expect(rmsToDb(0.1)).to.be.closeTo(-20, 1e-9);
    expect(rmsToDb(0.001)).to.be.closeTo(-60, 1e-9);
    expect(rmsToDb(0)).to.equal(FLOOR_DB);
    expect(rmsToDb(1e-9)).to.equal(FLOOR_DB);
    expect(rmsToDb(Number.NaN)).to.equal(FLOOR_DB);
  });

  it('computes RMS of samples', () => {
    expect(rms([])).to.equal(0);
    expect(rms([0.5, -0.5, 0.5, -0.5])).to.equal(0.5);
    const sine = Array.from({ length: 4800 }, (_, i) => Math.sin((2 * Math.PI * 440 * i) / 48000));
    expect(rms(sine)).to.be.closeTo(Math.SQRT1_2, 1e-3);
  });

  it('maps dBFS onto the meter: -60 and below empty, 0 full', () => {
    expect([FLOOR_DB, -60, -30, -6, 0].map(meterValue)).to.deep.equal([0, 0, 0.5, 0.9, 1]);
  });
});

describe('device advice: lighting', () => {
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

describe('device advice: storage', () => {
  it('estimates the bytes of the longest answer with a margin', () => {
    // 120 s × (1 Mbit/s video + 128 kbit/s audio) × 1.5 / 8
    expect(bytesForAnswer(120, 1_000_000)).to.equal(25_380_000);
    expect(bytesForAnswer(0, 1_000_000)).to.equal(0);
  });

  const cases: [string, Parameters<typeof storageAdvice>[0], string][] = [
    ['no estimate', { maxAnswerSeconds: 300, videoBitsPerSecond: 2_500_000 }, 'unknown'],
    ['plenty of room', { quotaBytes: 10e9, usageBytes: 1e6, maxAnswerSeconds: 300, videoBitsPerSecond: 2_500_000 }, 'ok'],
    ['10 MB free, 5 min at 2.5 Mbit/s', { quotaBytes: 20e6, usageBytes: 10e6, maxAnswerSeconds: 300, videoBitsPerSecond: 2_500_000 }, 'low'],
    ['10 MB free, 30 s at 250 kbit/s', { quotaBytes: 20e6, usageBytes: 10e6, maxAnswerSeconds: 30, videoBitsPerSecond: 250_000 }, 'ok'],
    ['exactly enough', { quotaBytes: bytesForAnswer(60, 1e6), usageBytes: 0, maxAnswerSeconds: 60, videoBitsPerSecond: 1e6 }, 'ok'],
    ['one byte short', { quotaBytes: bytesForAnswer(60, 1e6) - 1, usageBytes: 0, maxAnswerSeconds: 60, videoBitsPerSecond: 1e6 }, 'low'],
  ];
  for (const [name, check, advice] of cases) {
    it(`${name} → ${advice}`, () => {
      expect(storageAdvice(check)).to.equal(advice);
    });
  }
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

describe('guidance tables', () => {
  it('every piece of advice has English words, and exactly the problems are warnings', () => {
    const tables = { MICROPHONE_GUIDANCE, LIGHTING_GUIDANCE, CONNECTION_GUIDANCE };
    const warnings: string[] = [];
    for (const [table, entries] of Object.entries(tables)) {
      for (const [advice, { message, warning }] of Object.entries(entries)) {
        expect(en[message], `${table}.${advice}`).to.be.a('string').and.not.equal('');
        if (warning) warnings.push(advice);
      }
    }
    expect(warnings.sort()).to.deep.equal(['failed', 'noisy', 'silent', 'slow', 'too-bright', 'too-dark', 'too-slow-for-video']);
  });
});
