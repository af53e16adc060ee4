import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { LocaleController } from '../controllers/locale-controller.js';
import type { OnewayErrorCode } from '../core/errors.js';
import { OnewayErrorEvent, type OnewayErrorDetail } from '../events/error.js';

/**
 * What every oneway element shares: the language of its text (and waiting for it before rendering,
 * so a German page never flashes English), the root that carries that language and direction, and
 * reporting problems as `oneway-error` events with the candidate's words for them.
 */
export abstract class OnewayElement extends LitElement {
  /** The language of the element's text: its closest `lang`, else the page's, else English. */
  protected readonly i18n = new LocaleController(this);

  /** Waits for the element's language to load before rendering. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.i18n.pending;
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The element's content inside `part="root"`, which carries `lang` and `dir` for the parts and for screen readers. */
  protected root(content: unknown, className = ''): TemplateResult {
    return html`<div part="root" class=${className || nothing} lang=${this.i18n.lang} dir=${this.i18n.dir}>${content}</div>`;
  }

  /** Fires `oneway-error` with the problem's code, developer message and whether the widget can go on. */
  protected reportError(error: OnewayErrorDetail): void {
    this.dispatchEvent(OnewayErrorEvent.from(error));
  }

  /** Set when the chunk with the element's own code could not be fetched (see `loadChunk`). */
  protected chunkMissing = false;

  /**
   * Fetches the chunk with the element's own code (`load`), then hands it to `ready`. When it cannot
   * be fetched, `forget` lets a later connect try again, and the element reports and shows
   * `widget-unavailable` (render `chunkMissingMessage()` while `chunkMissing`).
   */
  protected loadChunk<T>(load: () => Promise<T>, forget: () => void, ready: (module: T) => void): void {
    load().then(ready, (cause: unknown) => {
      forget();
      this.chunkMissing = true;
      const message = `<${this.localName}> could not load its code next to the widget's script (${String(cause)}); check that all of the widget's files are served.`;
      this.reportError({ code: 'widget-unavailable', message, recoverable: false });
      this.requestUpdate();
    });
  }

  /** What is shown while `chunkMissing` (each element documents the `unavailable` part). */
  protected chunkMissingMessage(): TemplateResult {
    return html`<p part="unavailable" role="alert">${this.errorMessage('widget-unavailable')}</p>`;
  }

  /** What the candidate is told about a problem, in the element's language. */
  protected errorMessage(code: OnewayErrorCode): string {
    return this.i18n.t(`error.${code}`);
  }
}
