import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AnswerProgress, type OverallProgress, type QuestionProgress } from '../core/answer-progress.js';
import type { ConsentReceipt } from '../core/consent-receipt.js';
import type { InterviewFlow, SubmittedAnswer, TakeContext } from '../core/interview-flow.js';
import { textBytes } from '../core/text-answer.js';
import type { MediaKind } from '../core/mime-type.js';
import type { TakeOptions } from '../core/take.js';
import { AnswerUploadedEvent } from '../events/answer-uploaded.js';
import type { OnewayErrorDetail } from '../events/error.js';
import { RecordingStartEvent } from '../events/recording-start.js';
import { RecordingStopEvent } from '../events/recording-stop.js';
import { UploadProgressEvent } from '../events/upload-progress.js';
import type { MessageKey } from '../i18n/en.js';
import type { LinkController } from './link-controller.js';
import { retentionMs, TakeController, type TakeControllerOptions } from './take-controller.js';
import { TickController } from './tick-controller.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Every question's answer state, computed before each render. */
export interface AnswersState {
  rows: QuestionProgress[];
  overall: OverallProgress;
  /** What the live region says: it changes only when an answer is sent or needs the candidate. */
  announcement: string;
}

/** The interview's recorder, as far as its takes go. */
export interface InterviewRecorder {
  readonly kind: MediaKind;
  retryUpload(): void;
  discard(): Promise<void>;
  reviewBlob(): Blob | undefined;
}

export interface InterviewTakesOptions {
  flow: () => InterviewFlow | undefined;
  recorder: () => InterviewRecorder | null;
  link: LinkController;
  takeOptions: () => Pick<TakeOptions, 'endpoint' | 'authorize' | 'uploadOrigins'>;
  retentionDays: () => number;
  /** The words of the answers' live region. */
  t: (key: MessageKey, params: { sent: number; total: number }) => string;
  onError: (error: OnewayErrorDetail) => void;
  /** Resolves once this tab holds the interview's lock, so two tabs never send the same answer. */
  lockHeld: () => Promise<void>;
  /** Where the background takes are journaled and `beforeunload` fires; injected for tests. */
  takes?: Pick<TakeControllerOptions, 'journal' | 'unloadTarget'>;
}

/**
 * Every take of the interview: the recorder's, whose events it turns into the interview's own
 * (with question and attempt, from the flow) and into the flow's transitions; and the takes it
 * runs itself in the background: answers a reload or crash cut off (finished as soon as the
 * interview is known: a candidate who gives up still leaves the employer the answer), text
 * answers and the consent receipt, uploaded, aborted, retried and reported like any take.
 * Counts each question's answer for "Your answers".
 */
export class InterviewTakesController implements ReactiveController {
  /** Each question's upload, counted per question: a discarded take drops out. */
  readonly answerProgress = new AnswerProgress();
  /** Every question's answer state, as of the last update. */
  answers: AnswersState | undefined;
  private announced = '';
  /** Set when the host leaves the page, which stops every background take. */
  private stopped = false;
  /** The background takes' events, turned into the interview's as the recorder's are. */
  private readonly backgroundEvents = new EventTarget();
  private readonly background: TakeController;

  constructor(private readonly host: Host, private readonly options: InterviewTakesOptions) {
    host.addController(this);
    this.background = new TakeController(host, {
      takeOptions: options.takeOptions,
      slot: () => '',
      maxSeconds: () => 0,
      retentionMs: () => retentionMs(options.retentionDays()),
      onError: ({ code, message, recoverable }, takeId) => options.onError({ code, message, recoverable, takeId }),
      events: this.backgroundEvents,
      ...options.takes,
    });
    // Speed and time left change with the clock alone while bytes are on their way.
    new TickController(host, () => (this.answers?.overall.bytesLeft ?? 0) > 0);
    this.backgroundEvents.addEventListener('oneway-upload-progress', (event) => this.uploadProgress(event as UploadProgressEvent));
    this.backgroundEvents.addEventListener('oneway-answer-uploaded', (event) => this.answerUploaded(event as AnswerUploadedEvent));
  }

  hostConnected(): void {
    if (!this.stopped) return;
    this.stopped = false;
    // Back on the page (moved, say): what leaving stopped is sent again, as after a reload.
    const flow = this.options.flow();
    if (flow) void this.options.lockHeld().then(() => this.host.isConnected && flow === this.options.flow() && this.finishInterrupted(flow));
  }

  hostDisconnected(): void {
    this.stopped = true;
  }

  hostUpdate(): void {
    const flow = this.options.flow();
    this.answers = flow && this.answerState(flow);
  }

  /** An interrupted answer is being finished, or was. */
  get recovery(): 'none' | 'sending' | 'sent' {
    return !this.background.recovered ? 'none' : this.background.status === 'uploaded' ? 'sent' : 'sending';
  }

  /** The take submitted for each question, and the one being recorded or reviewed, as `AnswerProgress` counts them. */
  takes(flow: InterviewFlow) {
    const submitted = (questionId: string) => {
      const answer = Object.hasOwn(flow.progress.submitted, questionId) ? flow.progress.submitted[questionId] : undefined;
      return answer && { attempt: answer.attempt, delivered: !!answer.uploadUrl && answer.sha256 !== undefined, bytes: answer.text === undefined ? undefined : textBytes(answer.text) };
    };
    return { submitted, recording: flow.recordingTake };
  }

