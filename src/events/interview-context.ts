import type { AnswerKind } from '../core/interview-config.js';

/** Added to the recorder's events when they come from `<oneway-interview>`: which answer they are about. */
export interface InterviewContext {
  /** The question answered; absent for a practice take. */
  questionId?: string;
  /** Set on a practice take's events: it answers no question and is never uploaded. */
  practice?: boolean;
  /** 1-based take number of the question. */
  attempt?: number;
  kind?: AnswerKind;
}
