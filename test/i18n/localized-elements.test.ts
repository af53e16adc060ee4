import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { requestElement } from '../../src/define.js';

// The device check and the upload progress are defined when first used: the tests use them at once.
await Promise.all([requestElement('oneway-device-check'), requestElement('oneway-upload-progress')]);
import type { InterviewConfig } from '../../src/core/interview-config.js';
import type { OnewayCountdown } from '../../src/elements/countdown/countdown.js';
import type { OnewayDeviceCheck } from '../../src/elements/device-check/device-check.js';
import type { OnewayInterview } from '../../src/elements/interview/interview.js';
import type { OnewayQuestion } from '../../src/elements/question/question.js';
import type { OnewayRecorder } from '../../src/elements/recorder/recorder.js';
import type { OnewayUploadProgress } from '../../src/elements/upload-progress/upload-progress.js';
import { registerMessages } from '../../src/index.js';
import { deepText, findButton } from '../support/dom.js';
import { waitFor } from '../support/wait.js';

const root = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="root"]')!;
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const text = (el: Element, name: string) => part(el, name).textContent!.replace(/\s+/g, ' ').trim();

let run = 0;
function config(overrides: Partial<InterviewConfig> = {}): InterviewConfig {
  return {
    id: `i18n-${Date.now()}-${run++}`,
    title: 'Kundenberater (m/w/d)',
    deviceCheck: false,
    deadline: '2099-12-01T12:00:00Z',
    defaults: { thinkSeconds: 30, answerSeconds: 90, retakes: 2, answer: 'video' },
    questions: [
      { id: 'q1', text: 'Erzählen Sie von sich.' },
      { id: 'q2', text: 'Warum wir?' },
      { id: 'q3', text: 'Fragen?', answer: 'text' },
    ],
    ...overrides,
  };
}

/** Waits until `el` shows `expected` in part `name` (a language loads, then the element renders). */
const shows = (el: Element, name: string, expected: string) =>
  waitFor(() => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() === expected, `"${name}" never showed "${expected}"`);

