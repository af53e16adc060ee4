export interface ConnectionMeasuredDetail {
  /** The measured upload throughput in bits per second. */
  throughputBps: number;
  /** A video bitrate the connection keeps up with, for MediaRecorder. */
  videoBitsPerSecond: number;
}

/**
 * The device check's connection test finished: fired whenever it does, also after "Continue" when
 * the test was still running then (its element may have left the page by that time).
 */
export class ConnectionMeasuredEvent extends Event {
  static readonly eventName = 'oneway-connection-measured';
  constructor(readonly detail: ConnectionMeasuredDetail) {
    super(ConnectionMeasuredEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-connection-measured': ConnectionMeasuredEvent;
  }
}
