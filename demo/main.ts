// The recorder on its own: every take is sent as an answer to the demo interview's first question
// (the receiver only takes answers it can file), with an upload token for a fixed demo candidate.
import type { OnewayRecorder } from '../src/elements/recorder/recorder.js';
import { demoAuthorize, logEvents } from './host.js';

const candidate = 'recorder-playground';
const recorder = document.querySelector<OnewayRecorder>('#intro')!;

let attempt = 1;
const fileAs = () => ({ interviewId: 'demo', questionId: 'introduction', attempt: String(attempt), kind: 'video', candidate });
recorder.metadata = fileAs();

recorder.authorize = demoAuthorize(candidate);

// Shows the host's view: every event the recorder fires. The next take is a new attempt.
logEvents(document, ['oneway-recording-start', 'oneway-recording-stop', 'oneway-answer-uploaded', 'oneway-error'], (type) => {
  if (type !== 'oneway-recording-stop') return;
  attempt += 1;
  recorder.metadata = fileAs();
});
