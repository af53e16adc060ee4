import type { InterviewStep } from '../core/interview-flow.js';

export interface HelpDetail {
  interviewId: string;
  /** Where the candidate asked for help: `intro`, `device-check`, `question`, `finishing` … */
  step: InterviewStep['step'];
  /** The question on screen, when the step is one (absent for the practice question). */
  questionId?: string;
  /** The diagnostic report the dialog offers to copy, as plain text: no tokens, candidate reference, device labels or answers. */
  report: string;
}

/** The candidate opened "Get help": the diagnostic report, for the host to log next to their request for help. */
export class HelpEvent extends Event {
  static readonly eventName = 'oneway-help';
  constructor(readonly detail: HelpDetail) {
    super(HelpEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-help': HelpEvent;
  }
}
