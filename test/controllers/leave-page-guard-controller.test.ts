import { expect } from '@open-wc/testing';
import { LeavePageGuardController } from '../../src/controllers/leave-page-guard-controller.js';
import { controllerHost } from '../support/controller-host.js';

/** Fires a cancelable `beforeunload` at `target`; true when the page would ask "Leave site?". */
function leave(target: EventTarget): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('LeavePageGuardController', () => {
  it('questions leaving only while something is pending, and only while the host is on the page', () => {
    const page = controllerHost();
    const window = new EventTarget();
    let pending = false;
    new LeavePageGuardController(page.host, () => pending, window);
    pending = true;
    expect(leave(window), 'not connected yet').to.equal(false);
    page.connect();
    expect(leave(window)).to.equal(true);
    pending = false;
    expect(leave(window)).to.equal(false);
    pending = true;
    page.disconnect();
    expect(leave(window), 'gone from the page').to.equal(false);
  });
});
