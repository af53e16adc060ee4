// What the receiver accepts: the tus metadata every answer of <oneway-interview> carries, checked
// against the interview it claims to belong to, and the largest file each answer may be.
//
// Refusals are thrown as `{ status_code, body }`, the shape @tus/server sends back as the response.

/** Generous ceilings on what a browser records (the widget asks for at most ~2.6 Mbit/s). */
export const MAX_BITS_PER_SECOND = Object.freeze({ video: 8_000_000, audio: 1_000_000 });
/** Added to every recording's limit: container overhead and the last slice after the timer. */
export const HEADROOM_BYTES = 1024 * 1024;
/** The device check's test upload (256 KiB of random bytes), with room to spare. */
export const PREFLIGHT_MAX_BYTES = 1024 * 1024;

/** A consent receipt (a small JSON file the widget sends when the candidate accepts the consent). */
export const CONSENT_MAX_BYTES = 16 * 1024;

/** Keys an answer's metadata must have; `candidate` may be empty (the token says who it is). */
const REQUIRED_KEYS = ['interviewId', 'questionId', 'attempt', 'kind', 'filetype'];

/**
 * Parses a tus `Upload-Metadata` header (comma-separated `key base64value` pairs).
 * Returns undefined when the header is missing or malformed (tus answers those with 400 itself).
 */
export function parseUploadMetadata(header) {
  if (!header) return undefined;
  const metadata = {};
  for (const pair of header.split(',')) {
    const [key, value, extra] = pair.trim().split(' ');
    if (!key || extra !== undefined || key in metadata) return undefined;
    metadata[key] = value === undefined ? '' : Buffer.from(value, 'base64').toString('utf8');
  }
  return metadata;
}

/** Whether the upload is the device check's throughput test rather than an answer. */
export function isPreflight(metadata) {
  return metadata?.['oneway-preflight'] === '1';
}

/** Whether the upload is a consent receipt rather than an answer. */
export function isConsentReceipt(metadata) {
  return metadata?.kind === 'consent';
}

/**
 * Checks an answer's metadata (or a consent receipt's) against the known interviews. A receipt
 * answers no question: `question` is undefined.
 * @param {Record<string, string | null> | undefined} metadata
 * @param {Map<string, import('./interviews.js').Interview>} interviews
 * @returns {{ interview: import('./interviews.js').Interview, question: import('./interviews.js').Question, attempt: number }}
 */
export function checkAnswerMetadata(metadata, interviews) {
  if (isConsentReceipt(metadata)) {
    const interview = interviews.get(metadata.interviewId);
    if (!interview) refuse(422, `Unknown interview ${JSON.stringify(metadata.interviewId)}: this server takes answers for ${list([...interviews.keys()])}.`);
    if (metadata.filetype?.toLowerCase() !== 'application/json') refuse(415, `A consent receipt is application/json, not ${JSON.stringify(metadata.filetype)}.`);
    return { interview, question: undefined, attempt: 0 };
  }
  const missing = REQUIRED_KEYS.filter((key) => !metadata?.[key]);
  if (missing.length) {
    refuse(400, `Upload-Metadata is missing ${missing.map((key) => `"${key}"`).join(', ')}: every answer names its interview, question, attempt, kind and filetype.`);
  }
  const interview = interviews.get(metadata.interviewId);
  if (!interview) refuse(422, `Unknown interview ${JSON.stringify(metadata.interviewId)}: this server takes answers for ${list([...interviews.keys()])}.`);
  const question = interview.questions.get(metadata.questionId);
  if (!question) {
    refuse(422, `The interview ${JSON.stringify(interview.id)} has no question ${JSON.stringify(metadata.questionId)}; its questions are ${list([...interview.questions.keys()])}.`);
  }
  if (!/^[1-9]\d{0,5}$/.test(metadata.attempt)) refuse(400, `"attempt" must be a positive whole number, got ${JSON.stringify(metadata.attempt)}.`);
  if (metadata.kind !== question.answer) {
    refuse(422, `The question ${JSON.stringify(question.id)} takes a ${question.answer} answer, not ${JSON.stringify(metadata.kind)}.`);
  }
  const filetype = metadata.filetype.toLowerCase();
  if (!allowedFiletype(question.answer, filetype)) {
    refuse(415, `A ${question.answer} answer cannot be ${JSON.stringify(metadata.filetype)}; expected ${FILETYPES_TEXT[question.answer]}.`);
  }
  if (metadata.codecs && metadata.codecs.split(';')[0].trim().toLowerCase() !== filetype) {
    refuse(400, `"codecs" (${JSON.stringify(metadata.codecs)}) must be the full MIME type of "filetype" (${JSON.stringify(metadata.filetype)}).`);
  }
  return { interview, question, attempt: Number(metadata.attempt) };
}

const FILETYPES_TEXT = {
  video: 'a video/* type such as video/mp4 or video/webm',
  audio: 'an audio/* type, or video/webm or video/mp4 as some browsers label audio-only recordings',
  text: 'text/plain',
};

/** Whether a bare MIME type (`filetype`, lower case) suits an answer kind. */
export function allowedFiletype(kind, filetype) {
  const token = /^[a-z0-9][a-z0-9!#$&^_.+-]*$/;
  const [type, subtype = '', rest] = filetype.split('/');
  if (rest !== undefined || !token.test(subtype)) return false;
  switch (kind) {
    case 'video':
      return type === 'video';
    case 'audio':
      // MediaRecorder may label an audio-only recording with the container's video type.
      return type === 'audio' || filetype === 'video/webm' || filetype === 'video/mp4';
    case 'text':
      return filetype === 'text/plain';
    default:
      return false;
  }
}

/**
 * The largest file an answer may be: its answer time at a generous bitrate plus headroom for
 * recordings, four bytes per character (the UTF-8 worst case) for text.
 * `timeMultiplier` is a time accommodation the host granted (the widget's `time-multiplier`).
 */
export function maxAnswerBytes(question, timeMultiplier = 1) {
  if (question.answer === 'text') return question.maxChars * 4;
  const factor = Number.isFinite(timeMultiplier) ? Math.max(1, timeMultiplier) : 1;
  const seconds = question.answerSeconds * factor;
  return Math.ceil((seconds * MAX_BITS_PER_SECOND[question.answer]) / 8) + HEADROOM_BYTES;
}

/** The limit for an upload's metadata; 0 (no limit) when it is no valid answer, which `onUploadCreate` refuses anyway. */
export function maxUploadBytes(metadata, interviews, timeMultiplier) {
  if (isPreflight(metadata)) return PREFLIGHT_MAX_BYTES;
  if (isConsentReceipt(metadata)) return CONSENT_MAX_BYTES;
  try {
    return maxAnswerBytes(checkAnswerMetadata(metadata, interviews).question, timeMultiplier);
  } catch {
    return 0;
  }
}

/** The largest answer any known interview allows, for `Tus-Max-Size` in OPTIONS responses. */
export function largestAnswerBytes(interviews) {
  let largest = PREFLIGHT_MAX_BYTES;
  for (const interview of interviews.values()) {
    for (const question of interview.questions.values()) largest = Math.max(largest, maxAnswerBytes(question));
  }
  return largest;
}

export function refuse(status_code, message) {
  throw { status_code, body: `${message}\n` };
}

function list(values) {
  return values.length ? values.map((value) => JSON.stringify(value)).join(', ') : 'none';
}
