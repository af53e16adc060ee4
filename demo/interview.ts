// The candidate's page: <oneway-interview> with the demo interview, its answers sent to the demo
// receiver with an upload token for this candidate. The same few lines work against any receiver
// whose token endpoint knows the candidate (in an ATS: their invitation link or session).
import type { OnewayInterview } from '../src/elements/interview/interview.js';
import { textDirection } from '../src/i18n/runtime.js';
import { demoAuthorize, logEvents } from './host.js';

// The candidate reference lives in the URL, so a reload resumes the same candidate's interview.
const url = new URL(location.href);
// `?lang=ar` shows the widget in another language (the page's `lang` is what it follows).
const lang = url.searchParams.get('lang');
if (lang) {
  document.documentElement.lang = lang;
  document.documentElement.dir = textDirection(lang);
}
let candidate = url.searchParams.get('candidate')?.trim() ?? '';
if (!candidate) {
  candidate = `candidate-${crypto.randomUUID().slice(0, 8)}`;
  url.searchParams.delete('new');
  url.searchParams.set('candidate', candidate);
  history.replaceState(null, '', url);
}
document.querySelector('#candidate')!.textContent = candidate;

const authorize = demoAuthorize(candidate);

const interview = document.querySelector('oneway-interview') as OnewayInterview;
interview.setAttribute('candidate', candidate);
interview.authorize = authorize;
// Defined only now, so the element starts with its candidate already set.
await import('../src/define.js');

// The host's view: every event the interview fires.
logEvents(interview, [
  'oneway-ready',
  'oneway-question-start',
  'oneway-recording-start',
  'oneway-recording-stop',
  'oneway-answer-uploaded',
  'oneway-complete',
  'oneway-error',
]);
