import type { InterviewContext } from './interview-context.js';
import type { UploadedAnswer } from '../core/take.js';

export type AnswerUploadedDetail = UploadedAnswer & InterviewContext;

/** An answer is complete on the server: its URL, size, duration, type and SHA-256. */
export class AnswerUploadedEvent extends Event {
  static readonly eventName = 'oneway-answer-uploaded';
  constructor(readonly detail: AnswerUploadedDetail) {
    super(AnswerUploadedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-answer-uploaded': AnswerUploadedEvent;
  }
}
