import type { AnswerKind } from '../core/interview-config.js';

/** Added to the recorder's events when they come from `<oneway-interview>`: which answer they are about. */
export interface InterviewContext {
  questionId?: string;
  /** 1-based take number of the question. */
  attempt?: number;
  kind?: AnswerKind;
}
