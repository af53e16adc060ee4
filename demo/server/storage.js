// Where the receiver keeps answer files: a tus data store plus what the review page and the remux
// need besides tus (the size of a file, a byte range of it, a remuxed copy next to it).
//
//   fileStorage   @tus/file-store in a local folder: one machine, the default (`npm start`).
//   azureStorage  @tus/azure-store on Azure Blob Storage (or Azurite, its emulator): any number of
//                 instances, with the upload-info cache in Redis (demo/server/shared-state.js).
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureStore } from '@tus/azure-store';
import { FileStore } from '@tus/file-store';
import { ERRORS, Metadata, Upload } from '@tus/utils';

/**
 * @typedef {object} AnswerStorage
 * @property {import('@tus/utils').DataStore} datastore The tus store.
 * @property {(name: string) => Promise<number | undefined>} size Bytes of a stored file (an upload id or a copy's name), undefined when there is none.
 * @property {(name: string, start: number, end: number) => Promise<NodeJS.ReadableStream>} open Bytes `start` to `end` (inclusive) of a stored file.
 * @property {(name: string) => Promise<void>} removeCopy Deletes a copy (a remuxed file), if there is one.
 * @property {(name: string, copyName: string, run: (input: string, output: string) => Promise<unknown>) => Promise<void>} withCopy
 *   Runs `run` with a local path of the stored file and a local path to write, then stores what it wrote as `copyName`.
 */

/** @returns {AnswerStorage} */
export function fileStorage({ directory, expiryMs }) {
  const path = (name) => join(directory, name);
  return {
    datastore: new FileStore({ directory, expirationPeriodInMilliseconds: expiryMs }),
    async size(name) {
      try {
        return (await stat(path(name))).size;
      } catch {
        return undefined;
      }
    },
    open: async (name, start, end) => createReadStream(path(name), { start, end }),
    removeCopy: (name) => rm(path(name), { force: true }),
    withCopy: async (name, copyName, run) => {
      await run(path(name), path(copyName));
    },
  };
}

/**
 * @param {object} options
 * @param {import('@azure/storage-blob').ContainerClient} options.containerClient The container the answers go to (created if missing).
 * @param {import('@tus/utils').KvStore<import('@tus/utils').Upload>} options.cache Upload info shared by every instance (IoRedisKvStore).
 * @param {number} options.expiryMs An unfinished upload is deleted this long after it was created.
 * @returns {AnswerStorage & { ready: Promise<void> }}
 */
