// The interviews the receiver accepts answers for: every *.json file of a folder, checked against
// the project's JSON Schema (schema/interview-config.schema.json) plus the one rule a schema cannot
// express (question ids are unique), with each question's settings resolved from the defaults the
// same way the widget resolves them (src/core/interview-config.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

/** What a question gets when neither it nor the config's `defaults` says otherwise (as in the widget). */
export const BUILT_IN_DEFAULTS = Object.freeze({ thinkSeconds: 30, answerSeconds: 120, retakes: 1, answer: 'video' });
/** The longest text answer when a text question sets no `maxChars` (the widget's upper limit). */
export const MAX_CHARS = 100_000;

const schema = JSON.parse(readFileSync(new URL('../../schema/interview-config.schema.json', import.meta.url), 'utf8'));
// `format` is an annotation in draft 2020-12; strictRequired is off because the schema's `if`
// subschemas test for keys declared elsewhere.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, validateFormats: false });
const validateSchema = ajv.compile(schema);

/**
 * Reads and checks every interview config in `folder`. Throws one error listing every problem of
 * every file: a receiver should refuse to start rather than take answers for a broken interview.
 * @returns {Map<string, Interview>} by interview id
 */
export function loadInterviews(folder) {
  const interviews = new Map();
  const problems = [];
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json')).sort()) {
    const file = join(folder, name);
    let config;
    try {
      config = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${file}: not JSON (${error.message})`);
      continue;
    }
    const fileProblems = checkInterviewConfig(config);
    if (fileProblems.length) {
      problems.push(...fileProblems.map((problem) => `${file}: ${problem}`));
    } else if (interviews.has(config.id)) {
      problems.push(`${file}: the interview id ${JSON.stringify(config.id)} is already used by ${interviews.get(config.id).file}`);
    } else {
      interviews.set(config.id, { ...toInterview(config), file });
    }
  }
  if (problems.length) throw new Error(`Interview configs with problems:\n${problems.join('\n')}`);
  return interviews;
}

/** Every problem of one parsed config, as `path message` lines; empty when it is valid. */
export function checkInterviewConfig(config) {
  if (!validateSchema(config)) {
    return validateSchema.errors.map((error) => `${error.instancePath || '/'} ${error.message}`);
  }
  const seen = new Set();
  const problems = [];
  config.questions.forEach((question, index) => {
    if (seen.has(question.id)) problems.push(`/questions/${index}/id ${JSON.stringify(question.id)} is the id of an earlier question`);
    seen.add(question.id);
  });
  return problems;
}

/**
 * @typedef {{ id: string, text: string, answer: 'video' | 'audio' | 'text', answerSeconds: number, retakes: number, maxChars?: number }} Question
 * @typedef {{ id: string, title: string, config: object, questions: Map<string, Question>, file?: string }} Interview
 */

/** A valid config with every question's settings decided, questions kept in their order. */
export function toInterview(config) {
  const defaults = { ...BUILT_IN_DEFAULTS, ...config.defaults };
  const questions = new Map();
  for (const question of config.questions) {
    const answer = question.answer ?? defaults.answer;
    questions.set(question.id, {
      id: question.id,
      text: question.text,
      answer,
      answerSeconds: question.answerSeconds ?? defaults.answerSeconds,
      retakes: question.retakes ?? defaults.retakes,
      ...(answer === 'text' ? { maxChars: question.maxChars ?? MAX_CHARS } : {}),
    });
  }
  return { id: config.id, title: config.title, config, questions };
}
