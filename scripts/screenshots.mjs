// `npm run screenshots`: walks the demo interview as a candidate would, in the system Chromium
// with its fake camera, and saves a PNG of every step to docs/screenshots/<variant>/.
// Variants: desktop 1280×800 and phone 375×667, light and dark, English and Arabic.
// `SCREENSHOTS=phone-light-en` (a comma-separated list) takes only those variants (CI takes one).
// Each step waits for what a candidate would wait for; a step that never comes fails the script.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../bench/lib/browser.mjs';
import { findChrome } from './find-chrome.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// SCREENSHOTS_DIR puts them elsewhere (CI checks the script runs without touching the committed ones).
const outDir = process.env.SCREENSHOTS_DIR ? `${process.env.SCREENSHOTS_DIR.replace(/\/$/, '')}/` : fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const port = Number(process.env.SCREENSHOTS_PORT ?? 5199);
const origin = `http://localhost:${port}`;

const viewports = {
  desktop: { width: 1280, height: 800, deviceScaleFactor: 1 },
  phone: { width: 375, height: 667, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};
const all = [];
for (const device of Object.keys(viewports)) {
  for (const scheme of ['light', 'dark']) for (const lang of ['en', 'ar']) all.push(`${device}-${scheme}-${lang}`);
}
const wanted = process.env.SCREENSHOTS ? process.env.SCREENSHOTS.split(',').map((name) => name.trim()) : all;
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`Unknown variant ${unknown.join(', ')}; known: ${all.join(', ')}`);
  process.exit(1);
}

if (!findChrome()) {
  console.error('No Chrome/Chromium found: install it (Debian: `apt-get install chromium`) or set CHROME_PATH.');
  process.exit(1);
}

/** Starts `npm start`'s server on its own port and resolves once it answers. */
async function startDemo() {
  const server = spawn(process.execPath, ['demo/server.js'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), NO_OPEN: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The demo server exited with ${server.exitCode}.`);
    try {
      if ((await fetch(`${origin}/demo/interview.html`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('The demo server did not answer within 60 s.');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A selector that reaches into the widget's shadow roots. */
const deep = (selector) => `>>> ${selector}`;

async function walk(browser, variant) {
  const [device, scheme, lang] = variant.split('-');
  const dir = `${outDir}${variant}/`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
  await page.setViewport(viewports[device]);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(`${origin}/demo/interview.html?lang=${lang}`);
  let step = 0;
  const shot = async (name) => {
    // Whatever moves (a scroll into view, a countdown's ring) settles first.
    await new Promise((resolve) => setTimeout(resolve, 400));
    step += 1;
    await page.screenshot({ path: `${dir}${String(step).padStart(2, '0')}-${name}.png` });
  };
  // Polled: puppeteer's waitForSelector watches the document's mutations, which miss changes inside shadow roots.
  const waitFor = async (selector, timeout = 30_000) => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const handle = await page.$(deep(selector));
      if (handle) return handle;
      if (Date.now() > deadline) throw new Error(`${variant}: nothing matched ${selector} within ${timeout / 1000} s.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const click = async (selector) => (await waitFor(`${selector}:not([disabled])`)).click();
  const record = async (seconds) => {
    await click('[part~="record-button"]');
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  };

  await waitFor('[part~="start-button"]');
  await shot('intro');
  await click('[part~="consent"] input');
  await click('[part~="start-button"]');
  await waitFor('[part~="continue-button"]:not([disabled])', 60_000);
  await shot('device-check');
  await click('[part~="continue-button"]');
  // The practice question.
  await waitFor('[part~="record-button"]:not([disabled])');
  await shot('practice-think');
  await record(2);
  await shot('practice-recording');
  await click('[part~="record-button"]');
  await waitFor('[part~="review-panel"]');
  await shot('practice-review');
  await click('[part~="submit-button"]');
  // Question 1, video: a take, a retake, the final take.
  await waitFor('[part~="next-button"]');
  await shot('question-1-pending');
  await click('[part~="next-button"]');
  await waitFor('[part~="record-button"]:not([disabled])');
  await shot('question-1-think');
  await record(3);
  await shot('question-1-recording');
  await click('[part~="record-button"]');
  await waitFor('[part~="review-panel"]');
  await shot('question-1-review');
  await click('[part~="retake-button"]');
  await waitFor('[part~="record-button"]:not([disabled])');
  await shot('question-1-retake-think');
  await record(3);
  await click('[part~="record-button"]');
  await waitFor('[part~="review-panel"]');
  await shot('question-1-final-review');
  await click('[part~="submit-button"]');
  // Question 2, audio.
  await waitFor('[part~="next-button"]');
  await shot('question-2-pending');
  await click('[part~="next-button"]');
  await waitFor('[part~="record-button"]:not([disabled])');
  await record(3);
  await shot('question-2-recording');
  await click('[part~="record-button"]');
  await waitFor('[part~="review-panel"]');
  await click('[part~="submit-button"]');
  // Question 3, text.
  await waitFor('[part~="next-button"]');
  await click('[part~="next-button"]');
  await waitFor('[part~="text-button"]');
  await shot('question-3-think');
  await click('[part~="text-button"]');
  const textarea = await waitFor('textarea');
  await textarea.type(lang === 'ar' ? 'يمكنني البدء في الأول من الشهر القادم، صباحاً.' : 'I could start on the first of next month, mornings preferred.');
  await shot('question-3-typing');
  await click('[part~="submit-button"]');
  await waitFor('[part~="complete"], [part~="finishing"]');
  await shot('finishing');
  await waitFor('[part~="step"][part~="complete"]', 60_000);
  await shot('complete');
  await context.close();
  return step;
}

/** On failure, what the page showed, to tell why. */
async function failureShot(browser, variant) {
  const pages = (await Promise.all(browser.browserContexts().map((context) => context.pages()))).flat();
  const page = pages[pages.length - 1];
  if (!page) return;
  await page.screenshot({ path: `${outDir}${variant}/failed.png`, fullPage: true }).catch(() => {});
  console.error(await page.$eval('#log', (log) => log.textContent).catch(() => ''));
}

const server = await startDemo();
// The bench's Chromium, flags and all (a fresh profile; no network but localhost).
const { browser } = await launchChromium({ profilesDir: mkdtempSync(join(tmpdir(), 'oneway-screenshots-')) });
let failed = false;
try {
  for (const variant of wanted) {
    const started = Date.now();
    const count = await walk(browser, variant).catch(async (error) => {
      await failureShot(browser, variant);
      throw error;
    });
    console.log(`${variant}: ${count} screenshots in ${((Date.now() - started) / 1000).toFixed(0)} s → ${outDir}${variant}/`);
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
  server.kill();
}
process.exit(failed ? 1 : 0);
