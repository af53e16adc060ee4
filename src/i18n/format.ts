// Messages and numbers for people, in a given language.
//
// Message syntax (a small subset of ICU MessageFormat):
//   {name}                                       the parameter `name`; numbers are formatted for the language
//   {count, plural, one {# file} other {# files}} the branch for `count`'s plural category in the language
//                                                 (Intl.PluralRules: zero, one, two, few, many, other),
//                                                 `=0 {…}` for an exact number; `#` is the formatted count.
// Every plural must have an `other` branch. Braces are not allowed as literal text.
import { en, type MessageKey, type Messages } from './en.js';

/** Values for a message's `{placeholders}`. */
export type MessageParams = Record<string, string | number>;

const formats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** A cached `Intl.NumberFormat`: constructing one is slow, and elements format at every render. */
export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

function plurals(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

/** Fills a message of the table `messages` (English by default) for `locale`. */
export function formatMessage(
  key: MessageKey,
  params: MessageParams = {},
  messages: Messages = en,
  locale = 'en',
): string {
  return formatTemplate(messages[key] ?? en[key], params, locale);
}

/** Fills `{placeholders}` and plurals in a message text for `locale`. An unknown placeholder is left as it is. */
export function formatTemplate(template: string, params: MessageParams, locale = 'en'): string {
  return parse(template)
    .map((piece) => {
      if (typeof piece === 'string') return piece;
      if (!(piece.name in params)) return piece.source;
      const value = params[piece.name];
      if (!piece.branches) return typeof value === 'number' ? numberFormat(locale).format(value) : value;
      const count = Number(value);
      const branch =
        piece.branches.get(`=${count}`) ?? piece.branches.get(plurals(locale).select(count)) ?? piece.branches.get('other') ?? '';
      // `#` is the count, but only in this branch's own text, not in a plural nested in it.
      const own = parse(branch)
        .map((inner) => (typeof inner === 'string' ? inner.replaceAll('#', numberFormat(locale).format(count)) : inner.source))
        .join('');
      return formatTemplate(own, params, locale);
    })
    .join('');
}

/** The names of the parameters a message uses, sorted (plural arguments and those inside branches included). */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  const walk = (text: string) => {
    for (const piece of parse(text)) {
      if (typeof piece === 'string') continue;
      names.add(piece.name);
      piece.branches?.forEach((branch) => walk(branch));
    }
  };
  walk(template);
  return [...names].sort();
}

/** The plurals of a message: each one's argument and the selectors of its branches (e.g. `one`, `other`, `=0`). */
export function pluralSelectors(template: string): { name: string; selectors: string[] }[] {
  const found: { name: string; selectors: string[] }[] = [];
  const walk = (text: string) => {
    for (const piece of parse(text)) {
      if (typeof piece === 'string' || !piece.branches) continue;
      found.push({ name: piece.name, selectors: [...piece.branches.keys()] });
      piece.branches.forEach((branch) => walk(branch));
    }
  };
  walk(template);
  return found;
}

interface Argument {
  name: string;
  /** The placeholder as written, shown when its parameter is missing. */
  source: string;
  /** Plural branches by selector, for `{name, plural, …}`. */
  branches?: Map<string, string>;
}

const parsed = new Map<string, (string | Argument)[]>();

/** Splits a message into text and arguments. Throws on unbalanced braces or a malformed plural. */
function parse(template: string): (string | Argument)[] {
  const cached = parsed.get(template);
  if (cached) return cached;
  const pieces: (string | Argument)[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const char = template[i];
    if (char !== '{') {
      if (char === '}') throw new SyntaxError(`Unbalanced "}" in message: ${template}`);
      text += char;
      i++;
      continue;
    }
    const end = matchingBrace(template, i);
    const source = template.slice(i, end + 1);
    const inner = source.slice(1, -1);
    const simple = /^\s*(\w+)\s*$/.exec(inner);
    if (simple) {
      if (text) pieces.push(text);
      text = '';
      pieces.push({ name: simple[1], source });
    } else {
      const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
      if (!plural) throw new SyntaxError(`Unknown argument "${source}" in message: ${template}`);
      if (text) pieces.push(text);
      text = '';
      pieces.push({ name: plural[1], source, branches: parseBranches(inner.slice(plural[0].length), template) });
    }
    i = end + 1;
  }
  if (text) pieces.push(text);
  parsed.set(template, pieces);
  return pieces;
}

function parseBranches(body: string, template: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  for (;;) {
    while (i < body.length && /\s/.test(body[i])) i++;
    if (i >= body.length) break;
    const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!selector) throw new SyntaxError(`Malformed plural near "${body.slice(i, i + 20)}" in message: ${template}`);
    const open = i + selector[0].length - 1;
    const close = matchingBrace(body, open);
    branches.set(selector[1], body.slice(open + 1, close));
    i = close + 1;
  }
  if (!branches.has('other')) throw new SyntaxError(`A plural needs an "other" branch: ${template}`);
  return branches;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new SyntaxError(`Unbalanced "{" in message: ${text}`);
}

/** Seconds as `m:ss`, the way a timer reads, in the digits of `locale`. */
export function formatClock(totalSeconds: number, locale = 'en'): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const minutes = numberFormat(locale, { useGrouping: false }).format(Math.floor(seconds / 60));
  return `${minutes}:${numberFormat(locale, { minimumIntegerDigits: 2 }).format(seconds % 60)}`;
}

/** A byte count for people: `1.2 MB`. */
export function formatBytes(bytes: number, locale?: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    // "18 bytes" (with the language's plural rules), "1.2 kB".
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/**
 * A length of time for people (whole seconds; zero parts left out): `45 sec`, `2 min`,
 * `1 hr 5 min`, or with `unitDisplay` `long`: `1 hour, 5 minutes`.
 */
export function formatDuration(totalSeconds: number, locale?: string, unitDisplay: 'short' | 'long' = 'short'): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const parts: [number, 'hour' | 'minute' | 'second'][] = [
    [Math.floor(seconds / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
    [seconds % 60, 'second'],
  ];
  const shown = parts.filter(([value]) => value > 0);
  const words = (shown.length ? shown : [parts[2]]).map(([value, unit]) =>
    numberFormat(locale, { style: 'unit', unit, unitDisplay }).format(value),
  );
  return new Intl.ListFormat(locale, { type: 'unit', style: unitDisplay === 'short' ? 'narrow' : 'long' }).format(words);
}
