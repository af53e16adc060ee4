import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OnewayError } from '../core/errors.js';
import { UploadPreflight, type PreflightOptions, type PreflightResult } from '../core/upload-preflight.js';

export type PreflightStatus = 'idle' | 'running' | 'done' | 'failed';

export interface UploadPreflightControllerOptions {
  /** Options of the next run, read when it starts. */
  preflightOptions: () => PreflightOptions;
  /** The server refused the test upload for good (not merely unreachable). */
  onError: (error: OnewayError) => void;
}

/**
 * Runs the connection check of an element: one test upload to the host's tus endpoint, timed and
 * deleted. Cancels (and deletes) a test upload still running when the element leaves the page.
 */
export class UploadPreflightController implements ReactiveController {
  status: PreflightStatus = 'idle';
  result: PreflightResult | undefined;
  private preflight: UploadPreflight | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: UploadPreflightControllerOptions) {
    host.addController(this);
  }

  /** Starts a test upload, cancelling one still running. */
  async run(): Promise<PreflightResult | undefined> {
    void this.preflight?.cancel();
    const preflight = new UploadPreflight(this.options.preflightOptions());
    this.preflight = preflight;
    this.status = 'running';
    this.result = undefined;
    this.host.requestUpdate();
    try {
      const result = await preflight.run();
      if (preflight !== this.preflight) return undefined;
      this.result = result;
      this.status = 'done';
      return result;
    } catch (cause) {
      if (preflight !== this.preflight) return undefined;
      this.status = 'failed';
      if (cause instanceof OnewayError) this.options.onError(cause);
      return undefined;
    } finally {
      if (preflight === this.preflight) {
        this.preflight = undefined;
        this.host.requestUpdate();
      }
    }
  }

  hostDisconnected(): void {
    const preflight = this.preflight;
    this.preflight = undefined;
    if (this.status === 'running') this.status = 'idle';
    void preflight?.cancel();
  }
}
