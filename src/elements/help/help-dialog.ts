// "Get help" in <oneway-interview> once its chunk has loaded (when a candidate first presses the
// button): a modal <dialog> with the host's support contacts and "Copy diagnostic report", and the
// browser's side of the report (permissions, devices, storage), which only this moment needs.
import { adoptStyles, html, nothing, type LitElement } from 'lit';
import type { LocaleController } from '../../controllers/locale-controller.js';
import { permissionState } from '../../controllers/media-stream-controller.js';
import type { AnswerProgress, SubmittedTake } from '../../core/answer-progress.js';
import { loadDevicePreferences } from '../../core/device-preferences.js';
import { diagnosticReport, type AnswerDiagnostics, type DiagnosticSnapshot } from '../../core/diagnostic-report.js';
import type { InterviewFlow } from '../../core/interview-flow.js';
import type { OnewayErrorEvent } from '../../events/error.js';
import { HelpEvent } from '../../events/help.js';
import type { OnewayInterview } from '../interview/interview.js';
import type { OnewayRecorder } from '../recorder/recorder.js';
import { VERSION } from '../../version.js';
import { helpDialogStyles } from './help-dialog.styles.js';
import { supportContacts } from './support-contacts.js';

/** What the report needs from the interview when the candidate asks for help. */
export interface InterviewHelpState {
  flow: InterviewFlow;
  answerProgress: AnswerProgress;
  /** The take submitted for a question, as the interview counts it. */
  submitted: (questionId: string) => SubmittedTake | undefined;
  /** The take being recorded or reviewed. */
  recording: { questionId: string; attempt: number } | undefined;
  /** The last `oneway-error` events, oldest first. */
  errors: readonly OnewayErrorEvent[];
}

type CopyStatus = 'idle' | 'copied' | 'failed';

export class HelpDialog {
  private report = '';
  private copyStatus: CopyStatus = 'idle';

  constructor(
    private readonly host: OnewayInterview,
    private readonly i18n: LocaleController,
    private readonly state: () => InterviewHelpState,
  ) {
    // The dialog's own styles join the interview's (which has every dialog's), only on pages where someone asked for help.
    adoptStyles(host.renderRoot as ShadowRoot, [...(host.constructor as typeof LitElement).elementStyles, helpDialogStyles]);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog[part~="help-dialog"]');
  }

  /** Builds the report, shows the dialog as a modal and tells the host. */
  async open(): Promise<void> {
    const state = this.state();
    const recorder = this.host.renderRoot.querySelector<OnewayRecorder>('oneway-recorder');
    this.report = diagnosticReport(await snapshot(state, { shownLanguage: this.i18n.lang, mimeType: recorder?.recordingMimeType ?? '', candidate: this.host.candidate }));
    this.copyStatus = 'idle';
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog;
    // The interview may have left the page while the browser was asked.
    if (!dialog?.isConnected) return;
    if (!dialog.open) dialog.showModal();
    const step = state.flow.step;
    const questionId = step.step === 'question' && !step.practice ? state.flow.current.id : undefined;
    this.host.dispatchEvent(new HelpEvent({ interviewId: state.flow.config.id, step: step.step, ...(questionId ? { questionId } : {}), report: this.report }));
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.report);
      this.copyStatus = 'copied';
    } catch {
      // No clipboard (an insecure page, an old browser) or no permission: the candidate copies by hand.
      this.copyStatus = 'failed';
      const details = this.host.renderRoot.querySelector<HTMLDetailsElement>('[part~="help-report"]')!;
      details.open = true;
      const textarea = details.querySelector('textarea')!;
      textarea.focus();
      textarea.select();
    }
    this.host.requestUpdate();
  }

  private readonly close = () => this.dialog?.close();

  /**
   * Back to "Get help", whichever way the dialog closed: browsers return focus to what had it
   * before, which a mouse press does not give a button in Safari.
   */
  private readonly closed = () => this.host.renderRoot.querySelector<HTMLElement>('[part~="help-button"]')?.focus();

  /** The dialog, closed until `open()`. */
  render() {
    const { flow } = this.state();
    const t = (key: Parameters<LocaleController['t']>[0]) => this.i18n.t(key);
    const support = flow.config.support ?? {};
    const step = flow.step;
    const timeRuns = flow.timed && step.step === 'question' && (step.phase === 'think' || step.phase === 'answer');
    return html`<dialog part="dialog help-dialog" aria-labelledby="help-title" @close=${this.closed}>
      <h2 part="help-title" id="help-title">${t('help.title')}</h2>
      ${timeRuns ? html`<p part="notice">${t('help.timeRuns')}</p>` : nothing}
      ${support.text ? html`<p part="help-text" lang=${this.i18n.requested} dir="auto">${support.text}</p>` : nothing}
      ${support.email || support.url
        ? supportContacts(support, t('help.page'))
        : support.text
          ? nothing
          : html`<p>${t('help.noContact')}</p>`}
      <p part="hint" class="hint">${t('help.reportHint')}</p>
      <div part="actions" class="actions">
        <button part="button help-copy-button" type="button" @click=${() => void this.copy()}>${t('help.copy')}</button>
        <button part="button help-close-button" type="button" data-secondary @click=${this.close}>${t('help.close')}</button>
        <p part="help-status" class="hint" role="status">${this.copyStatus === 'idle' ? '' : t(this.copyStatus === 'copied' ? 'help.copied' : 'help.copyFailed')}</p>
      </div>
      <details part="help-report">
        <summary>${t('help.report')}</summary>
        <!-- The report is English for whoever supports the candidate, whatever their language. -->
        <textarea readonly aria-label=${t('help.report')} lang="en" dir="ltr" .value=${this.report}></textarea>
      </details>
    </dialog>`;
  }
}

