import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { requestElement } from '../../src/define.js';
import type { InterviewConfig } from '../../src/core/interview-config.js';
import type { OnewayInterview } from '../../src/elements/interview/interview.js';
import type { OnewayUploadProgress } from '../../src/elements/upload-progress/upload-progress.js';
import { clearFaults, emulateForcedColors, injectFault, tusRequests } from '../support/commands.js';
import { contrast, over, rgb, rgba, type Rgb } from '../support/colors.js';
import { deepActiveElement, deepElements, findButton, press } from '../support/dom.js';
import { waitFor } from '../support/wait.js';

// Windows high-contrast mode replaces every colour with a few system colours (Canvas, CanvasText,
// ButtonText, Highlight, GrayText …) and drops box shadows and background images: what is drawn
// with colour alone can vanish. Chromium emulates it through DevTools; each check reads what the
// browser computed and requires WCAG contrast against what is painted behind (text 4.5:1, other
// marks 3:1).

// The upload progress is defined when first used: the tests use it at once.
await requestElement('oneway-upload-progress');

/** The element a box is painted over: its parent, the host of a shadow root's top. */
const parentOf = (element: Element): Element | null => element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);

/** What is painted behind `element`: its ancestors' backgrounds (across shadow roots) over the Canvas. */
function behind(element: Element): Rgb {
  const layers: string[] = [];
  if (element instanceof HTMLDialogElement && element.matches(':modal')) layers.push(getComputedStyle(element, '::backdrop').backgroundColor);
  else {
    for (let node = parentOf(element); node; node = parentOf(node)) {
      const background = getComputedStyle(node).backgroundColor;
      layers.push(background);
      if (rgba(background)[3] === 1) break;
    }
  }
  return layers.reduceRight((below, color) => over(color, below), rgb('Canvas'));
}

/** The element's own background over what is behind it. */
const paintedBackground = (element: Element): Rgb => over(getComputedStyle(element).backgroundColor, behind(element));

/** How far the element's edge stands out from what is behind it: its background or its border, whichever shows more. */
function edgeContrast(element: Element): number {
  const style = getComputedStyle(element);
  const back = behind(element);
  const fill = contrast(paintedBackground(element), back);
  const border = parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none' ? contrast(over(style.borderTopColor, back), back) : 1;
  return Math.max(fill, border);
}

/** The contrast of the element's text on its own background. */
const textContrast = (element: Element): number => contrast(over(getComputedStyle(element).color, paintedBackground(element)), paintedBackground(element));

const describeElement = (element: Element) => `<${element.tagName.toLowerCase()}${element.getAttribute('part') ? ` part="${element.getAttribute('part')}"` : ''}> "${(element.textContent ?? '').trim().slice(0, 30)}"`;

const rendered = (element: Element) => element.getBoundingClientRect().width > 0 && getComputedStyle(element).visibility !== 'hidden';

/** Every control the candidate can see under `root` (shadow roots included). */
function controls(root: Element): Element[] {
  return deepElements(root.shadowRoot ?? root).filter(
    (element) => element.matches('button, a[href], input, select, textarea, summary') && rendered(element),
  );
}

/** What is wrong with how `control` shows: an empty list when it is visible. */
function invisibility(control: Element): string[] {
  const problems: string[] = [];
  const what = describeElement(control);
  if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
    // Drawn by the system in its own colours, unless a style took its native look away.
    if (getComputedStyle(control).appearance === 'none') problems.push(`${what} has no native look`);
    return problems;
  }
  const disabled = (control as HTMLButtonElement).disabled === true;
  if (control.matches('button, a, summary')) {
    const text = textContrast(control);
    // Inactive controls need no 4.5:1 (WCAG 1.4.3), but must still be seen.
    if (text < (disabled ? 3 : 4.5)) problems.push(`${what}: text contrast ${text.toFixed(2)}`);
  }
  if (control.matches('button, input, select, textarea')) {
    const edge = edgeContrast(control);
    if (edge < 3) problems.push(`${what}: edge contrast ${edge.toFixed(2)}`);
  }
  return problems;
}

function expectEveryControlVisible(root: Element, where: string): number {
  const found = controls(root);
  expect(found.length, `no controls ${where}`).to.be.greaterThan(0);
  expect(found.flatMap(invisibility), where).to.deep.equal([]);
  return found.length;
}

