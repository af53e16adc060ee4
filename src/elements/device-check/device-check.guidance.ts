// The device check's words for what it found: a table of what the candidate is told for each piece
// of advice, the lines made from it, and the guidance for a camera or microphone that cannot be
// used. The element decides when each is shown.
import { html, nothing } from 'lit';
import type { LocaleController } from '../../controllers/locale-controller.js';
import { detectInAppBrowser, IN_APP_NAMES, permissionHelp, suggestedBrowser } from '../../core/browser-guidance.js';
import type { MicrophoneAdvice } from '../../core/device-advice.js';
import type { OnewayError } from '../../core/errors.js';
import type { LightingAdvice } from '../../core/lighting.js';
import { connectionAdvice, type ConnectionAdvice } from '../../core/link-policy.js';
import type { MessageKey } from '../../i18n/en.js';
import type { MessageParams } from '../../i18n/format.js';

/** What the candidate is told for a piece of advice, and whether it needs their attention. */
export interface Guidance {
  message: MessageKey;
  warning: boolean;
}

/** What the candidate is told about the microphone. */
export const MICROPHONE_GUIDANCE: Readonly<Record<MicrophoneAdvice, Guidance>> = {
  measuring: { message: 'deviceCheck.speak', warning: false },
  ok: { message: 'deviceCheck.heard', warning: false },
  silent: { message: 'deviceCheck.silent', warning: true },
  noisy: { message: 'deviceCheck.noisy', warning: true },
};

/** What the candidate is told about the light. */
export const LIGHTING_GUIDANCE: Readonly<Record<LightingAdvice, Guidance>> = {
  measuring: { message: 'deviceCheck.lightMeasuring', warning: false },
  ok: { message: 'deviceCheck.lightOk', warning: false },
  'too-dark': { message: 'deviceCheck.tooDark', warning: true },
  'too-bright': { message: 'deviceCheck.tooBright', warning: true },
};

/** What the candidate is told about a measured connection (`{speed}`: the throughput), or one that could not be measured. */
export const CONNECTION_GUIDANCE: Readonly<Record<ConnectionAdvice | 'failed', Guidance>> = {
  failed: { message: 'deviceCheck.connectionFailed', warning: true },
  ok: { message: 'deviceCheck.connectionOk', warning: false },
  slow: { message: 'deviceCheck.connectionSlow', warning: true },
  'too-slow-for-video': { message: 'deviceCheck.connectionTooSlow', warning: true },
};

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
