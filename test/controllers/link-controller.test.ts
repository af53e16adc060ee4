import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LinkController } from '../../src/controllers/link-controller.js';
import type { LinkWatch } from '../../src/core/link-watch.js';
import { manualClock } from '../support/clock.js';
import { probes } from '../support/link-probes.js';

/** A host that counts the renders asked of it. */
class LinkHost extends LitElement {
  renderRequests = 0;
  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    this.renderRequests++;
    super.requestUpdate(...args);
  }
}
customElements.define('test-link-host', LinkHost);

function linkHost() {
  const host = document.createElement('test-link-host') as LinkHost;
  const clock = manualClock(100_000);
  const made = probes();
  const link = new LinkController(host, { endpoint: () => '/files', authorize: () => undefined, now: clock.now, createProbe: made.create });
  document.body.append(host);
  host.renderRequests = 0;
  return { host, link, clock, probes: made.made };
}

/** Resolves with the watch once it is loaded. */
const loaded = (link: LinkController) => new Promise<LinkWatch>((resolve) => link.tell(resolve));

describe('LinkController', () => {
  afterEach(() => {
    for (const host of document.querySelectorAll('test-link-host')) host.remove();
  });

  it('records at the recorder’s defaults until the watch is loaded, then renders the host', async () => {
    const { host, link } = linkHost();
    expect(link.settings).to.deep.equal({});
    expect(link.note('q1#1', true)).to.equal(undefined);
    await loaded(link);
    expect(host.renderRequests).to.equal(1);
    expect(link.settings.height).to.equal(720);
  });

  it('passes calls made before the watch is there on in order, and later ones at once', async () => {
    const { link } = linkHost();
    const order: string[] = [];
    link.tell(() => order.push('first'));
    link.tell((watch) => watch.deviceChecked({ throughputBps: 380_000 }));
    link.tell(() => order.push('second'));
    expect(order).to.deep.equal([]);
    await loaded(link);
    expect(order).to.deep.equal(['first', 'second']);
    expect(link.settings).to.include({ height: 360, frameRate: 6 });
    link.tell(() => order.push('now'));
    expect(order).to.deep.equal(['first', 'second', 'now']);
  });

  it('renders the host whenever what the watch says changes', async () => {
    const { host, link } = linkHost();
    const watch = await loaded(link);
    const before = host.renderRequests;
    watch.tested(2_000_000);
    expect(host.renderRequests).to.equal(before + 1);
  });

  it('cancels the test upload under way when the host leaves the page', async () => {
    const { host, link, clock, probes } = linkHost();
    const watch = await loaded(link);
    watch.questionShown();
    expect(probes).to.have.length(1);
    clock.advance(10_000); // a slow test: the link carries less than its bytes so far
    expect(link.settings.height).to.be.below(720);
    host.remove();
    expect(probes[0].cancelled).to.equal(true);
    expect(link.settings.height, 'still bounded by a test that was cancelled').to.equal(720);
  });

  it('starts no test upload for a host that left before the watch was loaded', async () => {
    const { host, link, probes } = linkHost();
    link.tell((watch) => watch.questionShown());
    host.remove();
    await loaded(link);
    expect(probes.every((probe) => probe.cancelled), 'a test upload runs for a page that is gone').to.equal(true);
  });
});
