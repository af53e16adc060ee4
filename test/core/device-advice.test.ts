import { expect } from '@open-wc/testing';
import {
  bytesForAnswer,
  FLOOR_DB,
  levelWindow,
  meterValue,
  microphoneAdvice,
  rms,
  rmsToDb,
  storageAdvice,
  type LevelSample,
} from '../../src/core/device-advice.js';

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