export function azureStorage({ containerClient, cache, expiryMs }) {
  const blob = (name) => containerClient.getBlobClient(name);
  return {
    ready: containerClient.createIfNotExists().then(() => undefined),
    datastore: new SharedAzureStore({ containerClient, cache, expiryMs }),
    async size(name) {
      try {
        return (await blob(name).getProperties()).contentLength;
      } catch (error) {
        if (error?.statusCode === 404) return undefined;
        throw error;
      }
    },
    open: async (name, start, end) => (await blob(name).download(start, end - start + 1)).readableStreamBody,
    removeCopy: async (name) => {
      await blob(name).deleteIfExists();
    },
    withCopy: async (name, copyName, run) => {
      const folder = await mkdtemp(join(tmpdir(), 'oneway-remux-'));
      try {
        const [input, output] = [join(folder, 'input'), join(folder, 'output')];
        await blob(name).downloadToFile(input);
        await run(input, output);
        await containerClient.getBlockBlobClient(copyName).uploadStream(createReadStream(output));
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}

/** Azure's limit for one appended block (older service versions); PATCH bodies are appended in blocks up to this size. */
const APPEND_BLOCK_BYTES = 4 * 1024 * 1024;

/**
 * @tus/azure-store (2.0) with what the widget and several instances need, which it lacks:
 * - termination (the widget deletes a discarded take) and expiration (abandoned uploads go);
 * - 404 for an upload that is not there (it answers 500, which the widget would retry for ever);
 * - appends at a stated position: storage itself refuses bytes that do not start where the upload
 *   ends, so an instance killed between appending and saving the new offset, or a lock lost to a
 *   long pause, cannot make a file hold bytes twice; the offset is then taken from the blob and
 *   the client told 409, after which it asks (HEAD) and goes on from there.
 */
export class SharedAzureStore extends AzureStore {
  /** @param {{ containerClient: import('@azure/storage-blob').ContainerClient, cache: import('@tus/utils').KvStore<Upload>, expiryMs: number }} options */
  constructor({ containerClient, cache, expiryMs }) {
    super({ client: containerClient, cache });
    this.expiryMs = expiryMs;
    this.extensions = ['creation', 'creation-defer-length', 'termination', ...(expiryMs > 0 ? ['expiration'] : [])];
  }

  async getMetadata(appendBlobClient) {
    const cached = await this.cache.get(appendBlobClient.url);
    if (cached) return new Upload(cached);
    let properties;
    try {
      properties = await appendBlobClient.getProperties();
    } catch (error) {
      throw error?.statusCode === 404 ? ERRORS.FILE_NOT_FOUND : ERRORS.UNKNOWN_ERROR;
    }
    const upload = uploadFromBlobMetadata(properties.metadata);
    if (!upload) throw ERRORS.FILE_NOT_FOUND; // a blob that is no tus upload (a remuxed copy)
    await this.cache.set(appendBlobClient.url, upload);
    return upload;
  }

  async write(stream, id, offset) {
    const client = this.containerClient.getAppendBlobClient(id);
    const upload = await this.getMetadata(client);
    let position = offset;
    let reconciled = false;
    const append = async (block) => {
      try {
        await client.appendBlock(block, block.length, { conditions: { appendPosition: position } });
      } catch (error) {
        if (error?.statusCode !== 412) throw ERRORS.UNKNOWN_ERROR;
        // The blob does not end where the upload info says: its length is the offset.
        upload.offset = (await client.getProperties()).contentLength ?? position;
        reconciled = true;
        await this.saveMetadata(client, upload);
        throw ERRORS.INVALID_OFFSET;
      }
      position += block.length;
    };
    let pending = [];
    let pendingBytes = 0;
    try {
      for await (const chunk of stream) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        while (pendingBytes >= APPEND_BLOCK_BYTES) {
          const bytes = Buffer.concat(pending);
          await append(bytes.subarray(0, APPEND_BLOCK_BYTES));
          const rest = bytes.subarray(APPEND_BLOCK_BYTES);
          [pending, pendingBytes] = [rest.length > 0 ? [rest] : [], rest.length];
        }
      }
      if (pendingBytes > 0) await append(Buffer.concat(pending));
    } finally {
      // What was appended counts, also when the request broke off: the client resumes after it.
      if (!reconciled && position !== upload.offset) {
        upload.offset = position;
        await this.saveMetadata(client, upload);
      }
    }
    if (upload.offset === upload.size) await this.cache.delete(client.url);
    return upload.offset;
  }

  async remove(id) {
    const client = this.containerClient.getAppendBlobClient(id);
    await this.getMetadata(client); // 404 when there is no such upload
    await this.cache.delete(client.url);
    await client.deleteIfExists();
  }

  getExpiration() {
    return this.expiryMs;
  }

  /** Deletes unfinished uploads created longer than the expiry ago; resolves with how many. */
  async deleteExpired() {
    if (!(this.expiryMs > 0)) return 0;
    let deleted = 0;
    for await (const item of this.containerClient.listBlobsFlat({ includeMetadata: true })) {
      const upload = uploadFromBlobMetadata(item.metadata);
      if (!upload || (upload.size !== undefined && upload.offset === upload.size)) continue;
      const created = new Date(upload.creation_date ?? 0).getTime();
      if (Date.now() - created < this.expiryMs) continue;
      const client = this.containerClient.getAppendBlobClient(item.name);
      await this.cache.delete(client.url);
      await client.deleteIfExists();
      deleted++;
    }
    return deleted;
  }
}

/** The tus upload info @tus/azure-store keeps in a blob's metadata, or undefined for a blob without it. */
function uploadFromBlobMetadata(metadata) {
  if (!metadata?.upload) return undefined;
  const stored = JSON.parse(metadata.upload);
  return new Upload({ ...stored, metadata: stored.metadata ? Metadata.parse(stored.metadata) : {} });
}
