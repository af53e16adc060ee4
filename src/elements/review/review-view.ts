// What <oneway-review> shows and does once its chunk has loaded: it reads and checks the input,
// plays the answers, takes the reviewer's ratings and notes, and verifies the files.
import { adoptStyles, html, nothing, type ReactiveController } from 'lit';
import type { LocaleController } from '../../controllers/locale-controller.js';
import { OnewayError } from '../../core/errors.js';
import { formatConfigProblems, type ConfigProblem, type InterviewConfig } from '../../core/interview-config.js';
import { readJsonInput } from '../../core/json-input.js';
import { playableSeconds, revealDuration } from '../../core/media-duration.js';
import { onlyConfigProblems, validateReviewInput, type ReviewAnswer, type ReviewItem } from '../../core/review-input.js';
import { Sha256 } from '../../core/sha256.js';
import { sha256OfStream } from '../../core/sha256-stream.js';
import { OnewayErrorEvent } from '../../events/error.js';
import { ReviewChangeEvent } from '../../events/review-change.js';
import type { OnewayQuestion } from '../question/question.js';
import type { OnewayReview } from './review.js';
import { reviewStyles } from './review.styles.js';
import type { MessageKey } from '../../i18n/en.js';

const SPEEDS = [1, 1.25, 1.5, 2];
const SKIP_SECONDS = 5;
/** Where the chosen playback speed is remembered, for every review on this device. */
const SPEED_KEY = 'oneway-interview:review-speed';

type Check = 'verifying' | 'verified' | 'mismatch' | 'unverified';
const checkMessage = {
  verifying: 'review.verifying',
  verified: 'review.verified',
  mismatch: 'error.answer-mismatch',
  unverified: 'review.unverified',
} as const satisfies Record<Check, MessageKey>;

/** What the element knows of one answer besides the manifest. */
interface AnswerState {
  /** Where it plays from (media answers), once resolved. */
  url?: string;
  /** Text answers: the text, once read. */
  text?: string;
  failed?: boolean;
  check?: Check;
  paused: boolean;
  time: number;
  /** What the player says (NaN before its metadata, Infinity for a streamed recording until revealed). */
  mediaDuration: number;
}

/** The reviewer's assessment of one answer. */
type Assessment = { rating?: number; notes?: string };

export class ReviewView implements ReactiveController {
  private status: 'loading' | 'ready' | 'invalid' = 'loading';
  private problems: ConfigProblem[] = [];
  private config: InterviewConfig | undefined;
  private items: ReviewItem[] = [];
  private states: AnswerState[] = [];
  private current = 0;
  private speed = rememberedSpeed();
  /** Ratings and notes changed here, over the host's `review`. */
  private assessments = new Map<string, Assessment>();
  private loads = 0;
  private source: unknown[] = [];
  private shownReview: unknown;

