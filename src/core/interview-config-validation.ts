// The config validator, apart from the config's types and resolution so that the CDN build loads
// it as a chunk of its own, while the interview's config is being read; hosts that embed only
// the recorder never load it.
import {
  ANSWER_KINDS,
  BUILT_IN_DEFAULTS,
  CONFIG_LIMITS,
  MAX_ID_LENGTH,
  type AnswerKind,
  type ConfigProblem,
  type ConfigValidation,
  type InterviewConfig,
} from './interview-config.js';

/**
 * What an id must not contain. Ids are sent as tus metadata (UTF-8, then base64) and become file
 * names, log lines and keys on the server: an unpaired surrogate has no UTF-8 form (it would arrive
 * as U+FFFD, another id), and control characters (line breaks, tabs …) break names and lines.
 * The schema's `$defs.id.pattern` excludes the same code points.
 */
const NOT_IN_ID = /[\p{Cc}\p{Cs}]/u;

const TOP_LEVEL_KEYS = [
  '$schema',
  'id',
  'title',
  'instructions',
  'consent',
  'aiConsent',
  'deadline',
  'practice',
  'deviceCheck',
  'support',
  'defaults',
  'questions',
  'pick',
  'shuffle',
  'pools',
  'accommodations',
];
const POOL_KEYS = ['id', 'pick', 'questions'];
const SETTINGS_KEYS = ['thinkSeconds', 'answerSeconds', 'retakes', 'answer'] as const;
const QUESTION_KEYS = ['id', 'text', 'video', 'captions', ...SETTINGS_KEYS, 'maxChars'];
const SUPPORT_KEYS = ['text', 'email', 'url'];

/** An email address, loosely: no spaces, one `@` between two non-empty parts. The schema's `support.email.pattern`. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

/**
 * A URL that opens a web page when followed: http, https, or relative to the page (no
 * `javascript:` or `data:`, which a link must not run). A colon before the first `/`, `?` or `#`
 * is allowed only after http or https, so a tab or space that the browser drops ("java\tscript:")
 * cannot hide another scheme. The schema's `support.url.pattern`.
 */
export const WEB_PAGE_URL_PATTERN = /^(?:[Hh][Tt][Tt][Pp][Ss]?:|[^:/?#]*(?:[/?#]|$))/;

/**
 * An RFC 3339 date-time: date, `T`, hours and minutes (seconds and fraction optional), and a time
 * zone (`Z` or `±hh:mm`). The schema's `deadline.pattern` is the same expression.
 */
export const DEADLINE_PATTERN =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d+)?)?(Z|([+-])([01]\d|2[0-3]):([0-5]\d))$/;

/** A base that only serves to tell whether a relative URL parses. */
const URL_BASE = 'https://host.invalid/interview/';

/**
 * Checks an interview config (parsed JSON) and reports every problem at once. `now` is when the
 * deadline must still be ahead. On success, `config` is a copy: later changes to `input` do not
 * reach it.
 */
