import type { OnewayErrorCode } from '../core/errors.js';

export interface OnewayErrorDetail {
  code: OnewayErrorCode;
  /** For the developer: what failed and where. The candidate sees guidance instead. */
  message: string;
  /** False when the widget cannot go on without the host fixing something. */
  recoverable: boolean;
  /** The take the problem is about, when it is one take's (an upload or recording problem). */
  takeId?: string;
}

/** Something went wrong: a code from the error taxonomy, a message for the developer, and whether the widget can go on. */
export class OnewayErrorEvent extends Event {
  static readonly eventName = 'oneway-error';
  constructor(readonly detail: OnewayErrorDetail) {
    super(OnewayErrorEvent.eventName, { bubbles: true, composed: true });
  }

  /** The event for a problem: only its code, message, `recoverable` and take go out, never its cause. */
  static from({ code, message, recoverable, takeId }: OnewayErrorDetail): OnewayErrorEvent {
    return new OnewayErrorEvent(takeId === undefined ? { code, message, recoverable } : { code, message, recoverable, takeId });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-error': OnewayErrorEvent;
  }
}
