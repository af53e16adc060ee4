// Test-runner commands that let browser tests act on the network and the tus server: take the
// browser offline, take the server down, restart it.

const cdpSessions = new WeakMap();

/** Faults the tests inject into the tus endpoint. */
const faults = { hangPatches: 0 };

/** @param {{ tus: ReturnType<typeof import('../../demo/tus-server.js').createTusServer> }} options */
export function testCommandsPlugin({ tus }) {
  return {
    name: 'oneway-test-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'tus-set-down') {
        tus.setDown(Boolean(payload?.down));
        return true;
      }
      if (command === 'tus-hang-patches') {
        faults.hangPatches = Number(payload?.count ?? 0);
        return true;
      }
      if (command === 'tus-restart') {
        tus.restart();
        return true;
      }
      if (command === 'block-uploads') {
        // DevTools blocks the tus requests only: full offline emulation would also cut the test
        // runner's own connection to the page.
        const page = session.browser.getPage(session.id);
        const cdp = (cdpSessions.get(page) ?? cdpSessions.set(page, await page.createCDPSession()).get(page));
        await cdp.send('Network.enable');
        await cdp.send('Network.setBlockedURLs', { urls: payload?.blocked ? ['*/files*'] : [] });
        return true;
      }
      return undefined;
    },
  };
}

/**
 * Stands in for a host's token check on the tus endpoint (`Bearer expired` gets 401 and
 * `Bearer forbidden` 403), and injects the faults the tests ask for (PATCH requests that hang).
 */
export async function testAuthMiddleware(ctx, next) {
  if (ctx.path.startsWith('/files') && ctx.method === 'PATCH' && faults.hangPatches > 0) {
    // A stalled request: the body is read, no answer ever comes.
    faults.hangPatches--;
    ctx.req.resume();
    await new Promise((resolve) => ctx.req.socket.once('close', resolve));
    return;
  }
  const authorization = ctx.get('Authorization');
  if (ctx.path.startsWith('/files') && authorization === 'Bearer expired') {
    ctx.status = 401;
    ctx.body = 'token expired';
    return;
  }
  if (ctx.path.startsWith('/files') && authorization === 'Bearer forbidden') {
    ctx.status = 403;
    ctx.body = 'forbidden';
    return;
  }
  await next();
}
