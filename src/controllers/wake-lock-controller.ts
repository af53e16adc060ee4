import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The part of `navigator.wakeLock` the controller uses; injected for tests. */
export interface WakeLockProvider {
  request(type: 'screen'): Promise<{ release(): Promise<void> }>;
}

/**
 * Keeps the screen awake while the host asks for it (a take is being recorded): a phone that
 * dims and locks mid-answer would stop the camera. Where the browser has no wake lock, or
 * refuses it, nothing happens. Released when the host leaves the page.
 */
export class WakeLockController implements ReactiveController {
  private sentinel: Promise<{ release(): Promise<void> } | undefined> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly provider: WakeLockProvider | undefined = typeof navigator === 'undefined' ? undefined : navigator.wakeLock,
  ) {
    host.addController(this);
  }

  /** Whether the screen is asked to stay awake. */
  get held(): boolean {
    return this.sentinel !== undefined;
  }

  /** Asks the browser to keep the screen on; once, however often it is called. */
  acquire(): void {
    this.sentinel ??= this.provider?.request('screen').catch(() => undefined) ?? Promise.resolve(undefined);
  }

  /** Lets the screen dim again. */
  release(): void {
    void this.sentinel?.then((sentinel) => sentinel?.release());
    this.sentinel = undefined;
  }

  hostDisconnected(): void {
    this.release();
  }
}
