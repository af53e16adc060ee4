import { MAX_TIMER_SECONDS } from './countdown-clock.js';
import { resolveQuestions, type AnswerKind, type InterviewConfig, type ResolvedQuestion } from './interview-config.js';
import { consentReceipt, type ConsentReceipt } from './consent-receipt.js';
import { drawQuestions } from './question-draw.js';

/** Where the candidate is. `pending`: the question is not revealed yet (its text is not shown). */
export type InterviewStep =
  | { step: 'closed' }
  | { step: 'intro' }
  | { step: 'device-check' }
  | { step: 'question'; index: number; practice: boolean; phase: 'pending' | 'think' | 'answer' | 'review' }
  | { step: 'finishing' }
  | { step: 'complete' };

/** The take submitted for a question, and where it ended up once the server has all of it. */
export interface SubmittedAnswer {
  questionId: string;
  attempt: number;
  kind: AnswerKind;
  /** Text answers: the text, kept until it is on the server. */
  text?: string;
  uploadUrl?: string;
  bytes?: number;
  durationMs?: number;
  mimeType?: string;
  sha256?: string;
  interrupted?: boolean;
  /** The tus metadata the answer was uploaded with. */
  metadata?: Record<string, string>;
}

/**
 * What is saved after every step, so a candidate who comes back continues where they were. The
 * records are keyed by question id; read them with `Object.hasOwn` (as the flow does): an id such
 * as `constructor` or `__proto__` must not find what every object inherits.
 */
export interface InterviewProgress {
  interviewId: string;
  started: boolean;
  deviceChecked: boolean;
  practiceDone: boolean;
  /** The question the candidate is on (the first unanswered one). */
  index: number;
  /** Takes begun per question: numbers each take's `attempt`, including ones a crash cut short. */
  takesStarted: Record<string, number>;
  /** Retakes chosen per question. A take cut short by a crash does not count ("fair retakes"). */
  retakesUsed: Record<string, number>;
  submitted: Record<string, SubmittedAnswer>;
  /** Uploads that finished before their take was submitted (short takes on fast links), by `questionId#attempt`. */
  deliveredEarly: Record<string, Delivery>;
  /** What the candidate accepted, kept until the server has the receipt (`uploadUrl`). */
  consent?: { receipt: ConsentReceipt; uploadUrl?: string };
  complete: boolean;
}

/** Where a take ended up on the server. */
export type Delivery = Omit<SubmittedAnswer, 'questionId' | 'kind' | 'attempt'>;

export interface InterviewFlowOptions {
  /** Called with the progress after every change; the element stores it. */
  save?(progress: InterviewProgress): void;
  /**
   * Multiplies think and answer times (time accommodations), up to {@link MAX_TIME_MULTIPLIER};
   * more than that means untimed. `untimed` removes the limits.
   */
  timeMultiplier?: number;
  untimed?: boolean;
  now?: () => Date;
  /** Milliseconds, monotonic: how long a text answer took. */
  monotonic?: () => number;
  /** Seeds the draw of questions (with the interview id), and goes in every upload's metadata. */
  candidate?: string;
  /** A question was revealed for the first time in this visit (not the practice one). */
  onQuestionStart?(question: ResolvedQuestion, index: number): void;
  /** Every question is answered and every answer is on the server. */
  onComplete?(answers: SubmittedAnswer[]): void;
}

/** Which answer a take is: its question and attempt, or the practice (never uploaded); the consent receipt has `kind: consent`. */
export interface TakeContext {
  questionId?: string;
  practice?: boolean;
  attempt?: number;
  kind?: AnswerKind;
}

/**
 * The largest time accommodation that still keeps limits: WCAG 2.2.1 (Timing Adjustable) asks
 * that a limit can be extended at least tenfold. A larger multiplier makes the interview untimed.
 */
export const MAX_TIME_MULTIPLIER = 20;


/** The value of `record` under `key` if the record itself has one, never one inherited from `Object.prototype`. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function newProgress(interviewId: string): InterviewProgress {
  return {
    interviewId,
    started: false,
    deviceChecked: false,
    practiceDone: false,
    index: 0,
    takesStarted: {},
    retakesUsed: {},
    submitted: {},
    deliveredEarly: {},
    complete: false,
  };
}

/**
 * The interview as a state machine: which step the candidate is on and what each button does.
 * No DOM: the element renders `step` and calls these transitions; every change is saved.
 */