  /** Sends what an earlier visit of this interview left unsent: cut-off takes, the consent receipt and submitted text answers. */
  finishInterrupted(flow: InterviewFlow): void {
    void this.background.finishInterrupted(flow.slotPrefix);
    const consent = flow.progress.consent;
    if (consent && !consent.uploadUrl) this.sendConsent(flow, consent.receipt);
    for (const answer of flow.undelivered) if (answer.text !== undefined) this.sendText(flow, answer);
  }

  /** Uploads the consent receipt as a take; it stays in the saved progress until the server has it. */
  sendConsent(flow: InterviewFlow, receipt: ConsentReceipt): void {
    this.background.sendText(JSON.stringify(receipt), { metadata: flow.consentMetadata, durationMs: 0, filename: 'consent.json', mimeType: 'application/json' });
  }

  /** Uploads a submitted text answer as a take; it stays in the saved progress until the server has it. */
  sendText(flow: InterviewFlow, answer: SubmittedAnswer): void {
    this.background.sendText(answer.text!, { metadata: flow.takeMetadata('text', answer.attempt, answer.questionId), durationMs: answer.durationMs ?? 0 });
  }

  /** Sends every answer whose upload failed again: the recorder's and the background's. */
  retryUploads(): void {
    this.options.recorder()?.retryUpload();
    this.background.retryUpload();
  }

  /** Removes the interview's takes from this device. */
  clearStoredData(flow: InterviewFlow): Promise<void> {
    return this.background.clearStoredData(flow.slotPrefix);
  }

  /** "Retake": the take under review is thrown away, on the server too. */
  retake(flow: InterviewFlow): void {
    const take = flow.recordingTake;
    if (take) this.answerProgress.discard(take.questionId, take.attempt);
    const key = takeKey(flow.takeContext());
    this.options.link.tell((link) => link.discarded(key));
    void this.options.recorder()?.discard();
  }

  readonly recordingStart = (event: RecordingStartEvent): void => {
    event.stopPropagation();
    const flow = this.options.flow()!;
    // A take recorded again in another format is the same attempt: no retake is used up.
    if (!event.detail.replaces) flow.startAnswer();
    const context = flow.takeContext();
    const key = takeKey(context);
    const { replaces } = event.detail;
    // What the replaced take sent was deleted on the server: it counts no more.
    if (replaces && context.questionId !== undefined && context.attempt !== undefined) this.answerProgress.discard(context.questionId, context.attempt);
    this.options.link.tell((link) => {
      if (replaces) link.discarded(key);
      link.takeStarted(key);
    });
    this.host.dispatchEvent(new RecordingStartEvent({ ...event.detail, ...context }));
    this.host.requestUpdate();
  };

  /** The take stopped; returns its recording for review. */
  recordingStop(event: RecordingStopEvent): Blob | undefined {
    event.stopPropagation();
    const flow = this.options.flow()!;
    const context = flow.takeContext();
    this.host.dispatchEvent(new RecordingStopEvent({ ...event.detail, ...context }));
    this.options.link.tell((link) => link.takeStopped(takeKey(context), { ...event.detail, kind: this.options.recorder()?.kind }));
    flow.stopAnswer();
    this.host.requestUpdate();
    return this.options.recorder()?.reviewBlob();
  }

  readonly uploadProgress = (event: UploadProgressEvent): void => {
    event.stopPropagation();
    const context = this.options.flow()!.takeContext(event.detail.metadata);
    if (isConsent(context)) return;
    this.answerProgress.report(context.questionId!, context.attempt!, event.detail);
    if (context.kind !== 'text') this.options.link.tell((link) => link.progress(takeKey(context), event.detail));
    this.host.dispatchEvent(new UploadProgressEvent({ ...event.detail, ...context }));
    this.host.requestUpdate();
  };

  readonly answerUploaded = (event: AnswerUploadedEvent): void => {
    event.stopPropagation();
    const flow = this.options.flow()!;
    const { uploadUrl, bytes, durationMs, mimeType, sha256, interrupted, metadata } = event.detail;
    const context = flow.takeContext(metadata);
    if (isConsent(context)) return flow.consentDelivered(uploadUrl);
    this.host.dispatchEvent(new AnswerUploadedEvent({ ...event.detail, ...context }));
    this.answerProgress.delivered(context.questionId!, context.attempt!, bytes);
    flow.delivered(context.questionId!, context.attempt!, { uploadUrl, bytes, durationMs, mimeType, sha256, interrupted, metadata });
    this.host.requestUpdate();
  };

  private answerState(flow: InterviewFlow): AnswersState {
    const questionIds = flow.questions.map((question) => question.id);
    const { submitted, recording } = this.takes(flow);
    const overall = this.answerProgress.overall(questionIds, submitted, recording);
    const signature = `${overall.sent}:${overall.attention ?? ''}:${overall.allSaved}`;
    let announcement = this.answers?.announcement ?? '';
    if (signature !== this.announced) {
      if (this.announced !== '') announcement = this.announcement(overall);
      this.announced = signature;
    }
    return { rows: this.answerProgress.questions(questionIds, submitted, recording), overall, announcement };
  }

  private announcement(overall: OverallProgress): string {
    const { t } = this.options;
    const counts = { sent: overall.sent, total: overall.total };
    if (overall.allSaved) return t('uploadProgress.allDone', counts);
    return t(overall.attention === 'waiting-for-connection' ? 'interview.upload.waiting' : 'interview.upload.sentCount', counts);
  }
}

/** The take an event is about, as the link controller knows it. */
export function takeKey(context: TakeContext): string {
  return context.practice ? '#practice' : `${context.questionId}#${context.attempt}`;
}

const isConsent = (context: TakeContext) => (context.kind as string) === 'consent';
