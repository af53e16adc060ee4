import type { JournalStore } from '../../src/core/journal.js';

/** The journal's storage in memory, with a switch that makes writes fail like a full disk. */
export function memoryJournalStore() {
  const data = new Map<string, unknown>();
  let failWrites = false;
  let writes = 0;
  const store: JournalStore = {
    async getMany<T>(keys: string[]) {
      return keys.map((key) => data.get(key) as T | undefined);
    },
    async write(pairs, deletions) {
      writes++;
      if (failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      for (const [key, value] of pairs) data.set(key, value);
      for (const key of deletions) data.delete(key);
    },
    async keys() {
      return [...data.keys()];
    },
  };
  return {
    store,
    data,
    get writes() {
      return writes;
    },
    failWrites(fail: boolean) {
      failWrites = fail;
    },
  };
}