/**
 * The report's facts: the interview's from `state` and the element (the language it shows, the
 * type its recorder is ready to record in, the candidate reference to keep out), the browser's
 * asked for now.
 */
async function snapshot(
  state: InterviewHelpState,
  { shownLanguage, mimeType, candidate }: { shownLanguage: string; mimeType: string; candidate: string },
): Promise<DiagnosticSnapshot> {
  const { flow } = state;
  const [camera, microphone, devices, storage] = await Promise.all([permissionState('camera'), permissionState('microphone'), listDevices(), estimateStorage()]);
  const preferences = loadDevicePreferences();
  const answers = answerDiagnostics(state);
  return {
    at: new Date(),
    version: VERSION,
    userAgent: navigator.userAgent,
    languages: navigator.languages ?? [navigator.language],
    shownLanguage,
    online: navigator.onLine,
    secureContext: globalThis.isSecureContext,
    interviewId: flow.config.id,
    step: flow.step,
    questionCount: flow.questions.length,
    timed: flow.timed,
    mimeType: mimeType || (answers.map((answer) => answer.mimeType).filter(Boolean).at(-1) ?? ''),
    permissions: { camera, microphone },
    devices: devices?.counts,
    storage,
    answers,
    // An event's timeStamp counts from the page's time origin.
    errors: state.errors.map(({ detail, timeStamp }) => ({ ...detail, at: new Date(performance.timeOrigin + timeStamp) })),
    privateValues: [candidate, ...(devices?.privateValues ?? []), preferences.videoDeviceId ?? '', preferences.audioDeviceId ?? ''],
  };
}

/** Where each question's answer is: its status, take, type and bytes, never its content. */
function answerDiagnostics({ flow, answerProgress, submitted, recording }: InterviewHelpState): AnswerDiagnostics[] {
  const questionIds = flow.questions.map((question) => question.id);
  return answerProgress.questions(questionIds, submitted, recording).map(({ questionId, status }, index) => {
    const diagnostics: AnswerDiagnostics = { questionId, kind: flow.questions[index].answer, status };
    const attempt = submitted(questionId)?.attempt ?? (status === 'recorded' ? recording?.attempt : undefined);
    if (attempt === undefined) return diagnostics;
    diagnostics.attempt = attempt;
    const upload = answerProgress.upload(questionId, attempt);
    // A take on the server has only its size left in the upload reports (none after a reload): the
    // saved progress has its type too, under the submitted answer or, before that, the early delivery.
    const { submitted: answers, deliveredEarly = {} } = flow.progress;
    const early = `${questionId}#${attempt}`;
    const saved = Object.hasOwn(answers, questionId) ? answers[questionId] : Object.hasOwn(deliveredEarly, early) ? deliveredEarly[early] : undefined;
    const mimeType = upload?.metadata?.codecs ?? saved?.mimeType;
    if (mimeType) diagnostics.mimeType = mimeType;
    const bytesRecorded = upload?.bytesRecorded ?? saved?.bytes ?? submitted(questionId)?.bytes;
    if (bytesRecorded !== undefined) {
      diagnostics.bytesRecorded = bytesRecorded;
      diagnostics.bytesUploaded = upload?.bytesUploaded ?? (status === 'sent' ? bytesRecorded : 0);
    }
    return diagnostics;
  });
}

/** How many cameras and microphones the browser lists, and their labels and ids, which the report must not show. */
async function listDevices(): Promise<{ counts: { cameras: number; microphones: number }; privateValues: string[] } | undefined> {
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return {
      counts: {
        cameras: devices.filter((device) => device.kind === 'videoinput').length,
        microphones: devices.filter((device) => device.kind === 'audioinput').length,
      },
      privateValues: devices.flatMap((device) => [device.label, device.deviceId, device.groupId]),
    };
  } catch {
    return undefined;
  }
}

async function estimateStorage(): Promise<DiagnosticSnapshot['storage']> {
  const storage = globalThis.navigator?.storage;
  if (typeof storage?.estimate !== 'function') return undefined;
  const [estimate, persisted] = await Promise.all([
    storage.estimate().catch(() => ({}) as StorageEstimate),
    typeof storage.persisted === 'function' ? storage.persisted().catch(() => undefined) : undefined,
  ]);
  return { usage: estimate.usage, quota: estimate.quota, persisted };
}
