import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { bytesForAnswer, storageAdvice } from '../core/device-advice.js';
import { fitRecording, LINK_TIERS } from '../core/link-policy.js';

/** The part of `navigator.storage` the check needs; injected for tests. */
export type StorageCheckSource = Pick<StorageManager, 'estimate'> & Partial<Pick<StorageManager, 'persisted' | 'persist'>>;

/** Too little room on the device for the longest answer: how much is free and how much it needs. */
export interface StorageShortfall {
  freeBytes: number;
  neededBytes: number;
}

/**
 * Whether the device has room to keep an answer until the server has it: estimates free space,
 * and asks the browser to keep what the widget stores (not evict it under pressure). An estimate
 * that arrives after the host left the page is dropped.
 */
export class StorageCheckController implements ReactiveController {
  /** What `navigator.storage.estimate()` said; undefined before, or where the browser cannot tell. */
  estimate: { quota?: number; usage?: number } | undefined;
  private checking = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: { storage?: () => StorageCheckSource | undefined } = {},
  ) {
    host.addController(this);
  }

  /** Estimates free space again. */
  async check(): Promise<void> {
    const storage = this.options.storage ? this.options.storage() : globalThis.navigator?.storage;
    if (typeof storage?.estimate !== 'function') return;
    const checking = ++this.checking;
    // Answers are kept on the device until the server has them: ask the browser not to evict them.
    // Not awaited: Firefox asks the candidate, and the request stays pending until they answer.
    void (async () => {
      if (typeof storage.persisted === 'function' && !(await storage.persisted())) await storage.persist?.();
    })().catch(() => undefined);
    let estimate: StorageCheckController['estimate'];
    try {
      const { quota, usage } = await storage.estimate();
      estimate = { quota, usage };
    } catch {
      estimate = undefined;
    }
    if (checking !== this.checking) return;
    this.estimate = estimate;
    this.host.requestUpdate();
  }

  /** What is missing to keep the longest answer at the bitrate the connection allows (the top one when not measured), or undefined when it fits or nobody can tell. */
  shortfall(maxAnswerSeconds: number, throughputBps: number | undefined): StorageShortfall | undefined {
    const estimate = this.estimate;
    if (!estimate) return undefined;
    const fit = fitRecording(throughputBps);
    const videoBitsPerSecond = fit.videoBitsPerSecond ?? LINK_TIERS[0].maxVideoBps;
    const { audioBitsPerSecond } = fit;
    const check = { quotaBytes: estimate.quota, usageBytes: estimate.usage, maxAnswerSeconds, videoBitsPerSecond, audioBitsPerSecond };
    if (storageAdvice(check) !== 'low') return undefined;
    return {
      freeBytes: Math.max(0, (estimate.quota ?? 0) - (estimate.usage ?? 0)),
      neededBytes: bytesForAnswer(maxAnswerSeconds, videoBitsPerSecond, audioBitsPerSecond),
    };
  }

  hostDisconnected(): void {
    this.checking++;
  }
}