/** The focus ring of the focused element: what is wrong with it, if anything. */
function focusRingProblems(): string[] {
  const active = deepActiveElement()!;
  const style = getComputedStyle(active);
  const what = describeElement(active);
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return [`${what}: outline ${style.outlineStyle} ${style.outlineWidth}`];
  const ring = contrast(over(style.outlineColor, behind(active)), behind(active));
  return ring < 3 ? [`${what}: focus ring contrast ${ring.toFixed(2)}`] : [];
}

/** Presses Tab `times` times inside `root`, checking the focus ring of every control reached; the names reached. */
async function tabChecking(root: Element, times: number): Promise<string[]> {
  const problems: string[] = [];
  const reached: string[] = [];
  for (let i = 0; i < times; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActiveElement();
    if (!active || !deepElements(root.shadowRoot ?? root).includes(active) || !active.matches(':focus-visible')) continue;
    reached.push(describeElement(active));
    problems.push(...focusRingProblems());
  }
  expect(problems).to.deep.equal([]);
  return reached;
}

let run = 0;
const config = (overrides: Partial<InterviewConfig> = {}): InterviewConfig => ({
  id: `forced-colors-${Date.now()}-${run++}`,
  title: 'Account Executive',
  consent: 'I agree that my answers are recorded.',
  deviceCheck: false,
  support: { text: 'We answer within a day.', email: 'help@example.com', url: 'https://example.com/help' },
  accommodations: { text: 'We answer requests within two working days.' },
  defaults: { thinkSeconds: 60, answerSeconds: 60, retakes: 1, answer: 'video' },
  questions: [{ id: 'q1', text: 'Tell us about a deal you lost.' }],
  ...overrides,
});


