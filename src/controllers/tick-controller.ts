import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TimerHandle, Timers } from '../core/timers.js';

/** How often the host re-renders while ticking. */
const TICK_MS = 1000;

/**
 * Re-renders the host every second while `active()` says something on screen changes with time
 * alone (a speed, a time left), checked after every update; stops when the host leaves the page.
 */
export class TickController implements ReactiveController {
  private ticker: TimerHandle | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly active: () => boolean,
    private readonly timers: Timers = globalThis,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    // A host moved on the page is disconnected and connected again without a render.
    if (this.active()) this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  hostUpdated(): void {
    if (this.connected && this.active()) this.start();
    else this.stop();
  }

  private start(): void {
    this.ticker ??= this.timers.setInterval(() => this.host.requestUpdate(), TICK_MS);
  }

  private stop(): void {
    this.timers.clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
