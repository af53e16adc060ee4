// The device check's words for what it found: advice lines from the tables in device-advice.ts,
// and the guidance for a camera or microphone that cannot be used. Templates only; the element
// decides when each is shown.
import { html, nothing } from 'lit';
import type { LocaleController } from '../../controllers/locale-controller.js';
import { detectInAppBrowser, IN_APP_NAMES, permissionHelp, suggestedBrowser } from '../../core/browser-guidance.js';
import { CONNECTION_GUIDANCE, type Guidance } from '../../core/device-advice.js';
import type { OnewayError } from '../../core/errors.js';
import { connectionAdvice } from '../../core/link-policy.js';
import type { MessageParams } from '../../i18n/format.js';

/** One line of advice in `part`, marked as a warning when it needs the candidate's attention. */
export function adviceLine(i18n: LocaleController, part: string, { message, warning }: Guidance, params?: MessageParams) {
  return html`<p part=${part} class=${warning ? 'warning' : ''}>${i18n.t(message, params)}</p>`;
}

/** What the connection test says: still running, failed, or how good the measured link is. */
export function connectionLine(i18n: LocaleController, status: string, throughputBps: number | undefined) {
  if (status === 'failed') return adviceLine(i18n, 'connection', CONNECTION_GUIDANCE.failed);
  if (status !== 'done' || throughputBps === undefined) {
    return html`<p part="connection">${i18n.t('deviceCheck.connectionChecking')} ${i18n.t('deviceCheck.connectionBackground')}</p>`;
  }
  return adviceLine(i18n, 'connection', CONNECTION_GUIDANCE[connectionAdvice(throughputBps)], { speed: formatSpeed(i18n, throughputBps) });
}

/** A throughput for people: `850 kbit/s`, `4.2 Mbit/s`. */
function formatSpeed(i18n: LocaleController, bitsPerSecond: number): string {
  if (bitsPerSecond >= 1_000_000) {
    return i18n.t('deviceCheck.mbps', { value: i18n.number(bitsPerSecond / 1_000_000, { maximumFractionDigits: 1 }) });
  }
  return i18n.t('deviceCheck.kbps', { value: Math.round(bitsPerSecond / 1000) });
}

export interface FailureActions {
  /** The words the element has for an error code. */
  message: (error: OnewayError) => string;
  retry: () => void;
  copyLink: () => void;
  linkCopied: boolean;
}

/** What to do about a camera or microphone that cannot be used: the steps of this browser, a link to copy out of an app, "Try again". */
export function failureGuidance(i18n: LocaleController, error: OnewayError, actions: FailureActions) {
  const userAgent = globalThis.navigator?.userAgent ?? '';
  const app = error.code === 'in-app-browser' ? detectInAppBrowser(userAgent) : undefined;
  const message = app
    ? i18n.t('deviceCheck.inApp', { app: IN_APP_NAMES[app], browser: suggestedBrowser(userAgent, i18n.messages) })
    : actions.message(error);
  return html`
    <div part="error" role="alert">
      <p part="error-message">${message}</p>
      ${error.code === 'permission-denied' ? permissionSteps(i18n, userAgent) : nothing}
      ${error.code === 'in-app-browser' ? copyLinkRow(i18n, actions) : nothing}
      ${error.recoverable ? html`<button part="retry-button" type="button" @click=${actions.retry}>${i18n.t('tryAgain')}</button>` : nothing}
    </div>
  `;
}

function permissionSteps(i18n: LocaleController, userAgent: string) {
  const { browser, steps } = permissionHelp(userAgent, i18n.messages);
  return html`
    <p part="help-intro">${i18n.t('deviceCheck.permissionSteps')}</p>
    <ol part="help-steps" data-browser=${browser}>
      ${steps.map((step) => html`<li>${step}</li>`)}
    </ol>
  `;
}

function copyLinkRow(i18n: LocaleController, { copyLink, linkCopied }: FailureActions) {
  return html`
    <div part="link-row">
      <input part="page-link" type="url" readonly aria-label=${i18n.t('deviceCheck.pageLink')} .value=${location.href} />
      <button part="copy-link-button" type="button" @click=${copyLink}>${i18n.t('deviceCheck.copyLink')}</button>
    </div>
    <p part="link-status" role="status">${linkCopied ? i18n.t('deviceCheck.linkCopied') : ''}</p>
  `;
}
