// The interview loader through its injected boundaries: a host without Lit, a progress store in
// memory and a fetch the test answers when it wants to.
import { expect } from '@open-wc/testing';
import { InterviewLoader, type InterviewSource } from '../../src/controllers/interview-loader.js';
import type { ConfigProblem, InterviewConfig } from '../../src/core/interview-config.js';
import { newProgress, type InterviewFlow, type InterviewProgress } from '../../src/core/interview-flow.js';
import type { ProgressStore } from '../../src/core/progress-store.js';
import { controllerHost } from '../support/controller-host.js';
import { waitFor } from '../support/wait.js';

const CONFIG: InterviewConfig = { id: 'loader-1', title: 'T', deviceCheck: false, questions: [{ id: 'q1', text: 'One?', answer: 'video' }, { id: 'q2', text: 'Two?', answer: 'text' }] };

function memoryStore(initial: Record<string, InterviewProgress> = {}) {
  const saved = new Map(Object.entries(initial));
  const store: ProgressStore = {
    load: async (key) => saved.get(key),
    save: async (key, progress) => void saved.set(key, progress),
    clear: async (key) => void saved.delete(key),
  };
  return { store, saved };
}

/** A fetch whose answers the test gives: `answer(url, body)` resolves the request for `url`. */
function manualFetch() {
  const requests: { url: string; respond: (response: Response) => void }[] = [];
  const fetch = ((url: string) => new Promise<Response>((respond) => requests.push({ url, respond }))) as typeof globalThis.fetch;
  return {
    fetch,
    requested: () => requests.map((request) => request.url),
    /** Answers the latest request for `url`. */
    answer: (url: string, body: unknown, status = 200) => [...requests].reverse().find((request) => request.url === url)!.respond(new Response(JSON.stringify(body), { status })),
  };
}

function setup(source: Partial<InterviewSource>, store = memoryStore().store, fetch?: typeof globalThis.fetch) {
  const page = controllerHost();
  const ready: InterviewFlow[] = [];
  const invalid: { problems: ConfigProblem[]; message: string }[] = [];
  let current: InterviewSource = { configSrc: '', config: undefined, inline: undefined, candidate: 'c1', timeMultiplier: 1, untimed: false, ...source };
  const loader = new InterviewLoader(page.host, {
    source: () => current,
    onReady: (flow) => ready.push(flow),
    onInvalid: (problems, message) => invalid.push({ problems, message }),
    store,
    fetch,
  });
  return { page, loader, ready, invalid, setSource: (changes: Partial<InterviewSource>) => (current = { ...current, ...changes }) };
}

describe('InterviewLoader', () => {
  it("validates the config, restores the candidate's saved progress and saves every step under the candidate's key", async () => {
    const progress = { ...newProgress(CONFIG.id), started: true, index: 1 };
    const { store, saved } = memoryStore({ [`${CONFIG.id}:c1`]: progress, [`${CONFIG.id}:c2`]: newProgress(CONFIG.id) });
    const { page, loader, ready } = setup({ config: CONFIG, timeMultiplier: 2 }, store);
    expect(loader.status).to.equal('loading');
    page.connect();
    await waitFor(() => loader.status === 'ready', 'the config was not loaded');
    expect(ready).to.deep.equal([loader.flow]);
    const flow = loader.flow!;
    expect(flow.progress.index, "c1's own progress").to.equal(1);
    expect(flow.timeMultiplier).to.equal(2);
    flow.start();
    flow.startAnswer();
    await waitFor(() => saved.get(`${CONFIG.id}:c1`)!.takesStarted?.q2 === 1, 'the step was not saved');
    expect(saved.get(`${CONFIG.id}:c2`), "another candidate's progress").to.deep.equal(newProgress(CONFIG.id));
    expect(page.updates).to.be.greaterThan(0);
  });

  it('reads an inline JSON config, and reports one that is not JSON at $', async () => {
    const inline = setup({ inline: JSON.stringify(CONFIG) });
    inline.page.connect();
    await waitFor(() => inline.loader.status === 'ready', 'the inline config was not loaded');
    expect(inline.loader.flow!.config.id).to.equal(CONFIG.id);

    const broken = setup({ inline: '{ "id": ' });
    broken.page.connect();
    await waitFor(() => broken.loader.status === 'invalid', 'broken JSON was not reported');
    expect(broken.loader.problems.map((problem) => problem.path)).to.deep.equal(['$']);
    expect(broken.invalid[0].message).to.contain('not valid JSON');
    expect(broken.loader.flow).to.equal(undefined);
  });

  it('reports every problem of an invalid config with its path', async () => {
    const { page, loader, invalid, ready } = setup({ config: { id: '', title: 'T', questions: [{ id: 'a', text: 'A', answer: 'vidoe' }] } });
    page.connect();
    await waitFor(() => loader.status === 'invalid', 'the invalid config was not reported');
    expect(loader.problems.map((problem) => problem.path)).to.include.members(['$.id', '$.questions[0].answer']);
    expect(invalid[0].message).to.contain('Invalid interview config').and.contain('$.questions[0].answer');
    expect(ready).to.deep.equal([]);
  });

  it('fetches config-src, says which URL failed, and lets the newest load win', async () => {
    const requests = manualFetch();
    const { page, loader, invalid, setSource } = setup({}, undefined, requests.fetch);
    page.connect();
    setSource({ configSrc: '/old.json' });
    const older = loader.reload();
    setSource({ configSrc: '/new.json' });
    const newer = loader.reload();
    requests.answer('/new.json', { ...CONFIG, id: 'new' });
    await newer;
    expect(loader.flow!.config.id).to.equal('new');
    // The older request answers last: it changes nothing.
    requests.answer('/old.json', { ...CONFIG, id: 'old' });
    await older;
    expect(loader.flow!.config.id).to.equal('new');

    setSource({ configSrc: '/missing.json' });
    const missing = loader.reload();
    requests.answer('/missing.json', {}, 404);
    await missing;
    expect(loader.status).to.equal('invalid');
    expect(invalid.at(-1)!.message).to.contain('config-src "/missing.json" answered 404');
  });

  it('drops a load still under way when the host leaves, and loads again when it is back', async () => {
    const requests = manualFetch();
    const { page, loader, ready, setSource } = setup({}, undefined, requests.fetch);
    page.connect();
    setSource({ configSrc: '/config.json' });
    const load = loader.reload();
    page.disconnect();
    requests.answer('/config.json', CONFIG);
    await load;
    expect(ready, 'ready after the host left').to.deep.equal([]);
    expect(loader.status).to.equal('loading');
    page.connect();
    await waitFor(() => requests.requested().length === 2, 'not fetched again once back');
    requests.answer('/config.json', CONFIG);
    await waitFor(() => ready.length === 1, 'not loaded again once back');
    expect(loader.status).to.equal('ready');
  });

  it('removes the saved progress, and saves nothing after', async () => {
    const { store, saved } = memoryStore();
    const { page, loader } = setup({ config: CONFIG }, store);
    page.connect();
    await waitFor(() => loader.status === 'ready', 'the config was not loaded');
    loader.flow!.start();
    await waitFor(() => saved.has(`${CONFIG.id}:c1`), 'the start was not saved');
    await loader.clearProgress();
    expect(saved.has(`${CONFIG.id}:c1`)).to.equal(false);
    loader.flow!.startAnswer();
    // The store is in memory: every save it was given is done once the microtasks are.
    await new Promise((resolve) => setTimeout(resolve));
    expect(saved.has(`${CONFIG.id}:c1`), 'saved again after it was removed').to.equal(false);
  });
});
