// Test-runner commands that let browser tests act on the network and the tus server: take the
// browser offline, take the server down, restart it, and make it misbehave the ways real hosts'
// servers and proxies do (the faults below), while every tus request is logged.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom } from './seeded-random.js';

const cdpSessions = new WeakMap();

/**
 * Faults the tests inject into the tus endpoint, each for the next `count` matching requests
 * (or, with `untilMs`, until then). Kinds:
 * - `status`: answer `status` without passing the request on (a load balancer's 503, a proxy's 409, a 404);
 * - `hold`: read the request and never answer, until the client gives up;
 * - `reset`: close the connection without an answer;
 * - `cut`: pass the request on, but close the connection after `bytes` bytes of its body;
 * - `offset`: add `add` to the `Upload-Offset` of a 2xx answer;
 * - `location`: move the `Location` of a 2xx answer to `origin`;
 * - `delay`: answer `ms` late.
 * A fault applies to requests of `method` (any when unset).
 */
let faults = [];

/** Every tus request as it arrived: method, path, host, when (ms since the epoch), and the status answered (0: none). */
let requests = [];

/** Chaos mode: each tus request draws a fault (or none) from the seeded generator. */
let chaos;

/** The fault kinds chaos draws from, with their weights, for a request of `method`. */
function chaosFault(method, random) {
  const draw = random();
  if (draw >= chaos.rate) return undefined;
  const options = [
    { kind: 'reset' },
    { kind: 'status', status: [500, 502, 503, 504][Math.floor(random() * 4)] },
    { kind: 'delay', ms: 100 + Math.floor(random() * 900) },
    { kind: 'hold' },
    ...(method === 'PATCH' ? [{ kind: 'status', status: 409 }, { kind: 'cut', bytes: Math.floor(random() * 4096) }, { kind: 'offset', add: 1 + Math.floor(random() * 5000) }] : []),
    ...(method === 'HEAD' ? [{ kind: 'status', status: 423 }] : []),
  ];
  return options[Math.floor(random() * options.length)];
}

/** The fault for this request, counted down, or undefined. */
function takeFault(method) {
  const now = Date.now();
  faults = faults.filter((fault) => (fault.untilMs ? fault.untilMs > now : fault.count > 0));
  const fault = faults.find((candidate) => !candidate.method || candidate.method === method);
  if (fault) {
    if (!fault.untilMs) fault.count--;
    return fault;
  }
  if (chaos) {
    const drawn = chaosFault(method, chaos.random);
    if (drawn) chaos.injected.push({ method, ...drawn });
    return drawn;
  }
  return undefined;
}

/** @param {{ tus: ReturnType<typeof import('../../demo/tus-server.js').createTusServer> }} options */
export function testCommandsPlugin({ tus }) {
  return {
    name: 'oneway-test-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'tus-set-down') {
        tus.setDown(Boolean(payload?.down));
        return true;
      }
      if (command === 'tus-fault') {
        faults.push({ count: 1, ...payload, ...(payload?.forMs ? { untilMs: Date.now() + payload.forMs } : {}) });
        return true;
      }
      if (command === 'tus-clear-faults') {
        // What was injected for a number of requests and never met one: a test that did not test.
        const unused = faults.filter((fault) => !fault.untilMs && fault.count > 0);
        faults = [];
        chaos = undefined;
        return unused;
      }
      if (command === 'tus-requests') {
        const since = Number(payload?.since ?? 0);
        return requests.filter((request) => request.at >= since);
      }
      if (command === 'tus-chaos') {
        // The seed is the environment's (to re-run a failing one) or a fresh one, printed either way.
        const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
        chaos = { seed, rate: Number(payload?.rate ?? 0.2), random: seededRandom(seed), injected: [] };
        console.log(`chaos test: CHAOS_SEED=${seed}`);
        return seed;
      }
      if (command === 'tus-chaos-report') {
        const report = chaos ? { seed: chaos.seed, injected: chaos.injected } : undefined;
        chaos = undefined;
        return report;
      }
      if (command === 'tus-tamper') {
        // A finished upload changed after the fact, as a faulty or compromised store would: one byte flipped.
        const id = new URL(String(payload?.uploadUrl), 'http://tus.invalid').pathname.split('/').pop();
        const file = join(tus.directory, id);
        const bytes = await readFile(file);
        bytes[bytes.length >> 1] ^= 0xff;
        await writeFile(file, bytes);
        return true;
      }
      if (command === 'tus-restart') {
        tus.restart();
        return true;
      }
      if (command === 'block-uploads') {
        // DevTools blocks the tus requests only: full offline emulation would also cut the test
        // runner's own connection to the page.
        const cdp = await cdpSession(session);
        await cdp.send('Network.enable');
        await cdp.send('Network.setBlockedURLs', { urls: payload?.blocked ? ['*/files*'] : [] });
        return true;
      }
      if (command === 'emulate-forced-colors') {
        // Windows high-contrast mode, as DevTools emulates it: puppeteer's emulateMediaFeatures
        // (and so @web/test-runner-commands' emulateMedia) does not know forced-colors.
        const cdp = await cdpSession(session);
        await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
        return true;
      }
      return undefined;
    },
  };
}

