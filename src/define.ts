// Registers every element. A host page may load the bundle twice (e.g. the CDN build and an npm
// copy), so a tag that is already defined is left alone instead of throwing.
import { OnewayRecorder } from './elements/recorder/recorder.js';
import { OnewayCountdown } from './elements/countdown/countdown.js';
import { OnewayDeviceCheck } from './elements/device-check/device-check.js';
import { OnewayUploadProgress } from './elements/upload-progress/upload-progress.js';
import { OnewayQuestion } from './elements/question/question.js';
import { OnewayInterview } from './elements/interview/interview.js';

const elements: Record<string, CustomElementConstructor> = {
  'oneway-recorder': OnewayRecorder,
  'oneway-countdown': OnewayCountdown,
  'oneway-device-check': OnewayDeviceCheck,
  'oneway-upload-progress': OnewayUploadProgress,
  'oneway-question': OnewayQuestion,
  'oneway-interview': OnewayInterview,
};

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'oneway-recorder': OnewayRecorder;
    'oneway-countdown': OnewayCountdown;
    'oneway-device-check': OnewayDeviceCheck;
    'oneway-upload-progress': OnewayUploadProgress;
    'oneway-question': OnewayQuestion;
    'oneway-interview': OnewayInterview;
  }
}
