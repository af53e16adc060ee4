import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How often the host re-renders while ticking. */
const TICK_MS = 1000;

/**
 * Re-renders the host every second while `active()` says something on screen changes with time
 * alone (a speed, a time left), checked after every update; stops when the host leaves the page.
 */
export class TickController implements ReactiveController {
  private ticker: ReturnType<typeof setInterval> | undefined;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost, private readonly active: () => boolean) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  hostUpdated(): void {
    if (this.connected && this.active()) this.ticker ??= setInterval(() => this.host.requestUpdate(), TICK_MS);
    else this.stop();
  }

  private stop(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
