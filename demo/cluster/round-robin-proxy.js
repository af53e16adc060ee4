// A small round-robin HTTP proxy, the stand-in for a load balancer in front of the receiver
// instances. It streams bodies both ways (a PATCH reaches an instance as it is sent) and keeps
// the Host header, so upload URLs point at the proxy. It is deliberately unsticky: each request
// for one upload (/files/<id>) goes to another instance than that upload's last request did.
// An instance that refuses connections gets 502s answered for it and is skipped for a while, as
// a load balancer's passive health check would.
import { EventEmitter } from 'node:events';
import { Agent, createServer, request as httpRequest } from 'node:http';

/**
 * @param {object} options
 * @param {{ name: string, url: string }[]} options.targets
 * @param {string} [options.uploadPath] The tus endpoint's path.
 * @param {number} [options.downForMs] How long an instance that refused a connection is skipped.
 */
export function createRoundRobinProxy({ targets, uploadPath = '/files', downForMs = 2000 }) {
  const upstreams = targets.map((target) => ({ ...target, agent: new Agent({ keepAlive: true }), downUntil: 0 }));
  /** The requests under way. */
  const pending = new Set();
  /** The last instance (index) each upload's request went to. */
  const lastByUpload = new Map();
  const events = new EventEmitter();
  let turn = -1;

  /** The next instance after `last` that is up and is not `last` (any when none is). */
  function pick(last) {
    const now = Date.now();
    for (let step = 1; step <= upstreams.length; step++) {
      const index = (last + step) % upstreams.length;
      if (upstreams[index].downUntil <= now && (index !== last || upstreams.length === 1)) return index;
    }
    return (last + 1) % upstreams.length;
  }

  const remember = (upload, index) => {
    lastByUpload.delete(upload);
    lastByUpload.set(upload, index);
    if (lastByUpload.size > 10_000) lastByUpload.delete(lastByUpload.keys().next().value);
  };

  const uploadOf = (url = '') => {
    const path = url.split('?')[0];
    return path.startsWith(`${uploadPath}/`) ? path.slice(uploadPath.length + 1) : undefined;
  };

  const server = createServer((req, res) => {
    const upload = uploadOf(req.url);
    const index = upload === undefined ? (turn = pick(turn)) : pick(lastByUpload.get(upload) ?? turn);
    if (upload !== undefined) remember(upload, index);
    const upstream = upstreams[index];
    const target = new URL(upstream.url);
    const record = { method: req.method, url: req.url, upload, target: upstream.name, startedAt: Date.now(), status: 0, instance: '' };
    pending.add(record);
    events.emit('request', record);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      pending.delete(record);
      record.endedAt = Date.now();
      events.emit('response', record);
    };

    const forwarded = httpRequest({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      agent: upstream.agent,
      headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '', 'x-forwarded-proto': 'http' },
    });
    forwarded.on('response', (answer) => {
      record.status = answer.statusCode ?? 0;
      record.instance = String(answer.headers['x-receiver-instance'] ?? '');
      // A new upload's next request goes to another instance than the one that created it.
      const created = req.method === 'POST' && uploadOf(new URL(String(answer.headers.location ?? ''), 'http://proxy.invalid').pathname);
      if (created) remember(created, index);
      res.writeHead(record.status, answer.headers);
      answer.pipe(res);
      answer.on('end', finish);
      answer.on('error', () => res.destroy());
    });
    forwarded.on('error', (error) => {
      record.error = /** @type {NodeJS.ErrnoException} */ (error).code ?? error.message;
      if (record.error === 'ECONNREFUSED') upstream.downUntil = Date.now() + downForMs;
      if (!res.headersSent) {
        res.writeHead(502, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end(`${upstream.name} is unreachable (${record.error})\n`);
      } else {
        res.destroy();
      }
      finish();
    });
    // A client that goes away takes its request to the instance with it.
    res.on('close', () => {
      if (!res.writableFinished) forwarded.destroy();
      finish();
    });
    req.pipe(forwarded);
  });

  return {
    server,
    events,
    /** The requests under way: `{ method, url, upload, target, startedAt }` each. */
    pending: () => [...pending],
    /** Starts taking requests; resolves with the proxy's URL. */
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve) => server.listen(port, host, () => resolve(`http://${host}:${server.address().port}`)));
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      for (const { agent } of upstreams) agent.destroy();
    },
  };
}