export class InterviewFlow {
  private drawn: ResolvedQuestion[];
  private scaled: ResolvedQuestion[] = [];
  private multiplier = 1;
  private untimed = false;
  private phase: 'pending' | 'think' | 'answer' | 'review' = 'pending';
  private inDeviceCheck = false;
  private inPractice = false;
  /** Whether "Start interview" / "Resume interview" was pressed in this visit: a returning candidate sees the intro first. */
  private inSession = false;
  /** Practice takes recorded in this visit (they are never saved). */
  private practiceTakes = 0;
  /** The attempt of the take being recorded or reviewed. */
  private currentAttempt = 0;
  private answerStartedAt = 0;
  /** The question whose start was last announced, so a retake does not announce it again. */
  private startedQuestion = '';

  constructor(
    readonly config: InterviewConfig,
    private progressState: InterviewProgress,
    private readonly options: InterviewFlowOptions = {},
  ) {
    // The same candidate gets the same draw at every visit: progress counts along it.
    this.drawn = drawQuestions(resolveQuestions(config), config, `${config.id}\u0000${options.candidate ?? ''}`);
    this.setTiming(options);
  }

  /**
   * Changes the time accommodation (e.g. after the candidate asked for one): every timer from the
   * next one on uses it; a countdown already running keeps its length.
   */
  setTiming(timing: Pick<InterviewFlowOptions, 'timeMultiplier' | 'untimed'>): void {
    const multiplier = timing.timeMultiplier && timing.timeMultiplier > 0 ? timing.timeMultiplier : 1;
    this.multiplier = multiplier;
    this.untimed = !!timing.untimed || multiplier > MAX_TIME_MULTIPLIER;
    // Every timer of the interview (countdowns, the recorder's limit) takes its length from here.
    const scale = (seconds: number) => Math.min(Math.round(seconds * multiplier), MAX_TIMER_SECONDS);
    this.scaled = this.drawn.map((question) => ({
      ...question,
      thinkSeconds: scale(question.thinkSeconds),
      answerSeconds: scale(question.answerSeconds),
    }));
  }

  /** The questions asked, in the order they are asked (drawn per candidate with `pick`, `shuffle` or `pools`), with the time accommodation applied. */
  get questions(): ResolvedQuestion[] {
    return this.scaled;
  }

  /** The time accommodation applied: the option when it is a positive number, else 1. */
  get timeMultiplier(): number {
    return this.multiplier;
  }

  get progress(): InterviewProgress {
    return this.progressState;
  }

  /** Whether think and answer times are limits (false with `untimed`, or a multiplier above {@link MAX_TIME_MULTIPLIER}). */
  get timed(): boolean {
    return !this.untimed;
  }

  /** Past the deadline nothing can start. */
  get closed(): boolean {
    const { deadline } = this.config;
    return !!deadline && Date.parse(deadline) <= (this.options.now?.() ?? new Date()).getTime();
  }

  get step(): InterviewStep {
    const progress = this.progressState;
    if (progress.complete) return { step: 'complete' };
    if (!progress.started && this.closed) return { step: 'closed' };
    if (!this.inSession) return { step: 'intro' };
    if (this.inDeviceCheck) return { step: 'device-check' };
    if (this.inPractice) return { step: 'question', index: 0, practice: true, phase: this.phase };
    if (progress.index >= this.questions.length) return { step: 'finishing' };
    return { step: 'question', index: progress.index, practice: false, phase: this.phase };
  }

  /** The question on screen (the practice question uses the first question's settings). */
  get current(): ResolvedQuestion {
    return this.questions[this.inPractice ? 0 : Math.min(this.progressState.index, this.questions.length - 1)];
  }

  /** The attempt number the next take of the current question will carry (1-based). */
  get nextAttempt(): number {
    return (own(this.progressState.takesStarted, this.current.id) ?? 0) + 1;
  }

  /** Retakes the candidate can still choose for the current question. */
  get retakesLeft(): number {
    if (this.inPractice) return 1;
    return Math.max(0, this.current.retakes - (own(this.progressState.retakesUsed, this.current.id) ?? 0));
  }

  /** The attempt of the take being recorded or reviewed (of the practice, in practice). */
  get attempt(): number {
    return this.currentAttempt;
  }

  /**
   * The start of every recording slot of this interview and candidate. Encoded, so no interview
   * id or candidate is a prefix of another's, and one candidate never finds another's takes.
   */
  get slotPrefix(): string {
    return `${encodeURIComponent(this.config.id)}/${encodeURIComponent(this.options.candidate ?? '')}/`;
  }

  /** The recording slot of the question on screen (or of the practice). */
  get slot(): string {
    return `${this.slotPrefix}${this.inPractice ? '#practice' : encodeURIComponent(this.current.id)}`;
  }

