// What <oneway-interview> does and shows once its chunk has loaded: it loads the config, runs the
// flow, takes and uploads every answer, and renders each step. The element itself (in the bundle)
// holds the properties and creates this when it first connects.
import { html, nothing, type PropertyValues, type ReactiveController } from 'lit';
import { InterviewLoader } from '../../controllers/interview-loader.js';
import { LinkController } from '../../controllers/link-controller.js';
import { SlotLockController } from '../../controllers/slot-lock-controller.js';
import { InterviewTakesController } from '../../controllers/interview-takes-controller.js';
import type { LocaleController } from '../../controllers/locale-controller.js';
import { OnewayError } from '../../core/errors.js';
import { loadTusClient } from '../../core/streaming-upload.js';
import type { InterviewFlow } from '../../core/interview-flow.js';
import type { InterviewSupport } from '../../core/interview-config.js';
import { truncateCharacters } from '../../core/text-answer.js';
import { AccommodationRequestEvent } from '../../events/accommodation-request.js';
import { ConsentEvent } from '../../events/consent.js';
import { CompleteEvent } from '../../events/complete.js';
import { OnewayErrorEvent, type OnewayErrorDetail } from '../../events/error.js';
import { QuestionStartEvent } from '../../events/question-start.js';
import { ReadyEvent } from '../../events/ready.js';
import { requestElement } from '../../lazy-elements.js';
import { supportContacts } from '../help/support-contacts.js';
import type { HelpDialog, InterviewHelpState } from '../help/help-dialog.js';
import type { OnewayQuestion } from '../question/question.js';
import type { OnewayRecorder } from '../recorder/recorder.js';
import { renderInterview, renderProblems, type InterviewActions } from './interview-views.js';
import type { OnewayInterview } from './interview.js';

let helpDialog: Promise<typeof import('../help/help-dialog.js')> | undefined;

/** "Get help": a chunk of its own in the CDN build, fetched once the interview is ready. */
const loadHelpDialog = () => (helpDialog ??= import('../help/help-dialog.js'));

/** What the candidate did on screen that the templates show. */
interface Shown {
  consentGiven: boolean;
  aiConsentGiven: boolean;
  /** The accommodation dialog: closed, being filled in, or sent. */
  accommodation: 'closed' | 'open' | 'sent';
  textDraft: string;
}

/** One `<oneway-interview>`'s behaviour and rendering, created by the element once its chunk has loaded. */
export class InterviewSession implements ReactiveController {
  private shown: Shown = { consentGiven: false, aiConsentGiven: false, accommodation: 'closed', textDraft: '' };
  private reviewUrl = '';
  private announcedStep = '';
  /** The last errors the interview reported, oldest first, for the diagnostic report. */
  private readonly recentErrors: OnewayErrorEvent[] = [];
  private help: HelpDialog | undefined;
  /** "Get help" was pressed and its chunk could not be fetched: the candidate is told so, with the host's contacts. */
  private helpUnavailable = false;

  /** Fits every take to the uplink as last measured. */
  private readonly link: LinkController;
  private readonly lock: SlotLockController;
  private readonly loader: InterviewLoader;
  /** Every take: the recorder's events, the background's uploads, each question's answer state. */
  private readonly takes: InterviewTakesController;

  constructor(
    private readonly host: OnewayInterview,
    private readonly i18n: LocaleController,
  ) {
    host.addController(this);
    // The upload client (a chunk) is fetched now, also for an interview in a host's shadow root
    // that define.ts does not see: the consent receipt and every answer need it, whatever the network does later.
    void loadTusClient().catch(() => undefined);
    // Its own errors and those of the elements inside it (which reach it composed) alike.
    host.addEventListener('oneway-error', (event) => this.recentErrors.push(event) > 10 && this.recentErrors.shift());
    // Each controller is connected as it is added: the loader starts reading the config at once.
    this.link = new LinkController(host, { endpoint: () => host.endpoint, authorize: () => host.authorize });
    this.lock = new SlotLockController(host, () => (this.loader?.flow ? `interview:${this.loader.flow.config.id}` : ''));
    this.loader = new InterviewLoader(host, {
      source: () => ({
        configSrc: host.configSrc,
        config: host.config,
        inline: host.querySelector('script[type="application/json"]')?.textContent ?? undefined,
        candidate: host.candidate,
        timeMultiplier: host.timeMultiplier,
        untimed: host.untimed,
      }),
      onReady: (flow) => {
        // Fetched while the candidate reads the intro, so the check is there when they start.
        if (flow.config.deviceCheck !== false && !flow.progress.deviceChecked) void requestElement('oneway-device-check');
        // Help is wanted most when the network has gone: fetched now, not when first asked for.
        void loadHelpDialog().catch(() => (helpDialog = undefined));
        this.lock.relock();
        host.dispatchEvent(new ReadyEvent({ interviewId: flow.config.id, questionCount: flow.questions.length }));
        void this.lock.acquired.then(() => host.isConnected && flow === this.flow && this.takes.finishInterrupted(flow));
      },
      onInvalid: (_problems, message) => this.reportError(new OnewayError('config-invalid', message, false)),
      flowEvents: {
        onQuestionStart: (question, index) => {
          host.dispatchEvent(new QuestionStartEvent({ questionId: question.id, index }));
          // Links change during an interview: measured again before each question that is recorded.
          if (question.answer !== 'text') this.link.tell((link) => link.questionShown());
        },
        onComplete: (answers) => {
          host.dispatchEvent(new CompleteEvent({ interviewId: this.flow!.config.id, answers }));
          // Everything is on the server: nothing of this interview stays on the device.
          void this.clearStoredData();
        },
      },
    });
    this.takes = new InterviewTakesController(host, {
      flow: () => this.flow,
      recorder: () => this.recorder,
      link: this.link,
      takeOptions: () => ({ endpoint: host.endpoint, authorize: (request) => host.authorize?.(request), uploadOrigins: host.uploadOrigins }),
      retentionDays: () => host.retentionDays,
      t: (key, params) => this.i18n.t(key, params),
      onError: (error) => this.reportError(error),
      lockHeld: () => this.lock.acquired,
    });
  }