  constructor(
    private readonly host: OnewayReview,
    private readonly i18n: LocaleController,
  ) {
    adoptStyles(host.renderRoot as ShadowRoot, reviewStyles);
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeydown);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeydown);
  }

  /** Loads again when the input changed; drops local edits when the host hands other saved assessments. */
  hostUpdate(): void {
    const { src, config, answers, resolveMedia, verify, review } = this.host;
    const source = [src, config, answers, resolveMedia, verify];
    if (source.some((value, index) => value !== this.source[index])) {
      this.source = source;
      void this.load();
    }
    if (review !== this.shownReview) {
      this.shownReview = review;
      this.assessments.clear();
    }
  }

  private async load(): Promise<void> {
    const load = ++this.loads;
    const host = this.host;
    this.status = 'loading';
    let raw: unknown;
    try {
      const given = host.config !== undefined || host.answers !== undefined ? { config: host.config, answers: host.answers } : undefined;
      const inline = host.querySelector('script[type="application/json"]')?.textContent ?? undefined;
      raw = await readJsonInput({ value: given, inline, url: host.src, attribute: 'src', what: 'review' });
    } catch (cause) {
      if (load === this.loads) this.invalid([{ path: '$', message: (cause as Error).message }]);
      return;
    }
    if (load !== this.loads || raw === undefined) return;
    const result = validateReviewInput(raw);
    if (!result.ok) return this.invalid(result.problems);
    this.config = result.config;
    this.items = result.items;
    this.states = result.items.map(() => ({ paused: true, time: 0, mediaDuration: NaN }));
    this.current = 0;
    this.status = 'ready';
    host.requestUpdate();
    result.items.forEach(({ answer }, index) => answer && void this.prepare(load, index, answer));
  }

  private invalid(problems: ConfigProblem[]): void {
    this.status = 'invalid';
    this.problems = problems;
    const code = onlyConfigProblems(problems) ? 'config-invalid' : 'manifest-invalid';
    this.report(new OnewayError(code, `Invalid review input:\n${formatConfigProblems(problems)}`, false));
    this.host.requestUpdate();
  }

  private report(error: OnewayError): void {
    this.host.dispatchEvent(OnewayErrorEvent.from(error));
  }

  /** Resolves where an answer is, reads a text answer, and with `verify` checks the file. */
  private async prepare(load: number, index: number, answer: ReviewAnswer): Promise<void> {
    const state = this.states[index];
    const verify = this.host.verify;
    try {
      if (answer.kind === 'text' && answer.text !== undefined) {
        state.text = answer.text;
        return;
      }
      const url = await (this.host.resolveMedia?.(answer) ?? answer.uploadUrl!);
      if (load !== this.loads) return;
      state.url = url;
      if (answer.kind !== 'text' && !verify) return;
      state.check = verify ? (answer.sha256 ? 'verifying' : 'unverified') : undefined;
      this.host.requestUpdate();
      // Fetched once: a media file is hashed as it streams in, a text answer is read and hashed.
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
      let digest: string;
      if (answer.kind === 'text') {
        const bytes = new Uint8Array(await response.arrayBuffer());
        state.text = new TextDecoder().decode(bytes);
        digest = new Sha256().update(bytes).hex();
      } else {
        digest = await sha256OfStream(response.body!);
      }
      if (load !== this.loads || state.check !== 'verifying') return;
      state.check = digest === answer.sha256 ? 'verified' : 'mismatch';
      if (state.check === 'mismatch') {
        this.report(
          new OnewayError(
            'answer-mismatch',
            `The file of the answer to "${answer.questionId}" (${url}) does not match the uploaded file: its SHA-256 is ${digest}, the manifest's ${answer.sha256}.`,
            true,
          ),
        );
      }
    } catch (cause) {
      if (load !== this.loads) return;
      state.failed = true;
      state.check = undefined;
      this.report(new OnewayError('answer-unavailable', `The answer to "${answer.questionId}" could not be loaded: ${String(cause)}`, true, { cause }));
    } finally {
      this.host.requestUpdate();
    }
  }

  private media(index: number): HTMLVideoElement | null {
    return this.host.renderRoot.querySelector(`#media-${index}`);
  }

  /** Reads the player's state after one of its events; the first time, makes it find its duration. */
  private onMediaEvent(index: number, event: Event): void {
    const media = event.target as HTMLVideoElement;
    const state = this.states[index];
    if (!state) return;
    if (event.type === 'loadedmetadata') void revealDuration(media);
    if (event.type === 'play') {
      this.makeCurrent(index);
      this.host.renderRoot.querySelectorAll('video').forEach((other) => other !== media && other.pause());
    }
    if (event.type === 'error' && !state.failed) {
      state.failed = true;
      this.report(new OnewayError('answer-unavailable', `The answer to "${this.items[index].question.id}" could not be played from ${media.currentSrc}: ${media.error?.message ?? 'media error'}`, true));
    }
    state.paused = media.paused;
    state.time = media.currentTime;
    state.mediaDuration = media.duration;
    this.host.requestUpdate();
  }

  private toggle(index: number): void {
    const media = this.media(index);
    if (!media) return;
    if (media.paused) void media.play().catch(() => undefined);
    else media.pause();
  }

  private seek(index: number, seconds: number): void {
    const media = this.media(index);
    const answer = this.items[index].answer;
    if (!media || !answer) return;
    media.currentTime = Math.min(Math.max(0, seconds), playableSeconds(media.duration, answer.durationMs));
  }

  private setSpeed(speed: number): void {
    this.speed = speed;
    try {
      localStorage.setItem(SPEED_KEY, String(speed));
    } catch {
      // Storage off (a sandboxed frame, private mode): the speed holds for this page only.
    }
    this.host.requestUpdate();
  }

  private makeCurrent(index: number): void {
    if (index === this.current) return;
    this.media(this.current)?.pause();
    this.current = index;
    this.host.requestUpdate();
  }

  /** "Next answer" / "Previous answer": the neighbour becomes current and its question takes the focus. */
  private async move(by: number): Promise<void> {
    const index = Math.min(Math.max(0, this.current + by), this.items.length - 1);
    this.makeCurrent(index);
    await this.host.updateComplete;
    await this.host.renderRoot.querySelector<OnewayQuestion>(`#question-${index} oneway-question`)?.focusHeading();
  }

  /** The shortcuts, wherever the focus is in the element, except where a control takes the key itself. */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (this.status !== 'ready' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0] as Element;
    if (target.matches('input, textarea, select')) return;
    const key = event.key.toLowerCase();
    if (key === ' ' && !target.matches('button')) this.toggle(this.current);
    else if (key === 'arrowleft' || key === 'arrowright') this.seek(this.current, this.states[this.current].time + (key === 'arrowleft' ? -SKIP_SECONDS : SKIP_SECONDS));
    else if (key === 'n' || key === 'p') void this.move(key === 'n' ? 1 : -1);
    else return;
    event.preventDefault();
  };

  private assessment(questionId: string): Assessment {
    return this.assessments.get(questionId) ?? this.host.review?.[questionId] ?? {};
  }

  private assess(answer: ReviewAnswer, change: Assessment): void {
    const assessment = { ...this.assessment(answer.questionId), ...change };
    this.assessments.set(answer.questionId, assessment);
    const { questionId, attempt } = answer;
    this.host.dispatchEvent(new ReviewChangeEvent({ questionId, attempt, rating: assessment.rating, notes: assessment.notes ?? '' }));
    this.host.requestUpdate();
  }

  render() {
    const { i18n } = this;
    return html`${this.status === 'loading'
        ? html`<p part="loading" role="status">${i18n.t('review.loading')}</p>`
        : this.status === 'invalid'
          ? html`<div part="problems" role="alert">
              <p>${i18n.t('error.manifest-invalid')}</p>
              <ul>${this.problems.map((problem) => html`<li><code>${problem.path}</code>: ${problem.message}</li>`)}</ul>
            </div>`
          : this.renderReview()}`;
  }

  private renderReview() {
    const { i18n } = this;
    const last = this.items.length - 1;
    return html`
      <p part="title" lang=${i18n.requested} dir="auto">${this.config!.title}</p>
      <div part="toolbar">
        <button part="button previous-button" type="button" aria-describedby="shortcuts" ?disabled=${this.current === 0} @click=${() => this.move(-1)}>
          ${i18n.t('review.previous')}
        </button>
        <button part="button next-button" type="button" aria-describedby="shortcuts" ?disabled=${this.current === last} @click=${() => this.move(1)}>
          ${i18n.t('review.next')}
        </button>
        <label>
          ${i18n.t('review.speed')}
          <select part="speed" @change=${(event: Event) => this.setSpeed(Number((event.target as HTMLSelectElement).value))}>
            ${SPEEDS.map((speed) => html`<option value=${speed} ?selected=${speed === this.speed}>${i18n.number(speed)}×</option>`)}
          </select>
        </label>
      </div>
      <p part="shortcuts" id="shortcuts" class="hint">${i18n.t('review.shortcuts')}</p>
      <ol part="questions">
        ${this.items.map((item, index) => this.renderItem(item, index))}
      </ol>
    `;
  }

  private renderItem({ question, answer }: ReviewItem, index: number) {
    const { i18n } = this;
    const current = index === this.current;
    const state = this.states[index];
    return html`<li
      part=${current ? 'question current' : 'question'}
      id=${`question-${index}`}
      aria-current=${current ? 'true' : nothing}
      @focusin=${() => this.makeCurrent(index)}
    >
      <oneway-question
        exportparts=${QUESTION_PARTS}
        lang=${i18n.requested}
        .index=${index}
        .total=${this.items.length}
        .text=${question.text}
        .video=${question.video ?? ''}
        .captions=${question.captions ?? ''}
      ></oneway-question>
      <p part="kind">${i18n.t(`review.kind.${question.answer}`)}</p>
      ${answer ? this.renderAnswer(answer, state, index) : html`<p part="unanswered">${i18n.t('review.unanswered')}</p>`}
    </li>`;
  }

  private renderAnswer(answer: ReviewAnswer, state: AnswerState, index: number) {
    const { i18n } = this;
    const { rating, notes = '' } = this.assessment(answer.questionId);
    return html`
      ${state.failed
        ? html`<p part="error">${i18n.t('error.answer-unavailable')}</p>`
        : answer.kind === 'text'
          ? html`<p part="text-answer" dir="auto">${state.text ?? i18n.t('review.loading')}</p>`
          : this.renderPlayer(answer, state, index)}
      <dl part="details">
        <div><dt>${i18n.t('review.take')}</dt><dd>${i18n.number(answer.attempt)}</dd></div>
        ${answer.durationMs === undefined ? nothing : html`<div><dt>${i18n.t('review.duration')}</dt><dd>${i18n.duration(answer.durationMs / 1000)}</dd></div>`}
        ${answer.bytes === undefined ? nothing : html`<div><dt>${i18n.t('review.size')}</dt><dd>${i18n.bytes(answer.bytes)}</dd></div>`}
        ${answer.receivedAt
          ? html`<div><dt>${i18n.t('review.received')}</dt><dd>${i18n.date(new Date(answer.receivedAt), { dateStyle: 'medium', timeStyle: 'short' })}</dd></div>`
          : nothing}
      </dl>
      ${answer.interrupted ? html`<p part="interrupted">${i18n.t('review.interrupted')}</p>` : nothing}
      ${state.check ? html`<p part=${`verification ${state.check}`} role="status">${i18n.t(checkMessage[state.check])}</p>` : nothing}
      <fieldset part="rating">
        <legend>${i18n.t('review.rating')}</legend>
        ${[1, 2, 3, 4, 5].map(
          (value) => html`<label>
            <input type="radio" name=${`rating-${index}`} .value=${String(value)} .checked=${rating === value} @change=${() => this.assess(answer, { rating: value })} />
            ${i18n.number(value)}
          </label>`,
        )}
      </fieldset>
      <label part="notes-label" for=${`notes-${index}`}>${i18n.t('review.notes')}</label>
      <textarea
        part="notes"
        id=${`notes-${index}`}
        .value=${notes}
        @change=${(event: Event) => this.assess(answer, { notes: (event.target as HTMLTextAreaElement).value })}
      ></textarea>
    `;
  }

  /**
   * A player with controls of its own: the browser's would show the duration the engine reports,
   * which for a streamed recording is Infinity or only the part read so far.
   */
  private renderPlayer(answer: ReviewAnswer, state: AnswerState, index: number) {
    const { i18n } = this;
    const duration = playableSeconds(state.mediaDuration, answer.durationMs);
    const time = `${i18n.clock(state.time)} / ${i18n.clock(duration)}`;
    const onEvent = (event: Event) => this.onMediaEvent(index, event);
    return html`
      <video
        part="player"
        id=${`media-${index}`}
        playsinline
        ?hidden=${answer.kind === 'audio'}
        preload=${index === this.current ? 'auto' : 'metadata'}
        src=${state.url ?? nothing}
        .defaultPlaybackRate=${this.speed}
        .playbackRate=${this.speed}
        @loadedmetadata=${onEvent}
        @durationchange=${onEvent}
        @timeupdate=${onEvent}
        @seeked=${onEvent}
        @play=${onEvent}
        @pause=${onEvent}
        @error=${onEvent}
      ></video>
      <div part="controls">
        <button part="button play-button" type="button" aria-describedby="shortcuts" @click=${() => this.toggle(index)}>
          ${i18n.t(state.paused ? 'review.play' : 'review.pause')}
        </button>
        <input
          part="position"
          type="range"
          min="0"
          max=${duration}
          step="0.1"
          .value=${String(state.time)}
          aria-label=${i18n.t('review.position')}
          aria-valuetext=${time}
          @input=${(event: Event) => this.seek(index, Number((event.target as HTMLInputElement).value))}
        />
        <span part="time">${time}</span>
      </div>
    `;
  }
}

/** The playback speed chosen last on this device, else 1. */
function rememberedSpeed(): number {
  try {
    const speed = Number(localStorage.getItem(SPEED_KEY));
    return SPEEDS.includes(speed) ? speed : 1;
  } catch {
    return 1;
  }
}

// The inner question's parts, exported with a prefix: `oneway-review::part(question-text)`.
const QUESTION_PARTS = ['counter', 'text', 'prompt'].map((part) => `${part}: question-${part}`).join(', ');