export function validateInterviewConfig(input: unknown, now: Date = new Date()): ConfigValidation {
  const problems: ConfigProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  if (!isPlainObject(input)) {
    report('$', `expected the interview config as an object, got ${describe(input)}`);
    return { ok: false, problems };
  }

  reportUnknownKeys(input, TOP_LEVEL_KEYS, '$', report);
  if ('$schema' in input && typeof input.$schema !== 'string') {
    report('$.$schema', `expected the schema's URL as a string, got ${describe(input.$schema)}`);
  }
  checkId(input, '$', 'the interview', report);
  checkRequiredText(input, 'title', '$', 'the interview', report);
  if ('instructions' in input && typeof input.instructions !== 'string') {
    report('$.instructions', `expected plain text, got ${describe(input.instructions)}`);
  }
  if ('consent' in input) checkText(input.consent, '$.consent', report, 'remove "consent" if there is nothing to accept');
  if ('aiConsent' in input) checkText(input.aiConsent, '$.aiConsent', report, 'remove "aiConsent" if there is nothing to accept');
  if ('accommodations' in input) checkAccommodations(input.accommodations, report);
  if ('deadline' in input) checkDeadline(input.deadline, now, report);
  for (const key of ['practice', 'deviceCheck', 'shuffle']) {
    if (key in input && typeof input[key] !== 'boolean') report(`$.${key}`, `expected true or false, got ${describe(input[key])}`);
  }
  if ('support' in input) checkSupport(input.support, report);

  // The answer kind of questions that set none; undefined when $.defaults.answer is itself wrong.
  let defaultAnswer: DefaultAnswer | undefined = { kind: BUILT_IN_DEFAULTS.answer, from: 'the built-in default' };
  if ('defaults' in input) {
    const defaults = input.defaults;
    if (!isPlainObject(defaults)) {
      report('$.defaults', `expected an object of question settings (${SETTINGS_KEYS.join(', ')}), got ${describe(defaults)}`);
      defaultAnswer = undefined;
    } else {
      reportUnknownKeys(defaults, SETTINGS_KEYS, '$.defaults', report);
      checkSettings(defaults, '$.defaults', report);
      if ('answer' in defaults) {
        defaultAnswer = isAnswerKind(defaults.answer) ? { kind: defaults.answer, from: 'from $.defaults.answer' } : undefined;
      }
    }
  }

  if (!('questions' in input)) {
    report('$.questions', 'missing; add "questions", an array with at least one question');
  } else if (!Array.isArray(input.questions)) {
    report('$.questions', `expected an array of questions, got ${describe(input.questions)}`);
  } else if (input.questions.length === 0) {
    report('$.questions', 'empty; add at least one question');
  } else {
    const firstIndexOfId = new Map<string, number>();
    input.questions.forEach((question: unknown, index: number) => {
      const path = `$.questions[${index}]`;
      if (!isPlainObject(question)) {
        report(path, `expected a question object (with "id" and "text"), got ${describe(question)}`);
        return;
      }
      checkQuestion(question, path, defaultAnswer, report);
      if (typeof question.id === 'string' && question.id.trim()) {
        const first = firstIndexOfId.get(question.id);
        if (first === undefined) firstIndexOfId.set(question.id, index);
        else report(`${path}.id`, `${JSON.stringify(question.id)} is already the id of $.questions[${first}]; question ids must be unique`);
      }
    });
  }

  const questionIds = Array.isArray(input.questions)
    ? input.questions.flatMap((question: unknown) => (isPlainObject(question) && typeof question.id === 'string' ? [question.id] : []))
    : [];
  if ('pick' in input) {
    if ('pools' in input) report('$.pick', 'with "pools", each pool has its own "pick": remove the top-level one');
    else checkPick(input.pick, '$.pick', Array.isArray(input.questions) ? input.questions.length : undefined, 'questions', report);
  }
  if ('pools' in input) checkPools(input.pools, questionIds, report);

  return problems.length ? { ok: false, problems } : { ok: true, config: structuredClone(input) as unknown as InterviewConfig };
}

/** A pick of at least 1 and at most the `count` questions there are to draw from. */
function checkPick(value: unknown, path: string, count: number | undefined, from: string, report: Report): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    report(path, `expected how many questions to ask, a whole number from 1, got ${describe(value)}`);
  } else if (count !== undefined && count > 0 && value > count) {
    report(path, `${value} is more than the ${count} ${from} there are to draw from`);
  }
}

function checkPools(pools: unknown, questionIds: readonly string[], report: Report): void {
  if (!Array.isArray(pools) || pools.length === 0) {
    report('$.pools', `expected an array of pools ({ "id", "pick", "questions": [question ids] }), got ${describe(pools)}`);
    return;
  }
  const known = new Set(questionIds);
  const poolOf = new Map<string, string>();
  const poolIds = new Set<string>();
  pools.forEach((pool: unknown, index: number) => {
    const path = `$.pools[${index}]`;
    if (!isPlainObject(pool)) {
      report(path, `expected a pool object ({ "id", "pick", "questions" }), got ${describe(pool)}`);
      return;
    }
    reportUnknownKeys(pool, POOL_KEYS, path, report);
    checkId(pool, path, 'every pool', report);
    if (typeof pool.id === 'string') {
      if (poolIds.has(pool.id)) report(`${path}.id`, `${JSON.stringify(pool.id)} is already the id of another pool; pool ids must be unique`);
      poolIds.add(pool.id);
    }
    const members = pool.questions;
    if (!Array.isArray(members) || members.length === 0) {
      report(`${path}.questions`, `expected an array of at least one question id, got ${describe(members)}`);
      return;
    }
    members.forEach((id: unknown, at: number) => {
      const where = `${path}.questions[${at}]`;
      if (typeof id !== 'string') report(where, `expected a question id, got ${describe(id)}`);
      else if (!known.has(id)) report(where, `${JSON.stringify(id)} is not the id of a question in $.questions`);
      else if (poolOf.has(id)) report(where, `${JSON.stringify(id)} is already in the pool ${JSON.stringify(poolOf.get(id))}; a question belongs to one pool`);
      else poolOf.set(id, typeof pool.id === 'string' ? pool.id : `#${index}`);
    });
    if ('pick' in pool) checkPick(pool.pick, `${path}.pick`, members.length, 'questions in this pool', report);
  });
  questionIds.forEach((id, index) => {
    if (!poolOf.has(id)) report(`$.questions[${index}]`, `${JSON.stringify(id)} is in no pool: with "pools", add it to one (or remove it)`);
  });
}