  private get flow(): InterviewFlow | undefined {
    return this.loader.flow;
  }

  private get recorder(): OnewayRecorder | null {
    return this.host.renderRoot.querySelector('oneway-recorder');
  }

  /** The question, its timer and Start/Stop share one screen: the camera preview takes the height they leave. */
  get fitsScreen(): boolean {
    return !!this.flow?.capturing;
  }

  private reportError(error: OnewayErrorDetail): void {
    this.host.dispatchEvent(OnewayErrorEvent.from(error));
  }

  /** Sets what the templates show and renders again. */
  private show(change: Partial<Shown>): void {
    this.shown = { ...this.shown, ...change };
    this.host.requestUpdate();
  }

  /** See `OnewayInterview.clearStoredData`. */
  async clearStoredData(): Promise<void> {
    const flow = this.flow;
    if (!flow) return;
    await Promise.all([this.takes.clearStoredData(flow), this.loader.clearProgress()]);
  }

  /** The host's `willUpdate`. */
  willUpdate(changed: PropertyValues<OnewayInterview>): void {
    const host = this.host;
    const changedFrom = (names: (keyof OnewayInterview)[]) => names.some((name) => changed.has(name) && changed.get(name) !== undefined);
    // An accommodation granted mid-interview applies from the next timer on, where the candidate is.
    if (changedFrom(['timeMultiplier', 'untimed']) && this.flow) this.flow.setTiming({ timeMultiplier: host.timeMultiplier, untimed: host.untimed });
    if (changedFrom(['config', 'configSrc', 'candidate']) || (changed.has('config') && host.config !== undefined && this.loader.status !== 'ready')) {
      void this.loader.reload();
    }
  }

  hostUpdated(): void {
    const step = this.flow?.step;
    const key = step ? JSON.stringify(step) : '';
    if (key === this.announcedStep) return;
    this.announcedStep = key;
    if (step?.step === 'question' && step.phase === 'think') {
      // A phone shows little of a page: the question, its timer and Start come into view together.
      const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
      this.host.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
      void this.host.renderRoot.querySelector<OnewayQuestion>('oneway-question')?.focusHeading();
    } else if (step) {
      this.host.renderRoot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
  }

  private setReviewUrl(blob: Blob | undefined): void {
    if (this.reviewUrl) URL.revokeObjectURL(this.reviewUrl);
    this.reviewUrl = blob ? URL.createObjectURL(blob) : '';
    this.host.requestUpdate();
  }

  private get accommodationDialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog[part~="accommodation-dialog"]');
  }

