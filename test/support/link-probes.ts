import type { PreflightOptions, PreflightResult } from '../../src/core/upload-preflight.js';

/** Test uploads a link watch asked for (its injected `createProbe`), each settled or left running by the test. */
export function probes() {
  const made: { options: PreflightOptions; cancelled: boolean; finish(bitsPerSecond: number): void; fail(): void }[] = [];
  const create = (options: PreflightOptions) => {
    let resolve!: (result: PreflightResult) => void;
    let reject!: (error: Error) => void;
    const result = new Promise<PreflightResult>((res, rej) => ((resolve = res), (reject = rej)));
    const probe = {
      options,
      cancelled: false,
      finish: (bitsPerSecond: number) =>
        resolve({ throughputBps: bitsPerSecond, bytesSent: options.bytes!, durationMs: 1000, uploadUrl: undefined, complete: true, deleted: true }),
      fail: () => reject(new Error('unreachable')),
    };
    made.push(probe);
    return {
      run: () => result,
      cancel: async () => {
        probe.cancelled = true;
        reject(new Error('cancelled'));
      },
    };
  };
  return { made, create };
}
