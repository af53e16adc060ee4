// Tests run in the system Chromium with fake camera and microphone, against a real tus server
// mounted on the same origin at /files.
import { fileURLToPath } from 'node:url';
import { existsSync, rmSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher } from '@web/test-runner-chrome';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { createTusServer } from './demo/tus-server.js';
import { findChrome } from './scripts/find-chrome.js';
import { testFaultsMiddleware, testCommandsPlugin } from './test/support/server-commands.js';

// One folder per run, so runs side by side do not delete each other's uploads.
const uploads = fileURLToPath(new URL(`./.test-uploads/${process.pid}`, import.meta.url));
process.on('exit', () => rmSync(uploads, { recursive: true, force: true }));
const tus = createTusServer({ directory: uploads });

// tus-js-client v4 pulls in url-parse, a CommonJS module.
const commonjs = fromRollup(rollupCommonjs);

const chromeArgs = (extra = []) => [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ...extra,
];

const chrome = (extra) =>
  chromeLauncher({
    launchOptions: { executablePath: findChrome(), headless: true, args: chromeArgs(extra) },
    // The widget asks "Leave site?" while an answer is not yet on the server; the runner says yes
    // when it moves on, as a candidate could.
    async createPage({ context }) {
      const page = await context.newPage();
      page.on('dialog', (dialog) => void dialog.accept());
      return page;
    },
  });

export default {
  files: ['test/**/*.test.ts', '!test/**/*.denied.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testsFinishTimeout: 10 * 60_000,
  testFramework: { config: { timeout: 60_000 } },
  browsers: [chrome()],
  groups: [
    {
      // Chromium's fake UI answers every permission prompt with "deny" in this group.
      name: 'permission-denied',
      files: ['test/**/*.denied.test.ts'],
      browsers: [chrome(['--use-fake-ui-for-media-stream=deny'])],
    },
  ],
  middleware: [
    // A worker's script is fetched by the URL its module names (`new URL('./x.js', import.meta.url)`),
    // as in the built package; here the source is the TypeScript file next to it.
    async (ctx, next) => {
      if (ctx.path.startsWith('/src/') && ctx.path.endsWith('.js') && !existsSync(fileURLToPath(new URL(`.${ctx.path}`, import.meta.url)))) {
        ctx.path = ctx.path.replace(/\.js$/, '.ts');
      }
      return next();
    },
    // The built bundle served alone (test/fixtures/missing-chunks.html): the chunks it imports
    // from next to it are not there, as for a page that went offline or a host that copied one file.
    async (ctx, next) => {
      if (ctx.path === '/bundle-without-chunks/oneway-interview.js') ctx.path = '/dist/cdn/oneway-interview.js';
      return next();
    },
    // The built bundle with every chunk but "Get help"'s (test/fixtures/missing-help.html), as when
    // the network went away before it was fetched.
    async (ctx, next) => {
      if (!ctx.path.startsWith('/bundle-without-help/')) return next();
      if (ctx.path.includes('help-dialog')) {
        ctx.status = 404;
        return undefined;
      }
      ctx.path = ctx.path.replace('/bundle-without-help/', '/dist/cdn/');
      return next();
    },
    // The CSP fixture pages are served the way a strict host page would be.
    async (ctx, next) => {
      await next();
      if (ctx.path === '/test/fixtures/csp.html' || ctx.path === '/test/fixtures/csp-review.html') {
        ctx.set('Content-Security-Policy', "script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'");
      }
    },
    testFaultsMiddleware,
    async (ctx, next) => {
      if (!tus.handles(ctx.url)) return next();
      ctx.respond = false;
      await tus.handle(ctx.req, ctx.res);
    },
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    commonjs({ include: ['**/node_modules/url-parse/**', '**/node_modules/querystringify/**', '**/node_modules/requires-port/**'] }),
    testCommandsPlugin({ tus }),
  ],
};
