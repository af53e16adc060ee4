// The languages the elements speak: English built in, the shipped tables loaded on demand (each is
// its own chunk in the CDN build), and the host's own messages registered at runtime.
import { en, type MessageKey, type Messages } from './en.js';

type Table = Partial<Messages>;
type Loader = () => Promise<{ default: Messages }>;

/** The shipped tables besides English, loaded with `import()` the first time an element needs one. */
const SHIPPED: Record<string, Loader> = {
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  ja: () => import('./locales/ja.js'),
  ar: () => import('./locales/ar.js'),
};

/** A shipped table that stands in for a whole language: Portuguese from Portugal reads Brazilian Portuguese rather than English. */
const STANDS_IN: Record<string, string> = { pt: 'pt-BR' };

/** Languages written right to left, and scripts that are. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa']);

/** How long an element waits for its language before it shows English (a chunk that does not load). */
const LOAD_WAIT_MS = 3000;

/** The languages shipped with the package (more can be added with `registerMessages`). */
export const shippedLanguages: readonly string[] = ['en', ...Object.keys(SHIPPED)];

const loaded = new Map<string, Table>([['en', en]]);
const loading = new Map<string, Promise<void>>();
const overrides = new Map<string, Table>();
const listeners = new Set<() => void>();
const resolvedCache = new Map<string, ResolvedLocale>();

/** The language an element shows, as far as it is known now. */
export interface ResolvedLocale {
  /** The language asked for (the closest `lang`), as a canonical tag; `en` when none or not a valid tag. */
  readonly requested: string;
  /**
   * The language the text is in and numbers, dates and plurals are formatted for: the requested
   * tag when its language has messages (`de-AT` with the German table), else the table's (`en`).
   */
  readonly lang: string;
  /** The writing direction of `lang`. */
  readonly dir: 'ltr' | 'rtl';
  /** Every message, in `lang` where there is one, else in English. */
  readonly messages: Messages;
  /** Settles once the shipped tables this language needs are loaded (or failed, or took too long); undefined when nothing is missing. */
  readonly pending: Promise<void> | undefined;
}

/**
 * Overrides messages of a language, or adds a language, at runtime. `messages` can be any part of
 * the table (see `en.ts` for the keys and English texts); keys it leaves out come from the shipped
 * table of that language, else English. Overrides win over shipped tables, and apply to every
 * element whose `lang` is `lang` or more specific (`registerMessages('fr', …)` applies to `fr-CA`
 * too). Calling it again for the same language adds to what was registered before. Elements on
 * the page re-render at once.
 *
 * @example
 * registerMessages('en', { 'interview.start': 'Begin your interview' });
 * registerMessages('it', { 'interview.start': 'Inizia il colloquio', … });
 */
export function registerMessages(lang: string, messages: Partial<Messages>): void {
  const tag = canonicalTag(lang);
  if (!tag) throw new RangeError(`registerMessages: "${lang}" is not a valid language tag`);
  const table: Table = { ...overrides.get(tag) };
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string' && isMessageKey(key)) table[key] = value;
  }
  overrides.set(tag, table);
  changed();
}

/** Whether a host's key names one of the widget's messages (unknown keys are ignored). */
function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

/** Calls `listener` whenever a table finished loading or messages were registered; returns the unsubscribe function. */
export function onMessagesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The language, direction and messages for a `lang` value (e.g. from an element's closest `lang`); starts loading a shipped table it needs. */
export function resolveLocale(requestedLang: string): ResolvedLocale {
  const requested = canonicalTag(requestedLang) ?? 'en';
  const cached = resolvedCache.get(requested);
  if (cached) return cached;

  const chain = candidates(requested);
  const general = [...chain].reverse();
  const fallback = chain.includes('en') ? [] : [overrides.get('en')];
  // English, then the shipped tables from the general to the specific, then every override.
  const messages = Object.assign(
    {},
    en,
    ...fallback,
    ...general.map((tag) => loaded.get(tag)),
    ...general.map((tag) => overrides.get(tag)),
  ) as Messages;
  const active = chain.find((tag) => loaded.has(tag) || overrides.has(tag)) ?? 'en';
  const lang = primaryLanguage(active) === primaryLanguage(requested) ? requested : active;
  const missing = chain.filter((tag) => SHIPPED[tag] && !loaded.has(tag));
  const pending = missing.length
    ? Promise.race([Promise.all(missing.map(load)).then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, LOAD_WAIT_MS))])
    : undefined;
  const resolved: ResolvedLocale = { requested, lang, dir: textDirection(lang), messages, pending };
  resolvedCache.set(requested, resolved);
  return resolved;
}

/** `rtl` for languages written right to left (Arabic, Hebrew, Persian, Urdu…), else `ltr`. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(lang);
    if (locale.script) return RTL_SCRIPTS.has(locale.script) ? 'rtl' : 'ltr';
    return RTL_LANGUAGES.has(locale.language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

function load(tag: string): Promise<void> {
  let promise = loading.get(tag);
  if (!promise) {
    promise = SHIPPED[tag]().then(
      (module) => {
        loaded.set(tag, module.default);
        changed();
      },
      (error: unknown) => {
        // E.g. the CDN chunk could not be fetched: the elements stay in English; the next language change tries again.
        loading.delete(tag);
        console.warn(`oneway-interview: the "${tag}" messages could not be loaded`, error);
      },
    );
    loading.set(tag, promise);
  }
  return promise;
}

function changed(): void {
  resolvedCache.clear();
  for (const listener of listeners) listener();
}

/** A canonical BCP 47 tag (`pt_br` → `pt-BR`), or undefined when `lang` is not one. */
function canonicalTag(lang: string): string | undefined {
  const trimmed = lang.trim().replaceAll('_', '-');
  if (!trimmed) return undefined;
  try {
    return new Intl.Locale(trimmed).baseName;
  } catch {
    return undefined;
  }
}

/** The tags whose messages apply to `tag`, most specific first: `de-CH` → `de-CH`, `de`; `pt-PT` → `pt-PT`, `pt`, `pt-BR`. */
function candidates(tag: string): string[] {
  const parts = tag.split('-');
  const tags: string[] = [];
  for (let length = parts.length; length > 0; length--) tags.push(parts.slice(0, length).join('-'));
  const language = parts[0];
  if (STANDS_IN[language]) tags.push(STANDS_IN[language]);
  return [...new Set(tags)];
}

function primaryLanguage(tag: string): string {
  return tag.split('-')[0];
}
