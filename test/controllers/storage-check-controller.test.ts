import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { StorageCheckController, type StorageCheckSource } from '../../src/controllers/storage-check-controller.js';
import { bytesForAnswer } from '../../src/core/device-advice.js';
import { LINK_TIERS } from '../../src/core/link-policy.js';
import { mountHost, removeHosts } from '../support/controller-host.js';

/** `navigator.storage` with a fixed estimate; `persisted` says whether the site's data is kept already. */
function fakeStorage(estimate: StorageEstimate, persisted = false) {
  const calls: string[] = [];
  let answerEstimate: (() => void) | undefined;
  const storage = {
    calls,
    /** When true, estimate() waits for `release()`. */
    hold: false,
    release: () => answerEstimate?.(),
    async estimate() {
      calls.push('estimate');
      if (storage.hold) await new Promise<void>((resolve) => (answerEstimate = resolve));
      return estimate;
    },
    async persisted() {
      calls.push('persisted');
      return persisted;
    },
    async persist() {
      calls.push('persist');
      return true;
    },
  };
  return storage;
}

class StorageHost extends LitElement {
  source: StorageCheckSource | undefined = fakeStorage({ quota: 10_000_000_000, usage: 0 });
  readonly storage = new StorageCheckController(this, { storage: () => this.source });
}
customElements.define('test-storage-host', StorageHost);

const storageHost = (source: StorageCheckSource | undefined) => mountHost<StorageHost>('test-storage-host', (host) => (host.source = source));

/** Lets the persist request (not awaited by the controller) run. */
const settled = () => new Promise<void>((resolve) => setTimeout(resolve));

describe('StorageCheckController', () => {
  afterEach(() => removeHosts('test-storage-host'));

  it('room for the longest answer: no shortfall; asks the browser to keep the data', async () => {
    const source = fakeStorage({ quota: 10_000_000_000, usage: 0 });
    const host = await storageHost(source);
    await host.storage.check();
    await settled();
    expect(host.storage.estimate).to.deep.equal({ quota: 10_000_000_000, usage: 0 });
    expect(host.storage.shortfall(300, undefined)).to.equal(undefined);
    expect(source.calls).to.include.members(['estimate', 'persisted', 'persist']);
  });

  it('too little room: what is free and what the longest answer needs at the top bitrate before the link is measured', async () => {
    const host = await storageHost(fakeStorage({ quota: 30_000_000, usage: 25_000_000 }));
    await host.storage.check();
    const shortfall = host.storage.shortfall(120, undefined)!;
    expect(shortfall.freeBytes).to.equal(5_000_000);
    expect(shortfall.neededBytes).to.be.greaterThan(shortfall.freeBytes);
    expect(shortfall.neededBytes).to.equal(bytesForAnswer(120, LINK_TIERS[0].maxVideoBps, LINK_TIERS[0].audioBitsPerSecond));
  });

  it('a slow link needs less room: the same space can be enough', async () => {
    const host = await storageHost(fakeStorage({ quota: 30_000_000, usage: 25_000_000 }));
    await host.storage.check();
    expect(host.storage.shortfall(120, undefined)).to.not.equal(undefined);
    expect(host.storage.shortfall(120, 150_000)).to.equal(undefined);
  });

  it('already kept: does not ask again', async () => {
    const source = fakeStorage({ quota: 10_000_000_000 }, true);
    const host = await storageHost(source);
    await host.storage.check();
    await settled();
    expect(source.calls).to.not.include('persist');
  });

  it('a browser without navigator.storage, or whose estimate fails: no estimate, no shortfall', async () => {
    const none = await storageHost(undefined);
    await none.storage.check();
    expect(none.storage.estimate).to.equal(undefined);
    expect(none.storage.shortfall(300, undefined)).to.equal(undefined);

    const failing = await storageHost({ estimate: () => Promise.reject(new Error('no quota')) });
    await failing.storage.check();
    expect(failing.storage.estimate).to.equal(undefined);
  });

  it('an estimate that arrives after the host left is dropped', async () => {
    const source = fakeStorage({ quota: 30_000_000, usage: 25_000_000 });
    source.hold = true;
    const host = await storageHost(source);
    const checked = host.storage.check();
    host.remove();
    source.release();
    await checked;
    expect(host.storage.estimate).to.equal(undefined);
  });
});
