// A tus locker shared by every instance: @tus/server takes a lock per upload for each HEAD, PATCH
// and DELETE, so two requests for one upload never touch it at once, whichever instances they
// reach. The mutex is redis-semaphore's (SET NX PX with a random owner, refreshed while held,
// released by a check-and-delete script): a lock whose instance died expires after `lockTimeoutMs`.
//
// What @tus/server's in-process MemoryLocker also does is kept across instances: a request that
// finds the upload locked asks the holder to let go (Redis pub/sub), and the holder's request is
// ended after @tus/server's `lockDrainTimeout`: the holder is usually a request the client has
// given up on (a half-open connection), and the newcomer its retry.
import { ERRORS } from '@tus/utils';
import { Mutex } from 'redis-semaphore';

export class RedisLocker {
  /**
   * @param {object} options
   * @param {import('ioredis').Redis} options.redis
   * @param {import('ioredis').Redis} options.subscriber A connection of its own for the release requests (subscriber mode).
   * @param {string} [options.prefix] Of the lock keys and the release channel.
   * @param {number} [options.lockTimeoutMs] A lock not refreshed for this long (its instance died) is free again.
   * @param {number} [options.acquireTimeoutMs] A request waits this long for a lock, then fails with 500 (the client retries).
   * @param {number} [options.retryIntervalMs] How often a waiting request tries again.
   */
  constructor({ redis, subscriber, prefix = 'oneway:', lockTimeoutMs = 5000, acquireTimeoutMs = 30_000, retryIntervalMs = 20 }) {
    this.redis = redis;
    this.prefix = prefix;
    this.channel = `${prefix}tus-lock-release`;
    this.mutexOptions = {
      lockTimeout: lockTimeoutMs,
      acquireTimeout: acquireTimeoutMs,
      retryInterval: retryIntervalMs,
      refreshInterval: Math.round(lockTimeoutMs / 3),
    };
    /** @type {Map<string, () => unknown>} What ends the request holding each lock this instance has. */
    this.held = new Map();
    this.ready = subscriber.subscribe(this.channel);
    subscriber.on('message', (channel, id) => {
      if (channel === this.channel) void this.held.get(id)?.();
    });
  }

  newLock(id) {
    return new RedisLock(this, id);
  }

  /** The Redis key of an upload's lock while it is held (redis-semaphore puts `mutex:` before the name). */
  static redisKey(id, prefix = 'oneway:') {
    return `mutex:${prefix}tus-lock:${id}`;
  }
}

class RedisLock {
  constructor(locker, id) {
    this.locker = locker;
    this.id = id;
    this.name = `${locker.prefix}tus-lock:${id}`;
  }

  /** @param {AbortSignal} signal @param {() => unknown} requestRelease */
  async lock(signal, requestRelease) {
    const { locker } = this;
    await locker.ready;
    // A lock lost (not refreshed in time) ends the request as a release request does; storage
    // refuses an append at a stale position in any case (demo/server/storage.js).
    this.mutex = new Mutex(locker.redis, this.name, { ...locker.mutexOptions, onLockLost: () => void requestRelease() });
    if (await locker.redis.exists(RedisLocker.redisKey(this.id, locker.prefix))) await locker.redis.publish(locker.channel, this.id);
    let acquired = false;
    try {
      acquired = await this.mutex.tryAcquire(signal);
    } catch {
      acquired = false; // aborted: the request is gone
    }
    if (!acquired) throw ERRORS.ERR_LOCK_TIMEOUT;
    locker.held.set(this.id, requestRelease);
  }

  async unlock() {
    this.locker.held.delete(this.id);
    await this.mutex?.release();
  }
}
