// Where each question's answer is, for the interview: counted per question, never per take.
// A discarded take (a retake) drops out; a question is "sent" only when the take submitted for
// it is on the server; "all saved" only when every question is answered and sent.
import type { UploadProgress } from './take.js';
import { SpeedMeter, timeLeftSeconds } from './upload-stats.js';

/** What a question's answer is doing, in the words the candidate sees. */
export type AnswerStatus = 'not-answered' | 'recorded' | 'sending' | 'waiting-for-connection' | 'retrying' | 'failed' | 'sent';

/** The take submitted for a question, as the interview knows it. */
export interface SubmittedTake {
  attempt: number;
  /** Whether the server holds all of it. */
  delivered: boolean;
  /** Bytes of a text answer, which reports no progress of its own. */
  bytes?: number;
}

export interface QuestionProgress {
  questionId: string;
  status: AnswerStatus;
}

export interface OverallProgress {
  /** Questions with a submitted answer. */
  answered: number;
  /** Questions whose submitted answer is on the server. */
  sent: number;
  total: number;
  /** Bytes recorded for submitted answers and the take being recorded that the server does not hold yet. */
  bytesLeft: number;
  /** Bytes per second confirmed over the last few seconds, across answers; undefined until known. */
  bytesPerSecond: number | undefined;
  /** Seconds until every recorded byte is sent, once every recording has ended and the speed is known. */
  secondsLeft: number | undefined;
  /** Bytes are left but none was confirmed for the last few seconds. */
  stalled: boolean;
  /** Every question is answered and on the server. */
  allSaved: boolean;
  /** The most urgent state among answers on their way (failed, then waiting, then retrying), if any. */
  attention: 'failed' | 'waiting-for-connection' | 'retrying' | undefined;
}

const key = (questionId: string, attempt: number) => `${questionId}#${attempt}`;

/** Keeps the upload reports of the interview's takes and tells each question's status. */
export class AnswerProgress {
  private readonly takes = new Map<string, UploadProgress>();
  private readonly meter: SpeedMeter;
  /** Bytes confirmed since the start, never less: the speed is read off it, so a discarded take does not reset it. */
  private confirmed = 0;

  constructor(now?: () => number) {
    this.meter = new SpeedMeter(now);
  }

  /** An upload report of a take. */
  report(questionId: string, attempt: number, progress: UploadProgress): void {
    const before = this.takes.get(key(questionId, attempt));
    this.confirmed += Math.max(0, progress.bytesUploaded - (before?.bytesUploaded ?? 0));
    this.takes.set(key(questionId, attempt), progress);
    this.meter.record(this.confirmed);
  }

  /** The take is on the server, `bytes` long. */
  delivered(questionId: string, attempt: number, bytes: number): void {
    this.report(questionId, attempt, { bytesUploaded: bytes, bytesRecorded: bytes, recordingEnded: true, state: 'done' });
  }

  /** The last upload report of a take, if any. */
  upload(questionId: string, attempt: number): UploadProgress | undefined {
    return this.takes.get(key(questionId, attempt));
  }

  /** The take was thrown away (a retake): it no longer counts. */
  discard(questionId: string, attempt: number): void {
    this.takes.delete(key(questionId, attempt));
  }

  /** Forgets every take (a new interview). */
  reset(): void {
    this.takes.clear();
    this.meter.reset();
    this.confirmed = 0;
  }

  /**
   * Each question's status, in order, from what was submitted for it; `recording` is the take
   * being recorded or reviewed, `recorded` until it is submitted or retaken.
   */
  questions(
    questionIds: readonly string[],
    submitted: (questionId: string) => SubmittedTake | undefined,
    recording?: { questionId: string; attempt: number },
  ): QuestionProgress[] {
    return questionIds.map((questionId) => {
      const take = submitted(questionId);
      const recorded = !take && recording?.questionId === questionId && this.takes.has(key(questionId, recording.attempt));
      return { questionId, status: recorded ? 'recorded' : this.status(questionId, take) };
    });
  }

  /**
   * Totals across questions. `recording`: the take being recorded or reviewed, whose bytes are on
   * their way too although it is not submitted yet.
   */
  overall(
    questionIds: readonly string[],
    submitted: (questionId: string) => SubmittedTake | undefined,
    recording?: { questionId: string; attempt: number },
  ): OverallProgress {
    const statuses = this.questions(questionIds, submitted, recording).map((question) => question.status);
    const counted = questionIds.flatMap((questionId) => {
      const take = submitted(questionId);
      return take ? [this.takes.get(key(questionId, take.attempt)) ?? textTake(take)] : [];
    });
    const current = recording && !submitted(recording.questionId) ? this.takes.get(key(recording.questionId, recording.attempt)) : undefined;
    if (current) counted.push(current);
    const bytesLeft = counted.reduce((sum, take) => sum + (take.state === 'done' ? 0 : Math.max(0, take.bytesRecorded - take.bytesUploaded)), 0);
    const bytesPerSecond = this.meter.bytesPerSecond;
    const allEnded = counted.every((take) => take.recordingEnded);
    const onTheirWay = [...statuses, ...(current ? [activeStatus(current)] : [])];
    return {
      answered: statuses.filter((status) => status !== 'not-answered' && status !== 'recorded').length,
      sent: statuses.filter((status) => status === 'sent').length,
      total: questionIds.length,
      bytesLeft,
      bytesPerSecond,
      secondsLeft: allEnded ? timeLeftSeconds(0, bytesLeft, bytesPerSecond) : undefined,
      stalled: bytesLeft > 0 && bytesPerSecond === 0,
      allSaved: statuses.every((status) => status === 'sent'),
      attention: (['failed', 'waiting-for-connection', 'retrying'] as const).find((state) => onTheirWay.includes(state)),
    };
  }

  private status(questionId: string, take: SubmittedTake | undefined): AnswerStatus {
    if (!take) return 'not-answered';
    if (take.delivered) return 'sent';
    const progress = this.takes.get(key(questionId, take.attempt));
    return progress ? activeStatus(progress) : 'sending';
  }
}

/** The status of a take on its way. */
function activeStatus(progress: UploadProgress): AnswerStatus {
  switch (progress.state) {
    case 'done':
      return 'sent';
    case 'failed':
    case 'waiting-for-connection':
    case 'retrying':
      return progress.state;
    default:
      return 'sending';
  }
}

/** A submitted take with no upload reports (a text answer): all of it is left until it is delivered. */
function textTake(take: SubmittedTake): UploadProgress {
  const bytes = take.bytes ?? 0;
  return { bytesUploaded: take.delivered ? bytes : 0, bytesRecorded: bytes, recordingEnded: true, state: take.delivered ? 'done' : 'uploading' };
}
