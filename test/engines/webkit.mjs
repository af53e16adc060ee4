// WebKitGTK for the cross-engine run: starts Debian's WebKitWebDriver on a free port and gives
// @web/test-runner-webdriver the MiniBrowser capabilities (mock camera and microphone, media
// streams on). Needs an X display: `npm run test:browsers` runs under xvfb-run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { engineCrashes } from './skips.mjs';

const DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER_DIRS = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1', '/usr/libexec/webkit2gtk-4.1'];

/** The MiniBrowser executable of Debian's libwebkit2gtk-4.1, or undefined. */
export function findMiniBrowser() {
  return MINIBROWSER_DIRS.map((dir) => `${dir}/MiniBrowser`).find((path) => existsSync(path));
}

/** What MiniBrowser logs when its web process dies of a signal (skips.mjs, `engineCrashes`). */
const CRASH_LINE = engineCrashes.webkit.log;
let crashes = 0;

/** How often WebKitGTK's web process has crashed in this run (see crash-rerun.mjs). */
export const webkitCrashes = () => crashes;

/** The GStreamer shim that gives WebKitGTK's MediaRecorder its `autovideoflip` (see README.md here). */
const GST_SHIM = fileURLToPath(new URL('./gstreamer', import.meta.url));

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const listening = (port, timeoutMs) =>
  new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => socket.end(resolve));
      socket.once('error', () => (Date.now() > deadline ? reject(new Error(`WebKitWebDriver did not listen on ${port}`)) : setTimeout(attempt, 100)));
    };
    attempt();
  });

/**
 * Starts WebKitWebDriver (stopped when this process exits) and returns a launcher for MiniBrowser.
 * Fails with one clear line when the driver, MiniBrowser or a display is missing.
 */
export async function webkitLauncher() {
  const miniBrowser = findMiniBrowser();
  if (!existsSync(DRIVER) || !miniBrowser) {
    throw new Error('WebKitGTK not found: `apt-get install webkit2gtk-driver` (WebKitWebDriver and MiniBrowser).');
  }
  if (!process.env.DISPLAY) {
    throw new Error('WebKitGTK needs an X display: run under `xvfb-run -a` (Debian: `apt-get install xvfb`).');
  }
  const port = await freePort();
  const env = {
    ...process.env,
    GST_PLUGIN_PATH: [GST_SHIM, process.env.GST_PLUGIN_PATH].filter(Boolean).join(':'),
    // No GPU here: Mesa's software renderer.
    LIBGL_ALWAYS_SOFTWARE: '1',
    // Accelerated compositing stays on, even if the caller's environment turns it off: without it
    // WebKitGTK's video sink makes GStreamer's streaming thread wait for the main thread to paint
    // each frame, and the web process deadlocks when the main thread meanwhile deactivates that
    // pipeline (README.md here). spawn() leaves undefined variables out.
    WEBKIT_DISABLE_COMPOSITING_MODE: undefined,
  };
  const driver = spawn(DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  // MiniBrowser's log reaches the runner's stderr as before; its crash line is counted on the way.
  let tail = '';
  driver.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    const parts = (tail + chunk.toString('latin1')).split(CRASH_LINE);
    crashes += parts.length - 1;
    // A line cut between two chunks is counted with the next.
    tail = parts.at(-1).slice(1 - CRASH_LINE.length);
  });
  // The driver ends its browsers when it goes; it goes with the test runner, however that ends.
  process.on('exit', () => driver.kill());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      driver.kill();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
  await listening(port, 10_000);
  return webdriverLauncher({
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': {
        binary: miniBrowser,
        args: ['--automation', '--enable-media-stream=true', '--enable-mock-capture-devices=true'],
      },
    },
  });
}
