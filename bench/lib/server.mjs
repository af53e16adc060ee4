// The bench's own HTTP server on 127.0.0.1 (random port): the bench pages, the CDN bundle, the
// esbuild bundle of the Uppy setup, and the demo's tus server at /files. Every request to /files
// is logged with the bytes it really took on the socket, so both setups are counted the same way.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTusServer } from '../../demo/tus-server.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
};

/**
 * Starts the server. `mounts` maps a URL prefix (e.g. `/pages/`) to a folder on disk.
 * Resolves with `{ url, tus, log, close }`; `log` holds the /files requests since `log.reset()`.
 */
export async function startBenchServer({ uploads, mounts }) {
  const tus = createTusServer({ directory: uploads });
  const log = createRequestLog();

  const server = createServer((req, res) => {
    // Every request goes through the socket accounting, so a page asset fetched earlier on the same
    // keep-alive socket is not counted as part of the next tus request.
    const isTus = tus.handles(req.url);
    log.track(req, res, isTus);
    if (isTus) void tus.handle(req, res);
    else serveStatic(req, res, mounts);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    tus,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function serveStatic(req, res, mounts) {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  for (const [prefix, folder] of Object.entries(mounts)) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(folder, path.slice(prefix.length)));
    if (!file.startsWith(normalize(folder)) || !existsSync(file) || !statSync(file).isFile()) break;
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
    return;
  }
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
}

/**
 * Counts the tus requests. Chromium sends HTTP/1.1 requests one after the other on a keep-alive
 * socket (no pipelining), so the bytes a socket read between the end of the previous response
 * and the end of this one are exactly this request (line, headers and body), and the bytes it
 * wrote are this response.
 */
function createRequestLog() {
  const last = new WeakMap();
  let entries = [];

  const counters = (socket) => last.get(socket) ?? { read: 0, written: 0 };

  return {
    track(req, res, record) {
      const socket = req.socket;
      const startedAt = performance.now();
      const done = () => {
        const before = counters(socket);
        const now = { read: socket.bytesRead, written: socket.bytesWritten };
        last.set(socket, now);
        if (!record) return;
        entries.push({
          method: req.method,
          url: req.url,
          status: res.statusCode,
          requestBytes: now.read - before.read,
          responseBytes: now.written - before.written,
          bodyBytes: Number(req.headers['content-length'] ?? 0),
          ms: performance.now() - startedAt,
          at: startedAt,
        });
      };
      res.once('finish', done);
      res.once('close', () => {
        if (!res.writableFinished) done();
      });
    },
    /** Forgets what was logged (call before a run). */
    reset() {
      entries = [];
    },
    /** The requests logged since the last reset. */
    entries() {
      return [...entries];
    },
  };
}

/** Sums a list of logged requests: count per method, bytes each way. */
export function summarizeRequests(entries) {
  const byMethod = {};
  let sent = 0;
  let received = 0;
  for (const entry of entries) {
    byMethod[entry.method] = (byMethod[entry.method] ?? 0) + 1;
    sent += entry.requestBytes;
    received += entry.responseBytes;
  }
  return { count: entries.length, byMethod, bytesToServer: sent, bytesFromServer: received };
}
