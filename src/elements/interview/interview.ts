import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { InterviewLoader } from '../../controllers/interview-loader.js';
import { LinkController } from '../../controllers/link-controller.js';
import { SlotLockController } from '../../controllers/slot-lock-controller.js';
import { InterviewTakesController } from '../../controllers/interview-takes-controller.js';
import { OnewayError } from '../../core/errors.js';
import type { InterviewFlow } from '../../core/interview-flow.js';
import { truncateCharacters } from '../../core/text-answer.js';
import { uploadOriginsAttribute, type AuthorizeHook } from '../../core/streaming-upload.js';
import { AccommodationRequestEvent } from '../../events/accommodation-request.js';
import { ConsentEvent } from '../../events/consent.js';
import { CompleteEvent } from '../../events/complete.js';
import type { OnewayErrorEvent } from '../../events/error.js';
import { QuestionStartEvent } from '../../events/question-start.js';
import { ReadyEvent } from '../../events/ready.js';
import type { Messages } from '../../i18n/en.js';
import { registerMessages } from '../../i18n/runtime.js';
import { requestElement } from '../../lazy-elements.js';
import type { HelpDialog, InterviewHelpState } from '../help/help-dialog.js';
import type { OnewayQuestion } from '../question/question.js';
import type { OnewayRecorder } from '../recorder/recorder.js';
import { interviewStyles } from './interview.styles.js';
import { renderInterview, renderProblems, type InterviewActions } from './interview-views.js';
import { OnewayElement } from '../oneway-element.js';

