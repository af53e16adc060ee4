import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { InterviewConfig } from '../../../src/core/interview-config.js';
import type { OnewayInterview } from '../../../src/elements/interview/interview.js';
import type { HelpEvent } from '../../../src/events/help.js';
import { clearFaults, injectFault, setOffline, tusRequests } from '../../support/commands.js';
import { deepActiveElement, findButton, focusedName, tabTo, press } from '../../support/dom.js';
import { nextEvent, waitFor } from '../../support/wait.js';

// "Get help" in every step of an interview: a modal dialog with the host's support contacts and a
// diagnostic report that says where each answer is, and never holds a token, the candidate
// reference or an answer.

/** Recognisable secrets: none of them may appear in a report. */
const TOKEN = 'tok-4f1c9e-SECRET';
const URL_TOKEN = 'url-77ab02-SECRET';
const CANDIDATE = 'Jane Q. Candidate';
const TEXT_ANSWER = 'My honest answer, word 31337.';

let run = 0;
function config(overrides: Partial<InterviewConfig> = {}): InterviewConfig {
  return {
    id: `help-${Date.now()}-${run++}`,
    title: 'Account Executive',
    deviceCheck: false,
    support: { text: 'Write to us: we answer within a working day.', email: 'jobs-help@example.com', url: 'https://example.com/help' },
    defaults: { thinkSeconds: 60, answerSeconds: 60, retakes: 1, answer: 'video' },
    questions: [
      { id: 'q1', text: 'Tell us about a deal you lost.' },
      { id: 'q2', text: 'Write the follow-up email.', answer: 'text', maxChars: 500 },
    ],
    ...overrides,
  };
}

async function interview(cfg: InterviewConfig, endpoint = '/files') {
  const authorize = () => ({ Authorization: `Bearer ${TOKEN}` });
  const el = await fixture<OnewayInterview>(
    html`<oneway-interview endpoint=${endpoint} candidate=${CANDIDATE} .config=${cfg} .authorize=${authorize}></oneway-interview>`,
  );
  await waitUntil(() => findButton(el, 'Start interview'), 'no start button', { timeout: 10_000 });
  return el;
}


const dialogOf = (el: OnewayInterview) => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~="help-dialog"]');

/** Presses "Get help" and waits for the modal dialog and its event; resolves with the report. */
async function openHelp(el: OnewayInterview): Promise<HelpEvent['detail']> {
  const help = nextEvent(el, 'oneway-help', 10_000);
  await press(el, 'Get help');
  const { detail } = await help;
  const dialog = dialogOf(el)!;
  expect(dialog.open, 'the dialog is open').to.equal(true);
  expect(dialog.matches(':modal'), 'the dialog is modal').to.equal(true);
  expect(dialog.querySelector('textarea')!.value, 'the dialog offers the reported text').to.equal(detail.report);
  expectNoSecrets(detail.report);
  return detail;
}

/** Escape closes the dialog; focus is back on "Get help". */
async function closeWithEscape(el: OnewayInterview): Promise<void> {
  await sendKeys({ press: 'Escape' });
  await waitFor(() => !dialogOf(el)!.open, 'Escape did not close the dialog');
  await waitFor(() => (deepActiveElement()?.textContent ?? '').trim() === 'Get help', 'focus did not return to "Get help"');
}

function expectNoSecrets(report: string): void {
  for (const secret of [TOKEN, URL_TOKEN, 'SECRET', CANDIDATE, 'Jane', encodeURIComponent(CANDIDATE), TEXT_ANSWER, '31337']) {
    expect(report, `the report holds "${secret}"`).to.not.contain(secret);
  }
}

/** The report's line for question `n`, e.g. "1. q1 (video): sent, take 1, video/webm…, 5000 of 5000 bytes on the server". */
const answerLine = (report: string, n: number) => report.split('\n').find((line) => line.startsWith(`  ${n}. `)) ?? '';
const stepLine = (report: string) => /^Step: (.*)$/m.exec(report)?.[1];