  /** The metadata every upload of an answer to the current question carries, so the host can file it; for the next take unless `attempt` is given. */
  takeMetadata(kind: string, attempt = this.nextAttempt, questionId = this.current.id): Record<string, string> {
    return { interviewId: this.config.id, questionId, attempt: String(attempt), kind, candidate: this.options.candidate ?? '' };
  }

  /** The metadata of the consent receipt's upload. */
  get consentMetadata(): Record<string, string> {
    return { interviewId: this.config.id, kind: 'consent', candidate: this.options.candidate ?? '' };
  }

  /** Which answer a take with this upload metadata is (read back from `takeMetadata`); without any, the take on screen. */
  takeContext(metadata?: Record<string, string>): TakeContext {
    if (!metadata) {
      // A practice take is no question's answer (and is never uploaded).
      if (this.inPractice) return { practice: true, attempt: this.currentAttempt, kind: 'video' };
      return { questionId: this.current.id, attempt: this.currentAttempt, kind: this.current.answer };
    }
    return { questionId: metadata.questionId, attempt: Number(metadata.attempt), kind: metadata.kind as AnswerKind };
  }

  /** Whether the question on screen is answered in writing (the practice never is). */
  get textAnswer(): boolean {
    return this.current.answer === 'text' && !this.inPractice;
  }

  /**
   * A take with camera or microphone is being prepared (think time) or recorded: while it is, the
   * question, its timer and Start/Stop must fit on one screen together.
   */
  get capturing(): boolean {
    const step = this.step;
    return step.step === 'question' && (step.phase === 'think' || step.phase === 'answer') && (step.practice || this.current.answer !== 'text');
  }

  /** The take being recorded or reviewed, as answer progress counts it; none in practice. */
  get recordingTake(): { questionId: string; attempt: number } | undefined {
    const step = this.step;
    return step.step === 'question' && !step.practice ? { questionId: this.current.id, attempt: this.currentAttempt } : undefined;
  }

  /** "Start interview" / "Resume interview". */
  start(): void {
    if (this.closed && !this.progressState.started) return;
    const resuming = this.progressState.started;
    this.inSession = true;
    this.progressState = { ...this.progressState, started: true };
    this.inDeviceCheck = this.config.deviceCheck !== false && !this.progressState.deviceChecked;
    this.inPractice = !this.inDeviceCheck && !resuming && !!this.config.practice && !this.progressState.practiceDone;
    // The first question (or the practice one) is revealed by this very press.
    this.phase = this.inDeviceCheck ? 'pending' : 'think';
    this.save();
    this.entered();
  }

  /**
   * The candidate starts having accepted the consent (`ai`: the optional AI consent too), when the
   * config asks for one that was not given yet: returns the receipt, kept until the server has it.
   */
  acceptConsent(ai: boolean, locale: string): ConsentReceipt | undefined {
    const { consent, aiConsent } = this.config;
    if (!consent || this.progressState.started) return undefined;
    const now = this.options.now?.() ?? new Date();
    const receipt = consentReceipt({ interviewId: this.config.id, candidate: this.options.candidate ?? '', consent, aiConsent, ai, locale, now });
    this.progressState = { ...this.progressState, consent: { receipt } };
    this.save();
    return receipt;
  }

  /** The server has the consent receipt. */
  consentDelivered(uploadUrl: string): void {
    const consent = this.progressState.consent;
    if (!consent) return;
    this.progressState = { ...this.progressState, consent: { ...consent, uploadUrl } };
    this.save();
  }

  /** The device check's "Continue". */
  deviceCheckDone(): void {
    this.inDeviceCheck = false;
    this.progressState = { ...this.progressState, deviceChecked: true };
    this.inPractice = !!this.config.practice && !this.progressState.practiceDone;
    this.phase = 'think';
    this.save();
    this.entered();
  }

  /** "Next question": reveals the current question and starts its think time. */
  reveal(): void {
    if (this.phase === 'pending') this.phase = 'think';
    this.entered();
  }

  /** Recording (or typing) has started. Returns the attempt number of this take (of the practice, in practice). */
  startAnswer(): number {
    this.phase = 'answer';
    this.answerStartedAt = this.monotonic();
    if (this.inPractice) return (this.currentAttempt = ++this.practiceTakes);
    const attempt = this.nextAttempt;
    const id = this.current.id;
    this.progressState = { ...this.progressState, takesStarted: { ...this.progressState.takesStarted, [id]: attempt } };
    this.save();
    return (this.currentAttempt = attempt);
  }

