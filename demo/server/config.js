// The receiver's storage and shared state from environment variables, the same for a try-out on
// one machine (`npm run receiver:cluster`) and for production (real credentials):
//
//   RECEIVER_STORE                    file (default) or azure
//   RECEIVER_DIRECTORY                file store: the folder (a shared volume for several instances)
//   AZURE_STORAGE_CONNECTION_STRING   azure: the storage account (or Azurite's)
//   RECEIVER_CONTAINER                azure: the blob container (default oneway-answers, created if missing)
//   REDIS_URL                         shared state and locking: redis://host:port or a socket path;
//                                     without it everything stays in this process (one instance only)
//   RECEIVER_REDIS_PREFIX             of every Redis key (default oneway:)
//   RECEIVER_LOCK_TIMEOUT_MS          a lock whose instance died is free after this (default 5000)
//   RECEIVER_TOKEN_SECRET             the token signing secret; with Redis and without it, one
//                                     shared secret is made and kept in Redis
import { BlobServiceClient } from '@azure/storage-blob';
import { Redis } from 'ioredis';
import { join } from 'node:path';
import { localState, redisState, sharedTokenSecret } from './shared-state.js';
import { azureStorage, fileStorage } from './storage.js';
import { createTokens } from './tokens.js';

/**
 * @param {Record<string, string | undefined>} [env]
 * @param {{ uploadExpiryMs?: number }} [options]
 * @returns {Promise<{ storage: import('./storage.js').AnswerStorage, state: import('./shared-state.js').ReceiverState,
 *   tokens: ReturnType<typeof createTokens>, summary: string, close(): Promise<void> }>}
 */
export async function receiverSetupFromEnv(env = process.env, { uploadExpiryMs = 24 * 60 * 60_000 } = {}) {
  const store = env.RECEIVER_STORE ?? 'file';
  if (store !== 'file' && store !== 'azure') throw new Error(`RECEIVER_STORE is ${JSON.stringify(store)}: file or azure`);
  const prefix = env.RECEIVER_REDIS_PREFIX ?? 'oneway:';
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 }) : undefined;
  if (store === 'azure' && !redis) throw new Error('RECEIVER_STORE=azure is for several instances: give REDIS_URL too');
  const directory = env.RECEIVER_DIRECTORY;
  if (store === 'file' && !directory) throw new Error('RECEIVER_STORE=file needs RECEIVER_DIRECTORY');

  const state = redis
    ? redisState({ redis, prefix, lock: env.RECEIVER_LOCK_TIMEOUT_MS ? { lockTimeoutMs: Number(env.RECEIVER_LOCK_TIMEOUT_MS) } : {} })
    : localState({ indexFolder: join(directory, 'index') });
  let storage;
  if (store === 'azure') {
    if (!env.AZURE_STORAGE_CONNECTION_STRING) throw new Error('RECEIVER_STORE=azure needs AZURE_STORAGE_CONNECTION_STRING');
    const containerClient = BlobServiceClient.fromConnectionString(env.AZURE_STORAGE_CONNECTION_STRING).getContainerClient(
      env.RECEIVER_CONTAINER ?? 'oneway-answers',
    );
    storage = azureStorage({ containerClient, cache: state.uploadCache, expiryMs: uploadExpiryMs });
    await storage.ready;
  } else {
    storage = fileStorage({ directory: join(directory, 'files'), expiryMs: uploadExpiryMs });
  }
  const secret = env.RECEIVER_TOKEN_SECRET ?? (redis ? await sharedTokenSecret(redis, prefix) : undefined);
  return {
    storage,
    state,
    tokens: createTokens(secret ? { secret } : {}),
    summary: `${store === 'azure' ? `Azure container ${env.RECEIVER_CONTAINER ?? 'oneway-answers'}` : `files in ${directory}`}, ${redis ? 'shared state and locks in Redis' : 'state in this process'}`,
    async close() {
      await state.close();
      await redis?.quit();
    },
  };
}
