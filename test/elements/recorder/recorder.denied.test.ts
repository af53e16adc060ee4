import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { OnewayRecorder } from '../../../src/elements/recorder/recorder.js';
import type { OnewayErrorEvent } from '../../../src/events/error.js';

// Runs in the "permission-denied" group: Chromium answers the permission prompt with "deny".
describe('<oneway-recorder> with camera permission denied', () => {
  it('tells the candidate how to allow the camera and fires permission-denied', async () => {
    const errors: OnewayErrorEvent[] = [];
    document.addEventListener('oneway-error', (event) => errors.push(event));
    const el = await fixture<OnewayRecorder>(html`<oneway-recorder endpoint="/files"></oneway-recorder>`);
    await waitUntil(() => errors.length > 0, 'no oneway-error', { timeout: 10_000 });
    await el.updateComplete;
    expect(errors[0].detail.code).to.equal('permission-denied');
    expect(errors[0].detail.recoverable).to.equal(true);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('blocked the camera or microphone');
    expect(el.shadowRoot!.querySelector('[part="record-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