  /**
   * Submits the text typed for the current text question (or the practice): the answer to send,
   * with how long it took, or undefined in practice, where nothing is sent.
   */
  submitText(text: string): SubmittedAnswer | undefined {
    const practice = this.inPractice;
    const attempt = this.currentAttempt;
    const questionId = this.current.id;
    const durationMs = Math.round(this.monotonic() - this.answerStartedAt);
    this.stopAnswer();
    this.submit(practice ? { attempt } : { attempt, text, durationMs });
    return practice ? undefined : { questionId, attempt, kind: 'text', text, durationMs };
  }

  /**
   * The take has stopped. A recorded take is reviewed, the last allowed one too (it can be watched,
   * not retaken); text answers are submitted as they are.
   */
  stopAnswer(): 'review' | 'submit' {
    if (this.current.answer !== 'text' || this.inPractice) {
      this.phase = 'review';
      return 'review';
    }
    return 'submit';
  }

  /** Whether the take about to be recorded (or being reviewed) is the question's last: no retake after it. */
  get lastTake(): boolean {
    return this.retakesLeft === 0;
  }

  /** "Retake": the take is thrown away and uses up a retake. */
  retake(): void {
    if (this.phase !== 'review' || this.retakesLeft === 0) return;
    if (!this.inPractice) {
      const id = this.current.id;
      const used = (own(this.progressState.retakesUsed, id) ?? 0) + 1;
      this.progressState = { ...this.progressState, retakesUsed: { ...this.progressState.retakesUsed, [id]: used } };
      this.save();
    }
    this.phase = 'think';
    this.entered();
  }

  /** "Submit answer": the take (or text) becomes the question's answer; the next question waits to be revealed. */
  submit(answer: Omit<SubmittedAnswer, 'questionId' | 'kind'>): void {
    if (this.inPractice) {
      this.inPractice = false;
      this.progressState = { ...this.progressState, practiceDone: true };
    } else {
      const question = this.current;
      const { [`${question.id}#${answer.attempt}`]: early, ...deliveredEarly } = this.progressState.deliveredEarly ?? {};
      this.progressState = {
        ...this.progressState,
        index: this.progressState.index + 1,
        submitted: {
          ...this.progressState.submitted,
          [question.id]: { ...answer, ...early, questionId: question.id, kind: question.answer },
        },
        deliveredEarly,
      };
      if (early) delete this.progressState.submitted[question.id].text;
    }
    this.phase = 'pending';
    this.completeIfDelivered();
    this.save();
  }

  /** An upload finished: recorded on the submitted answer it belongs to, or kept until its take is submitted. */
  delivered(questionId: string, attempt: number, upload: Delivery): void {
    const submitted = own(this.progressState.submitted, questionId);
    if (!submitted) {
      const key = `${questionId}#${attempt}`;
      this.progressState = { ...this.progressState, deliveredEarly: { ...this.progressState.deliveredEarly, [key]: upload } };
      this.save();
      return;
    }
    if (submitted.attempt !== attempt) return;
    // Once on the server, a text answer's text need not be kept on the device.
    const kept = { ...submitted };
    delete kept.text;
    this.progressState = {
      ...this.progressState,
      submitted: { ...this.progressState.submitted, [questionId]: { ...kept, ...upload } },
    };
    this.completeIfDelivered();
    this.save();
  }

  /** Submitted answers whose upload has not finished yet. */
  get undelivered(): SubmittedAnswer[] {
    return Object.values(this.progressState.submitted).filter((answer) => !answer.uploadUrl || answer.sha256 === undefined);
  }

  /** One entry per question with the submitted take, in question order. */
  manifest(): SubmittedAnswer[] {
    return this.questions.flatMap((question) => own(this.progressState.submitted, question.id) ?? []);
  }

  private completeIfDelivered(): void {
    if (!this.progressState.complete && this.progressState.index >= this.questions.length && this.undelivered.length === 0) {
      this.progressState = { ...this.progressState, complete: true };
      this.options.onComplete?.(this.manifest());
    }
  }

  /** Announces a question the first time its think time begins in this visit. */
  private entered(): void {
    const step = this.step;
    if (step.step !== 'question' || step.phase !== 'think' || step.practice || this.startedQuestion === this.current.id) return;
    this.startedQuestion = this.current.id;
    this.options.onQuestionStart?.(this.current, step.index);
  }

  private monotonic(): number {
    return (this.options.monotonic ?? (() => performance.now()))();
  }

  private save(): void {
    this.options.save?.(this.progressState);
  }
}
