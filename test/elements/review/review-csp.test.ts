// <oneway-review> from the CDN bundle on a page with a strict CSP (no inline style or script, no
// eval): its chunk loads, players, text answers and the verification marks raise no violation.
import { expect, waitUntil } from '@open-wc/testing';
import { recordingTypeChoice } from '../../../src/core/recorder.js';
import { Take, type UploadedAnswer } from '../../../src/core/take.js';
import { submitted, uploadTextAnswer } from '../../support/answers.js';
import { sleep, waitFor } from '../../support/wait.js';

type ProbedWindow = Window & typeof globalThis & { cspViolations: string[]; pageErrors: string[] };

describe('<oneway-review> under a strict CSP', function () {
  this.timeout(60_000);
  let iframe: HTMLIFrameElement;

  after(() => iframe.remove());

  it('loads its chunk, plays, reads and verifies answers without a violation', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const mimeType = await recordingTypeChoice(stream, 'video').settled;
    const video = await new Promise<UploadedAnswer>((resolve, reject) => {
      const take = Take.record(stream, { endpoint: '/files', mimeType, onUploaded: resolve, onError: (error) => !error.recoverable && reject(error) });
      void sleep(2500).then(() => take.stop());
    });
    stream.getTracks().forEach((track) => track.stop());
    const text = await uploadTextAnswer({ endpoint: '/files', text: 'Line one\nLine two', metadata: {}, durationMs: 1000 });
    const config = {
      id: 'csp-review',
      title: 'Under a strict CSP',
      questions: [
        { id: 'q1', text: 'Say hello.' },
        { id: 'q2', text: 'Write hello.', answer: 'text' },
      ],
    };
    const answers = [
      submitted('q1', 'video', video),
      submitted('q2', 'text', text),
    ];

    iframe = document.createElement('iframe');
    iframe.src = '/test/fixtures/csp-review.html';
    document.body.append(iframe);
    await waitUntil(() => iframe.contentWindow?.customElements?.get('oneway-review'), 'the bundle did not register', { timeout: 15_000 });
    const page = iframe.contentWindow as ProbedWindow;
    const el = page.document.querySelector('oneway-review') as Element & { config: unknown; answers: unknown };
    // Objects of the page's own realm, as its scripts would hand them (the validator takes plain objects only).
    Object.assign(el, page.JSON.parse(JSON.stringify({ config, answers })));
    const part = (name: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
    const player = () => part('player') as HTMLVideoElement | null;
    await waitFor(() => player() && player()!.readyState >= 1, 'the answer did not load in the player', 15_000);
    await waitFor(() => part('text-answer')?.textContent === 'Line one\nLine two', 'the text answer was not read');
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part~="verified"]').length === 2, 'the answers were not verified', 15_000);
    // Styles came through adoptedStyleSheets, which the CSP allows: the text keeps its line breaks.
    expect(page.getComputedStyle(part('text-answer')!).whiteSpace).to.equal('pre-wrap');
    await new Promise<void>((resolve) => page.setTimeout(resolve));
    expect({ violations: page.cspViolations, errors: page.pageErrors }).to.deep.equal({ violations: [], errors: [] });
  });
});
