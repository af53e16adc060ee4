import { nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ReviewAnswer } from '../../core/review-input.js';
import { OnewayElement } from '../oneway-element.js';
import type { ReviewView } from './review-view.js';

/** Saved assessments to show, by question id, as `oneway-review-change` reported them. */
export type ReviewAssessments = Record<string, { rating?: number; notes?: string }>;

/** The URL to play (or read) an answer from, e.g. a signed one. */
export type MediaResolver = (answer: ReviewAnswer) => string | Promise<string>;

let view: Promise<typeof import('./review-view.js')> | undefined;

/**
 * The review's rendering and behaviour: a chunk of its own in the CDN build, fetched when the
 * first `<oneway-review>` connects, so candidates' pages never load it.
 */
const loadView = () => (view ??= import('./review-view.js'));

/**
 * The employer's side: a candidate's answers, each under its question, with players that know the
 * duration of streamed recordings, playback speed, keyboard shortcuts, a rating and notes per
 * answer, and an optional check of every file against the SHA-256 the candidate's browser computed.
 *
 * Input: the interview config (as `<oneway-interview>` takes it) and the answers exactly as
 * `oneway-complete` delivers them (`detail.answers`), as the `config` and `answers` properties, as
 * one inline `<script type="application/json">` child holding `{ "config": …, "answers": … }`, or
 * as `src` pointing at such a JSON. Problems are reported with JSON paths into `{ config, answers }`.
 * Nothing is stored by the element: the host saves what `oneway-review-change` reports.
 *
 * @tagname oneway-review
 * @summary Plays a candidate's answers under their questions, with rating, notes and integrity checks.
 *
 * @fires oneway-review-change - A rating was chosen, or notes changed (on blur): `detail` has questionId, attempt, rating, notes.
 * @fires oneway-error - A problem: code config-invalid or manifest-invalid (every problem with its JSON path), answer-unavailable (a file could not be loaded or played), answer-mismatch (`verify`: a file is not what was uploaded).
 *
 * @csspart root - Everything the element shows; carries the language (`lang`) and direction (`dir`) of its text.
 * @csspart loading - "Loading the answers…".
 * @csspart unavailable - The message shown when the element's own code could not be fetched.
 * @csspart problems - The list of input problems shown to the host developer.
 * @csspart title - The interview's title.
 * @csspart toolbar - The row of Previous answer, Next answer and Playback speed.
 * @csspart button - Every button (also `button previous-button`, `button next-button`, `button play-button`).
 * @csspart speed - The "Playback speed" select.
 * @csspart shortcuts - The help text of the keyboard shortcuts.
 * @csspart questions - The list of questions.
 * @csspart question - One question with its answer (also `question current` for the current one).
 * @csspart kind - "Video answer", "Audio answer" or "Text answer".
 * @csspart player - The `<video>` an answer plays in (hidden for audio answers).
 * @csspart controls - The row of play button, position slider and time.
 * @csspart position - The position slider.
 * @csspart time - The position and duration, e.g. "0:12 / 1:05".
 * @csspart text-answer - A text answer, as text with its line breaks.
 * @csspart unanswered - "No answer was received for this question."
 * @csspart error - An answer that could not be loaded or played.
 * @csspart details - Take, duration, size and when it was received.
 * @csspart interrupted - The mark of a take that a reload or crash cut off.
 * @csspart verification - The result of `verify` (also `verification verified`, `verification mismatch`, `verification verifying`, `verification unverified`).
 * @csspart rating - The "Rating" radio group.
 * @csspart notes-label - The label of the notes box.
 * @csspart notes - The "Notes" text box.
 * @csspart question-counter - The inner `<oneway-question>`'s `counter` part ("Question 2 of 5").
 * @csspart question-text - The inner `<oneway-question>`'s `text` part.
 * @csspart question-prompt - The inner `<oneway-question>`'s `prompt` part (the question's own video).
 *
 * @cssprop --oneway-color-accent - Buttons, the current question's border, the focus ring (default #1d4ed8; #93c5fd in dark mode).
 * @cssprop --oneway-color-accent-contrast - Text on the accent colour, e.g. button labels (default #ffffff; #111827 in dark mode).
 * @cssprop --oneway-color-surface - Background (default #ffffff; #111827 in dark mode).
 * @cssprop --oneway-color-text - Text colour (default #1f2937; #f3f4f6 in dark mode).
 * @cssprop --oneway-color-error - Files that do not match, answers that cannot be loaded (default #b91c1c; #fca5a5 in dark mode).
 * @cssprop --oneway-color-warning - The mark of an interrupted take (default #92400e; #fcd34d in dark mode).
 * @cssprop --oneway-color-scheme - `color-scheme` of native controls (default light; dark in dark mode).
 * @cssprop --oneway-radius - Corner radius (default 0.5rem).
 * @cssprop --oneway-spacing - Space between questions and their parts (default 1rem).
 * @cssprop --oneway-font-family - Font; inherits the page's font by default.
 * @cssprop --oneway-focus-ring - Outline of focused controls (default 3px solid in the accent colour).
 */
export class OnewayReview extends OnewayElement {
  /** URL of a JSON file holding `{ "config": …, "answers": … }` (instead of the properties or an inline script). */
  @property() src = '';

  /** The interview config, the same JSON as `<oneway-interview>`'s. */
  @property({ attribute: false }) config: unknown;

  /** The answers as `oneway-complete` delivers them (`detail.answers`); `receivedAt` may be added to each. */
  @property({ attribute: false }) answers: unknown;

  /** Returns the URL to play or read an answer from (e.g. a signed one); by default its `uploadUrl`. */
  @property({ attribute: false }) resolveMedia: MediaResolver | undefined;

  /** Saved ratings and notes to show, by question id: `{ "q1": { "rating": 4, "notes": "…" } }`. */
  @property({ attribute: false }) review: ReviewAssessments = {};

  /** Fetch every answer once and compare its SHA-256 with the manifest's: marks each "Verified" or "Does not match the uploaded file". */
  @property({ type: Boolean }) verify = false;

  private view: ReviewView | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.loadChunk(loadView, () => (view = undefined), ({ ReviewView }) => (this.view ??= new ReviewView(this, this.i18n)));
  }

  protected override render() {
    if (this.view) return this.root(this.view.render());
    return this.chunkMissing ? this.root(this.chunkMissingMessage()) : nothing;
  }
}
