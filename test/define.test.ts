import { expect } from '@open-wc/testing';
import '../src/define.js';
import { waitFor } from './support/wait.js';

describe('define', () => {
  it('defines every element but the device check and the upload progress at once', () => {
    for (const tag of ['oneway-recorder', 'oneway-countdown', 'oneway-question', 'oneway-interview', 'oneway-review']) {
      expect(customElements.get(tag), tag).to.not.equal(undefined);
    }
  });

  for (const [tag, part] of [
    ['oneway-device-check', 'title'],
    ['oneway-upload-progress', 'root'],
  ]) {
    it(`loads ${tag} when the page first uses it`, async () => {
      expect(customElements.get(tag), 'loaded before any page used it').to.equal(undefined);
      const element = document.createElement(tag);
      document.body.append(element);
      try {
        await waitFor(() => customElements.get(tag), `${tag} was not defined once the page used it`, 10_000);
        await waitFor(() => element.shadowRoot?.querySelector(`[part="${part}"]`), `${tag} did not render`);
      } finally {
        element.remove();
      }
    });
  }
});
