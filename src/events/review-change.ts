export interface ReviewChangeDetail {
  questionId: string;
  /** The take the assessment is of. */
  attempt: number;
  /** 1 to 5, or undefined when not rated yet. */
  rating: number | undefined;
  notes: string;
}

/** The reviewer changed an answer's rating, or its notes (when the notes box loses focus): the host saves them. */
export class ReviewChangeEvent extends Event {
  static readonly eventName = 'oneway-review-change';
  constructor(readonly detail: ReviewChangeDetail) {
    super(ReviewChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-review-change': ReviewChangeEvent;
  }
}
