import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { SlotLockController } from '../../src/controllers/slot-lock-controller.js';
import { waitFor } from '../support/wait.js';

/** A host whose slot name a test can change, as the recorder's `recording-id` changes per question. */
class LockHost extends LitElement {
  slotName = `test-slot-${Math.random().toString(36).slice(2)}`;
  readonly lock = new SlotLockController(this, () => this.slotName);
}
customElements.define('test-lock-host', LockHost);

/** The names of this test's locks that are held right now, in this page and any other. */
async function heldLocks(): Promise<string[]> {
  const { held = [] } = await navigator.locks.query();
  return held.map((lock) => lock.name!).filter((name) => name.startsWith('oneway-interview:test-slot-'));
}

/** Lets the lock manager answer every request made so far. */
const settled = () => navigator.locks.request(`settle-${Math.random()}`, () => undefined);

describe('SlotLockController', () => {
  it('holds the slot lock while connected and lets go on disconnect', async () => {
    const host = document.createElement('test-lock-host') as LockHost;
    document.body.append(host);
    await host.lock.acquired;
    expect(host.lock.status).to.equal('held');
    expect(await heldLocks()).to.deep.equal([`oneway-interview:${host.slotName}`]);
    host.remove();
    await waitFor(async () => (await heldLocks()).length === 0, 'the lock is still held');
  });

  it('does not take a lock that is granted after the host has left', async () => {
    const host = document.createElement('test-lock-host') as LockHost;
    document.body.append(host);
    // Gone before the lock manager answers: its answer must not leave the slot locked for good.
    host.remove();
    await settled();
    expect(await heldLocks()).to.deep.equal([]);
    expect(host.lock.status).to.equal('waiting');
  });

  it('holds only the newest slot when the slot changes twice before a lock is granted', async () => {
    const host = document.createElement('test-lock-host') as LockHost;
    document.body.append(host);
    const first = host.slotName;
    host.slotName = `${first}-2`;
    host.lock.relock();
    host.slotName = `${first}-3`;
    host.lock.relock();
    await host.lock.acquired;
    await settled();
    expect(await heldLocks()).to.deep.equal([`oneway-interview:${first}-3`]);
    host.remove();
    await waitFor(async () => (await heldLocks()).length === 0, 'a lock is still held');
  });

  it('says busy while another holder has the slot, and takes it when that one lets go', async () => {
    const first = document.createElement('test-lock-host') as LockHost;
    document.body.append(first);
    await first.lock.acquired;
    const second = document.createElement('test-lock-host') as LockHost;
    second.slotName = first.slotName;
    document.body.append(second);
    await waitFor(() => second.lock.status === 'busy', 'the second holder is not busy');
    first.remove();
    await second.lock.acquired;
    expect(second.lock.status).to.equal('held');
    second.remove();
    await waitFor(async () => (await heldLocks()).length === 0, 'a lock is still held');
  });
});
