import { expect } from '@open-wc/testing';
import { Sha256 } from '../../src/core/sha256.js';
import { sha256Hex } from '../support/tus.js';

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(length, i + 65536)));
  return bytes;
}

describe('Sha256', () => {
  it('matches the known digest of "abc" and of nothing', () => {
    expect(new Sha256().update(new TextEncoder().encode('abc')).hex()).to.equal(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(new Sha256().hex()).to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('matches WebCrypto for every length around the block and padding edges', async () => {
    const data = randomBytes(200);
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200]) {
      const bytes = data.subarray(0, length);
      expect(new Sha256().update(bytes).hex(), `length ${length}`).to.equal(await sha256Hex(bytes));
    }
  });

  it('gives the same digest whatever the slicing', async () => {
    const data = randomBytes(300_001);
    const hash = new Sha256();
    for (let offset = 0, step = 1; offset < data.length; offset += step, step = (step * 7 + 3) % 70_001) {
      hash.update(data.subarray(offset, offset + step));
    }
    expect(hash.hex()).to.equal(await sha256Hex(data));
  });

  it('continues from a saved state, as after a reload', async () => {
    const data = randomBytes(1000);
    const first = new Sha256().update(data.subarray(0, 333));
    const saved = JSON.parse(JSON.stringify(first.save()));
    expect(Sha256.from(saved).update(data.subarray(333)).hex()).to.equal(await sha256Hex(data));
  });
});
