// The recorder on its own: every take is sent as an answer to the demo interview's first question
// (the receiver only takes answers it can file), with an upload token for a fixed demo candidate.
import type { OnewayRecorder } from '../src/elements/recorder/recorder.js';

const candidate = 'recorder-playground';
const recorder = document.querySelector<OnewayRecorder>('#intro')!;

let attempt = 1;
const fileAs = () => ({ interviewId: 'demo', questionId: 'introduction', attempt: String(attempt), kind: 'video', candidate });
recorder.metadata = fileAs();

let token: { token: string; expiresAt: number } | undefined;
recorder.authorize = async ({ refresh }) => {
  if (refresh || !token || token.expiresAt - Date.now() < 60_000) {
    const response = await fetch(`/demo-api/token?candidate=${candidate}`, { method: 'POST' });
    token = (await response.json()) as { token: string; expiresAt: number };
  }
  return { Authorization: `Bearer ${token.token}` };
};

// Shows the host's view: every event the recorder fires.
const log = document.querySelector('#log')!;
for (const type of [
  'oneway-recording-start',
  'oneway-recording-stop',
  'oneway-answer-uploaded',
  'oneway-error',
] as const) {
  document.addEventListener(type, (event) => {
    log.textContent += `${type} ${JSON.stringify((event as Event & { detail: unknown }).detail)}\n`;
    // The next take is a new attempt.
    if (type === 'oneway-recording-stop') {
      attempt += 1;
      recorder.metadata = fileAs();
    }
  });
}
