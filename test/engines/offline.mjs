// `setOffline` (test/support/commands.ts) for engines without DevTools network blocking.
//
// In Chromium the `block-uploads` command blocks the tus requests through DevTools
// (test/support/server-commands.js). Firefox (driven over WebDriver BiDi) and WebKitGTK (WebDriver
// classic) have no such call, so here the server does it: while an engine is "offline", every tus
// request coming from that engine's user agent has its connection dropped, which the page sees as
// a network failure, exactly like a blocked request. Other engines' requests pass.

/** The engine a request comes from, by user agent. */
export function engineOfUserAgent(userAgent = '') {
  if (/Firefox\//.test(userAgent)) return 'firefox';
  if (/Chrom(e|ium)\//.test(userAgent)) return 'chromium';
  if (/AppleWebKit\//.test(userAgent)) return 'webkit';
  return 'other';
}

/** The engine of a test-runner browser launcher, by its name. */
export function engineOfBrowser(browser) {
  const name = String(browser?.name ?? '').toLowerCase();
  if (name.includes('firefox')) return 'firefox';
  if (name.includes('minibrowser') || name.includes('webkit') || name.includes('safari')) return 'webkit';
  return 'chromium';
}

/** Dev-server middleware and test-runner plugin that take one engine's uploads offline. */
export function serverSideOffline({ isUploadRequest }) {
  const offline = new Set();
  return {
    middleware: async (ctx, next) => {
      if (offline.size > 0 && isUploadRequest(ctx.url) && offline.has(engineOfUserAgent(ctx.get('User-Agent')))) {
        ctx.respond = false;
        ctx.req.socket.destroy();
        return;
      }
      await next();
    },
    plugin: {
      name: 'oneway-server-side-offline',
      async executeCommand({ command, payload, session }) {
        if (command !== 'block-uploads') return undefined;
        const engine = engineOfBrowser(session.browser);
        // Chromium keeps the DevTools way (the next plugin).
        if (engine === 'chromium') return undefined;
        if (payload?.blocked) offline.add(engine);
        else offline.delete(engine);
        return true;
      },
    },
  };
}
