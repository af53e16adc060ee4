import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OnewayError } from '../core/errors.js';
import { UploadPreflight, type PreflightOptions, type PreflightResult } from '../core/upload-preflight.js';

export type PreflightStatus = 'idle' | 'running' | 'done' | 'failed';

export interface UploadPreflightControllerOptions {
  /** Options of the next run, read when it starts. */
  preflightOptions: () => PreflightOptions;
  /** The server refused the test upload for good (not merely unreachable). */
  onError: (error: OnewayError) => void;
  /** A test upload finished with a measurement (also one kept running after the element left). */
  onResult?: (result: PreflightResult) => void;
}

/**
 * Runs the connection check of an element: one test upload to the host's tus endpoint, timed and
 * deleted. Cancels (and deletes) a test upload still running when the element leaves the page,
 * unless it was told to finish it (`finishInBackground`).
 */
export class UploadPreflightController implements ReactiveController {
  status: PreflightStatus = 'idle';
  result: PreflightResult | undefined;
  /** When the last test upload started (ms, `performance.now()`). */
  startedAt = 0;
  private preflight: UploadPreflight | undefined;
  private background = false;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: UploadPreflightControllerOptions) {
    host.addController(this);
  }

  /** Starts a test upload, cancelling one still running. */
  async run(): Promise<PreflightResult | undefined> {
    this.background = false;
    void this.preflight?.cancel();
    const preflight = new UploadPreflight(this.options.preflightOptions());
    this.preflight = preflight;
    this.status = 'running';
    this.startedAt = performance.now();
    this.result = undefined;
    this.host.requestUpdate();
    try {
      const result = await preflight.run();
      if (preflight !== this.preflight) return undefined;
      this.result = result;
      this.status = 'done';
      this.options.onResult?.(result);
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

  /** Lets the running test upload finish after the element leaves the page: its result still counts. */
  finishInBackground(): void {
    this.background = this.status === 'running';
  }

  hostDisconnected(): void {
    if (this.background && this.status === 'running') return;
    const preflight = this.preflight;
    this.preflight = undefined;
    if (this.status === 'running') this.status = 'idle';
    void preflight?.cancel();
  }
}
