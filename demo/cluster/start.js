// Starts the receiver the way it runs at scale, on this machine: Redis (Debian's redis-server, on
// a socket in a temporary folder), Azurite (Microsoft's Azure Storage emulator, an npm
// devDependency) as the object store, N receiver instances (demo/server/standalone.js, each a
// process of its own) and the round-robin proxy in front of them. Used by `npm run
// receiver:cluster`, test/receiver-cluster.node.mjs and bench/receiver-load.mjs.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOnPath } from '../server/remux.js';
import { createRoundRobinProxy } from './round-robin-proxy.js';

const STANDALONE = fileURLToPath(new URL('../server/standalone.js', import.meta.url));
// Azurite's well-known development account (its documented default, not a secret).
const AZURITE_ACCOUNT = 'devstoreaccount1';
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** What is missing on this machine to start a cluster (an empty list when nothing is). */
export async function missingForCluster() {
  const missing = [];
  if (!(await findOnPath('redis-server'))) missing.push('redis-server (apt-get install redis-server)');
  try {
    createRequire(import.meta.url).resolve('azurite/package.json');
  } catch {
    missing.push('azurite (npm ci)');
  }
  return missing;
}

/**
 * @param {object} [options]
 * @param {number} [options.instances]
 * @param {number} [options.port] The proxy's port (0: any free one).
 * @param {Record<string, string>} [options.env] For the instances, besides the storage and Redis settings.
 * @param {(line: string) => void} [options.log] Every line the services print.
 */
export async function startCluster({ instances = 2, port = 0, env = {}, log = () => {} } = {}) {
  const folder = await mkdtemp(join(tmpdir(), 'oneway-cluster-'));
  const started = [];
  try {
    const redisServer = await findOnPath('redis-server');
    if (!redisServer) throw new Error('redis-server is not on PATH: apt-get install redis-server');
    const socket = join(folder, 'redis.sock');
    started.push(
      await startProcess('redis', redisServer, ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700', '--save', '', '--appendonly', 'no', '--dir', folder], {
        ready: /ready to accept connections/i,
        log,
      }),
    );
    const azuriteMain = createRequire(import.meta.url).resolve('azurite/dist/src/blob/main.js');
    const azurite = await startProcess(
      'azurite',
      process.execPath,
      [azuriteMain, '--blobHost', '127.0.0.1', '--blobPort', '0', '--location', join(folder, 'azurite'), '--silent', '--disableTelemetry', '--skipApiVersionCheck'],
      { ready: /successfully listens on (http:\/\/\S+)/, log },
    );
    started.push(azurite);
    const blobEndpoint = `${azurite.match[1]}/${AZURITE_ACCOUNT}`;
    const sharedEnv = {
      ...process.env,
      RECEIVER_STORE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${blobEndpoint};`,
      REDIS_URL: socket,
      ...env,
    };

    // The first instance makes the container and the shared token secret; the others then start together.
    const nodes = Array.from({ length: instances }, (_, i) => receiverInstance(`receiver-${i + 1}`, sharedEnv, log));
    await nodes[0].start();
    await Promise.all(nodes.slice(1).map((node) => node.start()));
    const proxy = createRoundRobinProxy({ targets: nodes.map(({ name, url }) => ({ name, url })) });
    const url = await proxy.listen(port);

    return {
      url,
      folder,
      redisUrl: socket,
      connectionString: sharedEnv.AZURE_STORAGE_CONNECTION_STRING,
      instances: nodes,
      /** Redis and Azurite, with their process ids. */
      services: started.map(({ name, child }) => ({ name, pid: child.pid })),
      proxy,
      async stop() {
        await proxy.close();
        await Promise.all(nodes.map((node) => node.stop()));
        await Promise.all(started.map((service) => service.stop()));
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(started.map((service) => service.stop()));
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** One receiver process, restartable on the port it first got. */
function receiverInstance(name, env, log) {
  let running;
  let port = 0;
  const node = {
    name,
    url: '',
    get pid() {
      return running?.child.pid;
    },
    async start() {
      running = await startProcess(name, process.execPath, [STANDALONE], {
        env: { ...env, RECEIVER_NAME: name, PORT: String(port) },
        ready: /listening on (http:\/\/\S+)/,
        log,
        prefix: '', // its lines start with its name
      });
      node.url = running.match[1];
      port = Number(new URL(node.url).port);
    },
    /** Ends the process at once, as a crash or an OOM kill would: no clean-up, no answers. */
    async kill() {
      await running?.stop('SIGKILL');
      running = undefined;
    },
    async stop() {
      await running?.stop();
      running = undefined;
    },
  };
  return node;
}

/**
 * Spawns a service and resolves once a line of its output matches `ready`.
 * @returns {Promise<{ name: string, child: import('node:child_process').ChildProcess, match: RegExpMatchArray, stop(signal?: NodeJS.Signals): Promise<void> }>}
 */
function startProcess(name, command, args, { env = process.env, ready, log, prefix = `[${name}] `, timeoutMs = 20_000 }) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async (signal = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const output = [];
    let settled = false;
    const timer = setTimeout(() => fail(new Error(`${name} did not start in ${timeoutMs} ms`)), timeoutMs);
    const fail = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop('SIGKILL');
      reject(new Error(`${error.message}\n${output.join('\n')}`));
    };
    const onLine = (line) => {
      output.push(line);
      if (output.length > 50) output.shift();
      log(prefix + line);
      const match = !settled && ready.exec(line);
      if (match) {
        settled = true;
        clearTimeout(timer);
        resolve({ name, child, match, stop });
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`${name} exited (${signal ?? code}) before it was ready`)));
  });
}
