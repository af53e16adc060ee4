// The framework examples in demo/frameworks (plain HTML, React 19, Vue 3) as a host would ship them:
// each app is built with Vite, served on 127.0.0.1 next to a real tus server at /files, and run in
// the system Chromium. A candidate answers the one text question; the page must say the interview
// is complete, and the server must hold the answer, uploaded with the app's `authorize` header;
// then the app's <oneway-review> shows the answer under its question, read back from the server.
// Run with `node --test test/frameworks.node.mjs`.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { createTusServer } from '../demo/tus-server.js';
import { findChrome } from '../scripts/find-chrome.js';

const APPS = ['plain', 'react', 'vue'];
const ANSWER = 'I like talking to customers.';
const frameworks = fileURLToPath(new URL('../demo/frameworks/', import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

let work;
let tus;
let server;
let origin;
let browser;
/** The Authorization header of every upload request to the tus endpoint. */
const authorizations = [];

/** Serves `<work>/www/<app>/…` (the build output) and answers /files with the tus server. */
function handle(req, res) {
  if (tus.handles(req.url)) {
    // Uploads only: a GET is the review reading an answer back, as the host's reviewer would.
    if (req.method !== 'GET') authorizations.push(req.headers.authorization);
    return tus.handle(req, res);
  }
  // The browser asks every new site for one; the examples have none.
  if (req.url === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  const path = normalize(decodeURIComponent(new URL(req.url, origin).pathname));
  const www = join(work, 'www');
  const file = join(www, path.endsWith('/') ? `${path}index.html` : path);
  if (!file.startsWith(www + sep)) {
    res.writeHead(404).end();
    return;
  }
  readFile(file).then(
    (body) => res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
    () => res.writeHead(404).end(),
  );
}

/** Every stored upload (tus info and bytes) of interview `interviewId`. */
async function storedAnswers(interviewId) {
  const directory = join(work, 'uploads');
  const infos = await Promise.all(
    (await readdir(directory)).filter((name) => name.endsWith('.json')).map(async (name) => JSON.parse(await readFile(join(directory, name), 'utf8'))),
  );
  return Promise.all(
    infos
      .filter((info) => info.metadata?.interviewId === interviewId)
      .map(async (info) => ({ info, bytes: await readFile(join(directory, info.id)) })),
  );
}

describe('framework examples', () => {
  before(async () => {
    const chrome = findChrome();
    assert.ok(chrome, 'No Chrome/Chromium found: install it or set CHROME_PATH.');
    work = await mkdtemp(join(tmpdir(), 'oneway-frameworks-'));
    // Built into a temporary folder, so the test leaves nothing in the source tree.
    for (const app of APPS) {
      await build({
        configFile: join(frameworks, app, 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir: join(work, 'www', app) },
      });
    }
    tus = createTusServer({ directory: join(work, 'uploads') });
    server = createServer(handle);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await puppeteer.launch({
      executablePath: chrome,
      headless: true,
      userDataDir: join(work, 'profile'),
      args: [
        '--headless=new',
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    if (work) await rm(work, { recursive: true, force: true });
  });

  for (const app of APPS) {
    it(`${app}: a candidate answers the text question, the page shows oneway-complete, the server has the answer`, { timeout: 60_000 }, async () => {
      // A context of its own: storage (saved progress, upload journal) starts empty for each app.
      const context = await browser.createBrowserContext();
      const problems = [];
      try {
        const page = await context.newPage();
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()} ${message.location().url ?? ''}`));
        page.on('dialog', (dialog) => void dialog.accept());
        page.setDefaultTimeout(20_000);
        const seen = authorizations.length;

        await page.goto(`${origin}/${app}/`);
        // By role and accessible name, through the element's shadow root, as a person finds them.
        const button = (name) => page.locator(`::-p-aria([name="${name}"][role="button"])`);
        await button('Start interview').click();
        // The think time (1 s) runs out and the answer field opens.
        const answer = page.locator('::-p-aria([name="Your answer"][role="textbox"])');
        await answer.click();
        await page.keyboard.type(ANSWER);
        await button('Submit answer').click();

        await page.waitForFunction(() => document.body.innerText.includes('Interview complete: 1 answers'));
        // The employer's view: the answer, read back from the server, under its question.
        const review = (part) => page.evaluate((name) => document.querySelector('oneway-review')?.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent, part);
        await page.waitForFunction((answer) => document.querySelector('oneway-review')?.shadowRoot?.querySelector('[part~="text-answer"]')?.textContent === answer, {}, ANSWER);
        assert.equal(await review('kind'), 'Text answer');

        const stored = await storedAnswers(`frameworks-${app}`);
        assert.equal(stored.length, 1, 'one upload for the interview');
        const [{ info, bytes }] = stored;
        assert.equal(bytes.length, info.size, 'the upload is complete');
        assert.equal(bytes.toString('utf8'), ANSWER);
        assert.deepEqual(
          { questionId: info.metadata.questionId, kind: info.metadata.kind, candidate: info.metadata.candidate },
          { questionId: 'q1', kind: 'text', candidate: 'demo-candidate' },
        );
        const requests = authorizations.slice(seen);
        assert.ok(requests.length > 0, 'the answer went to /files');
        assert.deepEqual([...new Set(requests)], ['Bearer demo-token'], 'every upload request carried the header from `authorize`');
        assert.deepEqual(problems, []);
      } catch (error) {
        if (problems.length) error.message += `\n${problems.join('\n')}`;
        throw error;
      } finally {
        await context.close();
      }
    });
  }
});
