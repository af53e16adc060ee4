import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { uploadOriginsAttribute, type AuthorizeHook } from '../../core/streaming-upload.js';
import type { Messages } from '../../i18n/en.js';
import { registerMessages } from '../../i18n/runtime.js';
import { interviewStyles } from './interview.styles.js';
import type { InterviewSession } from './interview-session.js';
import { OnewayElement } from '../oneway-element.js';

let session: Promise<typeof import('./interview-session.js')> | undefined;

/**
 * The interview's config loading, flow, takes and templates: two chunks in the CDN build (each
 * under its budget; the session imports the templates, fetched side by side here), loaded when the
 * first `<oneway-interview>` connects. Nothing can be recorded before they are there, and the
 * recorder and take engine that save answers are in the bundle.
 */
const loadSession = () =>
  // The config validator, which the session fetches first thing, is asked for now too: one round trip less.
  (session ??= Promise.all([import('./interview-session.js'), import('./interview-views.js'), import('../../core/interview-config-validation.js')]).then(([module]) => module));

/**
 * A whole one-way interview from a JSON config: intro, device check, practice, each question with
 * think time, a timed answer, review and retakes, and the upload of every answer.
 *
 * @tagname oneway-interview
 * @summary Runs the candidate through every question of an interview and uploads each answer to a tus endpoint.
 *
 * @fires oneway-ready - The config is valid and the intro is shown: `detail` has interviewId, questionCount.
 * @fires oneway-question-start - A question was revealed: `detail` has questionId, index.
 * @fires oneway-recording-start - A take started: `detail` has mimeType, takeId, questionId, attempt, kind, and `replaces` when it is recorded again in another type.
 * @fires oneway-recording-stop - A take stopped: `detail` has bytes, durationMs, mimeType, takeId, questionId, attempt, kind.
 * @fires oneway-upload-progress - Upload progress of an answer (text answers too): `detail` has takeId, questionId, attempt, kind, bytesUploaded, bytesRecorded, recordingEnded, state.
 * @fires oneway-answer-uploaded - An answer is on the server: `detail` has takeId, questionId, attempt, kind, uploadUrl, bytes, durationMs, mimeType, sha256, interrupted.
 * @fires oneway-complete - Every answer is on the server: `detail` has interviewId and answers (one per question).
 * @fires oneway-consent - The candidate accepted the consent and started: `detail` is the receipt (interviewId, candidate, textSha256, acceptedAt, locale, ai), also uploaded as `kind: consent`.
 * @fires oneway-accommodation-request - The candidate asked for an accommodation: `detail` has interviewId, candidate, questionId (from a think time), message.
 * @fires oneway-error - A problem: `detail` has code (e.g. config-invalid), message, recoverable, and takeId when it is one take's.
 * @fires oneway-help - The candidate opened "Get help": `detail` has interviewId, step, questionId, and report (the diagnostic report as text, without tokens, candidate reference or answers).
 *
 * @slot intro - Content shown above the instructions on the intro (e.g. a logo).
 * @slot complete - Replaces the completion message.
 * @slot help - Help shown under every question (e.g. a contact link).
 *
 * @csspart root - Everything the element shows; carries the language (`lang`) and direction (`dir`) of its text.
 * @csspart unavailable - The message shown when the interview's own code could not be fetched.
 * @csspart step - Every step's container (also `step intro`, `step question`, `step question between`, `step finishing`, `step complete`, …).
 * @csspart button - Every button (also `button start-button`, `button next-button`, `button retake-button`, `button submit-button`, `button text-button`, `button retry-button`).
 * @csspart title - The heading of a step: the interview title on the intro, "Sending your answers" and "Thank you!" at the end.
 * @csspart instructions - The instructions on the intro.
 * @csspart facts - The list of facts on the intro: questions, times, retakes, deadline.
 * @csspart consent - The consent checkbox and its text; also `consent ai-consent`, the optional second consent.
 * @csspart accommodation-button - "Request an accommodation" (also a `button`), on the intro and at think time.
 * @csspart dialog - A modal dialog; also `dialog accommodation-dialog`, `dialog help-dialog`.
 * @csspart hint - Every hint under a control (e.g. what the button does, retakes left, characters typed).
 * @csspart notice - A message between questions (e.g. "That was the practice"); also `notice recovery`, and `notice last-take` before and after a question's last take.
 * @csspart recovery - On the intro: an answer cut off by a reload is being sent, then saved.
 * @csspart slow-connection - `notice slow-connection`: an answer's upload is behind its recording, or the connection is too slow for video.
 * @csspart counter - "Question 2 of 5", the heading of the screen before the question is shown.
 * @csspart timers - The row of the think or answer countdown and its hint.
 * @csspart review-panel - The review of a take: heading, playback and buttons.
 * @csspart review-title - "Watch your answer" (or "Listen to your answer").
 * @csspart review - The playback of a take before it is submitted.
 * @csspart actions - The row of buttons under a review.
 * @csspart text-answer-label - The label of the text area.
 * @csspart text-answer - The text area of a text answer.
 * @csspart complete-message - The default completion message (replace it with the `complete` slot).
 * @csspart problems - The list of config problems shown to the host developer.
 * @csspart question-counter - The inner `<oneway-question>`'s `counter` part.
 * @csspart question-text - The inner `<oneway-question>`'s `text` part.
 * @csspart question-prompt - The inner `<oneway-question>`'s `prompt` part.
 * @csspart countdown-timer - The inner `<oneway-countdown>`'s `timer` part.
 * @csspart countdown-ring-progress - The inner `<oneway-countdown>`'s `ring-progress` part.
 * @csspart countdown-time - The inner `<oneway-countdown>`'s `time` part.
 * @csspart recorder-stage - The inner `<oneway-recorder>`'s `stage` part.
 * @csspart recorder-preview - The inner `<oneway-recorder>`'s `preview` part.
 * @csspart recorder-record-button - The inner `<oneway-recorder>`'s `record-button` part.
 * @csspart recorder-elapsed - The inner `<oneway-recorder>`'s `elapsed` part.
 * @csspart recorder-status - The inner `<oneway-recorder>`'s `status` part.
 * @csspart recorder-error - The inner `<oneway-recorder>`'s `error` part.
 * @csspart recorder-retry-button - The inner `<oneway-recorder>`'s `retry-button` part.
 * @csspart device-check-stage - The inner `<oneway-device-check>`'s `stage` part.
 * @csspart device-check-continue-button - The inner `<oneway-device-check>`'s `continue-button` part.
 * @csspart device-check-error - The inner `<oneway-device-check>`'s `error` part.
 * @csspart answers - Where each question's answer is (between questions, in the review and at the end).
 * @csspart answers-title - Its heading, "Your answers".
 * @csspart answer-list - The list of questions with the state of each answer.
 * @csspart answer - One question's line; also `answer answer-sent`, `answer answer-sending`, `answer answer-not-answered`, `answer answer-retrying`, `answer answer-waiting-for-connection`, `answer answer-failed`.
 * @csspart upload-summary - What the uploads are doing in words: bytes and time left, retrying, all saved.
 * @csspart error - An answer could not be sent: the message and "Try again".
 * @csspart retry-button - "Try again" after an answer could not be sent (also a `button`).
 * @csspart help-button - "Get help", in every step (also a `button`).
 * @csspart help-dialog - The "Get help" dialog (also `dialog`; style its `::backdrop` too).
 * @csspart help-unavailable - Shown when "Get help" could not be loaded: what to do, and the host's `support.email` and `support.url` links.
 * @csspart help-title - Its heading.
 * @csspart help-text - The host's `support.text`.
 * @csspart help-contacts - The list of the host's `support.email` and `support.url` links.
 * @csspart help-copy-button - "Copy diagnostic report" (also a `button`).
 * @csspart help-close-button - "Close" (also a `button`).
 * @csspart help-status - Whether the report was copied.
 * @csspart help-report - "Diagnostic report", which opens to show the report itself, to select by hand.
 *
 * @cssprop --oneway-color-accent - Button and highlight colour (default #1d4ed8; #93c5fd in dark mode).
 * @cssprop --oneway-color-accent-contrast - Text on the accent colour, e.g. button labels (default #ffffff; #111827 in dark mode).
 * @cssprop --oneway-color-surface - Background (default #ffffff; #111827 in dark mode).
 * @cssprop --oneway-color-text - Text colour (default #1f2937; #f3f4f6 in dark mode).
 * @cssprop --oneway-color-error - Errors and failed uploads (default #b91c1c; #fca5a5 in dark mode).
 * @cssprop --oneway-color-warning - Advice that needs attention in the device check (default #92400e; #fcd34d in dark mode).
 * @cssprop --oneway-color-scheme - `color-scheme` of native controls (default light; dark in dark mode).
 * @cssprop --oneway-radius - Corner radius (default 0.5rem).
 * @cssprop --oneway-spacing - Space between parts of a step (default 1rem).
 * @cssprop --oneway-font-family - Font; inherits the page's font by default.
 * @cssprop --oneway-focus-ring - Outline of focused controls (default 3px solid in the accent colour).
 * @cssprop --oneway-padding - Space inside the card (default 1 to 1.5rem, with the screen's width).
 * @cssprop --oneway-scroll-margin - Space kept above the element when it brings a question into view, e.g. the height of a sticky page header (default 0px).
 * @cssprop --oneway-stage-aspect-ratio - Aspect ratio of the camera stage (default: the camera picture's own, 16 / 9 until known); the whole picture is shown inside it.
 */
