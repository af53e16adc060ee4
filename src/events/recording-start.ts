import type { InterviewContext } from './interview-context.js';

export interface RecordingStartDetail extends InterviewContext {
  mimeType: string;
  /** The take started: its progress, uploaded and error events carry the same id. */
  takeId: string;
  /**
   * Set when this take replaces one begun a moment earlier in a type this browser turned out to
   * write only at the end: that take (this id) was deleted on the server, and the candidate begins again.
   */
  replaces?: string;
}

/** Recording has started. */
export class RecordingStartEvent extends Event {
  static readonly eventName = 'oneway-recording-start';
  constructor(readonly detail: RecordingStartDetail) {
    super(RecordingStartEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-recording-start': RecordingStartEvent;
  }
}
