import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LinkWatch, LinkWatchOptions } from '../core/link-watch.js';

/** Until the watch is loaded nothing was measured: the recorder's own defaults. */
const UNMEASURED: Partial<LinkWatch['settings']> = {};

/**
 * The interview's link watch (core/link-watch.ts), fetched as a chunk of its own when the
 * interview connects, long before the first take: what reaches it earlier is passed on in order
 * once it is there.
 */
export class LinkController implements ReactiveController {
  private watch: LinkWatch | undefined;
  private readonly loaded: Promise<LinkWatch>;

  constructor(host: ReactiveControllerHost, options: Omit<LinkWatchOptions, 'onChange'>) {
    host.addController(this);
    this.loaded = import('../core/link-watch.js').then(({ LinkWatch }) => {
      this.watch = new LinkWatch({ ...options, onChange: () => host.requestUpdate() });
      host.requestUpdate();
      return this.watch;
    });
  }

  /** What the next take is recorded with. */
  get settings(): Partial<LinkWatch['settings']> {
    return this.watch?.settings ?? UNMEASURED;
  }

  /** Passes a call on to the watch, now or once it is loaded. */
  tell(call: (watch: LinkWatch) => void): void {
    if (this.watch) call(this.watch);
    else void this.loaded.then(call);
  }

  /** What to tell the candidate during the take `key`, once the watch is there. */
  note(key: string, video: boolean) {
    return this.watch?.note(key, video);
  }

  hostDisconnected(): void {
    // In order after the calls told before: a question shown before the watch was loaded would
    // otherwise start a test upload for a page that is gone.
    this.tell((watch) => watch.stop());
  }
}
