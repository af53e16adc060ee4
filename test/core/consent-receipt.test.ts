import { expect } from '@open-wc/testing';
import { consentReceipt, textSha256 } from '../../src/core/consent-receipt.js';
import { sha256Hex } from '../support/tus.js';

describe('consentReceipt', () => {
  it('records the SHA-256 of the consent text as UTF-8, the time and the language', async () => {
    const consent = 'J’accepte — 同意します';
    const receipt = consentReceipt({ interviewId: 'i1', candidate: 'c1', consent, ai: false, locale: 'fr', now: new Date('2026-12-02T10:00:00Z') });
    expect(receipt).to.deep.equal({
      interviewId: 'i1',
      candidate: 'c1',
      textSha256: await sha256Hex(new TextEncoder().encode(consent)),
      acceptedAt: '2026-12-02T10:00:00.000Z',
      locale: 'fr',
    });
  });

  it('adds the answer to a second consent, and the hash of its text', async () => {
    const receipt = consentReceipt({ interviewId: 'i1', candidate: 'c1', consent: 'Yes', aiConsent: 'AI may score', ai: true, locale: 'en', now: new Date(0) });
    expect(receipt).to.include({ ai: true, aiTextSha256: textSha256('AI may score') });
    expect(receipt.aiTextSha256).to.equal(await sha256Hex(new TextEncoder().encode('AI may score')));
  });
});
