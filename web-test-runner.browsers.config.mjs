// The whole browser test suite in three engines, all from Debian packages (`npm run test:browsers`):
//   Chromium    (chromium)          the same launchers as `npm test` (web-test-runner.config.mjs)
//   Firefox ESR (firefox-esr)       puppeteer-core over WebDriver BiDi, fake camera and microphone
//   WebKitGTK   (webkit2gtk-driver) MiniBrowser through WebKitWebDriver, mock capture devices, under xvfb-run
// Engines run one after the other (one page at a time each). `ENGINES=firefox,webkit` runs a subset.
// Files an engine cannot run are listed, with the reason, in test/engines/skips.mjs; engine notes
// are in test/engines/README.md.
import { existsSync, writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import base from './web-test-runner.config.mjs';
import { serverSideOffline } from './test/engines/offline.mjs';
import { runnerHtmlFor } from './test/engines/runner-html.mjs';
import { skips } from './test/engines/skips.mjs';
import { webkitCrashes, webkitLauncher } from './test/engines/webkit.mjs';
import { resultsRecorder } from './test/engines/crash-rerun.mjs';

const ALL = ['chromium', 'firefox', 'webkit'];
const engines = (process.env.ENGINES ?? ALL.join(',')).split(',').map((name) => name.trim()).filter(Boolean);
for (const engine of engines) if (!ALL.includes(engine)) throw new Error(`ENGINES: unknown engine "${engine}" (one of ${ALL.join(', ')})`);

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

// The suite's files and the Chromium launchers are `npm test`'s own.
const deniedGroup = base.groups.find((group) => group.name === 'permission-denied');

const firefox = (prefs = {}) => {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: \`apt-get install firefox-esr\` or set FIREFOX_PATH.`);
  return chromeLauncher({
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: {
        'media.navigator.streams.fake': true,
        'media.navigator.permission.disabled': true,
        // Media plays and Web Audio runs without a click, as --autoplay-policy does for Chromium.
        'media.autoplay.default': 0,
        'media.autoplay.block-webaudio': false,
        // No sound card here: without this Web Audio never starts (AudioContext stays "suspended").
        'media.cubeb.force_mock_context': true,
        ...prefs,
      },
    },
    async createPage({ context }) {
      const page = await context.newPage();
      page.on('dialog', (dialog) => void dialog.accept());
      return page;
    },
  });
};

// `TEST_FILES=test/elements/recorder/recorder.test.ts,…` runs only those files (a debugging aid).
const only = process.env.TEST_FILES?.split(',').filter(Boolean);

const groups = [];
/** A group of `engine`: `files` without the ones skips.mjs excludes for the engine (none, none left). */
function addGroup(name, engine, files, makeBrowsers) {
  const denied = files[0].includes('.denied.');
  const include = only ? only.filter((pattern) => pattern.includes('.denied.') === denied) : files.filter((file) => !file.startsWith('!'));
  if (include.length === 0) return;
  const exclude = [...files.filter((file) => file.startsWith('!')), ...skips[engine].filter(({ test }) => !test).map(({ file }) => `!${file}`)];
  // A group whose own patterns the engine skips whole (WebKit's permission-denied group).
  if (files.filter((file) => !file.startsWith('!')).every((pattern) => exclude.includes(`!${pattern}`))) return;
  groups.push({ name, files: [...include, ...exclude], browsers: makeBrowsers(), testRunnerHtml: runnerHtmlFor(engine, skips) });
}

if (engines.includes('chromium')) {
  addGroup('chromium', 'chromium', base.files, () => base.browsers);
  addGroup('chromium-permission-denied', 'chromium', deniedGroup.files, () => deniedGroup.browsers);
}
if (engines.includes('firefox')) {
  addGroup('firefox', 'firefox', base.files, () => [firefox()]);
  // Firefox's permission preferences answer every camera and microphone prompt with "block".
  addGroup('firefox-permission-denied', 'firefox', deniedGroup.files, () => [
    firefox({ 'media.navigator.permission.disabled': false, 'permissions.default.camera': 2, 'permissions.default.microphone': 2 }),
  ]);
}
if (engines.includes('webkit')) {
  const webkit = await webkitLauncher();
  addGroup('webkit', 'webkit', base.files, () => [webkit]);
  addGroup('webkit-permission-denied', 'webkit', deniedGroup.files, () => [webkit]);
}

const offline = serverSideOffline({ isUploadRequest: (url) => url === '/files' || url.startsWith('/files/') || url.startsWith('/files?') });

export default {
  ...base,
  // No default group: every file runs in the engines' groups below.
  files: undefined,
  browsers: groups.flatMap((group) => group.browsers),
  groups,
  // `GREP=title` runs only the tests whose full title contains it (a debugging aid).
  testFramework: process.env.GREP ? { ...base.testFramework, config: { ...base.testFramework?.config, grep: process.env.GREP } } : base.testFramework,
  // One engine at a time: recording is timed, and the machine has two cores.
  concurrentBrowsers: 1,
  // `BROWSER_TEST_RESULTS=file`: every session and the engine crashes, for scripts/test-browsers.mjs.
  reporters: [
    defaultReporter(),
    ...(process.env.BROWSER_TEST_RESULTS ? [resultsRecorder(process.env.BROWSER_TEST_RESULTS, () => ({ webkit: webkitCrashes() }), writeFileSync)] : []),
  ],
  middleware: [offline.middleware, ...base.middleware],
  plugins: [offline.plugin, ...base.plugins],
};
