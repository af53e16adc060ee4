import type { ConsentReceipt } from '../core/consent-receipt.js';

export type ConsentDetail = ConsentReceipt;

/** The candidate accepted the consent and started; the same receipt is uploaded as `kind: consent`. */
export class ConsentEvent extends Event {
  static readonly eventName = 'oneway-consent';
  constructor(readonly detail: ConsentDetail) {
    super(ConsentEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-consent': ConsentEvent;
  }
}
