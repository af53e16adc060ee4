import { expect } from '@open-wc/testing';
import { en } from '../../src/i18n/en.js';
import type { OnewayErrorDetail } from '../../src/events/error.js';
import { waitFor } from '../support/wait.js';

type LoggedWindow = Window & { onewayErrors: OnewayErrorDetail[] };

describe('CDN bundle without its chunks', () => {
  let iframe: HTMLIFrameElement;

  afterEach(() => iframe.remove());

  it('tells the candidate and the employer the widget could not load, and the host why, instead of a blank widget', async () => {
    iframe = document.createElement('iframe');
    iframe.src = '/test/fixtures/missing-chunks.html';
    document.body.append(iframe);
    const page = () => iframe.contentWindow as LoggedWindow | null;
    const alert = (tag: string) => page()?.document.querySelector(tag)?.shadowRoot?.querySelector('[part~="unavailable"][role="alert"]');

    for (const tag of ['oneway-interview', 'oneway-review']) {
      await waitFor(() => alert(tag)?.textContent === en['error.widget-unavailable'], `<${tag}> showed no message when its chunk did not load`, 15_000);
    }
    const errors = page()!.onewayErrors.filter((error) => error.code === 'widget-unavailable');
    expect(errors.map((error) => error.message.slice(0, error.message.indexOf(' could not')))).to.have.members(['<oneway-interview>', '<oneway-review>']);
    for (const error of errors) {
      expect(error.recoverable).to.equal(false);
      expect(error.message).to.contain('could not load its code');
    }
  });

  it('tells the candidate "Get help" could not load, with the host\'s contacts, fires help-unavailable, and tries again on the next press', async () => {
    // Firefox keeps a failed dynamic import in its module map until the page reloads (test/engines/README.md).
    const importsAgain = !/Firefox\//.test(navigator.userAgent);
    iframe = document.createElement('iframe');
    iframe.src = '/test/fixtures/missing-help.html';
    document.body.append(iframe);
    const page = () => iframe.contentWindow as LoggedWindow | null;
    const root = () => page()?.document.querySelector('oneway-interview')?.shadowRoot;
    const helpButton = () => root()?.querySelector<HTMLButtonElement>('[part~="help-button"]');
    const alert = () => root()?.querySelector('[part="help-unavailable"][role="alert"]');
    const helpErrors = () => page()!.onewayErrors.filter((error) => error.code === 'help-unavailable');
    const helpFetches = () => page()!.performance.getEntriesByType('resource').filter((entry) => entry.name.includes('help-dialog')).length;

    await waitFor(() => helpButton(), 'the interview did not render', 15_000);
    // Fetched (and refused) once the interview was ready, before anyone asked for help.
    await waitFor(() => helpFetches() === 1, 'the help chunk was not fetched ahead', 15_000);
    expect(alert(), 'nothing is said before the candidate asks').to.equal(null);
    helpButton()!.click();
    await waitFor(() => alert(), 'the candidate was not told that help could not open', 15_000);
    expect(alert()!.textContent).to.contain(en['error.help-unavailable']);
    const links = [...alert()!.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(links, 'the contacts from the config, which need no chunk').to.deep.equal(['mailto:help@example.com', 'https://example.com/help']);
    expect(helpErrors().map((error) => error.recoverable)).to.deep.equal([true]);
    expect(helpErrors()[0].message).to.contain('"Get help" could not load its code');
    expect(root()!.querySelector('[part~="help-dialog"]'), 'no dialog without its code').to.equal(null);
    expect(root()!.querySelector('[part~="step"]'), 'the interview goes on').to.not.equal(null);

    // The first press may still meet the refused prefetch; the next one fetches anew.
    const fetched = helpFetches();
    helpButton()!.click();
    await waitFor(() => helpErrors().length === 2, 'a second press did not try again');
    expect(helpFetches(), 'the second press fetched the chunk again where the engine imports again').to.equal(importsAgain ? fetched + 1 : fetched);
    expect(alert(), 'still told').to.not.equal(null);
  });
});
