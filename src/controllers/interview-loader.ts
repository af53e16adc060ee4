import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatConfigProblems, type ConfigProblem } from '../core/interview-config.js';
import { InterviewFlow, newProgress, type InterviewFlowOptions } from '../core/interview-flow.js';
import { readJsonInput } from '../core/json-input.js';
import { indexedDbProgressStore, type ProgressStore } from '../core/progress-store.js';

let validation: Promise<typeof import('../core/interview-config-validation.js')> | undefined;

/** The config validator: a chunk of its own in the CDN build, fetched once, while the config is read. */
const loadValidation = () => (validation ??= import('../core/interview-config-validation.js'));

export type InterviewLoadStatus = 'loading' | 'ready' | 'invalid';

export interface InterviewSource {
  /** URL to fetch the config from. */
  configSrc: string;
  /** A config object given as a property. */
  config: unknown;
  /** The text of an inline `<script type="application/json">` child. */
  inline: string | undefined;
  candidate: string;
  timeMultiplier: number;
  untimed: boolean;
}

export interface InterviewLoaderOptions {
  source: () => InterviewSource;
  onReady: (flow: InterviewFlow) => void;
  onInvalid: (problems: ConfigProblem[], message: string) => void;
  /** What the flow announces (a question revealed, the interview complete), for the element's events. */
  flowEvents?: Pick<InterviewFlowOptions, 'onQuestionStart' | 'onComplete'>;
  store?: ProgressStore;
  fetch?: typeof fetch;
}

/**
 * Loads and validates the interview config, restores the candidate's saved progress, and saves
 * it after every step. The element renders `flow` and calls its transitions.
 */
export class InterviewLoader implements ReactiveController {
  status: InterviewLoadStatus = 'loading';
  flow: InterviewFlow | undefined;
  problems: ConfigProblem[] = [];
  private readonly store: ProgressStore;
  private load = 0;
  private saving: Promise<void> = Promise.resolve();
  /** Set once the progress is removed from the device: it is not saved again. */
  private progressCleared = false;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: InterviewLoaderOptions) {
    this.store = options.store ?? indexedDbProgressStore();
    void loadValidation().catch(() => undefined);
    host.addController(this);
  }

  hostConnected(): void {
    if (this.status !== 'ready') void this.reload();
  }

  /** A load still under way is dropped: it starts again when the host is back. */
  hostDisconnected(): void {
    this.load++;
  }

  /** Loads (again) from the current source: `config` property, inline JSON, then `config-src`. */
  async reload(): Promise<void> {
    const load = ++this.load;
    this.status = 'loading';
    this.host.requestUpdate();
    const source = this.options.source();
    let raw: unknown;
    try {
      raw = await readJsonInput(
        { value: source.config, inline: source.inline, url: source.configSrc, attribute: 'config-src', what: 'config' },
        this.options.fetch,
      );
    } catch (cause) {
      if (load === this.load) this.invalid([{ path: '$', message: cause instanceof Error ? cause.message : String(cause) }]);
      return;
    }
    if (load !== this.load) return;
    if (raw === undefined) {
      this.status = 'loading';
      return;
    }
    // A deadline that has passed is a problem of the config for the validator, but a candidate
    // arriving late should see "this interview closed", not "contact the employer": the flow
    // shows that when nothing else is wrong.
    let validate: typeof import('../core/interview-config-validation.js').validateInterviewConfig;
    try {
      validate = (await loadValidation()).validateInterviewConfig;
    } catch (cause) {
      validation = undefined;
      if (load === this.load) this.invalid([{ path: '$', message: `The config validator could not be loaded next to the widget's script (${String(cause)}); check that all of the widget's files are served.` }]);
      return;
    }
    if (load !== this.load) return;
    const result = validate(raw, new Date(0));
    if (!result.ok) {
      this.invalid(result.problems);
      return;
    }
    if (!source.candidate) {
      console.warn(
        `oneway-interview: no candidate is set for interview "${result.config.id}": saved progress and unsent answers on this device are shared by everyone who opens it here. Set candidate where devices are shared.`,
      );
    }
    const key = progressKey(result.config.id, source.candidate);
    const saved = await this.store.load(key).catch(() => undefined);
    if (load !== this.load) return;
    this.progressCleared = false;
    this.flow = new InterviewFlow(result.config, saved ?? newProgress(result.config.id), {
      candidate: source.candidate,
      timeMultiplier: source.timeMultiplier,
      untimed: source.untimed,
      ...this.options.flowEvents,
      // Saves run one after another so an older state never overwrites a newer one.
      save: (progress) => {
        if (this.progressCleared) return;
        this.saving = this.saving.then(() => this.store.save(key, progress)).catch(() => undefined);
      },
    });
    this.status = 'ready';
    this.problems = [];
    this.options.onReady(this.flow);
    this.host.requestUpdate();
  }

  /** Removes the saved progress of the loaded interview and candidate from this device. */
  async clearProgress(): Promise<void> {
    if (!this.flow) return;
    this.progressCleared = true;
    await this.saving;
    await this.store.clear(progressKey(this.flow.config.id, this.options.source().candidate)).catch(() => undefined);
  }

  private invalid(problems: ConfigProblem[]): void {
    this.status = 'invalid';
    this.flow = undefined;
    this.problems = problems;
    this.options.onInvalid(problems, `Invalid interview config:\n${formatConfigProblems(problems)}`);
    this.host.requestUpdate();
  }
}

/** Where a candidate's progress in an interview is saved. */
function progressKey(interviewId: string, candidate: string): string {
  return `${interviewId}:${candidate}`;
}
