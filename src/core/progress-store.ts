import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { InterviewProgress } from './interview-flow.js';

/** Where interview progress is kept between visits. */
export interface ProgressStore {
  load(key: string): Promise<InterviewProgress | undefined>;
  save(key: string, progress: InterviewProgress): Promise<void>;
  clear(key: string): Promise<void>;
}

/** Progress in its own IndexedDB database (idb-keyval), apart from the chunk journal. */
export function indexedDbProgressStore(dbName = 'oneway-interview-progress', storeName = 'progress'): ProgressStore {
  let store: UseStore | undefined;
  const use = () => (store ??= createStore(dbName, storeName));
  return {
    load: (key) => get<InterviewProgress>(key, use()),
    save: (key, progress) => set(key, progress, use()),
    clear: (key) => del(key, use()),
  };
}
