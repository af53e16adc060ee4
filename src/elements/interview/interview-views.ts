// What <oneway-interview> shows, step by step, as templates of what the element hands them:
// the flow, the element's words and state, and what each control calls. No logic of the
// interview lives here: every decision is the flow's or a controller's.
import { html, nothing } from 'lit';
import type { LocaleController } from '../../controllers/locale-controller.js';
import type { LinkController } from '../../controllers/link-controller.js';
import type { OverallProgress } from '../../core/answer-progress.js';
import { takeKey, type AnswersState } from '../../controllers/interview-takes-controller.js';
import type { ConfigProblem } from '../../core/interview-config.js';
import type { InterviewFlow, InterviewStep } from '../../core/interview-flow.js';
import { characterCount } from '../../core/text-answer.js';
import type { AuthorizeHook } from '../../core/streaming-upload.js';
import { roundTimeLeft } from '../../core/upload-stats.js';
import type { ConnectionMeasuredEvent } from '../../events/connection-measured.js';
import type { DeviceCheckCompleteEvent } from '../../events/device-check-complete.js';
import type { OnewayErrorEvent } from '../../events/error.js';
import type { RecordingStartEvent } from '../../events/recording-start.js';
import type { RecordingStopEvent } from '../../events/recording-stop.js';
import type { UploadProgressEvent } from '../../events/upload-progress.js';
import type { AnswerUploadedEvent } from '../../events/answer-uploaded.js';

type QuestionStep = Extract<InterviewStep, { step: 'question' }>;

/** What the templates read. */
export interface InterviewView {
  i18n: LocaleController;
  flow: InterviewFlow;
  link: LinkController;
  endpoint: string;
  authorize: AuthorizeHook | undefined;
  uploadOrigins: string[];
  retentionDays: number;
  consentGiven: boolean;
  aiConsentGiven: boolean;
  accommodation: 'closed' | 'open' | 'sent';
  textDraft: string;
  reviewUrl: string;
  /** The question, its timer and Start/Stop share one screen (`InterviewFlow.capturing`). */
  fitsScreen: boolean;
  /** An interrupted answer is being finished: `sent` once it is. */
  recovery: 'none' | 'sending' | 'sent';
  answers: AnswersState | undefined;
  on: InterviewActions;
}

/** What the controls call. */
export interface InterviewActions {
  start(): void;
  consent(given: boolean): void;
  aiConsent(given: boolean): void;
  reveal(): void;
  deviceChecked(event: DeviceCheckCompleteEvent): void;
  connectionMeasured(event: ConnectionMeasuredEvent): void;
  thinkEnded(): void;
  answerEnded(): void;
  openAccommodation(): void;
  accommodationClosed(): void;
  closeAccommodation(): void;
  sendAccommodation(): void;
  startTyping(): void;
  typed(textarea: HTMLTextAreaElement, max: number): void;
  submitText(): void;
  submitTake(): void;
  retake(): void;
  retryUploads(): void;
  recordingStart(event: RecordingStartEvent): void;
  recordingStop(event: RecordingStopEvent): void;
  uploadProgress(event: UploadProgressEvent): void;
  answerUploaded(event: AnswerUploadedEvent): void;
  recorderError(event: OnewayErrorEvent): void;
}

// The inner elements' main parts, exported with a prefix so a host can style them from outside:
// `oneway-interview::part(recorder-record-button)`.
const prefixed = (prefix: string, parts: string[]) => parts.map((part) => `${part}: ${prefix}-${part}`).join(', ');
const QUESTION_PARTS = prefixed('question', ['counter', 'text', 'prompt']);
const COUNTDOWN_PARTS = prefixed('countdown', ['timer', 'ring-progress', 'time']);
const RECORDER_PARTS = prefixed('recorder', ['stage', 'preview', 'record-button', 'elapsed', 'status', 'error', 'retry-button']);
const DEVICE_CHECK_PARTS = prefixed('device-check', ['stage', 'continue-button', 'error']);

export function renderProblems(i18n: LocaleController, problems: ConfigProblem[]) {
  return html`
    <div part="problems" role="alert">
      <p>${i18n.t('interview.configProblem')}</p>
      <ul>
        ${problems.map((problem) => html`<li><code>${problem.path}</code>: ${problem.message}</li>`)}
      </ul>
    </div>
  `;
}

