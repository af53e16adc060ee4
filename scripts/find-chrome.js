// Finds the browser the tests drive, so a missing one fails with one clear line.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);

/** The path of a Chrome or Chromium executable, or undefined. */
export function findChrome() {
  return candidates.find((path) => existsSync(path));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href && !findChrome()) {
  console.error(
    'No Chrome/Chromium found: install it (Debian: `apt-get install chromium`) or set CHROME_PATH to its executable.',
  );
  process.exit(1);
}
