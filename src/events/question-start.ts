export interface QuestionStartDetail {
  questionId: string;
  /** 0-based position in the interview. */
  index: number;
}

/** A question was revealed to the candidate. */
export class QuestionStartEvent extends Event {
  static readonly eventName = 'oneway-question-start';
  constructor(readonly detail: QuestionStartDetail) {
    super(QuestionStartEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-question-start': QuestionStartEvent;
  }
}
