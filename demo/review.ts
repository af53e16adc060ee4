// The employer's side of the demo: every answer the receiver has stored, one <oneway-review> per
// candidate, played from the tus endpoint with the reviewer's session cookie. The ratings and
// notes are the host's to keep: this page keeps them in localStorage.
import type { InterviewConfig } from '../src/core/interview-config.js';
import type { ReviewAnswer } from '../src/core/review-input.js';
import type { OnewayReview, ReviewAssessments } from '../src/elements/review/review.js';
import { logEvents } from './host.js';
import '../src/define.js';

/** An answer as the demo receiver lists it. */
interface ReceivedAnswer {
  url: string;
  candidate: string;
  questionId: string;
  attempt: number;
  kind: ReviewAnswer['kind'];
  size: number;
  filetype: string;
  receivedAt: string;
  /** The remuxed copy (WebM with its duration), when ffmpeg made one. */
  remuxedUrl?: string;
}

interface InterviewAnswers {
  id: string;
  config: InterviewConfig;
  answers: ReceivedAnswer[];
}

const container = document.querySelector('#answers')!;
const statusLine = document.querySelector('#status')!;
/** Where the remuxed copy of each answer is, by its upload URL. */
const remuxed = new Map<string, string>();

/**
 * The manifest of one candidate: the latest take of each question, as oneway-complete would list
 * it, less the SHA-256 and duration that the receiver's list does not keep (so no `verify` here).
 */
function manifest(answers: ReceivedAnswer[]): ReviewAnswer[] {
  const latest = new Map<string, ReceivedAnswer>();
  for (const answer of answers) if ((latest.get(answer.questionId)?.attempt ?? 0) < answer.attempt) latest.set(answer.questionId, answer);
  return [...latest.values()].map((answer) => {
    if (answer.remuxedUrl) remuxed.set(answer.url, answer.remuxedUrl);
    const { questionId, attempt, kind, url, size, filetype, receivedAt } = answer;
    return { questionId, attempt, kind, uploadUrl: url, bytes: size, mimeType: filetype, receivedAt };
  });
}

function reviewOf(interview: InterviewAnswers, candidate: string, answers: ReceivedAnswer[]): HTMLElement {
  const section = document.createElement('section');
  const heading = document.createElement('h2');
  heading.textContent = candidate || '(no candidate reference)';
  const review = document.createElement('oneway-review') as OnewayReview;
  const key = `demo-review:${interview.id}:${candidate}`;
  review.config = interview.config;
  review.answers = manifest(answers);
  // A remuxed copy knows its duration, so the player can seek before reading the whole file.
  review.resolveMedia = (answer) => remuxed.get(answer.uploadUrl!) ?? answer.uploadUrl!;
  review.review = JSON.parse(localStorage.getItem(key) ?? '{}') as ReviewAssessments;
  review.addEventListener('oneway-review-change', ({ detail: { questionId, rating, notes } }) => {
    const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as ReviewAssessments;
    localStorage.setItem(key, JSON.stringify({ ...saved, [questionId]: { rating, notes } }));
  });
  logEvents(review, ['oneway-review-change', 'oneway-error']);
  section.append(heading, review);
  return section;
}

async function load(): Promise<void> {
  statusLine.textContent = 'Loading…';
  try {
    // The demo's stand-in for an employer login: a reviewer session cookie.
    await fetch('/demo-api/review-session', { method: 'POST' });
    const response = await fetch('/demo-api/answers');
    if (!response.ok) throw new Error(`The server answered ${response.status}.`);
    const { interviews } = (await response.json()) as { interviews: InterviewAnswers[] };
    const sections = interviews.flatMap((interview) => {
      const byCandidate = new Map<string, ReceivedAnswer[]>();
      for (const answer of interview.answers) byCandidate.set(answer.candidate, [...(byCandidate.get(answer.candidate) ?? []), answer]);
      return [...byCandidate].map(([candidate, answers]) => reviewOf(interview, candidate, answers));
    });
    container.replaceChildren(...sections);
    statusLine.textContent = sections.length ? `Answers of ${sections.length} candidate${sections.length === 1 ? '' : 's'}.` : 'No answers yet: take the interview and they appear here.';
  } catch (error) {
    statusLine.textContent = `Could not load the answers: ${(error as Error).message}`;
  }
}

document.querySelector('#refresh')!.addEventListener('click', () => void load());
void load();
