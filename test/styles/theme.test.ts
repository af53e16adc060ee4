import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { requestElement } from '../../src/define.js';

// The upload progress is defined when first used: the tests use it at once.
await requestElement('oneway-upload-progress');
import type { InterviewConfig } from '../../src/core/interview-config.js';
import type { OnewayInterview } from '../../src/elements/interview/interview.js';
import type { OnewayRecorder } from '../../src/elements/recorder/recorder.js';
import type { OnewayUploadProgress } from '../../src/elements/upload-progress/upload-progress.js';
import { contrast, mix, rgb } from '../support/colors.js';
import { findButton } from '../support/dom.js';
import { waitFor } from '../support/wait.js';

let run = 0;
const config = (): InterviewConfig => ({
  id: `theme-${Date.now()}-${run++}`,
  title: 'Product Designer',
  instructions: 'Two short questions about your work.',
  deviceCheck: false,
  defaults: { thinkSeconds: 30, answerSeconds: 90, retakes: 1, answer: 'video' },
  questions: [
    { id: 'q1', text: 'Show us a project you are proud of.' },
    { id: 'q2', text: 'What would you change about our product?' },
  ],
});

async function intro(wrapperStyle = '') {
  const wrapper = await fixture<HTMLElement>(html`<div style=${wrapperStyle}><oneway-interview .config=${config()}></oneway-interview></div>`);
  const el = wrapper.querySelector<OnewayInterview>('oneway-interview')!;
  await waitUntil(() => findButton(el, 'Start interview'), 'no intro', { timeout: 10_000 });
  return { wrapper, el, button: findButton(el, 'Start interview')! };
}

/** The default theme's colour pairs, from what the browser computed. */
function pairs(el: Element, button: HTMLElement) {
  const host = getComputedStyle(el);
  const surface = rgb(host.backgroundColor);
  const text = rgb(host.color);
  const accent = rgb(getComputedStyle(button).backgroundColor);
  const accentContrast = rgb(getComputedStyle(button).color);
  const error = rgb(host.getPropertyValue('--_error'));
  const warning = rgb(host.getPropertyValue('--_warning'));
  return {
    'text on surface': contrast(text, surface),
    'button label on accent': contrast(accentContrast, accent),
    'accent (links, secondary buttons) on surface': contrast(accent, surface),
    'error on surface': contrast(error, surface),
    'warning on surface': contrast(warning, surface),
    'text in an error box': contrast(text, mix(error, 0.1, surface)),
    'text in a warning box': contrast(text, mix(warning, 0.1, surface)),
  };
}

describe('theme', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    await setViewport({ width: 800, height: 600 });
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has a contrast of at least 4.5:1 for every text colour of the default ${scheme} theme`, async () => {
      await emulateMedia({ colorScheme: scheme });
      const { el, button } = await intro();
      const surface = getComputedStyle(el).backgroundColor;
      expect(surface).to.equal(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(17, 24, 39)');
      for (const [pair, ratio] of Object.entries(pairs(el, button))) {
        expect(ratio, `${scheme}: ${pair}`).to.be.at.least(4.5);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('takes the host page font, and the tokens the host sets, in light and dark mode', async () => {
    const style = '--oneway-color-accent: rgb(190, 18, 60); --oneway-radius: 0px; font-family: Georgia, serif';
    const { el, button } = await intro(style);
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(190, 18, 60)');
    expect(getComputedStyle(button).borderTopLeftRadius).to.equal('0px');
    expect(getComputedStyle(button).fontFamily).to.equal('Georgia, serif');
    await emulateMedia({ colorScheme: 'dark' });
    await waitFor(() => getComputedStyle(el).backgroundColor === 'rgb(17, 24, 39)', 'dark mode did not apply');
    expect(getComputedStyle(button).backgroundColor, 'the host token wins over the dark default').to.equal('rgb(190, 18, 60)');
  });

  it('stops the progress bar gliding when the candidate asks for reduced motion', async () => {
    const el = await fixture<OnewayUploadProgress>(html`<oneway-upload-progress></oneway-upload-progress>`);
    el.progress = { uploadUrl: '/files/m', bytesUploaded: 10, bytesRecorded: 20, recordingEnded: false, state: 'uploading' };
    await el.updateComplete;
    const fill = el.shadowRoot!.querySelector('[part="fill"]')!;
    expect(getComputedStyle(fill).transitionDuration).to.equal('0.3s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(fill).transitionDuration).to.equal('0s');
  });

  it('fits a 320 px wide phone, and shows the camera picture whole, in its own shape', async () => {
    await setViewport({ width: 320, height: 640 });
    const { el } = await intro();
    expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(320);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);

    const recorder = await fixture<OnewayRecorder>(html`<oneway-recorder endpoint="/files" recording-id=${`theme-${Date.now()}`}></oneway-recorder>`);
    const stage = recorder.shadowRoot!.querySelector<HTMLElement>('[part="stage"]')!;
    const preview = recorder.shadowRoot!.querySelector<HTMLVideoElement>('[part="preview"]')!;
    await waitFor(() => preview.videoWidth > 0, 'the camera picture did not arrive', 10_000);
    await waitFor(() => stage.style.getPropertyValue('--_camera-ratio'), 'the stage did not take the camera picture\'s shape');
    const box = stage.getBoundingClientRect();
    // A phone held upright films upright: whatever shape the camera gives is the stage's.
    expect(box.width / box.height).to.be.closeTo(preview.videoWidth / preview.videoHeight, 0.02);
    expect(getComputedStyle(preview).objectFit, 'the picture is cropped').to.equal('contain');
    expect(document.documentElement.scrollWidth, 'the recorder makes the page scroll sideways').to.be.at.most(320);

    await setViewport({ width: 1024, height: 768 });
  });
});
