export interface CountdownEndDetail {
  /** The countdown's accessible label, e.g. "Think time", to tell several countdowns apart. */
  label: string;
  /** The countdown's full length in seconds. */
  seconds: number;
}

/** A countdown has reached zero. Fired once per run: `reset()` and `start()` arm it again. */
export class CountdownEndEvent extends Event {
  static readonly eventName = 'oneway-countdown-end';
  constructor(readonly detail: CountdownEndDetail) {
    super(CountdownEndEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-countdown-end': CountdownEndEvent;
  }
}
