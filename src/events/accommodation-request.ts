export interface AccommodationRequestDetail {
  interviewId: string;
  candidate: string;
  /** The question whose think time the request was sent from; absent from the intro. */
  questionId?: string;
  /** What the candidate asked for, in their words. */
  message: string;
}

/**
 * The candidate asked for an accommodation. Answer by setting `time-multiplier` or `untimed` on
 * the element, at any time: the next timer uses it.
 */
export class AccommodationRequestEvent extends Event {
  static readonly eventName = 'oneway-accommodation-request';
  constructor(readonly detail: AccommodationRequestDetail) {
    super(AccommodationRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-accommodation-request': AccommodationRequestEvent;
  }
}
