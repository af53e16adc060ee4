import { expect, waitUntil } from '@open-wc/testing';
import { waitFor } from '../support/wait.js';

type ProbedWindow = Window & { cspViolations: string[]; pageErrors: string[] };

describe('CDN bundle', () => {
  it('registers its elements and loads a language chunk on a page with a strict CSP (no inline, no eval), even loaded twice', async () => {
    const response = await fetch('/test/fixtures/csp.html');
    expect(response.headers.get('Content-Security-Policy')).to.contain("script-src 'self'");

    const iframe = document.createElement('iframe');
    iframe.src = '/test/fixtures/csp.html';
    document.body.append(iframe);
    try {
      await waitUntil(() => iframe.contentWindow?.customElements.get('oneway-recorder'), 'the bundle did not register', {
        timeout: 15_000,
      });
      const page = iframe.contentWindow as ProbedWindow;
      const recorder = page.document.querySelector('oneway-recorder')!;
      await waitFor(() => recorder.shadowRoot?.querySelector('[part="record-button"]'), 'the recorder did not render');
      const countdown = page.document.querySelector('oneway-countdown')!;
      await waitUntil(
        () => countdown.shadowRoot?.querySelector('[part="timer"]')?.getAttribute('aria-label') === 'Verbleibende Zeit',
        'the German messages did not load next to the bundle',
      );
      expect(page.cspViolations).to.deep.equal([]);
      expect(page.pageErrors).to.deep.equal([]);
    } finally {
      iframe.remove();
    }
  });
});
