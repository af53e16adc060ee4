/**
 * Every problem the widget reports has one of these codes, in `oneway-error` events and in the
 * candidate's guidance. Hosts branch on the code; the message is for the developer reading logs.
 * Each code needs an `error.<code>` message in `src/i18n/en.ts`: `OnewayElement.errorMessage` does
 * not compile without it.
 */
export type OnewayErrorCode =
  | 'permission-denied'
  | 'no-device'
  | 'device-in-use'
  | 'device-lost'
  | 'no-media-recorder'
  | 'insecure-context'
  | 'unsupported-mime-type'
  | 'upload-rejected'
  | 'upload-unauthorized'
  | 'upload-lost'
  | 'storage-unavailable'
  | 'config-invalid'
  | 'recording-failed'
  /** The widget's code next to its script (a chunk of the CDN build) could not be loaded. */
  | 'widget-unavailable'
  /** "Get help" could not load its code (a chunk of the CDN build): the candidate is told, the interview goes on. */
  | 'help-unavailable'
  // device check
  | 'iframe-blocked'
  | 'in-app-browser'
  | 'permission-timeout'
  // review
  | 'manifest-invalid'
  | 'answer-unavailable'
  | 'answer-mismatch';

/** A classified problem: what happened, for whom, and whether the widget can go on. */
export class OnewayError extends Error {
  constructor(
    readonly code: OnewayErrorCode,
    message: string,
    readonly recoverable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OnewayError';
  }
}

/** Classifies a `getUserMedia` rejection into the error taxonomy. */
export function classifyMediaError(error: unknown): OnewayError {
  if (error instanceof OnewayError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return new OnewayError('permission-denied', `Camera or microphone permission was denied (${detail}).`, true, { cause: error });
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return new OnewayError('no-device', `No camera or microphone was found (${detail}).`, true, { cause: error });
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new OnewayError('device-in-use', `The camera or microphone could not be started; another application may be using it (${detail}).`, true, { cause: error });
    default:
      return new OnewayError('recording-failed', `The camera or microphone failed: ${name || 'Error'}: ${detail}.`, true, { cause: error });
  }
}

/** Checks what capture needs before asking for it: a secure context, mediaDevices and MediaRecorder. */
export function captureSupportError(env: {
  isSecureContext: boolean;
  hasMediaDevices: boolean;
  hasMediaRecorder: boolean;
}): OnewayError | undefined {
  if (!env.isSecureContext) {
    return new OnewayError('insecure-context', 'Recording needs a secure page: serve it over https (or localhost).', false);
  }
  if (!env.hasMediaDevices) {
    return new OnewayError('no-device', 'This browser gives no access to cameras or microphones (navigator.mediaDevices is missing).', false);
  }
  if (!env.hasMediaRecorder) {
    return new OnewayError('no-media-recorder', 'This browser cannot record media (MediaRecorder is missing).', false);
  }
  return undefined;
}
