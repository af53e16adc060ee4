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
});
