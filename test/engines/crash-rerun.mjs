// WebKitGTK's web process crashes now and then (the engine dies of a signal, "WebProcess CRASHED"
// in MiniBrowser's log; `engineCrashes` in skips.mjs holds the reason and the evidence). The test
// runner then fails the file that was running ("browser disconnected", "invalid session id") and
// ends without running the files after it, although no test failed. `npm run test:browsers`
// (scripts/test-browsers.mjs) runs those files once more in a fresh MiniBrowser, and only when
// nothing else went wrong: a failed test, any other error, a crash of another engine or a second
// crash still fails the run.
import { engineCrashes } from './skips.mjs';

/** Session errors that mean the browser went away under the page, not that a test failed. */
const BROWSER_GONE = [/browser disconnected/i, /invalid session id/i];

/**
 * What the results recorder (below) wrote of one run: every test session as it stood when the
 * runner ended, and how often each engine crashed.
 * @typedef {{ file: string, engine: string, finished: boolean, passed: boolean, errors: string[], failedTests: number }} SessionResult
 * @typedef {{ crashes: Record<string, number>, sessions: SessionResult[] }} RunResults
 */

/**
 * The files to run again after `results`, or the reason not to.
 * @param {RunResults} results
 * @returns {{ files: string[] } | { refused: string }}
 */
export function filesToRerun(results) {
  const crashed = Object.entries(results.crashes).filter(([, count]) => count > 0);
  if (crashed.length === 0) return { refused: 'no engine crash was logged' };
  if (crashed.length > 1 || crashed[0][1] > 1 || !(crashed[0][0] in engineCrashes)) return { refused: `crashes: ${JSON.stringify(results.crashes)}` };
  const [engine] = crashed[0];
  const files = [];
  for (const session of results.sessions) {
    if (session.finished && session.passed) continue;
    const where = `${session.file} (${session.engine})`;
    if (session.engine !== engine) return { refused: session.finished ? `${where} failed` : `${where} did not finish` };
    if (session.failedTests > 0) return { refused: `${where}: ${session.failedTests} test(s) failed` };
    if (session.finished) {
      const other = session.errors.find((error) => !BROWSER_GONE.some((pattern) => pattern.test(error)));
      if (other !== undefined || session.errors.length === 0) return { refused: `${where}: ${other ?? 'failed without an error'}` };
    }
    files.push(session.file);
  }
  if (files.length === 0) return { refused: 'every session passed' };
  return { files: [...new Set(files)] };
}

/** Counts the failed tests of a session's result tree. */
function failedTests(suite) {
  if (!suite) return 0;
  return suite.tests.filter((test) => !test.passed && !test.skipped).length + suite.suites.reduce((sum, child) => sum + failedTests(child), 0);
}

/** A test session of web-test-runner as `filesToRerun` reads it. */
export function sessionResult(session) {
  return {
    file: session.testFile,
    engine: session.group.name.split('-')[0],
    finished: session.status === 'FINISHED',
    passed: session.passed === true,
    errors: (session.errors ?? []).map((error) => String(error.message ?? error)),
    failedTests: failedTests(session.testResults),
  };
}

/**
 * A web-test-runner reporter that writes every session and the engines' crash counts (`crashes()`)
 * to `path` as JSON when the runner's process exits. On exit, not in `stop()`: after a browser
 * crash the runner ends without calling its reporters.
 */
export function resultsRecorder(path, crashes, writeFile, onExit = (listener) => process.on('exit', listener)) {
  return {
    start({ sessions }) {
      onExit(() => writeFile(path, JSON.stringify({ crashes: crashes(), sessions: [...sessions.all()].map(sessionResult) }, null, 2)));
    },
  };
}
