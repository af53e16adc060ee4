import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Asks "Leave site?" before the page is left while `pending()` says something would be lost
 * or delayed (bytes recorded that the server does not hold yet), for as long as the host is on
 * the page.
 */
export class LeavePageGuardController implements ReactiveController {
  private readonly listener = (event: Event) => {
    if (!this.pending()) return;
    event.preventDefault();
    // Older engines show the prompt only for a set returnValue.
    (event as BeforeUnloadEvent).returnValue = '';
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly pending: () => boolean,
    /** Where `beforeunload` fires: the window; injected for tests. */
    private readonly target: EventTarget = window,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.target.addEventListener('beforeunload', this.listener);
  }

  hostDisconnected(): void {
    this.target.removeEventListener('beforeunload', this.listener);
  }
}
