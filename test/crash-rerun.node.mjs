// When `npm run test:browsers` runs files again after a WebKitGTK crash, and when it must not
// (test/engines/crash-rerun.mjs). Run with `node --test test/crash-rerun.node.mjs`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filesToRerun, resultsRecorder } from './engines/crash-rerun.mjs';

const session = (file, engine, overrides = {}) => ({ file, engine, finished: true, passed: true, errors: [], failedTests: 0, ...overrides });
const gone = (file, error = 'Tests were interrupted because the browser disconnected.') => session(file, 'webkit', { passed: false, errors: [error] });
const notRun = (file) => session(file, 'webkit', { finished: false, passed: false });
const crashOnce = (...sessions) => ({ crashes: { webkit: 1 }, sessions: [session('/r/ok.test.ts', 'firefox'), session('/r/ok.test.ts', 'webkit'), ...sessions] });

describe('filesToRerun', () => {
  it('runs again the file a WebKit crash interrupted and those it left unrun', () => {
    const verdict = filesToRerun(crashOnce(gone('/r/a.test.ts'), notRun('/r/b.test.ts'), gone('/r/c.test.ts', 'invalid session id: WebDriverError: invalid session id')));
    assert.deepEqual(verdict, { files: ['/r/a.test.ts', '/r/b.test.ts', '/r/c.test.ts'] });
  });

  it('does not when no crash was logged: a disconnect alone may be the page or a test', () => {
    assert.match(filesToRerun({ crashes: { webkit: 0 }, sessions: [gone('/r/a.test.ts')] }).refused, /no engine crash/);
  });

  it('does not when a test failed, in the crashed engine or another, or another engine did not finish', () => {
    assert.match(filesToRerun(crashOnce(gone('/r/a.test.ts'), { ...gone('/r/b.test.ts'), failedTests: 1 })).refused, /1 test\(s\) failed/);
    assert.match(filesToRerun(crashOnce(gone('/r/a.test.ts'), session('/r/b.test.ts', 'firefox', { passed: false, failedTests: 1 }))).refused, /firefox\) failed/);
    assert.match(filesToRerun(crashOnce(gone('/r/a.test.ts'), session('/r/b.test.ts', 'chromium', { finished: false, passed: false }))).refused, /did not finish/);
  });

  it('does not for any other session error, a session failed without one, a second crash or nothing to run', () => {
    assert.match(filesToRerun(crashOnce(gone('/r/a.test.ts', 'Browser tests did not start after 120000ms'))).refused, /did not start/);
    assert.match(filesToRerun(crashOnce({ ...gone('/r/a.test.ts'), errors: [] })).refused, /without an error/);
    assert.match(filesToRerun({ ...crashOnce(gone('/r/a.test.ts')), crashes: { webkit: 2 } }).refused, /crashes/);
    assert.match(filesToRerun(crashOnce()).refused, /every session passed/);
  });
});

describe('resultsRecorder', () => {
  it('writes every session with its engine, state, errors and failed tests, and the crash counts, when the process exits', () => {
    const written = {};
    let exit;
    const suite = (tests, suites = []) => ({ name: '', tests, suites });
    const sessions = [
      { status: 'FINISHED', passed: true, testFile: '/r/ok.test.ts', group: { name: 'webkit' }, errors: [] },
      {
        status: 'FINISHED',
        passed: false,
        testFile: '/r/bad.test.ts',
        group: { name: 'firefox-permission-denied' },
        errors: [{ message: 'boom' }],
        testResults: suite([{ passed: true }], [suite([{ passed: false }, { passed: false, skipped: true }])]),
      },
      { status: 'SCHEDULED', testFile: '/r/later.test.ts', group: { name: 'webkit' } },
    ];
    const recorder = resultsRecorder('/tmp/x.json', () => ({ webkit: 1 }), (path, text) => (written[path] = JSON.parse(text)), (listener) => (exit = listener));
    recorder.start({ sessions: { all: () => sessions.values() } });
    assert.equal(written['/tmp/x.json'], undefined, 'nothing is written before the runner ends');
    exit();
    assert.deepEqual(written['/tmp/x.json'], {
      crashes: { webkit: 1 },
      sessions: [
        { file: '/r/ok.test.ts', engine: 'webkit', finished: true, passed: true, errors: [], failedTests: 0 },
        { file: '/r/bad.test.ts', engine: 'firefox', finished: true, passed: false, errors: ['boom'], failedTests: 1 },
        { file: '/r/later.test.ts', engine: 'webkit', finished: false, passed: false, errors: [], failedTests: 0 },
      ],
    });
  });
});
