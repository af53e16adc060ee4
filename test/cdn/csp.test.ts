import { expect, waitUntil } from '@open-wc/testing';
import { nextEvent, waitFor } from '../support/wait.js';

type ProbedWindow = Window & { cspViolations: string[]; pageErrors: string[] };

/** The element with `part` in `host`'s shadow root (the fixture's elements live in another window, so no `instanceof`). */
const part = (host: Element | null | undefined, name: string) => host?.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

/** Clicks the enabled button with `name` among `host`'s parts, waiting for it. */
async function press(host: () => Element | null | undefined, name: string, timeoutMs = 15_000): Promise<void> {
  const button = () => part(host(), name) as HTMLButtonElement | null;
  await waitFor(() => button() && !button()!.disabled, `no enabled ${name}`, timeoutMs);
  button()!.click();
}

describe('CDN bundle', () => {
  let iframe: HTMLIFrameElement;
  let page: ProbedWindow;
  const $ = (selector: string) => page.document.querySelector(selector);

  /** The violations and page errors since the last call, once the page ran a task to report those of its last render. */
  async function problemsSince(): Promise<{ violations: string[]; errors: string[] }> {
    await new Promise<void>((resolve) => page.setTimeout(resolve));
    return { violations: page.cspViolations.splice(0), errors: page.pageErrors.splice(0) };
  }

  before(async () => {
    iframe = document.createElement('iframe');
    iframe.src = '/test/fixtures/csp.html';
    document.body.append(iframe);
    await waitUntil(() => iframe.contentWindow?.customElements.get('oneway-recorder'), 'the bundle did not register', { timeout: 15_000 });
    page = iframe.contentWindow as ProbedWindow;
  });

  after(() => iframe.remove());

  it('is served with a strict CSP: no inline script or style, no eval, Trusted Types for script sinks', async () => {
    const policy = (await fetch('/test/fixtures/csp.html')).headers.get('Content-Security-Policy');
    expect(policy).to.contain("script-src 'self'");
    expect(policy).to.contain("style-src 'self'");
    expect(policy).to.contain("require-trusted-types-for 'script'");
  });

  it('registers its elements and loads a language chunk, even loaded twice', async () => {
    await waitFor(() => part($('oneway-recorder'), 'record-button'), 'the recorder did not render');
    await waitFor(
      () => part($('[lang="de"] oneway-countdown'), 'timer')?.getAttribute('aria-label') === 'Verbleibende Zeit',
      'the German messages did not load next to the bundle',
    );
    expect(await problemsSince()).to.deep.equal({ violations: [], errors: [] });
  });

  it('raises no violation from the first render of each element, a ticking countdown, progress under way and the device check', async () => {
    for (const id of ['ticking', 'ticking-bar']) {
      const countdown = $(`#${id}`);
      await waitFor(() => part(countdown, 'time')?.textContent === '0:29', `#${id} did not tick`);
    }

    const progress = $('oneway-upload-progress') as (Element & { progress: unknown; updateComplete: Promise<boolean> }) | null;
    progress!.progress = { uploadUrl: '/files/csp-probe', bytesUploaded: 250_000, bytesRecorded: 1_000_000, recordingEnded: true, state: 'uploading' };
    await progress!.updateComplete;
    // The fill's first width comes from its first render: under the CSP it must still be drawn.
    const fill = part(progress, 'fill')!;
    const track = part(progress, 'bar')!;
    expect(fill.getBoundingClientRect().width / track.getBoundingClientRect().width).to.be.closeTo(0.25, 0.01);

    const check = $('oneway-device-check');
    await waitFor(() => part(check, 'continue-button') && !(part(check, 'continue-button') as HTMLButtonElement).disabled, 'the device check did not get ready', 15_000);

    expect(await problemsSince()).to.deep.equal({ violations: [], errors: [] });
  });

  it('raises no violation through a whole interview: intro, Get help, device check, think and answer time, review, finishing, complete', async () => {
    const interview = () => $('oneway-interview');
    await waitFor(() => part(interview(), 'start-button'), 'the interview did not render its intro');
    const complete = nextEvent(interview()!, 'oneway-complete', 60_000);
    const loaded = (name: string) => page.performance.getEntriesByType('resource').filter((entry) => new RegExp(`/oneway-interview-${name}-[\\w-]+\\.js$`).test(entry.name));

    // "Get help" is fetched with the interview, not when pressed: it must open with the network gone too.
    await waitFor(() => loaded('help-dialog').length === 1, 'the help chunk was not fetched before Get help was pressed');
    // "Get help": its chunk loads next to the bundle, and its dialog opens with the report.
    await press(interview, 'help-button');
    const dialog = () => part(interview(), 'help-dialog') as HTMLDialogElement | null;
    await waitFor(() => dialog()?.open, 'the help dialog did not open');
    expect(dialog()!.querySelector('textarea')!.value).to.contain('oneway-interview diagnostic report');
    dialog()!.close();

    await press(interview, 'start-button');
    await press(() => interview()!.shadowRoot!.querySelector('oneway-device-check'), 'continue-button');
    // Think time runs out, the take records by itself and answer time stops it: then the review.
    await press(interview, 'submit-button', 20_000);
    await complete;

    expect(await problemsSince()).to.deep.equal({ violations: [], errors: [] });
    // The take was hashed by the worker file next to the bundle, which the CSP allows as 'self'.
    const workerScripts = page.performance.getEntriesByType('resource').filter((entry) => /oneway-interview-sha256-worker-[\w-]+\.js$/.test(entry.name));
    expect(workerScripts, 'the hash worker was loaded').to.have.length(1);
    // What the interview does and shows came from its own chunks next to the bundle, under the same CSP.
    expect(loaded('interview-session'), 'the interview session chunk').to.have.length(1);
    expect(loaded('interview-views'), 'the interview templates chunk').to.have.length(1);
  });
});
