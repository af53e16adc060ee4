export interface ReadyDetail {
  interviewId: string;
  questionCount: number;
}

/** The interview's config is loaded and valid, and the intro is shown. */
export class ReadyEvent extends Event {
  static readonly eventName = 'oneway-ready';
  constructor(readonly detail: ReadyDetail) {
    super(ReadyEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-ready': ReadyEvent;
  }
}