/** The step, the recorder (one for the whole interview) and where each answer is. */
export function renderInterview(view: InterviewView) {
  const step = view.flow.step;
  return html`${renderStep(view, step)} ${renderRecorder(view, step)} ${renderAnswers(view, step)}`;
}

function renderStep(view: InterviewView, step: InterviewStep) {
  const { flow, i18n } = view;
  switch (step.step) {
    case 'closed':
    case 'intro':
      return renderIntro(view, step.step === 'closed');
    case 'device-check':
      return html`<div part="step device-check">
        <oneway-device-check
          exportparts=${DEVICE_CHECK_PARTS}
          endpoint=${view.endpoint}
          .authorize=${view.authorize}
          max-answer-seconds=${Math.max(...flow.questions.map((question) => question.answerSeconds))}
          ?allow-audio-fallback=${flow.questions.some((question) => question.answer === 'audio')}
          @oneway-device-check-complete=${view.on.deviceChecked}
          @oneway-connection-measured=${view.on.connectionMeasured}
        ></oneway-device-check>
      </div>`;
    case 'question':
      return renderQuestion(view, step);
    case 'finishing':
      return html`<div part="step finishing">
        <h2 part="title" tabindex="-1" data-autofocus>${i18n.t('interview.finishing')}</h2>
        <p>${i18n.t('interview.finishingHint')}</p>
      </div>`;
    case 'complete':
      return html`<div part="step complete" role="status">
        <slot name="complete">
          <h2 part="title">${i18n.t('interview.completeTitle')}</h2>
          <p part="complete-message">${i18n.t('interview.complete', { count: flow.manifest().length, total: flow.questions.length })}</p>
        </slot>
      </div>`;
  }
}

function renderIntro(view: InterviewView, closed: boolean) {
  const { flow, i18n } = view;
  const { config, questions } = flow;
  const first = questions[0];
  const deadline = config.deadline ? i18n.date(new Date(config.deadline), { dateStyle: 'full', timeStyle: 'short' }) : '';
  // The config's texts are in the page's language, even where the element's own words fall back to English.
  const contentLang = i18n.requested;
  const retakes = Math.max(...questions.map((question) => question.retakes));
  const resuming = flow.progress.started;
  const needsConsent = !!config.consent && !resuming && !view.consentGiven;
  const canStart = !closed && !needsConsent;
  const hint = resuming
    ? i18n.t('interview.resumeHint', { answered: Object.keys(flow.progress.submitted).length, total: questions.length })
    : i18n.t(needsConsent ? 'interview.consentHint' : 'interview.firstHint');
  return html`<div part="step intro">
    <slot name="intro"></slot>
    <h2 part="title" lang=${contentLang} dir="auto">${config.title}</h2>
    ${config.instructions ? html`<p part="instructions" lang=${contentLang} dir="auto">${config.instructions}</p>` : nothing}
    <ul part="facts">
      <li>${i18n.t('interview.questionCount', { count: questions.length })}</li>
      <li>
        ${flow.timed
          ? i18n.t('interview.timePerQuestion', {
              think: i18n.duration(first.thinkSeconds, 'long'),
              answer: i18n.duration(first.answerSeconds, 'long'),
            })
          : i18n.t('interview.untimed')}
      </li>
      ${flow.timeMultiplier !== 1 && flow.timed
        ? html`<li>${i18n.t('interview.accommodation', { percent: i18n.percent(flow.timeMultiplier) })}</li>`
        : nothing}
      <li>${retakes > 0 ? i18n.t('interview.retakes', { count: retakes }) : i18n.t('interview.noRetakes')}</li>
      ${deadline && !closed ? html`<li>${i18n.t('interview.deadline', { date: deadline })}</li>` : nothing}
    </ul>
    ${view.recovery !== 'none'
      ? html`<p part="notice recovery" role="status">
          ${i18n.t(view.recovery === 'sent' ? 'interview.recoveredAnswer' : 'interview.recoveringAnswer')}
        </p>`
      : nothing}
    ${closed
      ? html`<p role="alert">${i18n.t('interview.closed', { date: deadline })}</p>`
      : html`
          ${config.consent && !resuming
            ? html`<label part="consent">
                <input type="checkbox" .checked=${view.consentGiven} @change=${(event: Event) => view.on.consent((event.target as HTMLInputElement).checked)} />
                <span lang=${contentLang} dir="auto">${config.consent}</span>
              </label>`
            : nothing}
          ${config.aiConsent && config.consent && !resuming
            ? html`<label part="consent ai-consent">
                <input type="checkbox" .checked=${view.aiConsentGiven} @change=${(event: Event) => view.on.aiConsent((event.target as HTMLInputElement).checked)} />
                <span><span lang=${contentLang} dir="auto">${config.aiConsent}</span> <span class="hint">${i18n.t('interview.optional')}</span></span>
              </label>`
            : nothing}
          <div part="actions" class="actions">
            <button part="button start-button" type="button" data-autofocus aria-describedby="start-hint" ?disabled=${!canStart} @click=${view.on.start}>
              ${i18n.t(resuming ? 'interview.resume' : 'interview.start')}
            </button>
            <p part="hint" class="hint" id="start-hint">${hint}</p>
          </div>
          ${renderAccommodation(view)}
        `}
  </div>`;
}

