import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { OnewayRecorder } from '../../../src/elements/recorder/recorder.js';
import type { OnewayErrorEvent } from '../../../src/events/error.js';
import { stubGetUserMedia } from '../../support/media-devices.js';
import { waitFor } from '../../support/wait.js';

/** Makes getUserMedia reject with a DOMException of `name` for the duration of a test. */
const failGetUserMedia = (name: string) => stubGetUserMedia(() => Promise.reject(new DOMException(`stubbed ${name}`, name)));

async function errorOf(name: string) {
  const restore = failGetUserMedia(name);
  try {
    const errors: OnewayErrorEvent[] = [];
    document.addEventListener('oneway-error', (event) => errors.push(event), { once: true });
    const el = await fixture<OnewayRecorder>(html`<oneway-recorder endpoint="/files"></oneway-recorder>`);
    await waitFor(() => errors.length > 0, 'no oneway-error');
    await el.updateComplete;
    return { el, error: errors[0].detail, text: el.shadowRoot!.querySelector('[part="error"]')!.textContent! };
  } finally {
    restore();
  }
}

describe('<oneway-recorder> device errors', () => {
  it('NotFoundError: no camera, says to connect one', async () => {
    const { el, error, text } = await errorOf('NotFoundError');
    expect(error.code).to.equal('no-device');
    expect(error.recoverable).to.equal(true);
    expect(text).to.contain('could not find a camera or microphone');
    await expect(el).to.be.accessible();
  });

  it('NotReadableError: device in use, says to close the other app', async () => {
    const { error, text } = await errorOf('NotReadableError');
    expect(error.code).to.equal('device-in-use');
    expect(text).to.contain('being used by another app');
  });

  it('"Try again" asks for the devices again and recovers', async () => {
    const { el } = await errorOf('NotReadableError');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await waitUntil(() => el.recordingMimeType, 'did not recover', { timeout: 20_000 });
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('no MediaRecorder: says which browsers work, not recoverable', async () => {
    const original = window.MediaRecorder;
    // @ts-expect-error simulating a browser without MediaRecorder
    delete window.MediaRecorder;
    try {
      const errors: OnewayErrorEvent[] = [];
      document.addEventListener('oneway-error', (event) => errors.push(event), { once: true });
      const el = await fixture<OnewayRecorder>(html`<oneway-recorder endpoint="/files"></oneway-recorder>`);
      await waitFor(() => errors.length > 0, 'no oneway-error');
      await el.updateComplete;
      expect(errors[0].detail.code).to.equal('no-media-recorder');
      expect(errors[0].detail.recoverable).to.equal(false);
      expect(el.shadowRoot!.textContent).to.contain('cannot record video');
    } finally {
      window.MediaRecorder = original;
    }
  });
});
