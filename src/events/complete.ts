import type { SubmittedAnswer } from '../core/interview-flow.js';

export interface CompleteDetail {
  interviewId: string;
  /** One entry per question with the submitted take, in question order. */
  answers: SubmittedAnswer[];
}

/** Every answer of the interview is on the server. */
export class CompleteEvent extends Event {
  static readonly eventName = 'oneway-complete';
  constructor(readonly detail: CompleteDetail) {
    super(CompleteEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-complete': CompleteEvent;
  }
}
