// `npm run test:browsers`: the browser suite in every engine (web-test-runner.browsers.config.mjs),
// run under xvfb-run by the npm script. Arguments go to web-test-runner (e.g. `--port 8302`).
//
// If WebKitGTK's web process crashed and the files it took down failed for that alone, those files
// run once more in a fresh MiniBrowser (test/engines/crash-rerun.mjs says exactly when; the crash
// is listed in test/engines/skips.mjs). Anything else fails as web-test-runner does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { filesToRerun } from '../test/engines/crash-rerun.mjs';

const dir = mkdtempSync(join(tmpdir(), 'oneway-browsers-'));
const run = (name, env = {}) => {
  const results = join(dir, `${name}.json`);
  const { status, signal } = spawnSync('npx', ['web-test-runner', '--config', 'web-test-runner.browsers.config.mjs', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ...env, BROWSER_TEST_RESULTS: results },
  });
  let summary;
  try {
    summary = JSON.parse(readFileSync(results, 'utf8'));
  } catch {
    summary = undefined;
  }
  return { status: status ?? (signal ? 1 : 0), summary };
};

let { status, summary } = run('first');
if (status !== 0 && summary) {
  const verdict = filesToRerun(summary);
  if ('files' in verdict) {
    const files = verdict.files.map((file) => relative(process.cwd(), file));
    console.error(`\n--- WebKitGTK's web process crashed (an engine bug, see test/engines/skips.mjs); no test failed.`);
    console.error(`--- Running the ${files.length} file(s) it interrupted once more in a fresh MiniBrowser: ${files.join(', ')}\n`);
    ({ status } = run('rerun', { ENGINES: 'webkit', TEST_FILES: files.join(',') }));
  } else {
    console.error(`\n--- Not run again: ${verdict.refused}.`);
  }
}
rmSync(dir, { recursive: true, force: true });
process.exit(status);