describe('<oneway-interview> Get help', () => {
  afterEach(async () => {
    await setOffline(false);
    await clearFaults();
  });

  it('is there in every step, with a report of each upload and no token, candidate or answer', async () => {
    const el = await interview(config({ deviceCheck: true }));
    const steps: string[] = [];
    el.addEventListener('oneway-help', (event) => steps.push(event.detail.step));

    let detail = await openHelp(el);
    expect(stepLine(detail.report)).to.equal('intro');
    expect(detail.interviewId).to.match(/^help-/);
    expect(answerLine(detail.report, 1)).to.equal('  1. q1 (video): not-answered');
    expect(answerLine(detail.report, 2)).to.equal('  2. q2 (text): not-answered');
    // The host's support contacts, as text and links.
    const dialog = dialogOf(el)!;
    expect(dialog.querySelector('[part="help-text"]')!.textContent).to.equal('Write to us: we answer within a working day.');
    const links = [...dialog.querySelectorAll('a')].map((link) => [link.textContent!.trim(), link.getAttribute('href'), link.target]);
    expect(links).to.deep.equal([
      ['jobs-help@example.com', 'mailto:jobs-help@example.com', ''],
      ['Help page (opens in a new tab)', 'https://example.com/help', '_blank'],
    ]);
    await closeWithEscape(el);

    await press(el, 'Start interview');
    await waitFor(() => el.shadowRoot!.querySelector('oneway-device-check'), 'no device check');
    detail = await openHelp(el);
    expect(stepLine(detail.report)).to.equal('device-check');
    await closeWithEscape(el);

    await press(el, 'Continue');
    await waitFor(() => findButton(el, 'Start recording') && !findButton(el, 'Start recording')!.disabled, 'the recorder is not ready', 20_000);
    detail = await openHelp(el);
    expect(stepLine(detail.report)).to.equal('question 1 of 2, think time');
    expect(detail.questionId).to.equal('q1');
    // The recorder has chosen its type by now; the think time goes on behind the dialog.
    expect(detail.report).to.match(/\nRecording type: (video|audio)\/\w+/);
    expect(dialogOf(el)!.textContent).to.contain('The timer keeps running.');
    await closeWithEscape(el);

    await press(el, 'Start recording');
    await waitFor(() => findButton(el, 'Stop recording'), 'the take did not start');
    detail = await openHelp(el);
    expect(stepLine(detail.report)).to.equal('question 1 of 2, answering');
    await closeWithEscape(el);

    await press(el, 'Stop recording');
    await waitFor(() => findButton(el, 'Submit answer'), 'no review');
    detail = await openHelp(el);
    expect(stepLine(detail.report)).to.equal('question 1 of 2, reviewing the take');
    // The take being reviewed is on its way (or already there), with its bytes and type.
    expect(answerLine(detail.report, 1)).to.match(/^ {2}1\. q1 \(video\): recorded, take 1, video\/\S+, \d+ of \d+ bytes on the server$/);
    await closeWithEscape(el);

    await press(el, 'Submit answer');
    await waitFor(() => findButton(el, 'Next question'), 'no "Next question"');
    detail = await openHelp(el);
    expect(stepLine(detail.report)).to.equal('question 2 of 2, before it is shown');
    await closeWithEscape(el);

    await press(el, 'Next question');
    await press(el, 'Start writing now');
    el.shadowRoot!.querySelector('textarea')!.value = TEXT_ANSWER;
    el.shadowRoot!.querySelector('textarea')!.dispatchEvent(new Event('input'));
    // Offline, the text answer waits on the device: the interview stays on "Sending your answers".
    await setOffline(true);
    // The report is read once the upload knows it is offline: where the network is cut on the
    // server (Firefox, WebKitGTK) the first request takes a moment to fail.
    const waiting = new Promise<void>((resolve) =>
      el.addEventListener('oneway-upload-progress', (event) => {
        if (event.detail.questionId === 'q2' && event.detail.state === 'waiting-for-connection') resolve();
      }),
    );
    await press(el, 'Submit answer');
    await waitFor(() => el.shadowRoot!.querySelector('[part~="finishing"]'), 'no finishing step');
    await waiting;
    detail = await openHelp(el);
    expect(stepLine(detail.report)).to.equal('finishing');
    // A text answer is a take like any other: its upload says it waits for the connection.
    expect(answerLine(detail.report, 2)).to.match(/^ {2}2\. q2 \(text\): waiting-for-connection, take 1, text\/plain;charset=utf-8, 0 of \d+ bytes on the server$/);
    await closeWithEscape(el);

    const complete = nextEvent(el, 'oneway-complete', 30_000);
    await setOffline(false);
    await complete;
    await el.updateComplete;
    detail = await openHelp(el);
    expect(stepLine(detail.report)).to.equal('complete');
    const q1 = /^ {2}1\. q1 \(video\): sent, take 1, video\/\S+, (\d+) of (\d+) bytes on the server$/.exec(answerLine(detail.report, 1));
    expect(q1, answerLine(detail.report, 1)).to.not.equal(null);
    expect(q1![1]).to.equal(q1![2]);
    expect(answerLine(detail.report, 2)).to.match(/^ {2}2\. q2 \(text\): sent, take 1, (?:\S+, )?(\d+) of \1 bytes on the server$/);
    await closeWithEscape(el);

    expect(steps).to.deep.equal(['intro', 'device-check', 'question', 'question', 'question', 'question', 'finishing', 'complete']);
  });

  it('lists the last errors with their codes, and URLs without their query', async () => {
    const el = await interview(config(), `/files?access_token=${URL_TOKEN}`);
    const since = Date.now();
    await press(el, 'Start interview');
    // Without a device check the interview first measures the link with a test upload of its own:
    // the fault is for the answer's creation, once that test has sent its bytes.
    await waitUntil(async () => (await tusRequests(since)).some((request) => request.method === 'PATCH' && request.status === 204), 'the link test did not run', {
      timeout: 20_000,
    });
    await injectFault({ kind: 'status', status: 400, method: 'POST' });
    const error = nextEvent(el, 'oneway-error', 20_000);
    await press(el, 'Start recording');
    const { detail: reported } = await error;
    expect(reported.code).to.equal('upload-rejected');
    // The host hears the message as it is; the report keeps the query (where the token is) out.
    expect(reported.message).to.contain(URL_TOKEN);
    const { report } = await openHelp(el);
    const errorLines = report.split('\n').filter((line) => / upload-rejected /.test(line));
    expect(errorLines).to.have.length(1);
    expect(errorLines[0]).to.match(/^ {2}\d{4}-\d\d-\d\dT[\d:.]+Z upload-rejected \(not recoverable\): The upload server rejected the request with 400 \(POST (https?:\/\/[^/]+)?\/files\?\[removed\]\)\.$/);
  });

  it('works with the keyboard alone: Tab reaches it, Enter copies, Escape closes, and Tab stays in the dialog', async () => {
    const el = await interview(config());
    let copied: string | undefined;
    const writeText = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (text: string) => void (copied = text);
    try {
      const help = nextEvent(el, 'oneway-help');
      await tabTo('Get help');
      await sendKeys({ press: 'Enter' });
      const { detail } = await help;
      const dialog = dialogOf(el)!;
      await waitFor(() => dialog.contains(deepActiveElement()), 'focus is not in the dialog');
      await tabTo('Copy diagnostic report');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => copied !== undefined, 'nothing was copied');
      expect(copied).to.equal(detail.report);
      await waitFor(() => dialog.querySelector('[part~="help-status"]')!.textContent === 'Copied. Paste it into your message.', 'no "copied" status');
      await closeWithEscape(el);

      // Open again: Tab goes through every control of the dialog and never to the page behind it
      // (past the last one, browsers may move focus to their own toolbar: the document then has none).
      await sendKeys({ press: 'Enter' });
      await waitFor(() => dialog.open && dialog.contains(deepActiveElement()), 'focus is not in the reopened dialog');
      const reached = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const active = deepActiveElement();
        if (active && active !== document.body) {
          expect(dialog.contains(active), `Tab left the dialog for ${active.outerHTML.slice(0, 80)}`).to.equal(true);
          reached.add(focusedName());
        }
        await sendKeys({ press: 'Tab' });
      }
      expect([...reached]).to.include.members(['jobs-help@example.com', 'Help page (opens in a new tab)', 'Copy diagnostic report', 'Close', 'Diagnostic report']);
      dialog.close();
    } finally {
      navigator.clipboard.writeText = writeText;
    }
  });

  it('lets the candidate select the report when the browser does not let it be copied', async () => {
    const el = await interview(config());
    const writeText = navigator.clipboard.writeText;
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    try {
      const { report } = await openHelp(el);
      await press(el, 'Copy diagnostic report');
      const dialog = dialogOf(el)!;
      await waitFor(() => dialog.querySelector('[part~="help-status"]')!.textContent === 'Copying was blocked. Select the report below and copy it.', 'no fallback');
      const textarea = dialog.querySelector('textarea')!;
      expect(dialog.querySelector('details')!.open).to.equal(true);
      expect(deepActiveElement()).to.equal(textarea);
      expect(textarea.value.slice(textarea.selectionStart, textarea.selectionEnd)).to.equal(report);
    } finally {
      navigator.clipboard.writeText = writeText;
    }
  });

  it('says whom to ask when the host gave no support contacts, in the page language', async () => {
    const withoutSupport = config();
    delete withoutSupport.support;
    const page = await fixture<HTMLElement>(html`<div lang="de">
      <oneway-interview endpoint="/files" candidate=${CANDIDATE} .config=${withoutSupport}></oneway-interview>
    </div>`);
    const el = page.querySelector<OnewayInterview>('oneway-interview')!;
    await waitFor(() => findButton(el, 'Interview starten'), 'no German intro', 10_000);
    const help = nextEvent(el, 'oneway-help');
    await press(el, 'Hilfe');
    await help;
    const dialog = dialogOf(el)!;
    expect(dialog.querySelector('h2')!.textContent).to.equal('Hilfe');
    expect(dialog.textContent).to.contain('Funktioniert etwas nicht?');
    expect(dialog.querySelectorAll('a')).to.have.length(0);
    expect(findButton(el, 'Diagnosebericht kopieren')).to.not.equal(undefined);
  });

  it('passes axe with the dialog open, on the intro and during think time', async () => {
    const el = await interview(config());
    await openHelp(el);
    await expect(el).to.be.accessible();
    await closeWithEscape(el);
    await press(el, 'Start interview');
    await openHelp(el);
    await expect(el).to.be.accessible();
  });
});
