// The interview config a host hands to the widget: its types, a validator that reports every
// problem at once with a JSON path, and the resolution of per-question settings from defaults.
// schema/interview-config.schema.json describes the same shape for editors and back ends; the
// parity test (test/schema-parity.node.mjs) keeps the two in step. Pure: no DOM, no Lit.

/** How a candidate answers a question. */
export type AnswerKind = 'video' | 'audio' | 'text';

/** Every answer kind, in the order messages list them. */
export const ANSWER_KINDS: readonly AnswerKind[] = ['video', 'audio', 'text'];

/** Settings a question may leave to `defaults` (and `defaults` to the built-in ones). */
export interface QuestionSettings {
  /** Seconds to read and think before recording starts, 0 to 3600. */
  thinkSeconds?: number;
  /** Longest answer in seconds, 1 to 3600. */
  answerSeconds?: number;
  /** How many times the candidate may record again, 0 to 10. */
  retakes?: number;
  /** How the candidate answers. */
  answer?: AnswerKind;
}

/** Defaults for every question that does not set its own. */
export type InterviewDefaults = QuestionSettings;

/** One question as the host writes it. */
export interface InterviewQuestion extends QuestionSettings {
  /** Unique within the interview; travels with the answer as tus metadata (see {@link MAX_ID_LENGTH}). */
  id: string;
  /** The question as text: shown, and read by screen readers even when there is a video. */
  text: string;
  /** A video of someone asking the question (absolute or relative URL). */
  video?: string;
  /** WebVTT captions for `video` (absolute or relative URL). */
  captions?: string;
  /** Longest text answer, 1 to 100000 characters; text answers only. */
  maxChars?: number;
}

/** The whole interview as the host writes it. */
export interface InterviewConfig {
  /** For editors: the JSON Schema this file follows. Ignored by the widget. */
  $schema?: string;
  /** Identifies the interview; travels with every answer as tus metadata (see {@link MAX_ID_LENGTH}). */
  id: string;
  title: string;
  /** Plain text shown before the first question. */
  instructions?: string;
  /** Plain text the candidate must accept before starting. */
  consent?: string;
  /** ISO 8601 date-time with a time zone, e.g. `2026-12-01T23:59:00Z`. */
  deadline?: string;
  /** Offer a practice question whose answer is not sent. */
  practice?: boolean;
  /** Check camera and microphone before the first question. */
  deviceCheck?: boolean;
  /** Where the candidate gets help: shown in the "Get help" dialog, next to "Copy diagnostic report". */
  support?: InterviewSupport;
  defaults?: InterviewDefaults;
  questions: InterviewQuestion[];
  /** Ask this many of the questions, drawn per candidate (without pools). */
  pick?: number;
  /** Ask the questions in an order drawn per candidate (within each pool, with pools). */
  shuffle?: boolean;
  /** Groups of question ids asked in turn, `pick` of each (all without it); every question is in one. */
  pools?: QuestionPool[];
  /** A second consent, e.g. to an evaluation by AI, that the candidate may decline and still start. */
  aiConsent?: string;
  /** Lets the candidate ask for an accommodation; `text` says what happens next. */
  accommodations?: { text: string };
}

export interface QuestionPool {
  id: string;
  pick?: number;
  /** Ids of questions in `questions`. */
  questions: string[];
}

/** Who helps a candidate who is stuck, and how to reach them; every key is optional. */
export interface InterviewSupport {
  /** Plain text, e.g. who answers and how soon. */
  text?: string;
  /** An email address, offered as a link. */
  email?: string;
  /** A help page: an http(s) URL or one relative to the page, opened in a new tab. */
  url?: string;
}

/** A question with every setting decided. */
export interface ResolvedQuestion {
  id: string;
  text: string;
  video?: string;
  captions?: string;
  thinkSeconds: number;
  answerSeconds: number;
  retakes: number;
  answer: AnswerKind;
  /** Text answers only: the question's `maxChars`, else the upper limit (100000). */
  maxChars?: number;
}

/** One thing wrong with a config. */
export interface ConfigProblem {
  /** Where: a JSON path such as `$.questions[1].answerSeconds`. */
  path: string;
  /** What is wrong and how to fix it, for the host developer (the path is not repeated here). */
  message: string;
}

export type ConfigValidation = { ok: true; config: InterviewConfig } | { ok: false; problems: ConfigProblem[] };

/** What a question gets when neither it nor `defaults` says otherwise. */
export const BUILT_IN_DEFAULTS: Readonly<Required<QuestionSettings>> = Object.freeze({
  thinkSeconds: 30,
  answerSeconds: 120,
  retakes: 1,
  answer: 'video',
});

/** The allowed range of each number (whole numbers only). */
export const CONFIG_LIMITS = Object.freeze({
  thinkSeconds: { min: 0, max: 3600 },
  answerSeconds: { min: 1, max: 3600 },
  retakes: { min: 0, max: 10 },
  maxChars: { min: 1, max: 100_000 },
});

/**
 * The longest interview or question id, in characters. Ids travel in the `Upload-Metadata` header
 * of every upload, and servers cap the size of a request's headers (Node: 16 KB for all of them).
 */
export const MAX_ID_LENGTH = 256;

/**
 * The question at `index` with every setting decided: its own, else the config's `defaults`, else
 * {@link BUILT_IN_DEFAULTS}. `config` must have passed {@link validateInterviewConfig}.
 */
export function resolveQuestion(config: InterviewConfig, index: number): ResolvedQuestion {
  const question = config.questions[index];
  if (!Number.isInteger(index) || !question) {
    throw new RangeError(`There is no question ${index}: the interview "${config.id}" has ${config.questions.length} (0 to ${config.questions.length - 1}).`);
  }
  const defaults = config.defaults ?? {};
  const answer = question.answer ?? defaults.answer ?? BUILT_IN_DEFAULTS.answer;
  const resolved: ResolvedQuestion = {
    id: question.id,
    text: question.text,
    thinkSeconds: question.thinkSeconds ?? defaults.thinkSeconds ?? BUILT_IN_DEFAULTS.thinkSeconds,
    answerSeconds: question.answerSeconds ?? defaults.answerSeconds ?? BUILT_IN_DEFAULTS.answerSeconds,
    retakes: question.retakes ?? defaults.retakes ?? BUILT_IN_DEFAULTS.retakes,
    answer,
  };
  if (question.video !== undefined) resolved.video = question.video;
  if (question.captions !== undefined) resolved.captions = question.captions;
  if (answer === 'text') resolved.maxChars = question.maxChars ?? CONFIG_LIMITS.maxChars.max;
  return resolved;
}

/** Every question of `config`, resolved (see {@link resolveQuestion}). */
export function resolveQuestions(config: InterviewConfig): ResolvedQuestion[] {
  return config.questions.map((_, index) => resolveQuestion(config, index));
}

/** The problems as lines of `path: message`, e.g. for a console message or an `oneway-error`. */
export function formatConfigProblems(problems: readonly ConfigProblem[]): string {
  return problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n');
}
