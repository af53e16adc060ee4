// The slice hasher's worker (see slice-hash.ts): reads a recorded slice's Blob, hashes it on from
// the state it is given, and hands back the new state with the bytes, whose buffer it transfers.
// Stateless, so a take resumed after a reload hashes on from its journaled state alike.
import { Sha256, type Sha256State } from './sha256.js';

interface Request {
  id: number;
  blob: Blob;
  hash: Sha256State;
}

// Typed as the Worker it is seen from: the DOM library has no worker global scope.
const scope = self as unknown as Worker;
scope.addEventListener('message', (event: MessageEvent<Request>) => {
  const { id, blob, hash } = event.data;
  blob.arrayBuffer().then(
    (buffer) => scope.postMessage({ id, buffer, hash: Sha256.from(hash).update(new Uint8Array(buffer)).save() }, [buffer]),
    (error: unknown) => scope.postMessage({ id, error: String(error) }),
  );
});