  /** What every control and inner element's event does: a transition of the flow or a controller's call, then a render. */
  private readonly actions: InterviewActions = {
    start: () => {
      const flow = this.flow!;
      const receipt = flow.acceptConsent(this.shown.aiConsentGiven, this.i18n.requested);
      if (receipt) this.host.dispatchEvent(new ConsentEvent({ ...receipt }));
      if (receipt) this.takes.sendConsent(flow, receipt);
      flow.start();
      this.host.requestUpdate();
    },
    consent: (given) => this.show({ consentGiven: given }),
    aiConsent: (given) => this.show({ aiConsentGiven: given }),
    reveal: () => (this.flow!.reveal(), this.host.requestUpdate()),
    deviceChecked: (event) => {
      this.link.tell((link) => link.deviceChecked(event.detail));
      this.flow!.deviceCheckDone();
      this.host.requestUpdate();
    },
    connectionMeasured: (event) => this.link.tell((link) => link.tested(event.detail.throughputBps)),
    thinkEnded: () => (this.flow!.textAnswer ? this.actions.startTyping() : this.recorder?.start()),
    answerEnded: () => (this.flow!.textAnswer ? this.actions.submitText() : undefined),
    openAccommodation: () => {
      this.show({ accommodation: 'open' });
      // A modal dialog: the page behind it is inert, Escape closes it, focus comes back after.
      this.accommodationDialog?.showModal();
    },
    accommodationClosed: () => this.show({ accommodation: 'closed' }),
    closeAccommodation: () => this.accommodationDialog?.close(),
    sendAccommodation: () => {
      const flow = this.flow!;
      const message = this.host.renderRoot.querySelector<HTMLTextAreaElement>('#accommodation-message')?.value.trim() ?? '';
      const questionId = flow.recordingTake?.questionId;
      this.host.dispatchEvent(new AccommodationRequestEvent({ interviewId: flow.config.id, candidate: this.host.candidate, ...(questionId ? { questionId } : {}), message }));
      this.show({ accommodation: 'sent' });
      void this.host.updateComplete.then(() => this.accommodationDialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus());
    },
    startTyping: () => {
      const step = this.flow!.step;
      if (step.step !== 'question' || step.phase !== 'think') return;
      this.flow!.startAnswer();
      this.host.requestUpdate();
      void this.host.updateComplete.then(() => this.host.renderRoot.querySelector('textarea')?.focus());
    },
    /** Keeps the text within `max` characters as people count them (an emoji is one). */
    typed: (textarea, max) => {
      const kept = truncateCharacters(textarea.value, max);
      if (kept !== textarea.value) textarea.value = kept;
      this.show({ textDraft: kept });
    },
    submitText: () => {
      const flow = this.flow!;
      const answer = flow.submitText(this.shown.textDraft);
      if (answer) this.takes.sendText(flow, answer);
      this.show({ textDraft: '' });
    },
    submitTake: () => {
      this.setReviewUrl(undefined);
      this.flow!.submit({ attempt: this.flow!.attempt });
      this.host.requestUpdate();
    },
    retake: () => {
      this.takes.retake(this.flow!);
      this.setReviewUrl(undefined);
      this.flow!.retake();
      this.host.requestUpdate();
    },
    retryUploads: () => this.takes.retryUploads(),
    recordingStart: (event) => this.takes.recordingStart(event),
    recordingStop: (event) => this.setReviewUrl(this.takes.recordingStop(event)),
    uploadProgress: (event) => this.takes.uploadProgress(event),
    answerUploaded: (event) => this.takes.answerUploaded(event),
    // The recorder shows the candidate what to do; the host hears about it from the interview.
    recorderError: (event) => (event.stopPropagation(), this.reportError(event.detail)),
  };

  /** The content of the element's root. */
  render() {
    return html`${this.renderContent()}
    ${this.flow
      ? html`<div class="actions">
            <button part="button help-button" type="button" data-secondary @click=${this.openHelp}>${this.i18n.t('help.title')}</button>
          </div>
          ${this.helpUnavailable ? this.renderHelpUnavailable(this.flow.config.support ?? {}) : nothing}
          ${this.help?.render()}`
      : nothing}`;
  }

  private renderContent() {
    if (this.loader.status === 'invalid') return renderProblems(this.i18n, this.loader.problems);
    const flow = this.flow;
    if (!flow) return html`<p part="step loading" role="status">${this.i18n.t('interview.loading')}</p>`;
    if (this.lock.status === 'busy') return html`<p part="step" role="alert">${this.i18n.t('interview.otherTab')}</p>`;
    const { endpoint, authorize, uploadOrigins, retentionDays } = this.host;
    const { reviewUrl } = this;
    const { recovery, answers } = this.takes;
    return renderInterview({
      ...{ i18n: this.i18n, flow, link: this.link, endpoint, authorize, uploadOrigins, retentionDays, ...this.shown, reviewUrl },
      ...{ fitsScreen: this.fitsScreen, recovery, answers, on: this.actions },
    });
  }

  /** Without the help chunk, the host's contacts are still in the config: they are what a stuck candidate needs most. */
  private renderHelpUnavailable(support: InterviewSupport) {
    return html`<div part="help-unavailable" role="alert">
      <p>${this.i18n.t('error.help-unavailable')}</p>
      ${supportContacts(support, this.i18n.t('help.page'))}
    </div>`;
  }

  /** Opens "Get help": the host's support contacts and the diagnostic report. */
  private readonly openHelp = async (): Promise<void> => {
    let HelpDialog: typeof import('../help/help-dialog.js').HelpDialog;
    try {
      ({ HelpDialog } = await loadHelpDialog());
    } catch (cause) {
      // Forgotten, so the next press fetches it again once the network is back (Firefox keeps a
      // failed import until the page reloads: the message offers reloading too).
      helpDialog = undefined;
      this.helpUnavailable = true;
      this.host.requestUpdate();
      this.reportError(
        new OnewayError(
          'help-unavailable',
          `"Get help" could not load its code next to the widget's script (${String(cause)}); the candidate was asked to check the connection and press it again or reload, and shown support.email and support.url.`,
          true,
        ),
      );
      return;
    }
    this.helpUnavailable = false;
    this.host.requestUpdate();
    // What the report says of the interview, as it is when the dialog opens; the dialog adds the browser's side.
    this.help ??= new HelpDialog(this.host, this.i18n, (): InterviewHelpState => {
      const flow = this.flow!;
      return { flow, answerProgress: this.takes.answerProgress, ...this.takes.takes(flow), errors: this.recentErrors };
    });
    await this.help.open();
  };
}
