import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { InterviewConfig } from '../../../src/core/interview-config.js';
import type { OnewayInterview } from '../../../src/elements/interview/interview.js';
import type { RecordingStartEvent } from '../../../src/events/recording-start.js';
import { deepElements, deepText, findButton } from '../../support/dom.js';
import { sleep, waitFor } from '../../support/wait.js';

// A candidate on a 375×667 phone, under a host page's header of about 250 px (logo, job title,
// a line of text): what they need to answer must be on screen without scrolling.

let run = 0;
function config(overrides: Partial<InterviewConfig> = {}): InterviewConfig {
  return {
    id: `phone-${Date.now()}-${run++}`,
    title: 'Customer Support Specialist',
    deviceCheck: false,
    defaults: { thinkSeconds: 30, answerSeconds: 30, retakes: 1, answer: 'video' },
    questions: [
      { id: 'q1', text: 'Introduce yourself: what do you enjoy about helping customers, and why this team?', answer: 'video' },
      { id: 'q2', text: 'Tell us about a difficult call.', answer: 'audio' },
    ],
    ...overrides,
  };
}

async function onPhone(cfg: InterviewConfig) {
  const page = await fixture<HTMLElement>(html`<div>
    <header style="block-size: 250px">Careers · Customer Support Specialist</header>
    <oneway-interview endpoint="/files" candidate="cand-phone" .config=${cfg}></oneway-interview>
    <footer style="block-size: 1200px">Other jobs</footer>
  </div>`);
  const el = page.querySelector<OnewayInterview>('oneway-interview')!;
  await waitUntil(() => findButton(el, 'Start interview'), 'no start button', { timeout: 10_000 });
  return el;
}

/** The element inside the interview (shadow roots included) that matches, e.g. the question's heading. */
function deep(el: OnewayInterview, selector: string): HTMLElement {
  const found = deepElements(el.shadowRoot!).find((element) => element.matches(selector));
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found as HTMLElement;
}

/** Whether the whole box of `element` is inside the viewport. */
function onScreen(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.height > 0 && box.top >= -1 && box.bottom <= innerHeight + 1 && box.left >= -1 && box.right <= innerWidth + 1;
}

function expectOnScreen(what: Record<string, Element>): void {
  const off = Object.entries(what)
    .filter(([, element]) => !onScreen(element))
    .map(([name, element]) => `${name} at ${JSON.stringify(element.getBoundingClientRect())}`);
  expect(off, `off screen (viewport ${innerWidth}×${innerHeight}): ${off.join('; ')}`).to.deep.equal([]);
}

/** Waits until the page has stopped scrolling (a smooth scroll into view). */
async function scrollSettled(): Promise<void> {
  let last = -1;
  for (let i = 0; i < 40 && scrollY !== last; i++) {
    last = scrollY;
    await sleep(100);
  }
}

describe('<oneway-interview> on a 375×667 phone', () => {
  before(() => setViewport({ width: 375, height: 667 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('keeps the question, its labelled timer and Start/Stop on screen at think time and while recording', async () => {
    const el = await onPhone(config());
    findButton(el, 'Start interview')!.click();
    await waitFor(() => findButton(el, 'Start recording') && !findButton(el, 'Start recording')!.disabled, 'the camera did not get ready', 10_000);
    const start = findButton(el, 'Start recording')!;
    await scrollSettled();
    expect(scrollY, 'the widget did not bring itself into view below the header').to.be.above(200);
    const question = deep(el, '[part="text"]');
    expect(question.textContent).to.contain('Introduce yourself');
    expectOnScreen({ question, timer: deep(el, '[part="timer"]'), 'timer label': deep(el, '[part="label"]'), 'Start recording': start });
    expect(deep(el, '[part="label"]').textContent!.trim()).to.equal('Think time');
    // What is recorded is what is shown: the whole camera picture, not a crop of it.
    expect(getComputedStyle(deep(el, '[part~="preview"]')).objectFit).to.equal('contain');

    const started = new Promise<RecordingStartEvent>((resolve) => el.addEventListener('oneway-recording-start', resolve, { once: true }));
    start.click();
    await started;
    await waitFor(() => findButton(el, 'Stop recording'), 'no Stop recording');
    const stop = findButton(el, 'Stop recording')!;
    await el.updateComplete;
    expectOnScreen({ question: deep(el, '[part="text"]'), timer: deep(el, '[part="timer"]'), 'Stop recording': stop });
    expect(deep(el, '[part="label"]').textContent!.trim()).to.equal('Answer time');
    // One timer: the recorder's own elapsed time is not shown beside the countdown.
    expect(deep(el, '[part="elapsed"]').getBoundingClientRect().height).to.equal(0);
    stop.click();
    await waitFor(() => findButton(el, 'Submit answer'), 'no review');
  });

  it('keeps them on screen on a phone held sideways (667×375) too', async () => {
    await setViewport({ width: 667, height: 375 });
    try {
      const el = await onPhone(config());
      findButton(el, 'Start interview')!.click();
      await waitFor(() => findButton(el, 'Start recording') && !findButton(el, 'Start recording')!.disabled, 'the camera did not get ready', 10_000);
      await scrollSettled();
      expectOnScreen({ question: deep(el, '[part="text"]'), timer: deep(el, '[part="timer"]'), 'Start recording': findButton(el, 'Start recording')! });
      findButton(el, 'Start recording')!.click();
      await waitFor(() => findButton(el, 'Stop recording'), 'no Stop recording');
      await el.updateComplete;
      expectOnScreen({ question: deep(el, '[part="text"]'), timer: deep(el, '[part="timer"]'), 'Stop recording': findButton(el, 'Stop recording')! });
      findButton(el, 'Stop recording')!.click();
      await waitFor(() => findButton(el, 'Submit answer'), 'no review');
    } finally {
      await setViewport({ width: 375, height: 667 });
    }
  });

  it('has touch targets of at least 44 px and no overlap of the Recording badge and the level meter', async () => {
    const el = await onPhone(config({ questions: [{ id: 'q2', text: 'Tell us about a difficult call.', answer: 'audio' }] }));
    findButton(el, 'Start interview')!.click();
    await waitFor(() => findButton(el, 'Start recording') && !findButton(el, 'Start recording')!.disabled, 'the microphone did not get ready', 10_000);
    const start = findButton(el, 'Start recording')!;
    start.click();
    await waitFor(() => findButton(el, 'Stop recording'), 'no Stop recording');
    const badge = deep(el, '[part="indicator"]').getBoundingClientRect();
    const meter = deep(el, '[part="level"]').getBoundingClientRect();
    const overlap = badge.left < meter.right && meter.left < badge.right && badge.top < meter.bottom && meter.top < badge.bottom;
    expect(overlap, `badge ${JSON.stringify(badge)} over meter ${JSON.stringify(meter)}`).to.equal(false);
    for (const button of deepElements(el.shadowRoot!).filter((element) => element instanceof HTMLButtonElement)) {
      const box = button.getBoundingClientRect();
      if (box.height === 0) continue;
      expect(box.height, button.textContent!.trim()).to.be.at.least(44);
    }
    findButton(el, 'Stop recording')!.click();
    await waitFor(() => findButton(el, 'Submit answer'), 'no review');
    expect(deepText(el)).to.contain('Listen to your answer');
  });
});
