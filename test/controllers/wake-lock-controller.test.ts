import { expect } from '@open-wc/testing';
import { WakeLockController, type WakeLockProvider } from '../../src/controllers/wake-lock-controller.js';
import { controllerHost } from '../support/controller-host.js';

/** A wake lock provider that counts what is asked of it. */
function provider(refuse = false) {
  const state = { requests: 0, releases: 0 };
  const wakeLock: WakeLockProvider = {
    request: async () => {
      state.requests++;
      if (refuse) throw new DOMException('Battery saver', 'NotAllowedError');
      return { release: async () => void state.releases++ };
    },
  };
  return { wakeLock, state };
}

describe('WakeLockController', () => {
  it('asks once however often it is acquired, and releases what it got', async () => {
    const { host, connect } = controllerHost();
    const { wakeLock, state } = provider();
    const lock = new WakeLockController(host, wakeLock);
    connect();
    lock.acquire();
    lock.acquire();
    expect(lock.held).to.equal(true);
    expect(state.requests).to.equal(1);
    lock.release();
    expect(lock.held).to.equal(false);
    await Promise.resolve();
    await Promise.resolve();
    expect(state.releases).to.equal(1);
  });

  it('lets go when the host leaves the page, and shrugs off a refusal or no wake lock at all', async () => {
    const page = controllerHost();
    const { wakeLock, state } = provider(true);
    const refused = new WakeLockController(page.host, wakeLock);
    const missing = new WakeLockController(page.host, undefined);
    page.connect();
    refused.acquire();
    missing.acquire();
    page.disconnect();
    expect(refused.held).to.equal(false);
    expect(missing.held).to.equal(false);
    expect(state.requests).to.equal(1);
  });
});
