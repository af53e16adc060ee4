import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TickController } from './tick-controller.js';
import type { AnswerUploadedDetail } from '../events/answer-uploaded.js';
import type { UploadProgressDetail } from '../events/upload-progress.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface UploadEventsControllerOptions {
  /** The id of the element to listen to; empty to listen to the host's container. */
  targetId: () => string;
  /** `source` is the element that sent the event: the first of its composed path (the host, for a closed shadow root). */
  onProgress(source: EventTarget, detail: UploadProgressDetail): void;
  onUploaded(source: EventTarget, detail: AnswerUploadedDetail): void;
  /** Whether something on screen changes with time alone (speed, time left): the host is re-rendered every second while so. */
  ticking?: () => boolean;
}

const EVENTS = ['oneway-upload-progress', 'oneway-answer-uploaded'] as const;

/**
 * Listens to the upload events (`oneway-upload-progress`, `oneway-answer-uploaded`) of one
 * element while the host is on the page (a failure is an upload state, in the progress):
 *
 * - with a target id: the element with that id in the host's root node (document or shadow root).
 *   One not there yet is looked for again at the next frame and at every host update.
 * - without: the host's container, so events that bubble (composed) from its siblings and their
 *   descendants reach it: the parent element (the shadow root or document when the host has no
 *   parent element) and, inside a shadow root, also that root's host, which hears its own events
 *   (e.g. a wrapper that re-dispatches its recorder's events) and those bubbling out of the root.
 *   An event heard at both is handled once.
 *
 * Call `rebind()` when the target id changes. Also re-renders the host every second while
 * `ticking()` says so, so a speed and a time left keep up with the clock between events.
 */
export class UploadEventsController implements ReactiveController {
  private bound: EventTarget[] = [];
  /** The event handled last, so one heard at both the parent and the host counts once. */
  private handled: Event | undefined;
  private connected = false;
  private frame: number | undefined;

  constructor(private readonly host: Host, private readonly options: UploadEventsControllerOptions) {
    host.addController(this);
    const { ticking } = options;
    if (ticking) new TickController(host, ticking);
  }

  /** What it listens to: the `for` element, or the parent (or root) and the shadow host; empty until found. */
  get targets(): readonly EventTarget[] {
    return this.bound;
  }

  hostConnected(): void {
    this.connected = true;
    this.rebind();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unbind();
  }

  hostUpdated(): void {
    if (this.connected && !this.bound.length) this.bind();
  }

  /** Stops listening where it listened and listens to the target as it is now. */
  rebind(): void {
    this.unbind();
    if (!this.connected) return;
    if (!this.bind()) {
      // Markup may name an element that comes after the host: look again once the parser is past it.
      this.frame = requestAnimationFrame(() => {
        this.frame = undefined;
        if (this.connected && !this.bound.length) this.bind();
      });
    }
  }

  private readonly listener = (event: Event) => {
    const detail = (event as Event & { detail?: unknown }).detail;
    if (event === this.handled || !detail || typeof detail !== 'object') return;
    this.handled = event;
    const source = event.composedPath()[0] ?? event.target ?? this.bound[0];
    switch (event.type) {
      case 'oneway-upload-progress':
        this.options.onProgress(source, detail as UploadProgressDetail);
        break;
      case 'oneway-answer-uploaded':
        this.options.onUploaded(source, detail as AnswerUploadedDetail);
        break;
    }
  };

  private bind(): boolean {
    this.bound = this.find();
    for (const target of this.bound) for (const type of EVENTS) target.addEventListener(type, this.listener);
    return this.bound.length > 0;
  }

  private unbind(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    for (const target of this.bound) for (const type of EVENTS) target.removeEventListener(type, this.listener);
    this.bound = [];
    this.handled = undefined;
  }

  private find(): EventTarget[] {
    const id = this.options.targetId().trim();
    const root = this.host.getRootNode() as Document | ShadowRoot | Element;
    if (id) {
      const target =
        'getElementById' in root && typeof root.getElementById === 'function'
          ? root.getElementById(id)
          : root.querySelector?.(`#${CSS.escape(id)}`);
      return target ? [target] : [];
    }
    if (root === this.host) return [];
    // A direct child of a shadow root or a document listens to the root itself, where its siblings' events pass.
    const container = this.host.parentElement ?? root;
    return root instanceof ShadowRoot ? [container, root.host] : [container];
  }
}
