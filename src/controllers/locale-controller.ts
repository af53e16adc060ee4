import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MessageKey, Messages } from '../i18n/en.js';
import { formatBytes, formatClock, formatDuration, formatMessage, numberFormat, type MessageParams } from '../i18n/format.js';
import { onMessagesChange, resolveLocale, type ResolvedLocale } from '../i18n/runtime.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The language of an element: its closest `lang` (the element's own, an ancestor's, across shadow
 * roots up through each host), else `<html lang>`, else English. Gives the element its messages
 * (`t()`), numbers, durations and dates formatted for that language, and the writing direction;
 * re-renders the element when a `lang` changes, when a language finishes loading, and when the host
 * registers messages.
 *
 * The element renders its content in a root with `lang=${i18n.lang}` and `dir=${i18n.dir}`, and
 * waits for a language that is still loading before it renders (see `pending`), so a German page
 * never flashes English.
 */
export class LocaleController implements ReactiveController {
  private resolved: ResolvedLocale = resolveLocale('en');

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    watch(this, this.host);
    this.refresh();
  }

  hostDisconnected(): void {
    unwatch(this);
  }

  /** The language of the text, numbers and dates (e.g. `de-AT`, or `en` when the asked-for language has no messages). */
  get lang(): string {
    return this.resolved.lang;
  }

  /** The language asked for by the closest `lang` (e.g. the language of the host's own content, such as question texts). */
  get requested(): string {
    return this.resolved.requested;
  }

  /** `rtl` for Arabic and other right-to-left languages, else `ltr`. */
  get dir(): 'ltr' | 'rtl' {
    return this.resolved.dir;
  }

  /** The whole message table in the element's language (English where a message is missing). */
  get messages(): Messages {
    return this.resolved.messages;
  }

  /**
   * Settles when the element's language is loaded (or could not be, after a few seconds); undefined
   * when it is. Elements wait for it in `scheduleUpdate()`.
   */
  get pending(): Promise<void> | undefined {
    return this.resolved.pending;
  }

  /** The message `key` in the element's language, with its `{placeholders}` and plurals filled in. */
  t(key: MessageKey, params?: MessageParams): string {
    return formatMessage(key, params, this.resolved.messages, this.lang);
  }

  /** A number in the element's language. */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return numberFormat(this.lang, options).format(value);
  }

  /** A share (0.5 → `50%`, `50 %` in German) in the element's language. */
  percent(fraction: number): string {
    return numberFormat(this.lang, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
  }

  /** A byte count: `1.2 MB`. */
  bytes(bytes: number): string {
    return formatBytes(bytes, this.lang);
  }

  /** A length of time: `2 min 5 sec`, or `2 minutes, 5 seconds` with `long`. */
  duration(seconds: number, unitDisplay: 'short' | 'long' = 'short'): string {
    return formatDuration(seconds, this.lang, unitDisplay);
  }

  /** Seconds as a timer reads them: `1:05`. */
  clock(seconds: number): string {
    return formatClock(seconds, this.lang);
  }

  /** A date (and time) in the element's language. */
  date(date: Date | number, options?: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(this.lang, options).format(date);
  }

  /** Reads the closest `lang` again; re-renders the host when the language or its messages changed. */
  refresh(): void {
    const next = resolveLocale(closestLang(this.host));
    if (next === this.resolved) return;
    this.resolved = next;
    this.host.requestUpdate();
  }
}

/** The `lang` that applies to `element`: its own or an ancestor's, crossing shadow roots to their hosts; else the document's. */
export function closestLang(element: Element): string {
  let node: Element | undefined = element;
  while (node) {
    const found = node.closest('[lang]:not([lang=""])');
    if (found) return found.getAttribute('lang')!;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : undefined;
  }
  return document.documentElement.lang || 'en';
}

// One observer for every element: a change of any `lang` in the document, or in a shadow root that
// holds a localized element or one of its ancestors, makes every element read its language again.
const controllers = new Set<LocaleController>();
let observer: MutationObserver | undefined;
let stopListening: (() => void) | undefined;

const refreshAll = () => {
  for (const controller of controllers) controller.refresh();
};

function watch(controller: LocaleController, host: Host): void {
  controllers.add(controller);
  observer ??= new MutationObserver(refreshAll);
  stopListening ??= onMessagesChange(refreshAll);
  const options: MutationObserverInit = { subtree: true, attributes: true, attributeFilter: ['lang'] };
  observer.observe(document.documentElement, options);
  let root = host.getRootNode();
  while (root instanceof ShadowRoot) {
    observer.observe(root, options);
    root = root.host.getRootNode();
  }
}

function unwatch(controller: LocaleController): void {
  controllers.delete(controller);
  if (controllers.size === 0) {
    observer?.disconnect();
    observer = undefined;
    stopListening?.();
    stopListening = undefined;
  }
}
