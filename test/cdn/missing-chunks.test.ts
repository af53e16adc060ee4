import { expect } from '@open-wc/testing';
import { en } from '../../src/i18n/en.js';
import type { OnewayErrorDetail } from '../../src/events/error.js';
import { waitFor } from '../support/wait.js';

type LoggedWindow = Window & { onewayErrors: OnewayErrorDetail[] };

describe('CDN bundle without its chunks', () => {
  let iframe: HTMLIFrameElement;

  afterEach(() => iframe.remove());

  it('tells the candidate the interview could not load, and the host why, instead of a blank widget', async () => {
    iframe = document.createElement('iframe');
    iframe.src = '/test/fixtures/missing-chunks.html';
    document.body.append(iframe);
    const page = () => iframe.contentWindow as LoggedWindow | null;
    const alert = () => page()?.document.querySelector('oneway-interview')?.shadowRoot?.querySelector('[part~="step"][role="alert"]');

    await waitFor(() => alert()?.textContent === en['error.widget-unavailable'], 'the interview showed no message when its chunks did not load', 15_000);
    const errors = page()!.onewayErrors.filter((error) => error.code === 'widget-unavailable');
    expect(errors).to.have.length(1);
    expect(errors[0].recoverable).to.equal(false);
    expect(errors[0].message).to.contain('could not load its code');
  });
});
