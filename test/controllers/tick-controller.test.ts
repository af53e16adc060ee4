import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { TickController } from '../../src/controllers/tick-controller.js';
import { manualTimers } from '../support/timers.js';

/** A host that counts its renders and ticks while `active` is true. */
class TickHost extends LitElement {
  static clock = manualTimers();
  active = false;
  renders = 0;
  readonly ticker = new TickController(this, () => this.active, TickHost.clock.timers);
  protected override updated(): void {
    this.renders++;
  }
}
customElements.define('test-tick-host', TickHost);

async function connectedHost(active: boolean): Promise<TickHost> {
  TickHost.clock = manualTimers();
  const host = document.createElement('test-tick-host') as TickHost;
  host.active = active;
  document.body.append(host);
  await host.updateComplete;
  return host;
}

describe('TickController', () => {
  afterEach(() => {
    for (const host of document.querySelectorAll('test-tick-host')) host.remove();
  });

  it('schedules nothing while nothing on screen changes with time', async () => {
    const host = await connectedHost(false);
    expect(TickHost.clock.pending()).to.equal(0);
    TickHost.clock.advance(5000);
    expect(host.isUpdatePending).to.equal(false);
    expect(host.renders).to.equal(1);
  });

  it('re-renders the host once a second while active, with one timer however often it renders', async () => {
    const host = await connectedHost(true);
    const clock = TickHost.clock;
    expect(clock.pending()).to.equal(1);
    clock.advance(999);
    expect(host.isUpdatePending, 'a render before the second is up').to.equal(false);
    clock.advance(1);
    expect(host.isUpdatePending).to.equal(true);
    await host.updateComplete;
    expect(host.renders).to.equal(2);
    // Renders of its own (a progress event) do not add timers.
    host.requestUpdate();
    await host.updateComplete;
    expect(clock.pending()).to.equal(1);
    clock.advance(3000);
    await host.updateComplete;
    expect(host.renders).to.equal(4);
  });

  it('stops at the first render after it turns inactive, and starts again when active', async () => {
    const host = await connectedHost(true);
    const clock = TickHost.clock;
    host.active = false;
    host.requestUpdate();
    await host.updateComplete;
    expect(clock.pending()).to.equal(0);
    clock.advance(3000);
    expect(host.isUpdatePending).to.equal(false);
    host.active = true;
    host.requestUpdate();
    await host.updateComplete;
    expect(clock.pending()).to.equal(1);
  });

  it('stops its timer when the host leaves the page, and renders nothing afterwards', async () => {
    const host = await connectedHost(true);
    const clock = TickHost.clock;
    host.remove();
    expect(clock.pending()).to.equal(0);
    clock.advance(5000);
    expect(host.isUpdatePending).to.equal(false);
    // A render while detached (a property set by the host page) must not start a timer either.
    host.requestUpdate();
    await host.updateComplete;
    expect(clock.pending()).to.equal(0);
  });

  it('ticks again when an active host is moved to another place on the page', async () => {
    const host = await connectedHost(true);
    const clock = TickHost.clock;
    const other = document.createElement('div');
    document.body.append(other);
    other.append(host); // disconnected, then connected, with no render in between
    expect(clock.pending()).to.equal(1);
    clock.advance(1000);
    expect(host.isUpdatePending).to.equal(true);
    other.remove();
    expect(clock.pending()).to.equal(0);
  });
});
