// The diagnostic report a candidate copies from "Get help" and sends to the host's support: what
// their browser, devices, storage and uploads are doing, in plain English text for whoever reads
// it. Pure: it formats a snapshot that the interview gathers. It never holds answer content, and
// it scrubs the free text it repeats (error messages): query strings and credentials in URLs,
// bearer tokens, and every value the snapshot names as private (the candidate reference, device
// labels and ids) are removed.
import type { AnswerStatus } from './answer-progress.js';
import type { OnewayErrorCode } from './errors.js';
import type { AnswerKind } from './interview-config.js';
import type { InterviewStep } from './interview-flow.js';
import { formatBytes } from '../i18n/format.js';

/** One question's answer, as far as the device knows: no content, only where it is. */
export interface AnswerDiagnostics {
  questionId: string;
  kind: AnswerKind;
  status: AnswerStatus;
  /** The take submitted for it, or being recorded or reviewed. */
  attempt?: number;
  /** The MediaRecorder type it was recorded in, when known. */
  mimeType?: string;
  /** Bytes the server has confirmed, of `bytesRecorded`; undefined when no upload has reported yet. */
  bytesUploaded?: number;
  bytesRecorded?: number;
}

/** An `oneway-error` the interview reported. */
export interface ReportedError {
  at: Date;
  code: OnewayErrorCode;
  message: string;
  recoverable: boolean;
}

/** Everything the report says, gathered by the interview when the candidate asks for help. */
export interface DiagnosticSnapshot {
  at: Date;
  /** The widget's version. */
  version: string;
  /** `navigator.userAgent`: the browser, its version and the operating system. */
  userAgent: string;
  /** The languages the browser asks for, and the one the widget shows. */
  languages: readonly string[];
  shownLanguage: string;
  online: boolean;
  secureContext: boolean;
  interviewId: string;
  step: InterviewStep;
  questionCount: number;
  timed: boolean;
  /** The MediaRecorder type chosen for recording (the recorder's now, else the last answer's); empty while none is. */
  mimeType: string;
  /** What the Permissions API says; undefined where it cannot be asked. */
  permissions: { camera?: PermissionState; microphone?: PermissionState };
  /** How many cameras and microphones the browser lists; undefined where it cannot list them. */
  devices?: { cameras: number; microphones: number };
  /** `navigator.storage`: bytes used of the quota, and whether the browser keeps them under pressure; undefined without the Storage API. */
  storage?: { usage?: number; quota?: number; persisted?: boolean };
  answers: readonly AnswerDiagnostics[];
  /** The last errors, oldest first. */
  errors: readonly ReportedError[];
  /** Values that must not appear in the report, e.g. the candidate reference and device labels and ids. */
  privateValues: readonly string[];
}

const REMOVED = '[removed]';

/** The report as plain text, one fact a line. */
export function diagnosticReport(snapshot: DiagnosticSnapshot): string {
  const scrub = scrubber(snapshot.privateValues);
  const { permissions, devices, storage } = snapshot;
  const lines = [
    'oneway-interview diagnostic report',
    `Created: ${snapshot.at.toISOString()}`,
    `Widget version: ${snapshot.version}`,
    `Browser: ${snapshot.userAgent}`,
    `Languages: ${snapshot.languages.join(', ') || 'none'} (shown in ${snapshot.shownLanguage})`,
    `Online: ${yesNo(snapshot.online)}; secure page: ${yesNo(snapshot.secureContext)}`,
    `Interview: ${scrub(snapshot.interviewId)}, ${count(snapshot.questionCount, 'question')}, ${snapshot.timed ? 'timed' : 'untimed'}`,
    `Step: ${describeStep(snapshot.step, snapshot.questionCount)}`,
    `Recording type: ${snapshot.mimeType || 'none chosen yet'}`,
    `Permissions: camera ${permissions.camera ?? 'unknown'}, microphone ${permissions.microphone ?? 'unknown'}`,
    `Devices: ${devices ? `${count(devices.cameras, 'camera')}, ${count(devices.microphones, 'microphone')}` : 'cannot be listed'}`,
    `Storage: ${storage ? describeStorage(storage) : 'no Storage API'}`,
    'Answers:',
    ...snapshot.answers.map((answer, index) => `  ${index + 1}. ${scrub(answer.questionId)} (${answer.kind}): ${describeAnswer(answer)}`),
    snapshot.errors.length ? 'Last errors, oldest first:' : 'Errors: none',
    ...snapshot.errors.map(
      (error) => `  ${error.at.toISOString()} ${error.code} (${error.recoverable ? 'recoverable' : 'not recoverable'}): ${scrub(scrubCredentials(error.message))}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The step as support staff would say it: "question 2 of 3, answer time". */
function describeStep(step: InterviewStep, questionCount: number): string {
  if (step.step !== 'question') return step.step;
  const phase = { pending: 'before it is shown', think: 'think time', answer: 'answering', review: 'reviewing the take' }[step.phase];
  return `${step.practice ? 'practice question' : `question ${step.index + 1} of ${questionCount}`}, ${phase}`;
}

function describeAnswer(answer: AnswerDiagnostics): string {
  const parts: string[] = [answer.status];
  if (answer.attempt !== undefined) parts.push(`take ${answer.attempt}`);
  if (answer.mimeType) parts.push(answer.mimeType);
  if (answer.bytesRecorded !== undefined) parts.push(`${answer.bytesUploaded ?? 0} of ${answer.bytesRecorded} bytes on the server`);
  return parts.join(', ');
}

function describeStorage({ usage, quota, persisted }: NonNullable<DiagnosticSnapshot['storage']>): string {
  const amounts = usage !== undefined && quota !== undefined ? `${formatBytes(usage, 'en')} used of ${formatBytes(quota, 'en')}` : 'no estimate';
  return `${amounts}; kept under storage pressure: ${persisted === undefined ? 'unknown' : yesNo(persisted)}`;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Replaces every private value (as written, and URL-encoded as in recording slots) in a text. */
function scrubber(privateValues: readonly string[]): (text: string) => string {
  const forms = [...new Set(privateValues.filter(Boolean).flatMap((value) => [value, encodeURIComponent(value)]))];
  // Longest first, so a value that contains another is removed whole.
  forms.sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((scrubbed, form) => scrubbed.split(form).join(REMOVED), text);
}

/**
 * A message without credentials: URLs keep their origin and path (no user name, password, query
 * or fragment, where tokens travel), a query string after a relative path goes, and so do the
 * value of an Authorization header and a bearer token.
 */
export function scrubCredentials(message: string): string {
  return message
    .replace(/\b[a-z][a-z\d+.-]*:\/\/[^\s"'<>()]+/gi, (url) => {
      try {
        const parsed = new URL(url);
        return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search || parsed.hash ? `?${REMOVED}` : ''}`;
      } catch {
        return REMOVED;
      }
    })
    .replace(/\?[^\s"'<>()?]*=[^\s"'<>()]*/g, `?${REMOVED}`)
    .replace(/\b(authorization\s*[:=]\s*)(?:(?:bearer|basic)\s+)?[^\s"',;)]+/gi, `$1${REMOVED}`)
    .replace(/\b(bearer)\s+[^\s"',;)]+/gi, `$1 ${REMOVED}`);
}
