import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { InterviewConfig } from '../../../src/core/interview-config.js';
import type { OnewayInterview } from '../../../src/elements/interview/interview.js';
import type { AccommodationRequestEvent } from '../../../src/events/accommodation-request.js';
import type { ConsentEvent } from '../../../src/events/consent.js';
import { tusRequests } from '../../support/commands.js';
import { deepText, findButton, press } from '../../support/dom.js';
import { decodeMetadata, serverBytes, serverUpload, sha256Hex } from '../../support/tus.js';
import { nextEvent, waitFor } from '../../support/wait.js';

// Question pools, consent receipts and accommodation requests (issue 19).

let run = 0;
function config(overrides: Partial<InterviewConfig> = {}): InterviewConfig {
  return {
    id: `fair-${Date.now()}-${run++}`,
    title: 'Support Specialist',
    deviceCheck: false,
    defaults: { thinkSeconds: 30, answerSeconds: 10, retakes: 1, answer: 'video' },
    questions: Array.from({ length: 6 }, (_, i) => ({ id: `q${i + 1}`, text: `Question number ${i + 1}?` })),
    ...overrides,
  };
}

async function interview(cfg: InterviewConfig, candidate: string) {
  const el = await fixture<OnewayInterview>(html`<oneway-interview endpoint="/files" candidate=${candidate} .config=${cfg}></oneway-interview>`);
  await waitUntil(() => findButton(el, 'Start interview') || findButton(el, 'Resume interview'), 'no start button', { timeout: 10_000 });
  return el;
}


/** The text of the question on screen. */
const questionText = (el: OnewayInterview) =>
  el.shadowRoot!.querySelector('oneway-question')!.shadowRoot!.querySelector('[part="text"]')!.textContent!.trim();

describe('<oneway-interview> question pools, consent receipts and accommodations', () => {
  it('asks 3 of 6 questions drawn per candidate: the same after a reload, others for other candidates', async () => {
    const cfg = config({ pick: 3, shuffle: true });
    const first = await interview(cfg, 'cand-draw-1');
    const ready = nextEvent(first, 'oneway-ready');
    expect(deepText(first)).to.contain('3 questions');
    await press(first, 'Start interview');
    const asked = questionText(first);
    expect(cfg.questions.map((question) => question.text)).to.include(asked);
    first.remove();

    const again = await interview(cfg, 'cand-draw-1');
    await press(again, 'Resume interview');
    expect(questionText(again), 'a reload changed the draw').to.equal(asked);
    again.remove();
    void ready;

    // Other candidates draw other questions (or orders): of eight, not all start alike.
    const firsts = new Set<string>();
    for (let i = 2; i < 10; i++) {
      const other = await interview(cfg, `cand-draw-${i}`);
      await press(other, 'Start interview');
      firsts.add(questionText(other));
      other.remove();
    }
    expect(firsts.size, 'every candidate got the same first question').to.be.above(1);
  });

  it('reports the drawn questions in oneway-ready', async () => {
    const cfg = config({ pools: [{ id: 'a', pick: 1, questions: ['q1', 'q2', 'q3'] }, { id: 'b', pick: 1, questions: ['q4', 'q5', 'q6'] }] });
    const ready = new Promise<{ questionCount: number }>((resolve) => document.addEventListener('oneway-ready', (event) => resolve(event.detail), { once: true }));
    const el = await interview(cfg, 'cand-pools');
    expect((await ready).questionCount).to.equal(2);
    expect(deepText(el)).to.contain('2 questions');
  });

  it('fires a consent receipt with the SHA-256 of the text, and sends it to the server before the first answer', async () => {
    const consent = 'I agree that my answers are recorded — and kept for 90 days.';
    const aiConsent = 'An AI may help score my answers.';
    const cfg = config({ consent, aiConsent, questions: [{ id: 'q1', text: 'Hello?' }] });
    const el = await interview(cfg, 'cand-consent');
    const since = Date.now();
    // Only the first consent is required: the second may stay unticked.
    el.shadowRoot!.querySelector<HTMLInputElement>('[part="consent"] input')!.click();
    const consented = nextEvent(el, 'oneway-consent') as Promise<ConsentEvent>;
    await press(el, 'Start interview');
    const { detail } = await consented;
    expect(detail).to.include({ interviewId: cfg.id, candidate: 'cand-consent', ai: false, locale: 'en' });
    expect(detail.textSha256).to.equal(await sha256Hex(new TextEncoder().encode(consent)));
    expect(detail.aiTextSha256).to.equal(await sha256Hex(new TextEncoder().encode(aiConsent)));
    expect(Date.parse(detail.acceptedAt)).to.be.closeTo(Date.now(), 60_000);

    const started = nextEvent(el, 'oneway-recording-start');
    await press(el, 'Start recording');
    await started;
    // Sent before the answer, though it may still be on its way when the answer starts: the receipt's
    // upload is written to before the answer's (the interview's link test writes one too, and deletes it).
    const uploadsByKind = new Map<string, string>();
    let order: string[] = [];
    await waitUntil(
      async () => {
        const patches = (await tusRequests(since)).filter((request) => request.method === 'PATCH' && request.status === 204);
        order = [...new Set(patches.map((request) => new URL(request.path, location.origin).href))];
        for (const url of order) {
          const upload = await serverUpload(url).catch(() => undefined);
          if (upload) uploadsByKind.set(decodeMetadata(upload.metadata).kind, url);
        }
        return uploadsByKind.has('consent') && uploadsByKind.has('video');
      },
      'the consent receipt and the answer never both reached the server',
      { timeout: 15_000 },
    );
    const receiptUrl = uploadsByKind.get('consent')!;
    expect(order.indexOf(receiptUrl), 'the receipt is written before the answer').to.be.below(order.indexOf(uploadsByKind.get('video')!));
    expect(decodeMetadata((await serverUpload(receiptUrl)).metadata)).to.include({ kind: 'consent', filetype: 'application/json', interviewId: cfg.id });
    expect(JSON.parse(new TextDecoder().decode(await serverBytes(receiptUrl)))).to.deep.equal(detail);
    await press(el, 'Stop recording');
  });

  it('sends an accommodation request, and a time-multiplier set afterwards changes the next timer', async () => {
    const cfg = config({ accommodations: { text: 'We reply within one working day.' }, questions: [{ id: 'q1', text: 'Hello?', thinkSeconds: 30 }] });
    const el = await interview(cfg, 'cand-accommodation');
    const requested = nextEvent(el, 'oneway-accommodation-request') as Promise<AccommodationRequestEvent>;
    await press(el, 'Request an accommodation');
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal'), 'not a modal dialog').to.equal(true);
    dialog.querySelector('textarea')!.value = 'I need more time: I use a screen reader.';
    await press(el, 'Send request');
    expect((await requested).detail).to.deep.equal({ interviewId: cfg.id, candidate: 'cand-accommodation', message: 'I need more time: I use a screen reader.' });
    await waitFor(() => deepText(el).includes('We reply within one working day.'), 'the host\'s text was not shown');
    await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });
    await press(el, 'Close');
    expect(dialog.open).to.equal(false);

    // The host grants 50 % more time: the think time that comes next is 45 s, not 30 s.
    el.timeMultiplier = 1.5;
    await el.updateComplete;
    await press(el, 'Start interview');
    const countdown = el.shadowRoot!.querySelector('oneway-countdown')!;
    expect(countdown.seconds).to.equal(45);
    expect(deepText(el), 'the interview started over instead of going on').to.contain('Hello?');
  });
});
