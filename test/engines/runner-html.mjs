// The test page of an engine's group: the usual one (the test framework's module alone), plus a
// script that marks the tests skips.mjs lists for that engine as skipped, by their full title
// ("describe … it"), so they are reported as skipped rather than failed or silently dropped.

/** `testRunnerHtml` for a group whose tests run in `engine`. */
export function runnerHtmlFor(engine, skips) {
  const tests = skips[engine].filter((skip) => skip.test).map(({ test, reason }) => ({ test, reason }));
  return (testFramework) => `<!DOCTYPE html>
<html>
  <head></head>
  <body>
    <script type="module">
      const skips = ${JSON.stringify(tests).replace(/</g, '\\u003c')};
      // Mocha's BDD interface assigns the global it(); each test it creates is looked up by full title.
      let wrapped;
      Object.defineProperty(window, 'it', {
        configurable: true,
        get: () => wrapped,
        set(it) {
          wrapped = function (...args) {
            const test = it.apply(this, args);
            const skip = test && skips.find(({ test: title }) => title === test.fullTitle());
            if (skip) {
              test.pending = true;
              test.title += ' [skipped in ${engine}: ' + skip.reason + ']';
            }
            return test;
          };
        },
      });
    </script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;
}