describe('forced colors (Windows high contrast)', () => {
  before(() => emulateForcedColors(true));
  after(async () => {
    await emulateForcedColors(false);
    await clearFaults();
  });

  it('is emulated: the page matches forced-colors: active and draws with system colours', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    expect(contrast(rgb('CanvasText'), rgb('Canvas'))).to.be.greaterThan(4.5);
  });

  it('keeps every control of the interview visible, with a focus ring, from the intro to a failed upload, and in Get help', async () => {
    const el = await fixture<OnewayInterview>(html`<oneway-interview endpoint="/files" candidate="forced" .config=${config()}></oneway-interview>`);
    await waitUntil(() => findButton(el, 'Start interview'), 'no intro', { timeout: 10_000 });
    expectEveryControlVisible(el, 'on the intro, Start disabled');
    el.shadowRoot!.querySelector<HTMLInputElement>('[part="consent"] input')!.click();
    await el.updateComplete;
    expectEveryControlVisible(el, 'on the intro');
    expect(await tabChecking(el, 4)).to.include.members(['<button part="button start-button"> "Start interview"', '<button part="button help-button"> "Get help"']);

    await press(el, 'Get help');
    const helpDialog = () => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~="help-dialog"]');
    await waitFor(() => helpDialog()?.open, 'no dialog');
    const dialog = helpDialog()!;
    dialog.querySelector('details')!.open = true;
    expect(edgeContrast(dialog), 'the dialog stands out from the page behind it').to.be.at.least(3);
    expect(expectEveryControlVisible(dialog, 'in Get help')).to.equal(6);
    expect(await tabChecking(dialog, 7)).to.include.members(['<button part="button help-copy-button"> "Copy diagnostic report"', '<summary> "Diagnostic report"']);
    dialog.close();

    // The first take's upload is refused (once the consent receipt is on the server): the failed
    // state and "Try again" show in the review.
    const started = Date.now();
    await press(el, 'Start interview');
    await waitFor(async () => (await tusRequests(started)).some((request) => request.method === 'POST' && request.status === 201), 'the consent receipt was not sent', 10_000);
    await injectFault({ kind: 'status', status: 400, method: 'POST' });
    await waitFor(() => findButton(el, 'Start recording') && !findButton(el, 'Start recording')!.disabled, 'recorder not ready', 20_000);
    expect(findButton(el, 'Request an accommodation'), 'the accommodation offer in think time').to.not.equal(undefined);
    expectEveryControlVisible(el, 'in think time');
    await press(el, 'Start recording');
    await waitFor(() => findButton(el, 'Stop recording'), 'the take did not start');
    expectEveryControlVisible(el, 'while recording');
    await press(el, 'Stop recording');
    await waitFor(() => findButton(el, 'Submit answer'), 'no review');
    await waitFor(() => el.shadowRoot!.querySelector('[part~="error"]'), 'the failed upload is not shown');
    expectEveryControlVisible(el, 'in the review of a take whose upload failed');
    const error = el.shadowRoot!.querySelector('[part~="error"]')!;
    expect(edgeContrast(error), 'the error box').to.be.at.least(3);
    expect(await tabChecking(el, 6)).to.include.members(['<button part="button retry-button"> "Try again"']);
  });

  it('keeps the recording badge visible over the camera picture', async () => {
    const recorder = await fixture<HTMLElement>(html`<oneway-recorder endpoint="/files" recording-id=${`forced-badge-${Date.now()}`} practice></oneway-recorder>`);
    await press(recorder, 'Start recording');
    await waitFor(() => recorder.shadowRoot!.querySelector('[part="indicator"]'), 'no recording badge', 10_000);
    const badge = recorder.shadowRoot!.querySelector('[part="indicator"]');
    expect(textContrast(badge!), 'its text').to.be.at.least(4.5);
    // The camera picture behind it can be any colour: the badge carries its own edge.
    const style = getComputedStyle(badge!);
    expect(contrast(over(style.borderTopColor, paintedBackground(badge!)), paintedBackground(badge!)), 'its border on its own background').to.be.at.least(3);
    expect(parseFloat(style.borderTopWidth)).to.be.at.least(1);
    await press(recorder, 'Stop recording');
  });

  it('keeps progress visible: the countdown ring and bar, and an upload bar, against their tracks', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <oneway-countdown seconds="30" running></oneway-countdown>
      <oneway-countdown seconds="30" running variant="bar"></oneway-countdown>
      <oneway-upload-progress></oneway-upload-progress>
    </div>`);
    const [ring, bar] = [...page.querySelectorAll('oneway-countdown')];
    const upload = page.querySelector<OnewayUploadProgress>('oneway-upload-progress')!;
    upload.progress = { uploadUrl: '/files/forced', bytesUploaded: 250_000, bytesRecorded: 1_000_000, recordingEnded: true, state: 'uploading' };
    await upload.updateComplete;
    const part = (host: Element, name: string) => host.shadowRoot!.querySelector(`[part="${name}"]`)!;

    const problems: string[] = [];
    const atLeast = (ratio: number, minimum: number, what: string) => ratio < minimum && problems.push(`${what}: ${ratio.toFixed(2)}`);

    // The ring: the arc left is seen against the canvas, and apart from its track (by colour, or by being thicker).
    const arc = getComputedStyle(part(ring, 'ring-progress'));
    const track = getComputedStyle(part(ring, 'ring-track'));
    const canvas = behind(part(ring, 'ring'));
    atLeast(contrast(rgb(arc.stroke), canvas), 3, 'the ring arc on the canvas');
    atLeast(contrast(rgb(track.stroke), canvas), 3, 'the ring track on the canvas');
    if (contrast(rgb(arc.stroke), rgb(track.stroke)) < 3 && parseFloat(arc.strokeWidth) < 2 * parseFloat(track.strokeWidth)) {
      problems.push(`the ring arc (${arc.stroke} ${arc.strokeWidth}) is not told from its track (${track.stroke} ${track.strokeWidth})`);
    }

    // Bars: the track's extent is seen, and the fill against the track.
    for (const [host, trackPart, fillPart] of [
      [bar, 'bar', 'bar-progress'],
      [upload, 'bar', 'fill'],
    ] as const) {
      const trackBox = part(host, trackPart);
      atLeast(edgeContrast(trackBox), 3, `${host.localName} ${trackPart}`);
      atLeast(contrast(paintedBackground(part(host, fillPart)), paintedBackground(trackBox)), 3, `${host.localName} ${fillPart} on its track`);
    }
    expect(problems).to.deep.equal([]);
  });

  it('keeps the device check visible: pickers, meter and buttons', async () => {
    const check = await fixture<HTMLElement>(html`<oneway-device-check></oneway-device-check>`);
    await waitUntil(() => findButton(check, 'Continue') && !findButton(check, 'Continue')!.disabled, 'the device check did not get ready', { timeout: 20_000 });
    expectEveryControlVisible(check, 'in the device check');
    const meter = check.shadowRoot!.querySelector('meter')!;
    expect(getComputedStyle(meter).appearance, 'the level meter keeps its native look').to.not.equal('none');
    await tabChecking(check, 4);
  });
});
