import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { InterviewController } from '../../controllers/interview-controller.js';
import { LinkController } from '../../controllers/link-controller.js';
import { TickController } from '../../controllers/tick-controller.js';
import { ScopeLockController } from '../../controllers/scope-lock-controller.js';
import { retentionMs, TakeController } from '../../controllers/take-controller.js';
import { AnswerProgress, type OverallProgress } from '../../core/answer-progress.js';
import { consentReceipt, type ConsentReceipt } from '../../core/consent-receipt.js';
import { OnewayError } from '../../core/errors.js';
import type { InterviewFlow, InterviewStep } from '../../core/interview-flow.js';
import { characterCount, textBytes, truncateCharacters, uploadTextAnswer } from '../../core/text-answer.js';
import { uploadOriginsAttribute, type AuthorizeHook } from '../../core/tus-stream.js';
import { roundTimeLeft } from '../../core/upload-stats.js';
import { AccommodationRequestEvent } from '../../events/accommodation-request.js';
import { AnswerUploadedEvent } from '../../events/answer-uploaded.js';
import { ConsentEvent } from '../../events/consent.js';
import { CompleteEvent } from '../../events/complete.js';
import type { ConnectionMeasuredEvent } from '../../events/connection-measured.js';
import type { DeviceCheckCompleteEvent } from '../../events/device-check-complete.js';
import { OnewayErrorEvent } from '../../events/error.js';
import type { InterviewContext } from '../../events/interview-context.js';
import { QuestionStartEvent } from '../../events/question-start.js';
import { ReadyEvent } from '../../events/ready.js';
import { RecordingStartEvent } from '../../events/recording-start.js';
import { RecordingStopEvent } from '../../events/recording-stop.js';
import { UploadProgressEvent } from '../../events/upload-progress.js';
import type { Messages } from '../../i18n/en.js';
import { registerMessages } from '../../i18n/runtime.js';
import { requestElement } from '../../lazy-elements.js';
import type { HelpDialog, InterviewHelpState } from '../help/help-dialog.js';
import type { OnewayQuestion } from '../question/question.js';
import type { OnewayRecorder } from '../recorder/recorder.js';
import { interviewStyles } from './interview.styles.js';
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
 * @fires oneway-recording-start - A take started: `detail` has mimeType, questionId, attempt, kind.
 * @fires oneway-recording-stop - A take stopped: `detail` has bytes, durationMs, mimeType, questionId, attempt, kind.
 * @fires oneway-upload-progress - Upload progress of an answer, with questionId, attempt, kind.
 * @fires oneway-answer-uploaded - An answer is on the server: `detail` has questionId, attempt, kind, uploadUrl, bytes, durationMs, mimeType, sha256, interrupted.
 * @fires oneway-complete - Every answer is on the server: `detail` has interviewId and answers (one per question).
 * @fires oneway-consent - The candidate accepted the consent and started: `detail` is the receipt (interviewId, candidate, textSha256, acceptedAt, locale, ai), also uploaded as `kind: consent`.
 * @fires oneway-accommodation-request - The candidate asked for an accommodation: `detail` has interviewId, candidate, questionId (from a think time), message.
 * @fires oneway-error - A problem: `detail` has code (e.g. config-invalid), message, recoverable.
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
  @state() private sending = false;
  @state() private reviewUrl = '';
  /** The attempt of the take being recorded or reviewed. */
  private attempt = 0;
  private textStartedAt = 0;
  private announcedStep = '';
  private startedQuestion = '';
  private completed = false;
  /** Each question's upload, counted per question: a discarded take drops out. */
  private readonly answerProgress = new AnswerProgress();
  private answersAnnounced = '';
  private answersAnnouncement = '';
  /** Whether bytes were on their way at the last render. */
  private uploadsActive = false;
  /** The last errors the interview reported, oldest first, for the diagnostic report. */
  private readonly recentErrors: OnewayErrorEvent[] = [];
  private help: HelpDialog | undefined;

  @query('oneway-recorder') private recorder!: OnewayRecorder | null;
  @query('oneway-question') private question!: OnewayQuestion | null;


  /** Fits every take to the uplink as last measured. */
  private readonly link = new LinkController(this, { endpoint: () => this.endpoint, authorize: () => this.authorize });

  private readonly lock = new ScopeLockController(this, () => (this.loader?.flow ? `interview:${this.loader.flow.config.id}` : ''));

  private readonly loader: InterviewController = new InterviewController(this, {
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
      void this.lock.acquired.then(() => this.finishInterrupted(flow));
    },
    onInvalid: (_problems, message) => this.report(new OnewayError('config-invalid', message, false)),
  });

  /** The recovery's take events, turned into the interview's own (with question and attempt) as the recorder's are. */
  private readonly recoveryEvents = new EventTarget();

  /**
   * Finishes the answers a reload or crash cut off as soon as the interview is known, without
   * waiting for the candidate: one who reloads and gives up still leaves the employer the answer.
   */
  private readonly recovery = new TakeController(this, {
    takeOptions: () => ({ endpoint: this.endpoint, authorize: (request) => this.authorize?.(request), uploadOrigins: this.uploadOrigins }),
    scope: () => '',
    maxSeconds: () => 0,
    retentionMs: () => retentionMs(this.retentionDays),
    onError: (error) => this.report(error),
    events: this.recoveryEvents,
  });

  constructor() {
    super();
    // Speed and time left change with the clock alone while bytes are on their way.
    new TickController(this, () => this.uploadsActive);
    this.recoveryEvents.addEventListener('oneway-upload-progress', (event) => this.onUploadProgress(event as UploadProgressEvent));
    this.recoveryEvents.addEventListener('oneway-answer-uploaded', (event) => this.onAnswerUploaded(event as AnswerUploadedEvent));
    // Its own errors and those of the elements inside it (which reach it composed) alike.
    this.addEventListener('oneway-error', (event) => this.recentErrors.push(event) > 10 && this.recentErrors.shift());
  }

  private get flow(): InterviewFlow | undefined {
    return this.loader.flow;
  }


  protected override willUpdate(changed: PropertyValues<this>): void {
    const timingChanged = ['timeMultiplier', 'untimed'].some(
      (name) => changed.has(name as keyof OnewayInterview) && changed.get(name as keyof OnewayInterview) !== undefined,
    );
    // An accommodation granted mid-interview applies from the next timer on, where the candidate is.
    if (timingChanged && this.flow) this.flow.setTiming({ timeMultiplier: this.timeMultiplier, untimed: this.untimed });
    const sourceChanged = ['config', 'configSrc', 'candidate'].some(
      (name) => changed.has(name as keyof OnewayInterview) && changed.get(name as keyof OnewayInterview) !== undefined,
    );
    if (sourceChanged || (changed.has('config') && this.config !== undefined && this.loader.status !== 'ready')) {
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

  private report(error: OnewayError): void {
    this.reportError(error);
  }

  /** Re-renders and emits `oneway-complete` when the flow has just completed. */
  private afterTransition(): void {
    const flow = this.flow!;
    const step = flow.step;
    if (step.step === 'question' && step.phase === 'think' && !step.practice && this.startedQuestion !== flow.current.id) {
      this.startedQuestion = flow.current.id;
      this.dispatchEvent(new QuestionStartEvent({ questionId: flow.current.id, index: step.index }));
      // Links change during an interview: measured again before each question that is recorded.
      if (flow.current.answer !== 'text') this.link.tell((link) => link.questionShown());
    }
    if (step.step === 'complete' && !this.completed) {
      this.completed = true;
      this.dispatchEvent(new CompleteEvent({ interviewId: flow.config.id, answers: flow.manifest() }));
      // Everything is on the server: nothing of this interview stays on the device.
      void this.clearStoredData();
    }
    this.requestUpdate();
  }

  private start(): void {
    const flow = this.flow!;
    const { consent, aiConsent } = flow.config;
    if (consent && !flow.progress.started) {
      const receipt = consentReceipt({
        interviewId: flow.config.id,
        candidate: this.candidate,
        consent,
        aiConsent,
        ai: this.aiConsentGiven,
        locale: this.i18n.requested,
        now: new Date(),
      });
      flow.consented(receipt);
      this.dispatchEvent(new ConsentEvent({ ...receipt }));
      void this.sendConsent(receipt);
    }
    flow.start();
    this.afterTransition();
  }

  /** Uploads the consent receipt (as a text answer is); it stays in the saved progress until the server has it. */
  private async sendConsent(receipt: ConsentReceipt): Promise<void> {
    const flow = this.flow!;
    try {
      const answer = await uploadTextAnswer({
        endpoint: this.endpoint,
        uploadOrigins: this.uploadOrigins,
        text: JSON.stringify(receipt),
        metadata: { interviewId: flow.config.id, kind: 'consent', candidate: this.candidate },
        authorize: (request) => this.authorize?.(request),
        durationMs: 0,
        filename: 'consent.json',
        mimeType: 'application/json',
      });
      if (flow === this.flow) flow.consentDelivered(answer.uploadUrl);
    } catch (error) {
      if (error instanceof OnewayError) this.report(error);
    }
  }

  /**
   * The start of every recording slot of this interview and candidate. Encoded, so no interview
   * id or candidate is a prefix of another's, and one candidate never finds another's takes.
   */
  private slotPrefix(flow: InterviewFlow): string {
    return `${encodeURIComponent(flow.config.id)}/${encodeURIComponent(this.candidate)}/`;
  }

  /**
   * Removes this interview's recordings and saved progress for this candidate from this device
   * (e.g. "Remove my recordings from this device" on a shared computer); answers already on the
   * server stay there. Done by itself after `oneway-complete`.
   */
  async clearStoredData(): Promise<void> {
    const flow = this.flow;
    if (!flow) return;
    await Promise.all([this.recovery.clearStoredData(this.slotPrefix(flow)), this.loader.clearProgress()]);
  }

  /** Sends what an earlier visit of this interview left unsent: cut-off takes and submitted text answers. */
  private finishInterrupted(flow: InterviewFlow): void {
    if (!this.isConnected || flow !== this.flow) return;
    void this.recovery.recover(this.slotPrefix(flow));
    const consent = flow.progress.consent;
    if (consent && !consent.uploadUrl) void this.sendConsent(consent.receipt);
    for (const answer of flow.undelivered) {
      if (answer.text !== undefined) void this.sendText(answer.questionId, answer.attempt, answer.text, answer.durationMs ?? 0);
    }
  }

  private reveal(): void {
    this.flow!.reveal();
    this.afterTransition();
  }

  private deviceChecked(event: DeviceCheckCompleteEvent): void {
    this.link.tell((link) => link.deviceChecked(event.detail));
    this.flow!.deviceCheckDone();
    this.afterTransition();
  }

  /** The context added to the recorder's events, from the upload metadata where there is one. */
  private context(metadata?: Record<string, string>): InterviewContext {
    const flow = this.flow!;
    const step = flow.step;
    // A practice take is no question's answer (and is never uploaded).
    if (!metadata && step.step === 'question' && step.practice) return { practice: true, attempt: this.attempt, kind: 'video' };
    return {
      questionId: metadata?.questionId ?? flow.current.id,
      attempt: metadata?.attempt ? Number(metadata.attempt) : this.attempt,
      kind: (metadata?.kind as InterviewContext['kind']) ?? flow.current.answer,
    };
  }

  /** The take an event is about, as the link controller knows it. */
  private takeKey(context: InterviewContext): string {
    return context.practice ? '#practice' : `${context.questionId}#${context.attempt}`;
  }

  private onRecordingStart(event: RecordingStartEvent): void {
    event.stopPropagation();
    this.attempt = this.flow!.startAnswer();
    const key = this.takeKey(this.context());
    this.link.tell((link) => link.takeStarted(key));
    this.dispatchEvent(new RecordingStartEvent({ ...event.detail, ...this.context() }));
    this.requestUpdate();
  }

  private onRecordingStop(event: RecordingStopEvent): void {
    event.stopPropagation();
    this.dispatchEvent(new RecordingStopEvent({ ...event.detail, ...this.context() }));
    const key = this.takeKey(this.context());
    const take = { ...event.detail, kind: this.recorder?.kind };
    this.link.tell((link) => link.takeStopped(key, take));
    this.flow!.stopAnswer();
    const blob = this.recorder?.reviewBlob();
    this.setReviewUrl(blob ? URL.createObjectURL(blob) : '');
    this.afterTransition();
  }

  private onUploadProgress(event: UploadProgressEvent): void {
    event.stopPropagation();
    const context = this.context(event.detail.metadata);
    this.answerProgress.report(context.questionId!, context.attempt!, event.detail);
    this.link.tell((link) => link.progress(this.takeKey(context), event.detail));
    this.dispatchEvent(new UploadProgressEvent({ ...event.detail, ...context }));
    this.requestUpdate();
  }

  private onAnswerUploaded(event: AnswerUploadedEvent): void {
    event.stopPropagation();
    const context = this.context(event.detail.metadata);
    this.dispatchEvent(new AnswerUploadedEvent({ ...event.detail, ...context }));
    const { uploadUrl, bytes, durationMs, mimeType, sha256, interrupted, metadata } = event.detail;
    this.answerProgress.delivered(context.questionId!, context.attempt!, bytes);
    this.flow!.delivered(context.questionId!, context.attempt!, { uploadUrl, bytes, durationMs, mimeType, sha256, interrupted, metadata });
    this.afterTransition();
  }

  private onRecorderError(event: OnewayErrorEvent): void {
    // The recorder shows the candidate what to do; the host hears about it from the interview.
    event.stopPropagation();
    this.reportError(event.detail);
  }

  private retake(): void {
    const flow = this.flow!;
    if (!(flow.step as { practice?: boolean }).practice) this.answerProgress.discard(flow.current.id, this.attempt);
    const key = this.takeKey(this.context());
    this.link.tell((link) => link.discarded(key));
    this.setReviewUrl('');
    void this.recorder?.discard();
    this.flow!.retake();
    this.afterTransition();
  }

  private submitTake(): void {
    this.setReviewUrl('');
    this.flow!.submit({ attempt: this.attempt });
    this.afterTransition();
  }

  private setReviewUrl(url: string): void {
    if (this.reviewUrl) URL.revokeObjectURL(this.reviewUrl);
    this.reviewUrl = url;
  }

  private startTyping(): void {
    if (this.flow!.step.step !== 'question' || (this.flow!.step as { phase: string }).phase !== 'think') return;
    this.attempt = this.flow!.startAnswer();
    this.textStartedAt = performance.now();
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector('textarea')?.focus());
  }

  private async submitText(): Promise<void> {
    if (this.sending) return;
    const flow = this.flow!;
    const question = flow.current;
    const practice = (flow.step as { practice?: boolean }).practice;
    const text = this.textDraft;
    const attempt = this.attempt;
    const durationMs = Math.round(performance.now() - this.textStartedAt);
    this.textDraft = '';
    flow.stopAnswer();
    if (practice) {
      flow.submit({ attempt });
      this.afterTransition();
      return;
    }
    flow.submit({ attempt, text, durationMs });
    this.afterTransition();
    await this.sendText(question.id, attempt, text, durationMs);
  }

  /** Uploads a submitted text answer; it stays in the saved progress until the server has it. */
  private async sendText(questionId: string, attempt: number, text: string, durationMs: number): Promise<void> {
    const metadata = this.answerMetadata(questionId, attempt, 'text');
    try {
      const answer = await uploadTextAnswer({
        endpoint: this.endpoint,
        uploadOrigins: this.uploadOrigins,
        text,
        metadata,
        authorize: (request) => this.authorize?.(request),
        durationMs,
      });
      this.dispatchEvent(new AnswerUploadedEvent({ ...answer, questionId, attempt, kind: 'text' }));
      this.answerProgress.delivered(questionId, attempt, answer.bytes);
      this.flow?.delivered(questionId, attempt, answer);
      this.afterTransition();
    } catch (error) {
      if (error instanceof OnewayError) this.report(error);
    }
  }

  /** The metadata every upload carries, so the host can file each answer. */
  private answerMetadata(questionId: string, attempt: number, kind: string): Record<string, string> {
    return {
      interviewId: this.flow!.config.id,
      questionId,
      attempt: String(attempt),
      kind,
      candidate: this.candidate,
    };
  }

  protected override render() {
    return this.root(
      html`${this.renderContent()}
      ${this.flow
        ? html`<div class="actions">
              <button part="button help-button" type="button" data-secondary @click=${this.openHelp}>${this.i18n.t('help.title')}</button>
            </div>
            ${this.help?.render()}`
        : nothing}`, this.fitsScreen ? 'fit' : '',
    );
  }

  /** Opens "Get help": the host's support contacts and the diagnostic report. */
  private async openHelp(): Promise<void> {
    // A chunk of its own in the CDN build, fetched when a candidate first asks for help.
    const { HelpDialog } = await import('../help/help-dialog.js');
    // What the report says of the interview, as it is when the dialog opens; the dialog adds the browser's side.
    this.help ??= new HelpDialog(this, this.i18n, (): InterviewHelpState => {
      const flow = this.flow!;
      return {
        flow,
        answerProgress: this.answerProgress,
        ...this.answerTakes(flow, flow.step),
        errors: this.recentErrors,
      };
    });
    await this.help.open();
  }

  /**
   * While a take is prepared or recorded, the question, its timer and Start/Stop fit on one
   * screen together: the camera preview takes the height that is left.
   */
  private get fitsScreen(): boolean {
    const step = this.flow?.step;
    return step?.step === 'question' && (step.phase === 'think' || step.phase === 'answer') && (step.practice || this.flow!.current.answer !== 'text');
  }

  private renderContent() {
    if (this.loader.status === 'invalid') return this.renderProblems();
    const flow = this.flow;
    if (!flow) return html`<p part="step loading" role="status">${this.i18n.t('interview.loading')}</p>`;
    if (this.lock.status === 'busy') return html`<p part="step" role="alert">${this.i18n.t('interview.otherTab')}</p>`;
    const step = flow.step;
    return html`
      ${this.renderStep(flow, step)} ${this.renderRecorder(flow, step)} ${this.renderAnswers(flow, step)}
    `;
  }

  private renderProblems() {
    return html`
      <div part="problems" role="alert">
        <p>${this.i18n.t('interview.configProblem')}</p>
        <ul>
          ${this.loader.problems.map((problem) => html`<li><code>${problem.path}</code>: ${problem.message}</li>`)}
        </ul>
      </div>
    `;
  }

  private renderStep(flow: InterviewFlow, step: InterviewStep) {
    switch (step.step) {
      case 'closed':
      case 'intro':
        return this.renderIntro(flow, step.step === 'closed');
      case 'device-check':
        return html`<div part="step device-check">
          <oneway-device-check
            exportparts=${DEVICE_CHECK_PARTS}
            endpoint=${this.endpoint}
            .authorize=${this.authorize}
            max-answer-seconds=${Math.max(...flow.questions.map((question) => question.answerSeconds))}
            ?allow-audio-fallback=${flow.questions.some((question) => question.answer === 'audio')}
            @oneway-device-check-complete=${this.deviceChecked}
            @oneway-connection-measured=${(event: ConnectionMeasuredEvent) => this.link.tell((link) => link.tested(event.detail.throughputBps))}
          ></oneway-device-check>
        </div>`;
      case 'question':
        return this.renderQuestion(flow, step);
      case 'finishing':
        return html`<div part="step finishing">
          <h2 part="title" tabindex="-1" data-autofocus>${this.i18n.t('interview.finishing')}</h2>
          <p>${this.i18n.t('interview.finishingHint')}</p>
        </div>`;
      case 'complete':
        return html`<div part="step complete" role="status">
          <slot name="complete">
            <h2 part="title">${this.i18n.t('interview.completeTitle')}</h2>
            <p part="complete-message">${this.i18n.t('interview.complete', { count: flow.manifest().length, total: flow.questions.length })}</p>
          </slot>
        </div>`;
    }
  }

  private renderIntro(flow: InterviewFlow, closed: boolean) {
    const { config, questions } = flow;
    const first = questions[0];
    const deadline = config.deadline ? this.i18n.date(new Date(config.deadline), { dateStyle: 'full', timeStyle: 'short' }) : '';
    // The config's texts are in the page's language, even where the element's own words fall back to English.
    const contentLang = this.i18n.requested;
    const retakes = Math.max(...questions.map((question) => question.retakes));
    const resuming = flow.progress.started;
    const needsConsent = !!config.consent && !resuming && !this.consentGiven;
    const canStart = !closed && !needsConsent;
    const hint = resuming
      ? this.i18n.t('interview.resumeHint', { answered: Object.keys(flow.progress.submitted).length, total: questions.length })
      : this.i18n.t(needsConsent ? 'interview.consentHint' : 'interview.firstHint');
    return html`<div part="step intro">
      <slot name="intro"></slot>
      <h2 part="title" lang=${contentLang} dir="auto">${config.title}</h2>
      ${config.instructions ? html`<p part="instructions" lang=${contentLang} dir="auto">${config.instructions}</p>` : nothing}
      <ul part="facts">
        <li>${this.i18n.t('interview.questionCount', { count: questions.length })}</li>
        <li>
          ${flow.timed
            ? this.i18n.t('interview.timePerQuestion', {
                think: this.i18n.duration(first.thinkSeconds, 'long'),
                answer: this.i18n.duration(first.answerSeconds, 'long'),
              })
            : this.i18n.t('interview.untimed')}
        </li>
        ${flow.timeMultiplier !== 1 && flow.timed
          ? html`<li>${this.i18n.t('interview.accommodation', { percent: this.i18n.percent(flow.timeMultiplier) })}</li>`
          : nothing}
        <li>${retakes > 0 ? this.i18n.t('interview.retakes', { count: retakes }) : this.i18n.t('interview.noRetakes')}</li>
        ${deadline && !closed ? html`<li>${this.i18n.t('interview.deadline', { date: deadline })}</li>` : nothing}
      </ul>
      ${this.recovery.recovered
        ? html`<p part="notice recovery" role="status">
            ${this.i18n.t(this.recovery.status === 'uploaded' ? 'interview.recoveredAnswer' : 'interview.recoveringAnswer')}
          </p>`
        : nothing}
      ${closed
        ? html`<p role="alert">${this.i18n.t('interview.closed', { date: deadline })}</p>`
        : html`
            ${config.consent && !resuming
              ? html`<label part="consent">
                  <input type="checkbox" .checked=${this.consentGiven} @change=${(event: Event) => (this.consentGiven = (event.target as HTMLInputElement).checked)} />
                  <span lang=${contentLang} dir="auto">${config.consent}</span>
                </label>`
              : nothing}
            ${config.aiConsent && config.consent && !resuming
              ? html`<label part="consent ai-consent">
                  <input type="checkbox" .checked=${this.aiConsentGiven} @change=${(event: Event) => (this.aiConsentGiven = (event.target as HTMLInputElement).checked)} />
                  <span><span lang=${contentLang} dir="auto">${config.aiConsent}</span> <span class="hint">${this.i18n.t('interview.optional')}</span></span>
                </label>`
              : nothing}
            <div part="actions" class="actions">
              <button part="button start-button" type="button" data-autofocus aria-describedby="start-hint" ?disabled=${!canStart} @click=${this.start}>
                ${this.i18n.t(resuming ? 'interview.resume' : 'interview.start')}
              </button>
              <p part="hint" class="hint" id="start-hint">${hint}</p>
            </div>
            ${this.renderAccommodation(flow)}
          `}
    </div>`;
  }

  private renderQuestion(flow: InterviewFlow, step: Extract<InterviewStep, { step: 'question' }>) {
    const question = flow.current;
    if (step.phase === 'pending') {
      const previous = flow.questions[step.index - 1];
      return html`<div part="step question between">
        ${!step.practice && flow.progress.practiceDone && step.index === 0
          ? html`<p part="notice">${this.i18n.t('interview.practiceDone')}</p>`
          : previous
            ? html`<p part="notice">${this.i18n.t('interview.submitted', { n: step.index })}</p>`
            : nothing}
        <h2 part="counter" tabindex="-1">${this.i18n.t('question.counter', { n: step.index + 1, total: flow.questions.length })}</h2>
        <div part="actions" class="actions">
          <button part="button next-button" type="button" data-autofocus aria-describedby="next-hint" @click=${this.reveal}>
            ${this.i18n.t('interview.next')}
          </button>
          <p part="hint" class="hint" id="next-hint">${this.i18n.t('interview.nextHint')}</p>
        </div>
      </div>`;
    }
    const text = step.practice ? this.i18n.t('interview.practiceIntro') : question.text;
    return html`<div part="step question">
      <oneway-question
        exportparts=${QUESTION_PARTS}
        lang=${this.i18n.requested}
        .index=${step.index}
        .total=${flow.questions.length}
        .text=${text}
        .video=${step.practice ? '' : (question.video ?? '')}
        .captions=${step.practice ? '' : (question.captions ?? '')}
        ?practice=${step.practice}
      ></oneway-question>
      ${this.renderTimers(flow, step)} ${this.renderLinkNote(flow, step)}
      ${question.answer === 'text' && !step.practice ? this.renderTextAnswer(flow, step) : nothing}
      ${step.phase === 'review' ? this.renderReview(flow, step.practice) : nothing}
      <slot name="help"></slot>
    </div>`;
  }

  private renderTimers(flow: InterviewFlow, step: Extract<InterviewStep, { step: 'question' }>) {
    if (step.phase === 'review') return nothing;
    const question = flow.current;
    const isText = question.answer === 'text' && !step.practice;
    const lastTake = step.phase === 'think' && !isText && !step.practice && flow.lastTake;
    const hint = step.phase === 'think' && !isText ? this.i18n.t(flow.timed ? 'interview.thinkHint' : 'interview.untimedHint') : '';
    return html`<div part="timers" class="timers">
      ${!flow.timed
        ? nothing
        : step.phase === 'think'
          ? html`<oneway-countdown
              exportparts=${COUNTDOWN_PARTS}
              .seconds=${question.thinkSeconds}
              ?running=${this.accommodation === 'closed'}
              label=${this.i18n.t('interview.thinkTime')}
              @oneway-countdown-end=${() => (isText ? this.startTyping() : this.recorder?.start())}
            ></oneway-countdown>`
          : html`<oneway-countdown
              exportparts=${COUNTDOWN_PARTS}
              .seconds=${question.answerSeconds}
              running
              label=${this.i18n.t('interview.answerTime')}
              @oneway-countdown-end=${() => (isText ? void this.submitText() : undefined)}
            ></oneway-countdown>`}
      ${hint || lastTake
        ? html`<div class="timer-hints">
            ${lastTake ? html`<p part="notice last-take">${this.i18n.t('interview.lastTake')}</p>` : nothing}
            ${hint ? html`<p part="hint" class="hint">${hint}</p>` : nothing}
          </div>`
        : nothing}
    </div>
    ${step.phase === 'think' && !step.practice ? this.renderAccommodation(flow) : nothing}`;
  }

  /**
   * "Request an accommodation" and its dialog, when the config offers accommodations. The think
   * time stands still while the dialog is open.
   */
  private renderAccommodation(flow: InterviewFlow) {
    const offer = flow.config.accommodations;
    if (!offer) return nothing;
    return html`<button part="button accommodation-button" type="button" data-secondary @click=${this.openAccommodation}>
        ${this.i18n.t('interview.accommodation.request')}
      </button>
      <dialog part="dialog accommodation-dialog" aria-labelledby="accommodation-title" @close=${() => (this.accommodation = 'closed')}>
        <h2 part="title" id="accommodation-title">${this.i18n.t('interview.accommodation.request')}</h2>
        ${this.accommodation === 'sent'
          ? html`<p role="status">${this.i18n.t('interview.accommodation.sent')}</p>
              <p lang=${this.i18n.requested} dir="auto">${offer.text}</p>
              <div part="actions" class="actions">
                <button part="button" type="button" data-autofocus @click=${this.closeAccommodation}>${this.i18n.t('interview.accommodation.close')}</button>
              </div>`
          : html`<label for="accommodation-message" part="text-answer-label">${this.i18n.t('interview.accommodation.label')}</label>
              <textarea id="accommodation-message" part="text-answer"></textarea>
              <div part="actions" class="actions">
                <button part="button submit-button" type="button" @click=${this.sendAccommodation}>${this.i18n.t('interview.accommodation.send')}</button>
                <button part="button" type="button" data-secondary @click=${this.closeAccommodation}>${this.i18n.t('interview.accommodation.cancel')}</button>
              </div>`}
      </dialog>`;
  }

  private get accommodationDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog[part~="accommodation-dialog"]');
  }

  private openAccommodation(): void {
    this.accommodation = 'open';
    // A modal dialog: the page behind it is inert, Escape closes it, focus comes back after.
    this.accommodationDialog?.showModal();
  }

  private closeAccommodation(): void {
    this.accommodationDialog?.close();
  }

  private sendAccommodation(): void {
    const flow = this.flow!;
    const message = this.renderRoot.querySelector<HTMLTextAreaElement>('#accommodation-message')?.value.trim() ?? '';
    const step = flow.step;
    this.dispatchEvent(
      new AccommodationRequestEvent({
        interviewId: flow.config.id,
        candidate: this.candidate,
        ...(step.step === 'question' && !step.practice ? { questionId: flow.current.id } : {}),
        message,
      }),
    );
    this.accommodation = 'sent';
    void this.updateComplete.then(() => this.accommodationDialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus());
  }

  /** A calm word when the connection holds the answer back (not for practice, which is not sent). */
  private renderLinkNote(flow: InterviewFlow, step: Extract<InterviewStep, { step: 'question' }>) {
    if (step.practice || flow.current.answer === 'text') return nothing;
    // "Too slow for video" before a take, not in the middle of one.
    const video = flow.current.answer === 'video' && step.phase === 'think';
    const note = this.link.note(this.takeKey({ questionId: flow.current.id, attempt: this.attempt }), video);
    return note ? html`<p part="notice slow-connection" role="status">${this.i18n.t(note)}</p>` : nothing;
  }

  private renderTextAnswer(flow: InterviewFlow, step: Extract<InterviewStep, { step: 'question' }>) {
    const max = flow.current.maxChars ?? 100000;
    if (step.phase === 'think') {
      return html`<div part="actions" class="actions">
        <button part="button text-button" type="button" @click=${this.startTyping}>${this.i18n.t('interview.startWriting')}</button>
      </div>`;
    }
    return html`
      <label for="text-answer" part="text-answer-label">${this.i18n.t('interview.textAnswer')}</label>
      <textarea
        id="text-answer"
        part="text-answer"
        aria-describedby="char-count"
        .value=${this.textDraft}
        @input=${(event: Event) => this.typed(event.target as HTMLTextAreaElement, max)}
      ></textarea>
      <p part="hint" class="hint" id="char-count">${this.i18n.t('interview.charCount', { count: characterCount(this.textDraft), max })}</p>
      <div part="actions" class="actions">
        <button part="button submit-button" type="button" @click=${this.submitText}>${this.i18n.t('interview.submit')}</button>
      </div>
    `;
  }

  /** Keeps the text within `max` characters as people count them (an emoji is one). */
  private typed(textarea: HTMLTextAreaElement, max: number): void {
    const kept = truncateCharacters(textarea.value, max);
    if (kept !== textarea.value) textarea.value = kept;
    this.textDraft = kept;
  }

  private renderReview(flow: InterviewFlow, practice: boolean) {
    const left = flow.retakesLeft;
    const audio = flow.current.answer === 'audio' && !practice;
    return html`<div part="review-panel" class="review">
      <h3 part="review-title">${this.i18n.t(audio ? 'interview.reviewAudio' : 'interview.review')}</h3>
      ${this.reviewUrl
        ? audio
          ? html`<audio part="review" controls src=${this.reviewUrl}></audio>`
          : html`<video part="review" controls playsinline src=${this.reviewUrl}></video>`
        : nothing}
      ${left === 0 ? html`<p part="notice last-take">${this.i18n.t('interview.lastTakeDone')}</p>` : nothing}
      <div part="actions" class="actions">
        <button part="button submit-button" type="button" data-autofocus @click=${this.submitTake}>
          ${this.i18n.t(practice ? 'interview.finishPractice' : 'interview.submit')}
        </button>
        ${left > 0
          ? html`<button part="button retake-button" type="button" data-secondary aria-describedby="retakes-left" @click=${this.retake}>
                ${this.i18n.t('interview.retake')}
              </button>
              <span part="hint" class="hint" id="retakes-left">
                ${this.i18n.t(practice ? 'interview.practiceRetake' : 'interview.retakesLeft', { count: left })}
              </span>`
          : nothing}
      </div>
    </div>`;
  }

  /**
   * Where each question's answer is, below the step: not during a take (the recorder says how its
   * upload goes), so the question, timer and controls keep the screen.
   */
  private renderAnswers(flow: InterviewFlow, step: InterviewStep) {
    if (step.step !== 'question' && step.step !== 'finishing') return nothing;
    const shown = !this.fitsScreen && !(step.step === 'question' && step.practice);
    const questionIds = flow.questions.map((question) => question.id);
    const { submitted, recording } = this.answerTakes(flow, step);
    const overall = this.answerProgress.overall(questionIds, submitted, recording);
    this.uploadsActive = overall.bytesLeft > 0;
    this.announceAnswers(overall);
    if (!shown) return html`<div role="status" class="visually-hidden">${this.answersAnnouncement}</div>`;
    const rows = this.answerProgress.questions(questionIds, submitted, recording);
    return html`<section part="answers" aria-labelledby="answers-title">
      <h3 part="answers-title" id="answers-title">${this.i18n.t('interview.answersTitle')}</h3>
      <ol part="answer-list">
        ${rows.map(
          (row, index) => html`<li part=${`answer answer-${row.status}`} data-status=${row.status}>
            ${this.i18n.t(`interview.answer.${row.status}`, { n: index + 1 })}
          </li>`,
        )}
      </ol>
      <p part="upload-summary">${this.uploadSummary(overall)}</p>
      ${overall.attention === 'failed'
        ? html`<div part="error" role="alert">
            <p>${this.i18n.t('interview.upload.failed')}</p>
            <button part="button retry-button" type="button" @click=${this.retryUploads}>${this.i18n.t('tryAgain')}</button>
          </div>`
        : nothing}
      <div role="status" class="visually-hidden">${this.answersAnnouncement}</div>
    </section>`;
  }

  /** The take submitted for each question, and the one being recorded or reviewed, as `AnswerProgress` counts them. */
  private answerTakes(flow: InterviewFlow, step: InterviewStep) {
    const submitted = (questionId: string) => {
      const answer = Object.hasOwn(flow.progress.submitted, questionId) ? flow.progress.submitted[questionId] : undefined;
      return answer && { attempt: answer.attempt, delivered: !!answer.uploadUrl && answer.sha256 !== undefined, bytes: answer.text === undefined ? undefined : textBytes(answer.text) };
    };
    const recording = step.step === 'question' && !step.practice ? { questionId: flow.current.id, attempt: this.attempt } : undefined;
    return { submitted, recording };
  }

  /** The line under the answers: what the uploads are doing, in words. */
  private uploadSummary(overall: OverallProgress): string {
    if (overall.allSaved) return this.i18n.t('uploadProgress.allDone');
    if (overall.attention === 'waiting-for-connection') return this.i18n.t('interview.upload.waiting');
    if (overall.attention === 'retrying' || overall.stalled) return this.i18n.t('interview.upload.retrying');
    if (overall.bytesLeft > 0) {
      const left = this.i18n.bytes(overall.bytesLeft);
      const speed = overall.bytesPerSecond ? this.i18n.bytes(overall.bytesPerSecond) : '';
      if (speed && overall.secondsLeft) {
        return this.i18n.t('interview.upload.sendingTime', { left, speed, time: this.i18n.duration(roundTimeLeft(overall.secondsLeft)) });
      }
      return speed ? this.i18n.t('interview.upload.sendingSpeed', { left, speed }) : this.i18n.t('interview.upload.sending', { left });
    }
    return this.i18n.t('interview.upload.sentCount', { sent: overall.sent, total: overall.total });
  }

  /** Speaks when an answer reaches the server or needs the candidate, never at every byte. */
  private announceAnswers(overall: OverallProgress): void {
    const signature = `${overall.sent}:${overall.attention ?? ''}:${overall.allSaved}`;
    if (signature === this.answersAnnounced) return;
    const first = this.answersAnnounced === '';
    this.answersAnnounced = signature;
    if (first) return;
    this.answersAnnouncement = overall.allSaved
      ? this.i18n.t('uploadProgress.allDone')
      : overall.attention === 'waiting-for-connection'
        ? this.i18n.t('interview.upload.waiting')
        : this.i18n.t('interview.upload.sentCount', { sent: overall.sent, total: overall.total });
  }

  private retryUploads(): void {
    this.recorder?.retryUpload();
    this.recovery.retryUpload();
    for (const answer of this.flow?.undelivered ?? []) {
      if (answer.text !== undefined) void this.sendText(answer.questionId, answer.attempt, answer.text, answer.durationMs ?? 0);
    }
  }

  /**
   * One recorder for the whole interview, in the same place from the first question to the end:
   * earlier answers keep uploading while later ones are recorded. Hidden when not needed.
   */
  private renderRecorder(flow: InterviewFlow, step: InterviewStep) {
    const inQuestions = step.step === 'question' || step.step === 'finishing';
    if (!inQuestions) return nothing;
    const question = flow.current;
    const practice = step.step === 'question' && step.practice;
    const kind = practice || question.answer === 'text' ? 'video' : question.answer;
    const fit = this.link.settings;
    return html`<oneway-recorder
      exportparts=${RECORDER_PARTS}
      class=${flow.timed ? 'timed' : ''}
      ?hidden=${!this.fitsScreen}
      endpoint=${this.endpoint}
      kind=${kind}
      recording-id=${`${this.slotPrefix(flow)}${practice ? '#practice' : encodeURIComponent(question.id)}`}
      retention-days=${this.retentionDays}
      max-seconds=${flow.timed ? question.answerSeconds : 0}
      .videoBitsPerSecond=${fit.videoBitsPerSecond}
      .audioBitsPerSecond=${fit.audioBitsPerSecond}
      .captureHeight=${fit.height}
      .captureFrameRate=${fit.frameRate}
      .metadata=${this.answerMetadata(question.id, flow.nextAttempt, kind)}
      .authorize=${this.authorize}
      .uploadOrigins=${this.uploadOrigins}
      reviewable
      ?practice=${practice}
      @oneway-recording-start=${this.onRecordingStart}
      @oneway-recording-stop=${this.onRecordingStop}
      @oneway-upload-progress=${this.onUploadProgress}
      @oneway-answer-uploaded=${this.onAnswerUploaded}
      @oneway-error=${this.onRecorderError}
    ></oneway-recorder>`;
  }
}

// The inner elements' main parts, exported with a prefix so a host can style them from outside:
// `oneway-interview::part(recorder-record-button)`.
const prefixed = (prefix: string, parts: string[]) => parts.map((part) => `${part}: ${prefix}-${part}`).join(', ');
const QUESTION_PARTS = prefixed('question', ['counter', 'text', 'prompt']);
const COUNTDOWN_PARTS = prefixed('countdown', ['timer', 'ring-progress', 'time']);
const RECORDER_PARTS = prefixed('recorder', ['stage', 'preview', 'record-button', 'elapsed', 'status', 'error', 'retry-button']);
const DEVICE_CHECK_PARTS = prefixed('device-check', ['stage', 'continue-button', 'error']);
