import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type SlotLockStatus = 'waiting' | 'held' | 'busy';

/**
 * Holds a Web Lock named after a recording slot while the element is on the page, so two tabs
 * never record the same answer. The second tab is `busy` until the first lets go; browsers
 * without Web Locks get the lock at once (nothing to coordinate with).
 */
export class SlotLockController implements ReactiveController {
  status: SlotLockStatus = 'waiting';
  /** Resolves when the lock is held. */
  acquired: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;
  private abort: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The slot's name; while it is empty (not known yet) no lock is taken. */
    private readonly name: () => string,
    private readonly locks: () => LockManager | undefined = () => navigator.locks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const locks = this.locks();
    if (!locks) {
      this.status = 'held';
      this.acquired = Promise.resolve();
      return;
    }
    if (!this.name()) return;
    const name = `oneway-interview:${this.name()}`;
    const abort = (this.abort = new AbortController());
    this.status = 'waiting';
    this.acquired = new Promise<void>((acquired) => {
      // A lock granted after the host left or moved to another slot is given back at once:
      // held, it would keep that slot busy until the page closes.
      const hold = () =>
        abort.signal.aborted
          ? undefined
          : new Promise<void>((release) => {
              this.release = release;
              this.status = 'held';
              acquired();
              this.host.requestUpdate();
            });
      void locks
        .request(name, { ifAvailable: true }, (lock) => {
          if (lock) return hold();
          if (abort.signal.aborted) return undefined;
          this.status = 'busy';
          this.host.requestUpdate();
          // Wait for the other tab to let go, then take over.
          void locks.request(name, { signal: abort.signal }, hold).catch(() => undefined);
          return undefined;
        })
        .catch(() => undefined);
    });
  }

  /** Lets go of the current lock and takes the one for the slot's new name. */
  relock(): void {
    this.hostDisconnected();
    this.hostConnected();
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.release?.();
    this.release = undefined;
    this.status = 'waiting';
  }
}