/** The DevTools session of a test's page, one per page (Chromium only). */
async function cdpSession(session) {
  const page = session.browser.getPage(session.id);
  if (typeof page?.createCDPSession !== 'function') throw new Error(`${session.browser.name} has no DevTools protocol session`);
  if (!cdpSessions.has(page)) cdpSessions.set(page, await page.createCDPSession());
  return cdpSessions.get(page);
}

/** Rewrites the headers node's `res.writeHead` is given (an object, or a flat array of names and values). */
function rewriteHeaders(headers, name, rewrite) {
  if (Array.isArray(headers)) {
    const flat = headers.flat();
    for (let index = 0; index < flat.length; index += 2) {
      if (String(flat[index]).toLowerCase() === name) flat[index + 1] = rewrite(String(flat[index + 1]));
    }
    return flat;
  }
  const out = { ...headers };
  for (const key of Object.keys(out)) if (key.toLowerCase() === name) out[key] = rewrite(String(out[key]));
  return out;
}

/** Applies a fault that changes the answer's headers, once the tus server writes them. */
function rewriteAnswer(res, fault) {
  const writeHead = res.writeHead.bind(res);
  res.writeHead = (status, ...rest) => {
    const ok = status >= 200 && status < 300;
    // writeHead(status, [statusText], headers): the status text may be there, empty or undefined.
    const index = rest.findIndex((arg) => arg !== null && typeof arg === 'object');
    if (ok && index >= 0) {
      if (fault.kind === 'offset') rest[index] = rewriteHeaders(rest[index], 'upload-offset', (value) => String(Number(value) + fault.add));
      if (fault.kind === 'location') {
        rest[index] = rewriteHeaders(rest[index], 'location', (value) => {
          const url = new URL(value, `http://${res.req.headers.host}`);
          return new URL(url.pathname + url.search, fault.origin).href;
        });
      }
    }
    return writeHead(status, ...rest);
  };
}

/** Closes the connection once `bytes` bytes of the request body have arrived. */
function cutBody(req, bytes) {
  let received = 0;
  req.on('data', (chunk) => {
    received += chunk.length;
    if (received > bytes) req.socket.destroy();
  });
}

/**
 * In front of the tus endpoint: logs each request, stands in for a host's token check
 * (`Bearer expired` gets 401 and `Bearer forbidden` 403), and injects the faults the tests ask for.
 */
export async function testFaultsMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/files')) return next();
  const request = { method: ctx.method, path: ctx.path, host: ctx.get('Host'), at: Date.now(), status: 0 };
  requests.push(request);
  ctx.res.once('finish', () => (request.status = ctx.res.statusCode));
  // The widget's requests only: GET is the host's backend (and the tests) reading a file.
  const fault = ['POST', 'HEAD', 'PATCH', 'DELETE'].includes(ctx.method) ? takeFault(ctx.method) : undefined;
  if (fault?.kind === 'hold') {
    ctx.req.resume();
    await new Promise((resolve) => ctx.req.socket.once('close', resolve));
    return;
  }
  if (fault?.kind === 'reset') {
    ctx.req.socket.destroy();
    return;
  }
  if (fault?.kind === 'status') {
    ctx.req.resume();
    ctx.status = fault.status;
    ctx.set('Tus-Resumable', '1.0.0');
    ctx.body = `fault injected: ${fault.status}`;
    return;
  }
  if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
  if (fault?.kind === 'cut') cutBody(ctx.req, fault.bytes);
  if (fault?.kind === 'offset' || fault?.kind === 'location') rewriteAnswer(ctx.res, fault);
  const authorization = ctx.get('Authorization');
  if (authorization === 'Bearer expired') {
    ctx.status = 401;
    ctx.body = 'token expired';
    return;
  }
  if (authorization === 'Bearer forbidden') {
    ctx.status = 403;
    ctx.body = 'forbidden';
    return;
  }
  await next();
}