function renderQuestion(view: InterviewView, step: QuestionStep) {
  const { flow, i18n } = view;
  const question = flow.current;
  if (step.phase === 'pending') {
    const previous = flow.questions[step.index - 1];
    return html`<div part="step question between">
      ${!step.practice && flow.progress.practiceDone && step.index === 0
        ? html`<p part="notice">${i18n.t('interview.practiceDone')}</p>`
        : previous
          ? html`<p part="notice">${i18n.t('interview.submitted', { n: step.index })}</p>`
          : nothing}
      <h2 part="counter" tabindex="-1">${i18n.t('question.counter', { n: step.index + 1, total: flow.questions.length })}</h2>
      <div part="actions" class="actions">
        <button part="button next-button" type="button" data-autofocus aria-describedby="next-hint" @click=${view.on.reveal}>
          ${i18n.t('interview.next')}
        </button>
        <p part="hint" class="hint" id="next-hint">${i18n.t('interview.nextHint')}</p>
      </div>
    </div>`;
  }
  const text = step.practice ? i18n.t('interview.practiceIntro') : question.text;
  return html`<div part="step question">
    <oneway-question
      exportparts=${QUESTION_PARTS}
      lang=${i18n.requested}
      .index=${step.index}
      .total=${flow.questions.length}
      .text=${text}
      .video=${step.practice ? '' : (question.video ?? '')}
      .captions=${step.practice ? '' : (question.captions ?? '')}
      ?practice=${step.practice}
    ></oneway-question>
    ${renderTimers(view, step)} ${renderLinkNote(view, step)}
    ${question.answer === 'text' && !step.practice ? renderTextAnswer(view, step) : nothing}
    ${step.phase === 'review' ? renderReview(view, step.practice) : nothing}
    <slot name="help"></slot>
  </div>`;
}

function renderTimers(view: InterviewView, step: QuestionStep) {
  if (step.phase === 'review') return nothing;
  const { flow, i18n } = view;
  const question = flow.current;
  const isText = question.answer === 'text' && !step.practice;
  const lastTake = step.phase === 'think' && !isText && !step.practice && flow.lastTake;
  const hint = step.phase === 'think' && !isText ? i18n.t(flow.timed ? 'interview.thinkHint' : 'interview.untimedHint') : '';
  return html`<div part="timers" class="timers">
      ${!flow.timed
        ? nothing
        : step.phase === 'think'
          ? html`<oneway-countdown
              exportparts=${COUNTDOWN_PARTS}
              .seconds=${question.thinkSeconds}
              ?running=${view.accommodation === 'closed'}
              label=${i18n.t('interview.thinkTime')}
              @oneway-countdown-end=${view.on.thinkEnded}
            ></oneway-countdown>`
          : html`<oneway-countdown
              exportparts=${COUNTDOWN_PARTS}
              .seconds=${question.answerSeconds}
              running
              label=${i18n.t('interview.answerTime')}
              @oneway-countdown-end=${view.on.answerEnded}
            ></oneway-countdown>`}
      ${hint || lastTake
        ? html`<div class="timer-hints">
            ${lastTake ? html`<p part="notice last-take">${i18n.t('interview.lastTake')}</p>` : nothing}
            ${hint ? html`<p part="hint" class="hint">${hint}</p>` : nothing}
          </div>`
        : nothing}
    </div>
    ${step.phase === 'think' && !step.practice ? renderAccommodation(view) : nothing}`;
}

/**
 * "Request an accommodation" and its dialog, when the config offers accommodations. The think
 * time stands still while the dialog is open.
 */