function checkAccommodations(value: unknown, report: Report): void {
  if (!isPlainObject(value)) {
    report('$.accommodations', `expected { "text": what happens after a request }, got ${describe(value)}`);
    return;
  }
  reportUnknownKeys(value, ['text'], '$.accommodations', report);
  checkRequiredText(value, 'text', '$.accommodations', 'accommodations', report);
}

/** Records one problem: where (a JSON path) and what. */
export type Report = (path: string, message: string) => void;
export type JsonObject = Record<string, unknown>;
type DefaultAnswer = { kind: AnswerKind; from: string };

function checkQuestion(question: JsonObject, path: string, defaultAnswer: DefaultAnswer | undefined, report: Report): void {
  reportUnknownKeys(question, QUESTION_KEYS, path, report);
  checkId(question, path, 'every question', report);
  checkRequiredText(question, 'text', path, 'every question', report);
  for (const key of ['video', 'captions']) {
    if (key in question) checkUrl(question[key], `${path}.${key}`, report);
  }
  if ('captions' in question && !('video' in question)) {
    report(`${path}.captions`, 'captions belong to a question video, and this question has none: add "video" or remove "captions"');
  }
  checkSettings(question, path, report);
  if ('maxChars' in question) {
    checkWholeNumber(question.maxChars, `${path}.maxChars`, 'maxChars', 'characters', report);
    const own = 'answer' in question;
    const answer = own ? (isAnswerKind(question.answer) ? question.answer : undefined) : defaultAnswer?.kind;
    if (answer !== undefined && answer !== 'text') {
      const whence = own ? '' : ` (${defaultAnswer!.from})`;
      report(
        `${path}.maxChars`,
        `only text answers have a length limit, and this question's answer is "${answer}"${whence}: remove "maxChars" or set "answer": "text"`,
      );
    }
  }
}

function checkSettings(settings: JsonObject, path: string, report: Report): void {
  if ('thinkSeconds' in settings) checkWholeNumber(settings.thinkSeconds, `${path}.thinkSeconds`, 'thinkSeconds', 'seconds', report);
  if ('answerSeconds' in settings) checkWholeNumber(settings.answerSeconds, `${path}.answerSeconds`, 'answerSeconds', 'seconds', report);
  if ('retakes' in settings) checkWholeNumber(settings.retakes, `${path}.retakes`, 'retakes', 'retakes', report);
  if ('answer' in settings && !isAnswerKind(settings.answer)) {
    const kinds = `use ${listKinds()}`;
    report(
      `${path}.answer`,
      typeof settings.answer === 'string'
        ? `${JSON.stringify(settings.answer)} is not an answer kind; ${kinds}`
        : `expected an answer kind (${listKinds()}), got ${describe(settings.answer)}`,
    );
  }
}

function checkSupport(support: unknown, report: Report): void {
  const path = '$.support';
  if (!isPlainObject(support)) {
    report(path, `expected an object with any of ${SUPPORT_KEYS.map((key) => `"${key}"`).join(', ')}, got ${describe(support)}`);
    return;
  }
  reportUnknownKeys(support, SUPPORT_KEYS, path, report);
  if ('text' in support) checkText(support.text, `${path}.text`, report, 'remove "text" if there is nothing to say');
  if ('email' in support) {
    const email = support.email;
    checkText(email, `${path}.email`, report, 'give an email address or remove "email"');
    if (typeof email === 'string' && email.trim() && !EMAIL_PATTERN.test(email)) {
      report(`${path}.email`, `${JSON.stringify(email)} is not an email address; write it as "help@example.com"`);
    }
  }
  if ('url' in support && checkUrl(support.url, `${path}.url`, report) && !WEB_PAGE_URL_PATTERN.test(support.url as string)) {
    report(`${path}.url`, `${JSON.stringify(support.url)} does not open a web page; use an https:// URL or one relative to the page (an email address goes in "email")`);
  }
}

function checkWholeNumber(value: unknown, path: string, key: keyof typeof CONFIG_LIMITS, unit: string, report: Report): void {
  const { min, max } = CONFIG_LIMITS[key];
  const range = `${min} to ${max}`;
  if (typeof value !== 'number') {
    report(path, `expected a whole number of ${unit} (${range}), got ${describe(value)}`);
  } else if (!Number.isInteger(value)) {
    report(path, `${value} is not a whole number; use a whole number of ${unit} (${range})`);
  } else if (value < min || value > max) {
    const hint = key === 'thinkSeconds' || key === 'answerSeconds' ? ' (seconds, not milliseconds)' : '';
    report(path, `${value} is out of range; use ${range}${value > max ? hint : ''}`);
  }
}