describe('localized elements', () => {
  it('speak English when no lang is set anywhere', async () => {
    expect(document.documentElement.lang).to.equal('');
    const el = await fixture<OnewayQuestion>(html`<oneway-question .index=${0} .total=${3} text="Q"></oneway-question>`);
    expect(text(el, 'counter')).to.equal('Question 1 of 3');
    expect(root(el).lang).to.equal('en');
    expect(root(el).dir).to.equal('ltr');
  });

  it('follow the closest lang, and switch when it changes', async () => {
    const container = await fixture<HTMLElement>(html`<div lang="de"><oneway-question .index=${1} .total=${3} text="Warum wir?"></oneway-question></div>`);
    const el = container.querySelector('oneway-question')!;
    // The element renders once the German table is loaded: no English flashes on a German page.
    await el.updateComplete;
    expect(text(el, 'counter')).to.equal('Frage 2 von 3');
    expect(root(el).lang).to.equal('de');

    container.lang = 'fr';
    await shows(el, 'counter', 'Question 2 sur 3');
    container.lang = 'ja';
    await shows(el, 'counter', '質問 2 / 3');
    expect(root(el).lang).to.equal('ja');
    // The element's own lang wins over its ancestors'.
    el.lang = 'es';
    await shows(el, 'counter', 'Pregunta 2 de 3');
    el.removeAttribute('lang');
    await shows(el, 'counter', '質問 2 / 3');
  });

  it('follow <html lang> and regional tags, and fall back to English for a language without messages', async () => {
    const html_ = document.documentElement;
    try {
      html_.lang = 'pt-PT';
      const el = await fixture<OnewayQuestion>(html`<oneway-question .index=${0} .total=${1} text="Q"></oneway-question>`);
      await shows(el, 'counter', 'Pergunta 1 de 1');
      // Brazilian Portuguese words, numbers formatted for Portugal.
      expect(root(el).lang).to.equal('pt-PT');

      html_.lang = 'de-AT';
      await shows(el, 'counter', 'Frage 1 von 1');
      expect(root(el).lang).to.equal('de-AT');

      html_.lang = 'he';
      await shows(el, 'counter', 'Question 1 of 1');
      // English words are marked English, but the host's text keeps the page's language.
      expect(root(el).lang).to.equal('en');
      expect(part(el, 'text').lang).to.equal('he');

      html_.lang = 'en-GB';
      await shows(el, 'counter', 'Question 1 of 1');
      expect(root(el).lang).to.equal('en-GB');
    } finally {
      html_.removeAttribute('lang');
    }
  });

  it('follow the lang of the page around a shadow root they are in', async () => {
    const container = await fixture<HTMLElement>(html`<div lang="de"><oneway-interview .config=${config()}></oneway-interview></div>`);
    const el = container.querySelector('oneway-interview')!;
    await waitUntil(() => findButton(el, 'Interview starten'), 'no German start button', { timeout: 10_000 });
    const facts = text(el, 'facts');
    expect(facts).to.contain('3 Fragen');
    expect(facts).to.contain('30 Sekunden Bedenkzeit und bis zu 1 Minute, 30 Sekunden für die Antwort');
    expect(facts).to.contain('bis zu 2-mal neu aufnehmen');
    expect(facts).to.contain(new Intl.DateTimeFormat('de', { dateStyle: 'full', timeStyle: 'short' }).format(new Date('2099-12-01T12:00:00Z')));
    await expect(el).to.be.accessible();

    container.lang = 'ar';
    await waitUntil(() => findButton(el, 'بدء المقابلة'), 'no Arabic start button', { timeout: 10_000 });
    expect(root(el).dir).to.equal('rtl');
    expect(getComputedStyle(root(el)).direction).to.equal('rtl');
    expect(text(el, 'facts')).to.contain('3 أسئلة'.replace('3', new Intl.NumberFormat('ar').format(3)));
    await expect(el).to.be.accessible();
  });

  it('write Arabic right to left, and keep the camera preview mirrored', async () => {
    const container = await fixture<HTMLElement>(html`
      <div lang="ar">
        <oneway-countdown seconds="90" variant="bar"></oneway-countdown>
        <oneway-recorder endpoint="/files" recording-id=${`i18n-ar-${Date.now()}`}></oneway-recorder>
      </div>
    `);
    const countdown = container.querySelector<OnewayCountdown>('oneway-countdown')!;
    const recorder = container.querySelector<OnewayRecorder>('oneway-recorder')!;
    expect(getComputedStyle(root(countdown)).direction).to.equal('rtl');
    expect(part(countdown, 'timer').getAttribute('aria-label')).to.equal('الوقت المتبقي');
    // The bar empties towards the start of the line, which is on the right.
    const bar = part(countdown, 'bar-progress');
    expect(getComputedStyle(bar).transformOrigin.split(' ')[0]).to.equal(`${bar.getBoundingClientRect().width}px`);
    await expect(countdown).to.be.accessible();

    await waitUntil(() => findButton(recorder, 'بدء التسجيل'), 'no Arabic record button', { timeout: 20_000 });
    expect(getComputedStyle(root(recorder)).direction).to.equal('rtl');
    expect(getComputedStyle(part(recorder, 'preview')).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    await expect(recorder).to.be.accessible();
  });

  it('record, check devices and show upload progress in German, accessibly', async () => {
    const container = await fixture<HTMLElement>(html`
      <div lang="de">
        <oneway-recorder endpoint="/files" recording-id=${`i18n-de-${Date.now()}`} max-seconds="90"></oneway-recorder>
        <oneway-upload-progress></oneway-upload-progress>
        <oneway-device-check></oneway-device-check>
      </div>
    `);
    const recorder = container.querySelector<OnewayRecorder>('oneway-recorder')!;
    const progress = container.querySelector<OnewayUploadProgress>('oneway-upload-progress')!;
    const check = container.querySelector<OnewayDeviceCheck>('oneway-device-check')!;
    await waitUntil(() => findButton(recorder, 'Aufnahme starten') && !findButton(recorder, 'Aufnahme starten')!.disabled, 'recorder not ready', {
      timeout: 20_000,
    });
    expect(text(recorder, 'elapsed')).to.equal('0:00 von 1:30');
    await expect(recorder).to.be.accessible();

    progress.progress = { uploadUrl: '/files/x', bytesUploaded: 1_000_000, bytesRecorded: 2_600_000, recordingEnded: true, state: 'uploading' };
    await progress.updateComplete;
    expect(text(progress, 'label')).to.equal('Ihre Antwort');
    expect(text(progress, 'status')).to.equal('Wird hochgeladen');
    expect(text(progress, 'amount')).to.equal('38 % gesendet (1 MB von 2,6 MB)');
    await expect(progress).to.be.accessible();

    await waitUntil(() => findButton(check, 'Weiter') && !findButton(check, 'Weiter')!.disabled, 'device check not ready', { timeout: 20_000 });
    expect(deepText(check)).to.contain('Mikrofonpegel');
    await expect(check).to.be.accessible();
  });

  it('show messages the host registers, over the shipped ones, at once', async () => {
    const container = await fixture<HTMLElement>(html`<div lang="de-CH"><oneway-question .index=${0} .total=${2} text="Q"></oneway-question></div>`);
    const el = container.querySelector('oneway-question')!;
    await el.updateComplete;
    expect(text(el, 'counter')).to.equal('Frage 1 von 2');
    registerMessages('de-CH', { 'question.counter': 'Frage {n}/{total}' });
    await shows(el, 'counter', 'Frage 1/2');
    // Other messages still come from the German table.
    el.practice = true;
    await shows(el, 'counter', 'Übungsfrage');
  });

  it('speak a language the host adds, with English for what it leaves out', async () => {
    registerMessages('it', { 'question.counter': 'Domanda {n} di {total}' });
    const container = await fixture<HTMLElement>(html`<div lang="it"><oneway-question .index=${0} .total=${2} text="Q" practice></oneway-question></div>`);
    const el = container.querySelector('oneway-question')!;
    await el.updateComplete;
    expect(text(el, 'counter')).to.equal('Practice question');
    expect(root(el).lang).to.equal('it');
    el.practice = false;
    await shows(el, 'counter', 'Domanda 1 di 2');
  });

  it('take messages from CDN pages through the interview element class', async () => {
    const Interview = customElements.get('oneway-interview') as typeof OnewayInterview;
    Interview.registerMessages('en-CA', { 'interview.start': 'Begin the interview' });
    const container = await fixture<HTMLElement>(html`<div lang="en-CA"><oneway-interview .config=${config()}></oneway-interview></div>`);
    const el = container.querySelector('oneway-interview')!;
    await waitUntil(() => findButton(el, 'Begin the interview'), 'the registered message was not shown', { timeout: 10_000 });
  });
});
