import { expect } from '@open-wc/testing';
import { en, type Messages } from '../../src/i18n/en.js';
import { placeholders, pluralSelectors } from '../../src/i18n/format.js';
import { shippedLanguages } from '../../src/i18n/runtime.js';
import ar from '../../src/i18n/locales/ar.js';
import de from '../../src/i18n/locales/de.js';
import es from '../../src/i18n/locales/es.js';
import fr from '../../src/i18n/locales/fr.js';
import ja from '../../src/i18n/locales/ja.js';
import ptBR from '../../src/i18n/locales/pt-BR.js';

const tables: Record<string, Messages> = { en, de, fr, es, 'pt-BR': ptBR, ja, ar };

/** Messages that read the same as in English, rightly: units, and words the languages share. */
const SAME_AS_ENGLISH = new Set(['deviceCheck.kbps', 'deviceCheck.mbps', 'fr interview.questionCount']);

/** The plural categories a language uses for whole numbers people see here (0 to 200): `many` of French, Spanish and Portuguese is for millions. */
function categoriesInUse(lang: string): string[] {
  const rules = new Intl.PluralRules(lang);
  return [...new Set(Array.from({ length: 201 }, (_, n) => rules.select(n)))].sort();
}

describe('message tables', () => {
  it('are shipped for exactly these languages', () => {
    expect([...shippedLanguages].sort()).to.deep.equal(Object.keys(tables).sort());
  });

  for (const [lang, table] of Object.entries(tables)) {
    describe(lang, () => {
      it('has exactly the keys of English', () => {
        expect(Object.keys(table).sort()).to.deep.equal(Object.keys(en).sort());
      });

      it('uses the same {placeholders} as English in every message', () => {
        for (const key of Object.keys(en) as (keyof Messages)[]) {
          expect(placeholders(table[key]), `${lang} ${key}`).to.deep.equal(placeholders(en[key]));
        }
      });

      it('gives every plural a branch for each plural category the language uses, and no unknown one', () => {
        const needed = categoriesInUse(lang);
        const known = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
        for (const key of Object.keys(en) as (keyof Messages)[]) {
          for (const { name, selectors } of pluralSelectors(table[key])) {
            const categories = selectors.filter((selector) => !selector.startsWith('='));
            expect(categories, `${lang} ${key} {${name}}`).to.include.members(needed);
            for (const category of categories) expect(known, `${lang} ${key} {${name}}: ${category}`).to.include(category);
          }
        }
      });

      if (lang !== 'en') {
        it('is translated, not copied from English', () => {
          const keys = Object.keys(en) as (keyof Messages)[];
          const same = keys.filter(
            (key) => table[key] === en[key] && /[a-z]{3}/.test(en[key].replace(/\{\w+\}/g, '')) && !SAME_AS_ENGLISH.has(key) && !SAME_AS_ENGLISH.has(`${lang} ${key}`),
          );
          expect(same, `${lang}: messages still in English`).to.deep.equal([]);
        });
      }
    });
  }
});
