// The candidate's page: <oneway-interview> with the demo interview, its answers sent to the demo
// receiver with an upload token for this candidate. The same few lines work against any receiver
// whose token endpoint knows the candidate (in an ATS: their invitation link or session).
import type { AuthorizeHook } from '../src/core/tus-stream.js';
import type { OnewayInterview } from '../src/elements/interview/interview.js';

// The candidate reference lives in the URL, so a reload resumes the same candidate's interview.
const url = new URL(location.href);
let candidate = url.searchParams.get('candidate')?.trim() ?? '';
if (!candidate) {
  candidate = `candidate-${crypto.randomUUID().slice(0, 8)}`;
  url.search = new URLSearchParams({ candidate }).toString();
  history.replaceState(null, '', url);
}
document.querySelector('#candidate')!.textContent = candidate;

interface UploadToken {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

async function requestToken(): Promise<UploadToken> {
  const response = await fetch(`/demo-api/token?candidate=${encodeURIComponent(candidate)}`, { method: 'POST' });
  if (!response.ok) throw new Error(`The token request failed with ${response.status}.`);
  return (await response.json()) as UploadToken;
}

let token: UploadToken | undefined;
let pending: Promise<UploadToken> | undefined;

/**
 * Adds the candidate's bearer token to every upload request. A token is fetched when there is
 * none, when it is about to expire, and when the server refused the last one (`refresh`, after a
 * 401/403); uploads running side by side share one token request.
 */
const authorize: AuthorizeHook = async ({ refresh }) => {
  if (refresh || !token || token.expiresAt - Date.now() < 60_000) {
    pending ??= requestToken().finally(() => (pending = undefined));
    token = await pending;
  }
  return { Authorization: `Bearer ${token.token}` };
};

const interview = document.querySelector('oneway-interview') as OnewayInterview;
interview.setAttribute('candidate', candidate);
interview.authorize = authorize;
// Defined only now, so the element starts with its candidate already set.
await import('../src/define.js');

// The host's view: every event the interview fires.
const log = document.querySelector('#log')!;
for (const type of [
  'oneway-ready',
  'oneway-question-start',
  'oneway-recording-start',
  'oneway-recording-stop',
  'oneway-answer-uploaded',
  'oneway-complete',
  'oneway-error',
] as const) {
  interview.addEventListener(type, (event) => {
    log.textContent += `${type} ${JSON.stringify((event as Event & { detail: unknown }).detail)}\n`;
  });
}