function checkId(object: JsonObject, path: string, owner: string, report: Report): void {
  checkRequiredText(object, 'id', path, owner, report);
  const id = object.id;
  if (typeof id !== 'string' || !id.trim()) return;
  const allowed = `ids are sent with every answer as tus metadata: use up to ${MAX_ID_LENGTH} characters of text without control characters (line breaks, tabs …) or unpaired surrogates, e.g. "q1"`;
  const unusable = NOT_IN_ID.exec(id)?.[0];
  const length = [...id].length;
  if (unusable !== undefined) {
    const code = `U+${unusable.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    report(`${path}.id`, `${describe(id)} contains ${code}; ${allowed}`);
  } else if (length > MAX_ID_LENGTH) {
    report(`${path}.id`, `${describe(id)} is ${length} characters long; ${allowed}`);
  }
}

function checkRequiredText(object: JsonObject, key: string, path: string, owner: string, report: Report): void {
  if (!(key in object)) {
    report(`${path}.${key}`, `missing; ${owner} needs a non-empty "${key}"`);
    return;
  }
  checkText(object[key], `${path}.${key}`, report, `give ${owner} a non-empty "${key}"`);
}

function checkText(value: unknown, path: string, report: Report, fix: string): void {
  if (typeof value !== 'string') report(path, `expected text, got ${describe(value)}`);
  else if (!value.trim()) report(path, `empty; ${fix}`);
}

/** Reports `value` unless it is a non-empty absolute or relative URL; whether it is one. */
export function checkUrl(value: unknown, path: string, report: Report): boolean {
  if (typeof value !== 'string') {
    report(path, `expected a URL as a string, got ${describe(value)}`);
  } else if (!value.trim()) {
    report(path, 'empty; give an absolute or relative URL, or remove the key');
  } else if (!parsesAsUrl(value)) {
    report(path, `${JSON.stringify(value)} is not a URL; give an absolute URL ("https://cdn.example/q1.mp4") or a relative one ("media/q1.mp4")`);
  } else {
    return true;
  }
  return false;
}

function checkDeadline(value: unknown, now: Date, report: Report): void {
  const path = '$.deadline';
  const example = 'e.g. "2026-12-01T23:59:00Z"';
  if (typeof value !== 'string') {
    report(path, `expected an ISO 8601 date-time as a string (${example}), got ${describe(value)}`);
    return;
  }
  const time = parseDeadline(value);
  if (time === undefined) {
    report(path, `${JSON.stringify(value)} is not an ISO 8601 date-time with a time zone; write it as ${example} or with an offset such as "+02:00"`);
  } else if (time === null) {
    report(path, `${JSON.stringify(value)} names a day that does not exist`);
  } else if (time <= now.getTime()) {
    report(path, `${value} has already passed (it is now ${now.toISOString()}), so no candidate could take the interview: set a later deadline or remove it`);
  }
}

/** Milliseconds since the epoch; undefined when `value` is not a date-time, null when its day does not exist. */
function parseDeadline(value: string): number | undefined | null {
  const match = DEADLINE_PATTERN.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hours, minutes, seconds = '0', fraction = '', zone, sign, offsetHours, offsetMinutes] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  date.setUTCFullYear(Number(year)); // Date.UTC maps years 0–99 to 1900–1999.
  if (date.getUTCMonth() !== Number(month) - 1) return null; // e.g. 31 April rolled over to 1 May.
  const ms = Math.floor(Number(`0${fraction || '.0'}`) * 1000);
  const local = date.getTime() + ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + ms;
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  return local - offset;
}

/** Reports every key of `object` that is not `known`, with the known key it is likely a typo of. */
export function reportUnknownKeys(object: JsonObject, known: readonly string[], path: string, report: Report): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const near = closest(key, known);
    const hint = near ? `did you mean "${near}"?` : `allowed keys are ${known.map((k) => `"${k}"`).join(', ')}`;
    report(`${path}${/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`, `unknown key ${JSON.stringify(key)}; ${hint}`);
  }
}

/** The known key closest to a misspelt one, when it is close enough to be a likely typo. */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(1, Math.floor((best?.length ?? 0) / 3)) ? best : undefined;
}

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function parsesAsUrl(value: string): boolean {
  try {
    new URL(value, URL_BASE);
    return true;
  } catch {
    return false;
  }
}

/** An object as JSON.parse makes them (not an array, a Map, a Date …). */
export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isAnswerKind(value: unknown): value is AnswerKind {
  return ANSWER_KINDS.includes(value as AnswerKind);
}

/** The answer kinds as messages list them: `"video", "audio" or "text"`. */
export function listKinds(): string {
  const quoted = ANSWER_KINDS.map((kind) => `"${kind}"`);
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** A value as a message names it: `the string "30"`, `null`, `an array`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}