export class OnewayInterview extends OnewayElement {
  static override styles = interviewStyles;

  /** The elements the interview renders, for the define step to check (the device check is loaded when first used). */
  static readonly dependencies = ['oneway-question', 'oneway-countdown', 'oneway-recorder', 'oneway-device-check'] as const;

  /**
   * Overrides messages, or adds a language, for every element on the page: the same as the
   * package's `registerMessages` export, reachable from the CDN bundle as
   * `customElements.get('oneway-interview').registerMessages('fr', { 'interview.start': 'C’est parti' })`.
   */
  static registerMessages(lang: string, messages: Partial<Messages>): void {
    registerMessages(lang, messages);
  }

  /** The tus endpoint that receives every answer. */
  @property() endpoint = '';

  /** URL of the interview config JSON. */
  @property({ attribute: 'config-src' }) configSrc = '';

  /** The interview config as an object (instead of `config-src` or an inline `<script type="application/json">`). */
  @property({ attribute: false }) config: unknown;

  /** An opaque reference to the candidate, sent in every upload's metadata and part of the saved progress key. */
  @property() candidate = '';

  /** Called before every upload request with its method and URL; returns headers to add, e.g. a fresh bearer token. Check the URL before adding credentials. */
  @property({ attribute: false }) authorize: AuthorizeHook | undefined;

