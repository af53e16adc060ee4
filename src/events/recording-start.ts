import type { InterviewContext } from './interview-context.js';

export interface RecordingStartDetail extends InterviewContext {
  mimeType: string;
  /** The take started: its progress, uploaded and error events carry the same id. */
  takeId: string;
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
