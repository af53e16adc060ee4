// The employer's side of the demo: every answer the receiver has stored, grouped by candidate,
// each under its question, played from the tus endpoint. Everything from the server is inserted
// as text (textContent), never as HTML: candidates and their answers are untrusted input.

export {}; // a module: its names stay out of the global scope

interface Question {
  id: string;
  text: string;
  answer: 'video' | 'audio' | 'text';
}

interface Answer {
  fileId: string;
  url: string;
  candidate: string;
  questionId: string;
  attempt: number;
  kind: 'video' | 'audio' | 'text';
  size: number;
  filetype: string;
  receivedAt: string;
  remuxedFile?: string;
  /** The remuxed copy (WebM with its duration), when ffmpeg made one. */
  remuxedUrl?: string;
}

interface InterviewAnswers {
  id: string;
  title: string;
  questions: Question[];
  answers: Answer[];
}

const container = document.querySelector('#answers')!;
const statusLine = document.querySelector('#status')!;

/** An element with optional text and attributes. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function renderAnswer(answer: Answer): HTMLElement {
  const figure = el('figure');
  if (answer.kind === 'text') {
    const quote = el('blockquote', 'Loading…');
    void fetch(answer.url).then(
      async (response) => (quote.textContent = response.ok ? await response.text() : `Could not load the answer (${response.status}).`),
      () => (quote.textContent = 'Could not load the answer.'),
    );
    figure.append(quote);
  } else {
    // The browser sends the reviewer cookie with the media request (same origin). A remuxed copy
    // knows its duration, so the player can show it and seek before reading the whole file.
    const src = answer.remuxedUrl ?? answer.url;
    const media = el(answer.kind === 'audio' ? 'audio' : 'video', undefined, { controls: '', preload: 'metadata', src });
    if (answer.kind === 'video') media.setAttribute('playsinline', '');
    figure.append(media);
  }
  const received = new Date(answer.receivedAt).toLocaleString();
  const remuxed = answer.remuxedUrl ? ' · playing the remuxed copy' : '';
  figure.append(el('figcaption', `Take ${answer.attempt} · ${answer.filetype} · ${formatBytes(answer.size)} · received ${received}${remuxed}`, { class: 'meta' }));
  return figure;
}

function renderInterview(interview: InterviewAnswers): HTMLElement {
  const section = el('section');
  section.append(el('h2', interview.title), el('p', `Interview id: ${interview.id}`, { class: 'meta' }));
  const byCandidate = new Map<string, Answer[]>();
  for (const answer of interview.answers) byCandidate.set(answer.candidate, [...(byCandidate.get(answer.candidate) ?? []), answer]);
  if (byCandidate.size === 0) {
    const empty = el('p', 'No answers yet. ');
    empty.append(el('a', 'Take the interview', { href: './interview.html' }), ' and they appear here.');
    section.append(empty);
    return section;
  }
  for (const [candidate, answers] of byCandidate) {
    const block = el('section', undefined, { class: 'candidate' });
    block.append(el('h3', candidate || '(no candidate reference)'));
    interview.questions.forEach((question, index) => {
      const article = el('article');
      article.append(el('h4', `${index + 1}. ${question.text}`), el('p', `${question.answer} answer`, { class: 'meta' }));
      // Latest take first: earlier ones are kept only when the candidate did not discard them.
      const takes = answers.filter((answer) => answer.questionId === question.id).sort((a, b) => b.attempt - a.attempt);
      if (takes.length === 0) article.append(el('p', 'Not answered yet.', { class: 'meta' }));
      for (const take of takes) article.append(renderAnswer(take));
      block.append(article);
    });
    section.append(block);
  }
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
    container.replaceChildren(...interviews.map(renderInterview));
    const count = interviews.reduce((sum, interview) => sum + interview.answers.length, 0);
    statusLine.textContent = `${count} answer${count === 1 ? '' : 's'} received.`;
  } catch (error) {
    statusLine.textContent = `Could not load the answers: ${(error as Error).message}`;
  }
}

document.querySelector('#refresh')!.addEventListener('click', () => void load());
void load();
