import { expect } from '@open-wc/testing';
import type { InterviewProgress } from '../../src/core/interview-flow.js';
import { indexedDbProgressStore } from '../../src/core/progress-store.js';

const progress = (interviewId: string, index = 1): InterviewProgress => ({
  interviewId,
  started: true,
  deviceChecked: true,
  practiceDone: false,
  index,
  takesStarted: { q1: 2 },
  retakesUsed: { q1: 1 },
  submitted: {},
  deliveredEarly: {},
  complete: false,
});

let run = 0;
/** A database of its own per test, deleted afterwards. */
const dbNames: string[] = [];
function freshStore() {
  const name = `oneway-progress-test-${Date.now()}-${run++}`;
  dbNames.push(name);
  return { name, store: indexedDbProgressStore(name) };
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    // idb-keyval keeps its connection open: the deletion completes when the page closes it.
    request.onblocked = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

describe('indexedDbProgressStore', () => {
  after(() => Promise.all(dbNames.map(deleteDatabase)));

  it('has nothing for a key never saved', async () => {
    expect(await freshStore().store.load('interview#candidate')).to.equal(undefined);
  });

  it('gives back what was saved, as a copy, and the latest save of a key', async () => {
    const { store } = freshStore();
    const saved = progress('i1');
    await store.save('i1#c1', saved);
    saved.index = 99;
    expect(await store.load('i1#c1')).to.deep.equal(progress('i1'));
    await store.save('i1#c1', progress('i1', 2));
    expect((await store.load('i1#c1'))!.index).to.equal(2);
  });

  it('keeps each key apart, and clear removes only its own', async () => {
    const { store } = freshStore();
    await store.save('i1#c1', progress('i1', 1));
    await store.save('i1#c2', progress('i1', 3));
    await store.clear('i1#c1');
    expect(await store.load('i1#c1')).to.equal(undefined);
    expect((await store.load('i1#c2'))!.index).to.equal(3);
    await store.clear('never-saved');
  });

  it('keeps progress across visits: a new store on the same database reads it', async () => {
    const { name, store } = freshStore();
    await store.save('i1#c1', progress('i1', 2));
    expect(await indexedDbProgressStore(name).load('i1#c1')).to.deep.equal(progress('i1', 2));
    expect(await freshStore().store.load('i1#c1'), 'another database').to.equal(undefined);
  });

  it('opens its database only when first used', async () => {
    const name = `oneway-progress-test-lazy-${Date.now()}`;
    dbNames.push(name);
    const store = indexedDbProgressStore(name);
    const names = async () => (await indexedDB.databases()).map((db) => db.name);
    expect(await names()).not.to.include(name);
    await store.load('k');
    expect(await names()).to.include(name);
  });
});
