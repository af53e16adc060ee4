import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { closestLang, LocaleController } from '../../src/controllers/locale-controller.js';
import { registerMessages } from '../../src/i18n/runtime.js';
import { waitFor } from '../support/wait.js';

/** A host that counts the renders asked of it. */
class LocaleHost extends LitElement {
  readonly i18n = new LocaleController(this);
  renderRequests = 0;
  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    this.renderRequests++;
    super.requestUpdate(...args);
  }
}
customElements.define('test-locale-host', LocaleHost);

/** An element with a shadow root, as a host's own component would be. */
class ShadowWrapper extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<div class="inner"></div>';
  }
}
customElements.define('test-locale-wrapper', ShadowWrapper);

const made: Element[] = [];
function place<T extends Element>(element: T, parent: Element | ShadowRoot = document.body): T {
  parent.append(element);
  made.push(element);
  return element;
}
const localeHost = (lang?: string) => {
  const host = document.createElement('test-locale-host') as LocaleHost;
  if (lang !== undefined) host.lang = lang;
  return host;
};

describe('LocaleController', () => {
  afterEach(() => {
    for (const element of made.splice(0)) element.remove();
    document.documentElement.removeAttribute('lang');
  });

  it('speaks English, left to right, when no lang is set anywhere', () => {
    const host = place(localeHost());
    expect(host.i18n.lang).to.equal('en');
    expect(host.i18n.requested).to.equal('en');
    expect(host.i18n.dir).to.equal('ltr');
    expect(host.i18n.pending).to.equal(undefined);
    expect(host.i18n.t('countdown.label')).to.equal('Time left');
  });

  it('loads a shipped language once, says so with pending, and then speaks it', async () => {
    const host = place(localeHost('ja'));
    const pending = host.i18n.pending;
    expect(pending, 'Japanese is loaded before its first use').to.be.instanceOf(Promise);
    await pending;
    await waitFor(() => host.i18n.t('countdown.label') === '残り時間', 'Japanese never arrived');
    expect(host.i18n.pending).to.equal(undefined);
    expect(place(localeHost('ja')).i18n.pending, 'loaded twice').to.equal(undefined);
  });

  it('takes the closest lang: its own, an ancestor’s across shadow roots, then the page’s', async () => {
    const wrapper = place(document.createElement('test-locale-wrapper'));
    wrapper.setAttribute('lang', 'ar');
    const inner = wrapper.shadowRoot!.querySelector('.inner')!;
    const inside = place(localeHost(), inner);
    expect(closestLang(inside)).to.equal('ar');
    expect(inside.i18n.requested).to.equal('ar');
    // English, left to right, until the Arabic table is there: never English laid out right to left.
    expect(inside.i18n.lang).to.equal('en');
    expect(inside.i18n.dir).to.equal('ltr');
    await inside.i18n.pending;
    await waitFor(() => inside.i18n.dir === 'rtl', 'Arabic never arrived');
    expect(inside.i18n.lang).to.equal('ar');
    const own = place(localeHost('de-AT'), inner);
    expect(closestLang(own)).to.equal('de-AT');
    await own.i18n.pending;
    expect(own.i18n.lang, 'a regional tag keeps its region for formatting').to.equal('de-AT');
    expect(own.i18n.dir).to.equal('ltr');
    // An empty lang says nothing: look further up.
    const empty = place(localeHost(''), inner);
    expect(closestLang(empty)).to.equal('ar');
    wrapper.removeAttribute('lang');
    document.documentElement.lang = 'fr';
    expect(closestLang(empty)).to.equal('fr');
  });

  it('re-renders when a lang changes above it, in the document or inside a shadow root', async () => {
    const wrapper = place(document.createElement('test-locale-wrapper'));
    const inner = wrapper.shadowRoot!.querySelector('.inner')!;
    const host = place(localeHost(), inner);
    document.documentElement.lang = 'es';
    await waitFor(() => host.i18n.requested === 'es', 'the page’s lang did not reach the element');
    const requests = host.renderRequests;
    inner.setAttribute('lang', 'fr');
    await waitFor(() => host.i18n.requested === 'fr', 'a lang inside the shadow root did not reach the element');
    await waitFor(() => host.i18n.t('countdown.label') === 'Temps restant', 'French never arrived');
    expect(host.renderRequests, 'no render for the new language').to.be.above(requests);
  });

  it('re-renders every element when the host page registers messages', async () => {
    const host = place(localeHost('it'));
    expect(host.i18n.lang, 'Italian has no messages yet').to.equal('en');
    const requests = host.renderRequests;
    registerMessages('it', { 'countdown.label': 'Tempo rimasto' });
    expect(host.renderRequests).to.equal(requests + 1);
    expect(host.i18n.lang).to.equal('it');
    expect(host.i18n.t('countdown.label')).to.equal('Tempo rimasto');
    expect(host.i18n.t('countdown.timeUp', { label: 'Tempo' }), 'English where a message is missing').to.equal('Tempo: time is up.');
  });

  it('stops following lang changes and registered messages once the host leaves the page', async () => {
    const staying = place(localeHost());
    const leaving = place(localeHost());
    leaving.remove();
    const requests = leaving.renderRequests;
    document.documentElement.lang = 'de';
    await waitFor(() => staying.i18n.requested === 'de', 'the element on the page did not follow');
    registerMessages('en', {});
    expect(leaving.i18n.requested).to.equal('en');
    expect(leaving.renderRequests).to.equal(requests);
    // Back on the page, it reads its language again at once.
    place(leaving);
    expect(leaving.i18n.requested).to.equal('de');
  });

  it('formats numbers, shares, sizes, clocks and dates for its language', async () => {
    const host = place(localeHost('de'));
    await host.i18n.pending;
    expect(host.i18n.number(1234.5)).to.equal('1.234,5');
    expect(host.i18n.percent(0.5)).to.equal('50\u00a0%');
    expect(host.i18n.bytes(1_200_000)).to.contain('1,2');
    expect(host.i18n.clock(65)).to.equal('1:05');
    expect(host.i18n.date(Date.UTC(2026, 11, 1, 12), { dateStyle: 'long', timeZone: 'UTC' })).to.equal('1. Dezember 2026');
  });
});
