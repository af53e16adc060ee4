import { Sha256, type Sha256State } from './sha256.js';

/** A recorded slice's bytes and the take's hash state once they are hashed. */
export interface HashedSlice {
  bytes: Uint8Array;
  hash: Sha256State;
}

/** Reads `blob` and hashes it on from `hash`. */
export type SliceHasher = (blob: Blob, hash: Sha256State) => Promise<HashedSlice>;

/** The hasher on the calling thread: the fallback where no worker runs. */
export const hashOnThisThread: SliceHasher = async (blob, hash) => {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { bytes, hash: Sha256.from(hash).update(bytes).save() };
};

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}

let policy: ScriptUrlPolicy | undefined;

/**
 * `url` as a TrustedScriptURL where the page requires Trusted Types, through the
 * `oneway-interview` policy, which allows only scripts next to this module.
 */
function trustedScriptUrl(url: URL): unknown {
  const trustedTypes = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy } }).trustedTypes;
  if (!trustedTypes) return url;
  const folder = new URL(/* @vite-ignore */ './', import.meta.url).href;
  policy ??= trustedTypes.createPolicy('oneway-interview', {
    createScriptURL: (value) => {
      if (!value.startsWith(folder)) throw new TypeError(`oneway-interview: ${value} is not one of its scripts`);
      return value;
    },
  });
  return policy.createScriptURL(url.href);
}

/**
 * The worker next to this module: a file of its own in the CDN build, allowed by `script-src 'self'`.
 * Throws where the page forbids it (its CSP, or a `trusted-types` list without `oneway-interview`).
 */
export function createHashWorker(): Worker {
  const NativeWorker = globalThis.Worker;
  // Named so, the bundler finds the worker's file in `new Worker(new URL(…, import.meta.url))`.
  const Worker = function (url: URL, options?: WorkerOptions) {
    return new NativeWorker(trustedScriptUrl(url) as URL, options);
  } as unknown as typeof NativeWorker;
  return new Worker(new URL('./sha256-worker.js', import.meta.url), { type: 'module' });
}

/**
 * A hasher that reads and hashes slices in a worker, off the page's main thread: hashing was most
 * of the widget's main-thread time while recording. The bytes come back in a transferred buffer,
 * so they are never copied on the main thread. Where the worker cannot start or fails (a CSP that
 * forbids it, a browser without module workers), every slice it holds and every later one is
 * hashed here instead: a slice is never lost to the worker.
 */
export function workerSliceHasher(createWorker: () => Worker = createHashWorker): SliceHasher {
  let worker: Worker | undefined;
  let broken = false;
  let nextId = 0;
  const waiting = new Map<number, { blob: Blob; hash: Sha256State; resolve(slice: HashedSlice): void; reject(error: unknown): void }>();
  const giveUp = () => {
    broken = true;
    worker?.terminate();
    worker = undefined;
    const stranded = [...waiting.values()];
    waiting.clear();
    for (const { blob, hash, resolve, reject } of stranded) hashOnThisThread(blob, hash).then(resolve, reject);
  };
  const start = (): Worker | undefined => {
    if (worker || broken) return worker;
    try {
      worker = createWorker();
    } catch {
      broken = true;
      return undefined;
    }
    worker.addEventListener('message', ({ data }: MessageEvent<{ id: number; buffer?: ArrayBuffer; hash?: Sha256State; error?: string }>) => {
      const request = waiting.get(data.id);
      if (!request) return;
      waiting.delete(data.id);
      // A Blob the worker could not read is read here: its error, if any, is the page's own.
      if (data.error !== undefined) hashOnThisThread(request.blob, request.hash).then(request.resolve, request.reject);
      else request.resolve({ bytes: new Uint8Array(data.buffer!), hash: data.hash! });
    });
    worker.addEventListener('error', giveUp);
    worker.addEventListener('messageerror', giveUp);
    return worker;
  };
  return (blob, hash) => {
    const running = start();
    if (!running) return hashOnThisThread(blob, hash);
    return new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { blob, hash, resolve, reject });
      running.postMessage({ id, blob, hash });
    });
  };
}

let shared: SliceHasher | undefined;

/** The page's one slice hasher, its worker started on the first slice. */
export function sliceHasher(): SliceHasher {
  return (shared ??= typeof globalThis.Worker === 'function' ? workerSliceHasher() : hashOnThisThread);
}
