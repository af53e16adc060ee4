/** English, the built-in language. Every other table must have the same keys. */
export const en = {
  startRecording: 'Start recording',
  stopRecording: 'Stop recording',
  askingForCamera: 'Asking for your camera and microphone…',
  preparing: 'Getting ready…',
  cameraPreview: 'Your camera',
  recording: 'Recording',
  elapsed: '{elapsed} of {max}',
  elapsedNoLimit: '{elapsed}',
  recordingStarted: 'Recording started.',
  recordingStopped: 'Recording stopped. Sending the rest of your answer…',
  uploading: 'Sending your answer: {sent} of {total}',
  uploadDone: 'Your answer is saved.',
  waitingForConnection: 'Waiting for the connection to come back. Your answer is kept on this device and will be sent automatically.',
  retrying: 'The server did not answer. Trying again…',
  tryAgain: 'Try again',
  'error.permission-denied': 'Your browser blocked the camera or microphone. Allow them for this site (the camera icon in the address bar), then press "Try again".',
  'error.no-device': 'We could not find a camera or microphone. Connect one, then press "Try again".',
  'error.device-in-use': 'Your camera or microphone is being used by another app. Close other apps that use it (video calls, for example), then press "Try again".',
  'error.device-lost': 'Your camera or microphone was disconnected. What you recorded is kept. Reconnect it, then press "Try again".',
  'error.no-media-recorder': 'This browser cannot record video. Please open this page in a current version of Chrome, Edge, Firefox or Safari.',
  'error.insecure-context': 'This page is not secure, so the browser will not allow recording. Please tell the site owner (it must be served over https).',
  'error.unsupported-mime-type': 'This browser cannot record in the format this site asks for. Please try another browser.',
  'error.upload-rejected': 'The server did not accept your answer. Your recording is kept on this device; please contact the employer.',
  'error.upload-unauthorized': 'Your session has expired, so your answer could not be sent. Reload the page to continue; your recording is kept on this device.',
  'error.upload-lost': 'The server lost part of your answer. Please record it again.',
  'error.storage-unavailable': 'This browser cannot save your answer on this device, so keep this page open until it is sent.',
  'error.config-invalid': 'This interview is not set up correctly. Please contact the employer.',
  'error.recording-failed': 'Recording failed. Press "Try again".',
  // countdown
  'countdown.label': 'Time left',
  'countdown.minuteLeft': '{label}: 1 minute left.',
  'countdown.secondsLeft': '{label}: {seconds} seconds left.',
  'countdown.timeUp': '{label}: time is up.',
} as const;

/** The keys every message table has. */
export type MessageKey = keyof typeof en;
/** A complete message table for one language. */
export type Messages = Record<MessageKey, string>;