function renderAccommodation(view: InterviewView) {
  const { flow, i18n } = view;
  const offer = flow.config.accommodations;
  if (!offer) return nothing;
  return html`<button part="button accommodation-button" type="button" data-secondary @click=${view.on.openAccommodation}>
      ${i18n.t('interview.accommodation.request')}
    </button>
    <dialog part="dialog accommodation-dialog" aria-labelledby="accommodation-title" @close=${view.on.accommodationClosed}>
      <h2 part="title" id="accommodation-title">${i18n.t('interview.accommodation.request')}</h2>
      ${view.accommodation === 'sent'
        ? html`<p role="status">${i18n.t('interview.accommodation.sent')}</p>
            <p lang=${i18n.requested} dir="auto">${offer.text}</p>
            <div part="actions" class="actions">
              <button part="button" type="button" data-autofocus @click=${view.on.closeAccommodation}>${i18n.t('interview.accommodation.close')}</button>
            </div>`
        : html`<label for="accommodation-message" part="text-answer-label">${i18n.t('interview.accommodation.label')}</label>
            <textarea id="accommodation-message" part="text-answer"></textarea>
            <div part="actions" class="actions">
              <button part="button submit-button" type="button" @click=${view.on.sendAccommodation}>${i18n.t('interview.accommodation.send')}</button>
              <button part="button" type="button" data-secondary @click=${view.on.closeAccommodation}>${i18n.t('interview.accommodation.cancel')}</button>
            </div>`}
    </dialog>`;
}

/** A calm word when the connection holds the answer back (not for practice, which is not sent). */
function renderLinkNote(view: InterviewView, step: QuestionStep) {
  const { flow } = view;
  if (step.practice || flow.current.answer === 'text') return nothing;
  // "Too slow for video" before a take, not in the middle of one.
  const video = flow.current.answer === 'video' && step.phase === 'think';
  const note = view.link.note(takeKey(flow.takeContext()), video);
  return note ? html`<p part="notice slow-connection" role="status">${view.i18n.t(note)}</p>` : nothing;
}

function renderTextAnswer(view: InterviewView, step: QuestionStep) {
  const { flow, i18n } = view;
  const max = flow.current.maxChars ?? 100000;
  if (step.phase === 'think') {
    return html`<div part="actions" class="actions">
      <button part="button text-button" type="button" @click=${view.on.startTyping}>${i18n.t('interview.startWriting')}</button>
    </div>`;
  }
  return html`
    <label for="text-answer" part="text-answer-label">${i18n.t('interview.textAnswer')}</label>
    <textarea
      id="text-answer"
      part="text-answer"
      aria-describedby="char-count"
      .value=${view.textDraft}
      @input=${(event: Event) => view.on.typed(event.target as HTMLTextAreaElement, max)}
    ></textarea>
    <p part="hint" class="hint" id="char-count">${i18n.t('interview.charCount', { count: characterCount(view.textDraft), max })}</p>
    <div part="actions" class="actions">
      <button part="button submit-button" type="button" @click=${view.on.submitText}>${i18n.t('interview.submit')}</button>
    </div>
  `;
}

function renderReview(view: InterviewView, practice: boolean) {
  const { flow, i18n } = view;
  const left = flow.retakesLeft;
  const audio = flow.current.answer === 'audio' && !practice;
  return html`<div part="review-panel" class="review">
    <h3 part="review-title">${i18n.t(audio ? 'interview.reviewAudio' : 'interview.review')}</h3>
    ${view.reviewUrl
      ? audio
        ? html`<audio part="review" controls src=${view.reviewUrl}></audio>`
        : html`<video part="review" controls playsinline src=${view.reviewUrl}></video>`
      : nothing}
    ${left === 0 ? html`<p part="notice last-take">${i18n.t('interview.lastTakeDone')}</p>` : nothing}
    <div part="actions" class="actions">
      <button part="button submit-button" type="button" data-autofocus @click=${view.on.submitTake}>
        ${i18n.t(practice ? 'interview.finishPractice' : 'interview.submit')}
      </button>
      ${left > 0
        ? html`<button part="button retake-button" type="button" data-secondary aria-describedby="retakes-left" @click=${view.on.retake}>
              ${i18n.t('interview.retake')}
            </button>
            <span part="hint" class="hint" id="retakes-left">
              ${i18n.t(practice ? 'interview.practiceRetake' : 'interview.retakesLeft', { count: left })}
            </span>`
        : nothing}
    </div>
  </div>`;
}

