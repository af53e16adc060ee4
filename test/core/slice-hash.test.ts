import { expect } from '@open-wc/testing';
import { Sha256 } from '../../src/core/sha256.js';
import { createHashWorker, hashOnThisThread, workerSliceHasher, type SliceHasher } from '../../src/core/slice-hash.js';
import { sha256Hex } from '../support/tus.js';

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(length, i + 65536)));
  return bytes;
}

/** Slices of uneven lengths (block edges included), as MediaRecorder hands them out. */
function slicesOf(data: Uint8Array): Uint8Array[] {
  const slices: Uint8Array[] = [];
  for (let offset = 0, step = 63; offset < data.length; offset += step, step = (step * 5 + 1) % 90_001) slices.push(data.subarray(offset, offset + step));
  return slices;
}

/** A real hash worker whose answers are counted, so a test knows the worker did the hashing. */
function countedWorker(): { create: () => Worker; answers: () => number } {
  let answers = 0;
  return {
    create: () => {
      const worker = createHashWorker();
      worker.addEventListener('message', () => answers++);
      return worker;
    },
    answers: () => answers,
  };
}

async function hashAll(hasher: SliceHasher, slices: Uint8Array[], from = new Sha256().save()) {
  let hash = from;
  const states = [];
  const received: Uint8Array[] = [];
  for (const slice of slices) {
    const result = await hasher(new Blob([slice as BlobPart]), hash);
    hash = result.hash;
    states.push(hash);
    received.push(result.bytes);
  }
  return { hash, states, received };
}

describe('slice hashing in a worker', () => {
  it('hashes in the worker to the same digest as WebCrypto, with every slice\'s bytes handed back whole', async () => {
    const data = randomBytes(600_000);
    const slices = slicesOf(data);
    const worker = countedWorker();
    const { hash, received } = await hashAll(workerSliceHasher(worker.create), slices);
    expect(worker.answers(), 'answers from the worker').to.equal(slices.length);
    expect(Sha256.from(hash).hex()).to.equal(await sha256Hex(data));
    received.forEach((bytes, index) => expect([...bytes], `slice ${index}`).to.deep.equal([...slices[index]]));
  });

  it('journals the same resumable state after every slice as hashing on the main thread', async () => {
    const slices = slicesOf(randomBytes(200_000));
    const worker = countedWorker();
    const inWorker = await hashAll(workerSliceHasher(worker.create), slices);
    const here = await hashAll(hashOnThisThread, slices);
    expect(worker.answers()).to.equal(slices.length);
    expect(inWorker.states).to.deep.equal(here.states);
  });

  it('resumes from a journaled state to the digest of the whole recording', async () => {
    const data = randomBytes(300_000);
    const slices = slicesOf(data);
    const half = Math.floor(slices.length / 2);
    const first = await hashAll(workerSliceHasher(), slices.slice(0, half));
    // After a reload: a new worker, from the state the journal kept (a JSON round trip, as IndexedDB would not be).
    const worker = countedWorker();
    const rest = await hashAll(workerSliceHasher(worker.create), slices.slice(half), JSON.parse(JSON.stringify(first.hash)));
    expect(worker.answers()).to.equal(slices.length - half);
    expect(Sha256.from(rest.hash).hex()).to.equal(await sha256Hex(data));
  });

  it('hashes on the main thread, losing no slice, when the worker cannot start or fails', async () => {
    const data = randomBytes(100_000);
    const slices = slicesOf(data);
    const refused = await hashAll(workerSliceHasher(() => { throw new DOMException('blocked by CSP', 'SecurityError'); }), slices);
    expect(Sha256.from(refused.hash).hex()).to.equal(await sha256Hex(data));
    // A worker whose script fails to load: the slices it was sent are hashed here instead.
    const missing = await hashAll(workerSliceHasher(() => new Worker(new URL('./no-such-worker.js', import.meta.url), { type: 'module' })), slices);
    expect(Sha256.from(missing.hash).hex()).to.equal(await sha256Hex(data));
  });
});