/**
 * A whole one-way interview from a JSON config: intro, device check, practice, each question with
 * think time, a timed answer, review and retakes, and the upload of every answer.
 *
 * @tagname oneway-interview
 * @summary Runs the candidate through every question of an interview and uploads each answer to a tus endpoint.
 *
 * @fires oneway-ready - The config is valid and the intro is shown: `detail` has interviewId, questionCount.
 * @fires oneway-question-start - A question was revealed: `detail` has questionId, index.
 * @fires oneway-recording-start - A take started: `detail` has mimeType, takeId, questionId, attempt, kind.
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

  @state() private consentGiven = false;
  @state() private aiConsentGiven = false;
  /** The accommodation dialog: closed, being filled in, or sent. */
  @state() private accommodation: 'closed' | 'open' | 'sent' = 'closed';
  @state() private textDraft = '';
  @state() private reviewUrl = '';
  private announcedStep = '';
  /** The last errors the interview reported, oldest first, for the diagnostic report. */
  private readonly recentErrors: OnewayErrorEvent[] = [];
  private help: HelpDialog | undefined;

  @query('oneway-recorder') private recorder!: OnewayRecorder | null;
  @query('oneway-question') private question!: OnewayQuestion | null;

  /** Fits every take to the uplink as last measured. */
  private readonly link = new LinkController(this, { endpoint: () => this.endpoint, authorize: () => this.authorize });

  private readonly lock = new SlotLockController(this, () => (this.loader?.flow ? `interview:${this.loader.flow.config.id}` : ''));

  private readonly loader: InterviewLoader = new InterviewLoader(this, {
    source: () => ({
      configSrc: this.configSrc,
      config: this.config,
      inline: this.querySelector('script[type="application/json"]')?.textContent ?? undefined,
      candidate: this.candidate,
      timeMultiplier: this.timeMultiplier,
      untimed: this.untimed,
    }),
    onReady: (flow) => {
      // Fetched while the candidate reads the intro, so the check is there when they start.
      if (flow.config.deviceCheck !== false && !flow.progress.deviceChecked) void requestElement('oneway-device-check');
      this.lock.relock();
      this.dispatchEvent(new ReadyEvent({ interviewId: flow.config.id, questionCount: flow.questions.length }));
      void this.lock.acquired.then(() => this.isConnected && flow === this.flow && this.takes.finishInterrupted(flow));
    },
    onInvalid: (_problems, message) => this.reportError(new OnewayError('config-invalid', message, false)),
    flowEvents: {
      onQuestionStart: (question, index) => {
        this.dispatchEvent(new QuestionStartEvent({ questionId: question.id, index }));
        // Links change during an interview: measured again before each question that is recorded.
        if (question.answer !== 'text') this.link.tell((link) => link.questionShown());
      },
      onComplete: (answers) => {
        this.dispatchEvent(new CompleteEvent({ interviewId: this.flow!.config.id, answers }));
        // Everything is on the server: nothing of this interview stays on the device.
        void this.clearStoredData();
      },
    },
  });

  /** Every take: the recorder's events, the background's uploads, each question's answer state. */
  private readonly takes = new InterviewTakesController(this, {
    flow: () => this.flow,
    recorder: () => this.recorder,
    link: this.link,
    takeOptions: () => ({ endpoint: this.endpoint, authorize: (request) => this.authorize?.(request), uploadOrigins: this.uploadOrigins }),
    retentionDays: () => this.retentionDays,
    t: (key, params) => this.i18n.t(key, params),
    onError: (error) => this.reportError(error),
    lockHeld: () => this.lock.acquired,
  });

  constructor() {
    super(); // Its own errors and those of the elements inside it (which reach it composed) alike:
    this.addEventListener('oneway-error', (event) => this.recentErrors.push(event) > 10 && this.recentErrors.shift());
  }

  private get flow(): InterviewFlow | undefined {
    return this.loader.flow;
  }

  /**
   * Removes this interview's recordings and saved progress for this candidate from this device
   * (e.g. "Remove my recordings from this device" on a shared computer); answers already on the
   * server stay there. Done by itself after `oneway-complete`.
   */
  async clearStoredData(): Promise<void> {
    const flow = this.flow;
    if (!flow) return;
    await Promise.all([this.takes.clearStoredData(flow), this.loader.clearProgress()]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const changedFrom = (names: string[]) => names.some((name) => changed.has(name as keyof OnewayInterview) && changed.get(name as keyof OnewayInterview) !== undefined);
    // An accommodation granted mid-interview applies from the next timer on, where the candidate is.
    if (changedFrom(['timeMultiplier', 'untimed']) && this.flow) this.flow.setTiming({ timeMultiplier: this.timeMultiplier, untimed: this.untimed });
    if (changedFrom(['config', 'configSrc', 'candidate']) || (changed.has('config') && this.config !== undefined && this.loader.status !== 'ready')) {
      void this.loader.reload();
    }
  }

  protected override updated(): void {
    const step = this.flow?.step;
    const key = step ? JSON.stringify(step) : '';
    if (key === this.announcedStep) return;
    this.announcedStep = key;
    if (step?.step === 'question' && step.phase === 'think') {
      // A phone shows little of a page: the question, its timer and Start come into view together.
      const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
      this.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
      void this.question?.focusHeading();
    } else if (step) {
      this.renderRoot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
  }

  private setReviewUrl(blob: Blob | undefined): void {
    if (this.reviewUrl) URL.revokeObjectURL(this.reviewUrl);
    this.reviewUrl = blob ? URL.createObjectURL(blob) : '';
  }

  private get accommodationDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog[part~="accommodation-dialog"]');
  }

  /** What every control and inner element's event does: a transition of the flow or a controller's call, then a render. */
  private readonly actions: InterviewActions = {
    start: () => {
      const flow = this.flow!;
      const receipt = flow.acceptConsent(this.aiConsentGiven, this.i18n.requested);
      if (receipt) this.dispatchEvent(new ConsentEvent({ ...receipt }));
      if (receipt) this.takes.sendConsent(flow, receipt);
      flow.start();
      this.requestUpdate();
    },
    consent: (given) => (this.consentGiven = given),
    aiConsent: (given) => (this.aiConsentGiven = given),
    reveal: () => (this.flow!.reveal(), this.requestUpdate()),
    deviceChecked: (event) => {
      this.link.tell((link) => link.deviceChecked(event.detail));
      this.flow!.deviceCheckDone();
      this.requestUpdate();
    },
    connectionMeasured: (event) => this.link.tell((link) => link.tested(event.detail.throughputBps)),
    thinkEnded: () => (this.flow!.textAnswer ? this.actions.startTyping() : this.recorder?.start()),
    answerEnded: () => (this.flow!.textAnswer ? this.actions.submitText() : undefined),
    openAccommodation: () => {
      this.accommodation = 'open';
      // A modal dialog: the page behind it is inert, Escape closes it, focus comes back after.
      this.accommodationDialog?.showModal();
    },
    accommodationClosed: () => (this.accommodation = 'closed'),
    closeAccommodation: () => this.accommodationDialog?.close(),
    sendAccommodation: () => {
      const flow = this.flow!;
      const message = this.renderRoot.querySelector<HTMLTextAreaElement>('#accommodation-message')?.value.trim() ?? '';
      const questionId = flow.recordingTake?.questionId;
      this.dispatchEvent(new AccommodationRequestEvent({ interviewId: flow.config.id, candidate: this.candidate, ...(questionId ? { questionId } : {}), message }));
      this.accommodation = 'sent';
      void this.updateComplete.then(() => this.accommodationDialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus());
    },
    startTyping: () => {
      const step = this.flow!.step;
      if (step.step !== 'question' || step.phase !== 'think') return;
      this.flow!.startAnswer();
      this.requestUpdate();
      void this.updateComplete.then(() => this.renderRoot.querySelector('textarea')?.focus());
    },
    /** Keeps the text within `max` characters as people count them (an emoji is one). */
    typed: (textarea, max) => {
      const kept = truncateCharacters(textarea.value, max);
      if (kept !== textarea.value) textarea.value = kept;
      this.textDraft = kept;
    },
    submitText: () => {
      const flow = this.flow!;
      const answer = flow.submitText(this.textDraft);
      this.textDraft = '';
      if (answer) this.takes.sendText(flow, answer);
      this.requestUpdate();
    },
    submitTake: () => {
      this.setReviewUrl(undefined);
      this.flow!.submit({ attempt: this.flow!.attempt });
      this.requestUpdate();
    },
    retake: () => {
      this.takes.retake(this.flow!);
      this.setReviewUrl(undefined);
      this.flow!.retake();
      this.requestUpdate();
    },
    retryUploads: () => this.takes.retryUploads(),
    recordingStart: this.takes.recordingStart,
    recordingStop: (event) => this.setReviewUrl(this.takes.recordingStop(event)),
    uploadProgress: this.takes.uploadProgress,
    answerUploaded: this.takes.answerUploaded,
    // The recorder shows the candidate what to do; the host hears about it from the interview.
    recorderError: (event) => (event.stopPropagation(), this.reportError(event.detail)),
  };

  protected override render() {
    return this.root(
      html`${this.renderContent()}
      ${this.flow
        ? html`<div class="actions">
              <button part="button help-button" type="button" data-secondary @click=${this.openHelp}>${this.i18n.t('help.title')}</button>
            </div>
            ${this.help?.render()}`
        : nothing}`,
      // The camera preview takes the height the question, its timer and Start/Stop leave.
      this.flow?.capturing ? 'fit' : '',
    );
  }

  private renderContent() {
    if (this.loader.status === 'invalid') return renderProblems(this.i18n, this.loader.problems);
    const flow = this.flow;
    if (!flow) return html`<p part="step loading" role="status">${this.i18n.t('interview.loading')}</p>`;
    if (this.lock.status === 'busy') return html`<p part="step" role="alert">${this.i18n.t('interview.otherTab')}</p>`;
    const { endpoint, authorize, uploadOrigins, retentionDays, consentGiven, aiConsentGiven, accommodation, textDraft, reviewUrl } = this;
    const { recovery, answers } = this.takes;
    return renderInterview({
      ...{ i18n: this.i18n, flow, link: this.link, endpoint, authorize, uploadOrigins, retentionDays, consentGiven, aiConsentGiven, accommodation, textDraft, reviewUrl },
      ...{ fitsScreen: !!this.flow?.capturing, recovery, answers, on: this.actions },
    });
  }

  /** Opens "Get help": the host's support contacts and the diagnostic report. */
  private async openHelp(): Promise<void> {
    // A chunk of its own in the CDN build, fetched when a candidate first asks for help.
    const { HelpDialog } = await import('../help/help-dialog.js');
    // What the report says of the interview, as it is when the dialog opens; the dialog adds the browser's side.
    this.help ??= new HelpDialog(this, this.i18n, (): InterviewHelpState => {
      const flow = this.flow!;
      return { flow, answerProgress: this.takes.answerProgress, ...this.takes.takes(flow), errors: this.recentErrors };
    });
    await this.help.open();
  }
}
