import type { OnewayErrorCode } from '../core/errors.js';

export interface OnewayErrorDetail {
  code: OnewayErrorCode;
  /** For the developer: what failed and where. The candidate sees guidance instead. */
  message: string;
  /** False when the widget cannot go on without the host fixing something. */
  recoverable: boolean;
}

/** Something went wrong: a code from the error taxonomy, a message for the developer, and whether the widget can go on. */
export class OnewayErrorEvent extends Event {
  static readonly eventName = 'oneway-error';
  constructor(readonly detail: OnewayErrorDetail) {
    super(OnewayErrorEvent.eventName, { bubbles: true, composed: true });
  }

  /** The event for a problem: only its code, message and `recoverable` go out, never its cause. */
  static from({ code, message, recoverable }: OnewayErrorDetail): OnewayErrorEvent {
    return new OnewayErrorEvent({ code, message, recoverable });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-error': OnewayErrorEvent;
  }
}
