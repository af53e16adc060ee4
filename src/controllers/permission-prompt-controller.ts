import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { timerDelayMs } from '../core/countdown-clock.js';
import { OnewayError } from '../core/errors.js';
import type { TimerHandle, Timers } from '../core/timers.js';
import { permissionState } from './media-stream-controller.js';

export interface PermissionPromptControllerOptions {
  /** Seconds an unanswered prompt is left before the candidate is told to look for it; negative: never. */
  seconds: () => number;
  /** The prompt went unanswered for `seconds` (a `permission-timeout` error, recoverable). */
  onUnanswered: (error: OnewayError) => void;
  /** Defaults to `navigator.permissions`; injected for tests. */
  permissions?: () => Pick<Permissions, 'query'> | undefined;
  /** Defaults to the page's timers; injected for tests. */
  timers?: Timers;
}

/**
 * Watches a camera and microphone request for a permission prompt nobody answers (it may be
 * hidden behind another window, or on a second screen): after a while, `waiting` turns true so
 * the host can say where to look. Clears its timer when the request settles or the host leaves.
 */
export class PermissionPromptController implements ReactiveController {
  /** The prompt has gone unanswered for the set time and the request is still pending. */
  waiting = false;
  private watching = 0;
  private timer: TimerHandle | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: PermissionPromptControllerOptions) {
    host.addController(this);
  }

  /** Watches `request` until it settles, and passes on its result. */
  async watch<T>(request: Promise<T>): Promise<T> {
    this.stop();
    const watching = this.watching;
    const seconds = this.options.seconds();
    if (seconds >= 0) this.timer = this.timers.setTimeout(() => void this.unanswered(watching, seconds), timerDelayMs(seconds));
    try {
      return await request;
    } finally {
      if (watching === this.watching) this.stop();
    }
  }

  /** Stops watching and takes the hint back. */
  stop(): void {
    this.watching++;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.waiting) this.host.requestUpdate();
    this.waiting = false;
  }

  hostDisconnected(): void {
    this.stop();
  }

  private get timers(): Timers {
    return this.options.timers ?? globalThis;
  }

  private async unanswered(watching: number, seconds: number): Promise<void> {
    // Both already granted: the devices are merely slow to start, there is no prompt to look for.
    const [camera, microphone] = await Promise.all([this.permission('camera'), this.permission('microphone')]);
    if (watching !== this.watching || (camera === 'granted' && microphone === 'granted')) return;
    this.waiting = true;
    this.host.requestUpdate();
    this.options.onUnanswered(
      new OnewayError('permission-timeout', `The camera and microphone permission prompt was not answered within ${seconds} s.`, true),
    );
  }

  private async permission(name: 'camera' | 'microphone'): Promise<PermissionState | undefined> {
    const permissions = this.options.permissions ? this.options.permissions() : globalThis.navigator?.permissions;
    return permissions ? permissionState(name, permissions) : undefined;
  }
}

