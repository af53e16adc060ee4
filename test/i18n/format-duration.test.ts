import { expect } from '@open-wc/testing';
import { formatDuration } from '../../src/i18n/format.js';

describe('formatDuration', () => {
  it('names the hours, minutes and seconds that are not zero', () => {
    expect(formatDuration(45, 'en')).to.equal('45 sec');
    expect(formatDuration(120, 'en')).to.equal('2 min');
    expect(formatDuration(125, 'en')).to.equal('2 min 5 sec');
    expect(formatDuration(3900, 'en')).to.equal('1 hr 5 min');
  });

  it('rounds to whole seconds and never goes below zero', () => {
    expect(formatDuration(0, 'en')).to.equal('0 sec');
    expect(formatDuration(-3, 'en')).to.equal('0 sec');
    expect(formatDuration(9.6, 'en')).to.equal('10 sec');
  });

  it('follows the locale', () => {
    expect(formatDuration(120, 'de')).to.equal('2 Min.');
  });
});
