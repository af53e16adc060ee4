// What <oneway-review> shows: an interview config and the answers manifest `oneway-complete`
// delivers, checked together with a JSON path for every problem (into `{ config, answers }`), then
// paired question by question. Pure: no DOM, no Lit.
import {
  checkUrl,
  describe,
  isPlainObject,
  listKinds,
  reportUnknownKeys,
  validateInterviewConfig,
  type JsonObject,
  type Report,
} from './interview-config-validation.js';
import { ANSWER_KINDS, resolveQuestions, type ConfigProblem, type InterviewConfig, type ResolvedQuestion } from './interview-config.js';
import type { SubmittedAnswer } from './interview-flow.js';

/** An answer as the manifest lists it; the host's server may add when it received it. */
export interface ReviewAnswer extends SubmittedAnswer {
  /** The tus metadata it was uploaded with, as oneway-complete delivers it. */
  metadata?: Record<string, string>;
  /** ISO 8601 date-time the host's server received the answer. */
  receivedAt?: string;
}

/** A question with the manifest's answer to it, if there is one. */
export interface ReviewItem {
  question: ResolvedQuestion;
  answer?: ReviewAnswer;
}

export type ReviewValidation = { ok: true; config: InterviewConfig; items: ReviewItem[] } | { ok: false; problems: ConfigProblem[] };

const ANSWER_KEYS = ['questionId', 'attempt', 'kind', 'text', 'uploadUrl', 'bytes', 'durationMs', 'mimeType', 'sha256', 'interrupted', 'metadata', 'receivedAt'];

/**
 * Checks `{ config, answers }` (parsed JSON) and reports every problem at once: the config's as
 * `validateInterviewConfig` finds them (under `$.config`), and every answer's (under `$.answers`).
 * A deadline that has passed is no problem here: answers are reviewed after it.
 */
export function validateReviewInput(input: unknown): ReviewValidation {
  const problems: ConfigProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  if (!isPlainObject(input)) {
    report('$', `expected { "config": …, "answers": … }, got ${describe(input)}`);
    return { ok: false, problems };
  }
  reportUnknownKeys(input, ['config', 'answers'], '$', report);
  const config = validateInterviewConfig(input.config, new Date(0));
  if (!config.ok) problems.push(...config.problems.map((problem) => ({ ...problem, path: problem.path.replace('$', '$.config') })));
  const questions = config.ok ? resolveQuestions(config.config) : undefined;

  const answers = input.answers;
  const byQuestion = new Map<string, ReviewAnswer>();
  if (!Array.isArray(answers)) {
    report('$.answers', `expected the answers as oneway-complete delivers them (its detail.answers, an array), got ${describe(answers)}`);
  } else {
    answers.forEach((answer: unknown, index) => {
      const path = `$.answers[${index}]`;
      if (!isPlainObject(answer)) return report(path, `expected an answer object (with "questionId", "attempt" and "kind"), got ${describe(answer)}`);
      checkAnswer(answer, path, report);
      const { questionId } = answer;
      if (typeof questionId !== 'string') return;
      const question = questions?.findIndex((candidate) => candidate.id === questionId);
      if (question === -1) report(`${path}.questionId`, `${JSON.stringify(questionId)} is not the id of a question in $.config.questions`);
      else if (byQuestion.has(questionId)) report(`${path}.questionId`, `${JSON.stringify(questionId)} has an answer already, earlier in $.answers; give one answer per question`);
      byQuestion.set(questionId, answer as unknown as ReviewAnswer);
    });
  }
  if (problems.length || !config.ok) return { ok: false, problems };
  return { ok: true, config: config.config, items: questions!.map((question) => ({ question, answer: byQuestion.get(question.id) })) };
}

/** Whether every problem is the config's: the host has a config to fix, not a manifest. */
export const onlyConfigProblems = (problems: readonly ConfigProblem[]) => problems.every((problem) => problem.path.startsWith('$.config'));

function checkAnswer(answer: JsonObject, path: string, report: Report): void {
  reportUnknownKeys(answer, ANSWER_KEYS, path, report);
  const check = (key: string, ok: (value: unknown) => boolean, what: string, required = false) => {
    if (!(key in answer)) {
      if (required) report(`${path}.${key}`, `missing; expected ${what}`);
    } else if (!ok(answer[key])) {
      report(`${path}.${key}`, `expected ${what}, got ${describe(answer[key])}`);
    }
  };
  const wholeNumber = (min: number) => (value: unknown) => Number.isInteger(value) && (value as number) >= min;
  check('questionId', (value) => typeof value === 'string' && value !== '', 'the id of a question', true);
  check('attempt', wholeNumber(1), 'the take number (1 or more)', true);
  check('kind', (value) => ANSWER_KINDS.includes(value as never), listKinds(), true);
  check('text', (value) => typeof value === 'string', 'the text of a text answer');
  check('bytes', wholeNumber(0), 'the size in bytes');
  check('durationMs', (value) => typeof value === 'number' && value >= 0 && Number.isFinite(value), 'milliseconds');
  check('mimeType', (value) => typeof value === 'string', 'a MIME type such as "video/webm"');
  check('sha256', (value) => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value), 'the SHA-256 of the file as 64 lowercase hex digits');
  check('interrupted', (value) => typeof value === 'boolean', 'true or false');
  check('metadata', (value) => isPlainObject(value) && Object.values(value).every((entry) => typeof entry === 'string'), 'the tus metadata as an object of strings');
  check('receivedAt', (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)), 'an ISO 8601 date-time such as "2026-05-01T10:00:00Z"');
  if ('uploadUrl' in answer) checkUrl(answer.uploadUrl, `${path}.uploadUrl`, report);
  else if (!(answer.kind === 'text' && 'text' in answer)) report(`${path}.uploadUrl`, 'missing; give the URL the answer was uploaded to');
}
