// What the receiver remembers besides the files: the answer index, how many uploads each
// candidate token has created, which device-check test uploads finished (deleted later), the tus
// locker and the upload-info cache. `localState` keeps it in this process and a folder (one
// machine, `npm start`); `redisState` in Redis, so that any instance can take any request.
import { createHash, randomBytes } from 'node:crypto';
import { IoRedisKvStore } from '@tus/utils';
import { createAnswerIndex, createRedisAnswerIndex } from './answer-index.js';
import { RedisLocker } from './redis-locker.js';

/**
 * @typedef {object} ReceiverState
 * @property {ReturnType<typeof createAnswerIndex>} index
 * @property {{ add(token: string, expiresAt: number): Promise<number> }} uploadCounts Counts an upload of a token; resolves with its count so far.
 * @property {{ finished(id: string): Promise<unknown>, forget(id: string): Promise<unknown>, takeOlderThan(ms: number): Promise<string[]> }} preflights
 *   Finished device-check uploads: `takeOlderThan` hands each one to a single caller, which deletes it.
 * @property {import('@tus/utils').Locker} [locker] The tus locker; @tus/server's MemoryLocker when unset.
 * @property {import('@tus/utils').KvStore<import('@tus/utils').Upload>} [uploadCache] For stores that cache upload info.
 * @property {() => void} [sweep] Forgets what has expired (run by the receiver's clean-up).
 * @property {() => Promise<void>} close
 */

/** @returns {ReceiverState} */
export function localState({ indexFolder }) {
  const counts = new Map();
  const preflights = new Map();
  return {
    index: createAnswerIndex(indexFolder),
    uploadCounts: {
      async add(token, expiresAt) {
        const count = (counts.get(token)?.count ?? 0) + 1;
        counts.set(token, { count, expiresAt });
        return count;
      },
    },
    preflights: {
      finished: async (id) => preflights.set(id, Date.now()),
      forget: async (id) => preflights.delete(id),
      async takeOlderThan(ms) {
        const due = [...preflights].filter(([, finishedAt]) => Date.now() - finishedAt >= ms).map(([id]) => id);
        for (const id of due) preflights.delete(id);
        return due;
      },
    },
    sweep() {
      for (const [token, { expiresAt }] of counts) if (expiresAt <= Date.now()) counts.delete(token);
    },
    close: async () => {},
  };
}

/**
 * @param {object} options
 * @param {import('ioredis').Redis} options.redis
 * @param {string} [options.prefix] Of every key, so several receivers can share one Redis.
 * @param {ConstructorParameters<typeof RedisLocker>[0]} [options.lock] Lock timings.
 * @returns {ReceiverState}
 */
export function redisState({ redis, prefix = 'oneway:', lock = {} }) {
  const subscriber = redis.duplicate();
  const preflightKey = `${prefix}finished-preflights`;
  return {
    index: createRedisAnswerIndex(redis, prefix),
    locker: new RedisLocker({ redis, subscriber, prefix, ...lock }),
    uploadCache: new IoRedisKvStore(redis, `${prefix}upload:`),
    uploadCounts: {
      async add(token, expiresAt) {
        // The token's hash, not the token: Redis need not hold credentials.
        const key = `${prefix}uploads-per-token:${createHash('sha256').update(token).digest('hex')}`;
        const [[, count]] = await redis.multi().incr(key).pexpireat(key, Math.max(Date.now() + 1000, expiresAt)).exec();
        return Number(count);
      },
    },
    preflights: {
      finished: (id) => redis.zadd(preflightKey, Date.now(), id),
      forget: (id) => redis.zrem(preflightKey, id),
      async takeOlderThan(ms) {
        const due = await redis.zrangebyscore(preflightKey, '-inf', Date.now() - ms);
        const taken = await Promise.all(due.map(async (id) => ((await redis.zrem(preflightKey, id)) === 1 ? id : undefined)));
        return taken.filter((id) => id !== undefined);
      },
    },
    async close() {
      await subscriber.quit();
    },
  };
}

/**
 * The secret every instance signs tokens with, kept in Redis: the first instance to start makes
 * it. In production give it from your secret store instead (`RECEIVER_TOKEN_SECRET`).
 */
export async function sharedTokenSecret(redis, prefix = 'oneway:') {
  const key = `${prefix}token-secret`;
  await redis.set(key, randomBytes(32).toString('base64'), 'NX');
  return Buffer.from(await redis.get(key), 'base64');
}
