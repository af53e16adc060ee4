import { expect } from '@open-wc/testing';
import { playableSeconds, revealDuration } from '../../src/core/media-duration.js';

/**
 * A player as revealDuration sees it: a duration, and a currentTime whose far seek makes it look
 * for the end (`seekFinds`: the duration found, or undefined for a player that never finishes).
 */
class FakePlayer extends EventTarget {
  duration: number;
  readonly seeks: number[] = [];
  constructor(duration: number, private readonly seekFinds?: number) {
    super();
    this.duration = duration;
  }
  get currentTime(): number {
    return this.seeks.at(-1) ?? 0;
  }
  set currentTime(value: number) {
    this.seeks.push(value);
    const found = this.seekFinds;
    if (value > 1e100 && found !== undefined) {
      queueMicrotask(() => {
        this.duration = found;
        this.dispatchEvent(new Event('seeked'));
      });
    }
  }
  listeners = 0;
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.listeners++;
    super.addEventListener(...args);
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.listeners--;
    super.removeEventListener(...args);
  }
}

const asMedia = (player: FakePlayer) => player as unknown as HTMLMediaElement;

describe('media duration', () => {
  describe('revealDuration', () => {
    it('leaves a player that knows its duration alone', async () => {
      const player = new FakePlayer(12.5, 12.5);
      await revealDuration(asMedia(player));
      expect(player.seeks).to.deep.equal([]);
    });

    it('seeks past the end of a streamed recording, then back to the start, once the end is found', async () => {
      const player = new FakePlayer(Infinity, 42.3);
      await revealDuration(asMedia(player));
      expect(player.duration).to.equal(42.3);
      expect(player.seeks).to.deep.equal([1e101, 0]);
      expect(player.listeners, 'a seeked listener left behind').to.equal(0);
    });

    it('gives up after the time limit on a player that never finishes the seek, and still seeks back', async () => {
      const player = new FakePlayer(Infinity);
      await revealDuration(asMedia(player), 1);
      expect(player.duration).to.equal(Infinity);
      expect(player.seeks).to.deep.equal([1e101, 0]);
      expect(player.listeners).to.equal(0);
    });
  });

  describe('playableSeconds', () => {
    it('takes the longer of what the player knows and what the recorder measured', () => {
      expect(playableSeconds(10, 4000)).to.equal(10);
      expect(playableSeconds(2.5, 4000), 'a player that has read only part of the file').to.equal(4);
    });

    it('counts an unknown duration (Infinity, NaN) as nothing, and a missing measurement as 0', () => {
      expect(playableSeconds(Infinity, 3000)).to.equal(3);
      expect(playableSeconds(NaN, 3000)).to.equal(3);
      expect(playableSeconds(Infinity, undefined)).to.equal(0);
      expect(playableSeconds(7, undefined)).to.equal(7);
    });
  });
});
