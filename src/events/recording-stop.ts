import type { InterviewContext } from './interview-context.js';

export interface RecordingStopDetail extends InterviewContext {
  /** Bytes recorded. */
  bytes: number;
  durationMs: number;
  mimeType: string;
  /** The take stopped: its progress, uploaded and error events carry the same id. */
  takeId: string;
}

/** Recording has stopped; the upload of its last bytes goes on. */
export class RecordingStopEvent extends Event {
  static readonly eventName = 'oneway-recording-stop';
  constructor(readonly detail: RecordingStopDetail) {
    super(RecordingStopEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-recording-stop': RecordingStopEvent;
  }
}
