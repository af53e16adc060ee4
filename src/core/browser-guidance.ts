// Which browser the candidate uses, and what that means for camera access: how to allow a blocked
// camera in it, whether it is an app's built-in browser that cannot record, whether the page is in
// an iframe that was not given the camera. Pure functions of the user agent and injected policy.
import { en, type Messages } from '../i18n/en.js';
import { formatMessage } from '../i18n/format.js';
import { OnewayError } from './errors.js';

/** The browsers whose permission settings differ enough to need their own steps. */
export type BrowserFamily = 'chrome' | 'edge' | 'firefox' | 'safari' | 'ios' | 'android' | 'other';

/**
 * The browser family of a user agent. Every browser on iPhone and iPad is Safari underneath and
 * takes its permissions from iOS, so iOS comes first; Android next, whatever the browser.
 */
export function detectBrowser(userAgent: string): BrowserFamily {
  if (/iPhone|iPad|iPod/.test(userAgent)) return 'ios';
  if (/Android/.test(userAgent)) return 'android';
  if (/Edg\//.test(userAgent)) return 'edge';
  if (/Firefox\//.test(userAgent)) return 'firefox';
  if (/Chrome\/|Chromium\//.test(userAgent)) return 'chrome';
  if (/Safari\//.test(userAgent) && /Version\//.test(userAgent)) return 'safari';
  return 'other';
}

/** Steps to allow a blocked camera and microphone, for the browser of `userAgent`. */
export function permissionHelp(userAgent: string, messages: Messages = en): { browser: BrowserFamily; steps: string[] } {
  const browser = detectBrowser(userAgent);
  const steps = formatMessage(`deviceCheck.permission.${browser}`, {}, messages)
    .split('\n')
    .map((step) => step.trim())
    .filter(Boolean);
  return { browser, steps };
}

/** Apps whose built-in browser cannot use the camera for recording. */
export type InAppBrowser = 'facebook' | 'instagram' | 'linkedin' | 'tiktok';

const IN_APP_BROWSERS: readonly [InAppBrowser, RegExp][] = [
  // Instagram first: its user agent may carry Facebook's tokens too.
  ['instagram', /Instagram/i],
  ['facebook', /FBAN|FBAV|FB_IAB|FBIOS|\[FB/],
  ['linkedin', /LinkedInApp/i],
  ['tiktok', /musical_ly|BytedanceWebview|TikTok|\btrill_/i],
];

/** The app whose built-in browser `userAgent` belongs to, or undefined for a regular browser. */
export function detectInAppBrowser(userAgent: string): InAppBrowser | undefined {
  return IN_APP_BROWSERS.find(([, pattern]) => pattern.test(userAgent))?.[0];
}

/** The app's name as people know it. */
export const IN_APP_NAMES: Record<InAppBrowser, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
};

/** The browser to send the candidate to from an app: Safari on iPhone and iPad, Chrome on Android. */
export function suggestedBrowser(userAgent: string, messages: Messages = en): string {
  const browser = detectBrowser(userAgent);
  if (browser === 'ios') return 'Safari';
  if (browser === 'android') return 'Chrome';
  return formatMessage('deviceCheck.safariOrChrome', {}, messages);
}

/** An `in-app-browser` error when `userAgent` is an app's built-in browser, else undefined. */
export function inAppBrowserError(userAgent: string): OnewayError | undefined {
  const app = detectInAppBrowser(userAgent);
  if (!app) return undefined;
  return new OnewayError(
    'in-app-browser',
    `The page is open in ${IN_APP_NAMES[app]}'s built-in browser, which cannot record from the camera; the candidate was asked to open it in ${suggestedBrowser(userAgent)}.`,
    false,
  );
}

/** `document.featurePolicy` (Chromium) or `document.permissionsPolicy`, as far as the check needs it. */
export interface FeaturePolicyLike {
  allowsFeature(feature: string): boolean;
}

/** Whether this page runs in a frame, and the policy it was given there: the facts `iframeBlockedError` and `explainForFrame` take. */
export interface Embedding {
  framed: boolean;
  policy?: FeaturePolicyLike | null;
}

/** This page's own embedding. */
export function pageEmbedding(): Embedding {
  const framed = globalThis.window !== undefined && window.self !== window.top;
  const doc = globalThis.document as (Document & { featurePolicy?: FeaturePolicyLike; permissionsPolicy?: FeaturePolicyLike }) | undefined;
  return { framed, policy: doc?.permissionsPolicy ?? doc?.featurePolicy };
}

/**
 * `error`, with a word for the host developer when the camera was refused inside a frame: the
 * refusal may be the embedding page's (no `allow="camera; microphone"`), not the candidate's.
 */
export function explainForFrame(error: OnewayError, env: Embedding): OnewayError {
  if (error.code !== 'permission-denied' || !env.framed) return error;
  return new OnewayError(
    error.code,
    `${error.message} The page runs in an iframe: if the candidate did not block the camera, the embedding <iframe> needs allow="camera; microphone".`,
    error.recoverable,
    { cause: error },
  );
}

/**
 * An `iframe-blocked` error when the page runs in an iframe that was not given the camera and
 * microphone (`<iframe allow="camera; microphone">`). Browsers without a policy API (Firefox,
 * Safari) cannot be asked; their refusal then shows up as `permission-denied`.
 */
export function iframeBlockedError(env: Embedding): OnewayError | undefined {
  if (!env.framed || !env.policy) return undefined;
  const blocked = ['camera', 'microphone'].filter((feature) => {
    try {
      return !env.policy!.allowsFeature(feature);
    } catch {
      return false;
    }
  });
  if (blocked.length === 0) return undefined;
  return new OnewayError(
    'iframe-blocked',
    `This page runs in an iframe that does not allow ${blocked.join(' and ')}: the page that embeds it must add allow="camera; microphone" to the <iframe> element (and the iframe's origin must be allowed by that page's Permissions-Policy header, if it sends one).`,
    false,
  );
}