/**
 * Where each question's answer is, below the step: not during a take (the recorder says how its
 * upload goes), so the question, timer and controls keep the screen.
 */
function renderAnswers(view: InterviewView, step: InterviewStep) {
  const answers = view.answers;
  if (!answers || (step.step !== 'question' && step.step !== 'finishing')) return nothing;
  const { i18n } = view;
  const shown = !view.fitsScreen && !(step.step === 'question' && step.practice);
  if (!shown) return html`<div role="status" class="visually-hidden">${answers.announcement}</div>`;
  const { rows, overall } = answers;
  return html`<section part="answers" aria-labelledby="answers-title">
    <h3 part="answers-title" id="answers-title">${i18n.t('interview.answersTitle')}</h3>
    <ol part="answer-list">
      ${rows.map(
        (row, index) => html`<li part=${`answer answer-${row.status}`} data-status=${row.status}>
          ${i18n.t(`interview.answer.${row.status}`, { n: index + 1 })}
        </li>`,
      )}
    </ol>
    <p part="upload-summary">${uploadSummary(i18n, overall)}</p>
    ${overall.attention === 'failed'
      ? html`<div part="error" role="alert">
          <p>${i18n.t('interview.upload.failed')}</p>
          <button part="button retry-button" type="button" @click=${view.on.retryUploads}>${i18n.t('tryAgain')}</button>
        </div>`
      : nothing}
    <div role="status" class="visually-hidden">${answers.announcement}</div>
  </section>`;
}

/** The line under the answers: what the uploads are doing, in words. */
function uploadSummary(i18n: LocaleController, overall: OverallProgress): string {
  if (overall.allSaved) return i18n.t('uploadProgress.allDone');
  if (overall.attention === 'waiting-for-connection') return i18n.t('interview.upload.waiting');
  if (overall.attention === 'retrying' || overall.stalled) return i18n.t('interview.upload.retrying');
  if (overall.bytesLeft > 0) {
    const left = i18n.bytes(overall.bytesLeft);
    const speed = overall.bytesPerSecond ? i18n.bytes(overall.bytesPerSecond) : '';
    if (speed && overall.secondsLeft) {
      return i18n.t('interview.upload.sendingTime', { left, speed, time: i18n.duration(roundTimeLeft(overall.secondsLeft)) });
    }
    return speed ? i18n.t('interview.upload.sendingSpeed', { left, speed }) : i18n.t('interview.upload.sending', { left });
  }
  return i18n.t('interview.upload.sentCount', { sent: overall.sent, total: overall.total });
}

/**
 * One recorder for the whole interview, in the same place from the first question to the end:
 * earlier answers keep uploading while later ones are recorded. Hidden when not needed.
 */
function renderRecorder(view: InterviewView, step: InterviewStep) {
  const inQuestions = step.step === 'question' || step.step === 'finishing';
  if (!inQuestions) return nothing;
  const { flow } = view;
  const question = flow.current;
  const practice = step.step === 'question' && step.practice;
  const kind = practice || question.answer === 'text' ? 'video' : question.answer;
  const fit = view.link.settings;
  return html`<oneway-recorder
    exportparts=${RECORDER_PARTS}
    class=${flow.timed ? 'timed' : ''}
    ?hidden=${!view.fitsScreen}
    endpoint=${view.endpoint}
    kind=${kind}
    recording-id=${flow.slot}
    retention-days=${view.retentionDays}
    max-seconds=${flow.timed ? question.answerSeconds : 0}
    .videoBitsPerSecond=${fit.videoBitsPerSecond}
    .audioBitsPerSecond=${fit.audioBitsPerSecond}
    .captureHeight=${fit.height}
    .captureFrameRate=${fit.frameRate}
    .metadata=${flow.takeMetadata(kind)}
    .authorize=${view.authorize}
    .uploadOrigins=${view.uploadOrigins}
    reviewable
    ?practice=${practice}
    @oneway-recording-start=${view.on.recordingStart}
    @oneway-recording-stop=${view.on.recordingStop}
    @oneway-upload-progress=${view.on.uploadProgress}
    @oneway-answer-uploaded=${view.on.answerUploaded}
    @oneway-error=${view.on.recorderError}
  ></oneway-recorder>`;
}
