import { expect } from '@open-wc/testing';
import { en } from '../../src/i18n/en.js';
import { formatBytes, formatClock, formatMessage, formatTemplate, placeholders } from '../../src/i18n/format.js';
import ar from '../../src/i18n/locales/ar.js';
import de from '../../src/i18n/locales/de.js';
import ja from '../../src/i18n/locales/ja.js';

describe('formatTemplate', () => {
  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(formatTemplate('Question {n} of {total}', { n: 2, total: 5 })).to.equal('Question 2 of 5');
    expect(formatTemplate('Hello {name}', {})).to.equal('Hello {name}');
  });

  it('formats number parameters for the language', () => {
    expect(formatTemplate('{count} of {max}', { count: 1200, max: 100000 }, 'en')).to.equal('1,200 of 100,000');
    expect(formatTemplate('{count} of {max}', { count: 1200, max: 100000 }, 'de')).to.equal('1.200 of 100.000');
  });

  it('picks the plural branch of the count in the language, with # as the formatted count', () => {
    const retakes = '{count, plural, =0 {no retakes} one {# retake left} other {# retakes left}}';
    expect(formatTemplate(retakes, { count: 0 })).to.equal('no retakes');
    expect(formatTemplate(retakes, { count: 1 })).to.equal('1 retake left');
    expect(formatTemplate(retakes, { count: 2 })).to.equal('2 retakes left');
    expect(formatTemplate(retakes, { count: 1000 })).to.equal('1,000 retakes left');
    // French: 0 and 1 are singular.
    const fr = '{count, plural, one {# question} other {# questions}}';
    expect(formatTemplate(fr, { count: 0 }, 'fr')).to.equal('0 question');
    expect(formatTemplate(fr, { count: 2 }, 'fr')).to.equal('2 questions');
  });

  it('knows the six plural forms of Arabic', () => {
    const words = [0, 1, 2, 3, 11, 100].map((count) => formatMessage('interview.questionCount', { count }, ar, 'ar'));
    expect(words[0]).to.equal('لا توجد أسئلة');
    expect(words[1]).to.equal('سؤال واحد');
    expect(words[2]).to.equal('سؤالان');
    expect(words[3]).to.equal(`${new Intl.NumberFormat('ar').format(3)} أسئلة`);
    expect(words[4]).to.equal(`${new Intl.NumberFormat('ar').format(11)} سؤالًا`);
    expect(words[5]).to.equal(`${new Intl.NumberFormat('ar').format(100)} سؤال`);
  });

  it('fills placeholders inside a branch, and text around the plural', () => {
    expect(formatMessage('countdown.secondsLeft', { label: 'Think time', seconds: 1 })).to.equal('Think time: 1 second left.');
    expect(formatMessage('countdown.secondsLeft', { label: 'Think time', seconds: 30 })).to.equal('Think time: 30 seconds left.');
    expect(formatMessage('interview.retakesLeft', { count: 1 })).to.equal('1 retake left. A retake replaces this answer.');
    expect(formatMessage('interview.retakesLeft', { count: 2 })).to.equal('2 retakes left. A retake replaces this answer.');
    expect(formatMessage('interview.resumeHint', { answered: 1, total: 1 }, de, 'de')).to.equal(
      'Sie haben 1 von 1 Frage beantwortet. Es geht mit der nächsten Frage weiter.',
    );
    expect(formatMessage('interview.questionCount', { count: 3 }, ja, 'ja')).to.equal('全3問');
  });

  it('names the parameters of a message, plurals included', () => {
    expect(placeholders(en['interview.resumeHint'])).to.deep.equal(['answered', 'total']);
    expect(placeholders(en['countdown.secondsLeft'])).to.deep.equal(['label', 'seconds']);
    expect(placeholders('{a, plural, one {{b}} other {# {c}}}')).to.deep.equal(['a', 'b', 'c']);
  });

  it('rejects a malformed message instead of showing braces', () => {
    expect(() => formatTemplate('{count, plural, one {# file}}', { count: 2 })).to.throw(/other/);
    expect(() => formatTemplate('{count, plural, one {# file} other {# files}', { count: 2 })).to.throw(/Unbalanced/);
    expect(() => formatTemplate('{count, select, a {x}}', { count: 2 })).to.throw(/Unknown argument/);
  });
});

describe('formatBytes', () => {
  it('says bytes with the plural rules of the language, and larger units short', () => {
    expect(formatBytes(1, 'en')).to.equal('1 byte');
    expect(formatBytes(18, 'en')).to.equal('18 bytes');
    expect(formatBytes(18, 'fr').replace(/\s/g, ' ')).to.equal('18 octets');
    expect(formatBytes(1_200, 'en')).to.equal('1.2 kB');
    expect(formatBytes(544_000, 'en')).to.equal('544 kB');
    expect(formatBytes(2_500_000, 'de').replace(/\s/g, ' ')).to.equal('2,5 MB');
  });
});

describe('formatClock', () => {
  it('reads m:ss in the digits of the language', () => {
    expect(formatClock(90)).to.equal('1:30');
    expect(formatClock(605, 'de')).to.equal('10:05');
    const arabic = new Intl.NumberFormat('ar');
    expect(formatClock(90, 'ar')).to.equal(`${arabic.format(1)}:${new Intl.NumberFormat('ar', { minimumIntegerDigits: 2 }).format(30)}`);
  });
});
