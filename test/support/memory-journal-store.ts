import type { JournalStore } from '../../src/core/journal.js';

/** The journal's storage in memory, with a switch that makes writes fail like a full disk (or with another error). */
export function memoryJournalStore() {
  const data = new Map<string, unknown>();
  let failWrites: string | false = false;
  let writes = 0;
  const store: JournalStore = {
    async getMany<T>(keys: string[]) {
      return keys.map((key) => data.get(key) as T | undefined);
    },
    async write(pairs, deletions) {
      writes++;
      if (failWrites) throw new DOMException(`The write failed (${failWrites}).`, failWrites);
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
    /** Makes writes fail with a DOMException of `name` (true: a full disk), or work again. */
    failWrites(fail: boolean | string) {
      failWrites = fail === true ? 'QuotaExceededError' : fail;
    },
  };
}
