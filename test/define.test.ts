import { expect } from '@open-wc/testing';
import '../src/define.js';
import { waitFor } from './support/wait.js';

describe('define', () => {
  it('defines every element but the device check at once', () => {
    for (const tag of ['oneway-recorder', 'oneway-countdown', 'oneway-upload-progress', 'oneway-question', 'oneway-interview']) {
      expect(customElements.get(tag), tag).to.not.equal(undefined);
    }
  });

  it('loads the device check when the page first uses it', async () => {
    expect(customElements.get('oneway-device-check'), 'loaded before any page used it').to.equal(undefined);
    const check = document.createElement('oneway-device-check');
    document.body.append(check);
    try {
      await waitFor(() => customElements.get('oneway-device-check'), 'the device check was not defined once the page used it', 10_000);
      await waitFor(() => check.shadowRoot?.querySelector('[part="title"]'), 'the device check did not render');
    } finally {
      check.remove();
    }
  });
});