  /** Origins, besides the endpoint's own, that the server may place uploads on (space-separated); an upload URL anywhere else is refused. */
  @property({ attribute: 'upload-origins', converter: uploadOriginsAttribute }) uploadOrigins: string[] = [];

  /** Time accommodation: think and answer times are multiplied by this (e.g. 1.5), up to 20; a larger value means untimed. */
  @property({ type: Number, attribute: 'time-multiplier' }) timeMultiplier = 1;

  /** Time accommodation: no think or answer time limits at all. */
  @property({ type: Boolean }) untimed = false;

  /** Days an answer that has not reached the server is kept on this device; after that it is removed instead of retried. */
  @property({ type: Number, attribute: 'retention-days' }) retentionDays = 7;

  private session: InterviewSession | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.loadChunk(loadSession, () => (session = undefined), ({ InterviewSession }) => (this.session ??= new InterviewSession(this, this.i18n)));
  }

  /**
   * Removes this interview's recordings and saved progress for this candidate from this device
   * (e.g. "Remove my recordings from this device" on a shared computer); answers already on the
   * server stay there. Done by itself after `oneway-complete`.
   */
  async clearStoredData(): Promise<void> {
    await this.session?.clearStoredData();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.session?.willUpdate(changed);
  }

  protected override render() {
    if (this.session) return this.root(this.session.render(), this.session.fitsScreen ? 'fit' : '');
    return this.root(this.chunkMissing ? this.chunkMissingMessage() : html`<p part="step loading" role="status">${this.i18n.t('interview.loading')}</p>`);
  }
}
