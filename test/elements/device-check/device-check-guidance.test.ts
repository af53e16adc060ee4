import { expect } from '@open-wc/testing';
import { CONNECTION_GUIDANCE, LIGHTING_GUIDANCE, MICROPHONE_GUIDANCE } from '../../../src/elements/device-check/device-check.guidance.js';
import { en } from '../../../src/i18n/en.js';

describe('guidance tables', () => {
  it('every piece of advice has English words, and exactly the problems are warnings', () => {
    const tables = { MICROPHONE_GUIDANCE, LIGHTING_GUIDANCE, CONNECTION_GUIDANCE };
    const warnings: string[] = [];
    for (const [table, entries] of Object.entries(tables)) {
      for (const [advice, { message, warning }] of Object.entries(entries)) {
        expect(en[message], `${table}.${advice}`).to.be.a('string').and.not.equal('');
        if (warning) warnings.push(advice);
      }
    }
    expect(warnings.sort()).to.deep.equal(['failed', 'noisy', 'silent', 'slow', 'too-bright', 'too-dark', 'too-slow-for-video']);
  });
});
