// Test-runner commands that let browser tests act on the tus server: take it down, restart it.
/** @param {{ tus: ReturnType<typeof import('../../demo/tus-server.js').createTusServer> }} options */
export function testCommandsPlugin({ tus }) {
  return {
    name: 'oneway-test-commands',
    executeCommand({ command, payload }) {
      if (command === 'tus-set-down') {
        tus.setDown(Boolean(payload?.down));
        return true;
      }
      if (command === 'tus-restart') {
        tus.restart();
        return true;
      }
      return undefined;
    },
  };
}
