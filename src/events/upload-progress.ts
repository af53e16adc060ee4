import type { InterviewContext } from './interview-context.js';
import type { UploadProgress } from '../core/take.js';

export type UploadProgressDetail = UploadProgress & InterviewContext;

/** The server has confirmed more bytes, or the upload's state changed. */
export class UploadProgressEvent extends Event {
  static readonly eventName = 'oneway-upload-progress';
  constructor(readonly detail: UploadProgressDetail) {
    super(UploadProgressEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-upload-progress': UploadProgressEvent;
  }
}
