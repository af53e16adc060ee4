// `npm run receiver:cluster`: the receiver at scale, for a try-out on this machine: Redis,
// Azurite, RECEIVER_INSTANCES receiver instances (default 3) and the round-robin proxy on
// RECEIVER_CLUSTER_PORT (default 5180). Then `RECEIVER_URL=http://127.0.0.1:5180 npm start`
// serves the demo pages against it. Everything lives in a temporary folder, deleted on Ctrl-C.
import { missingForCluster, startCluster } from './start.js';

const instances = Number(process.env.RECEIVER_INSTANCES ?? 3);
const port = Number(process.env.RECEIVER_CLUSTER_PORT ?? 5180);
const demoPort = Number(process.env.PORT ?? 5173);

const missing = await missingForCluster();
if (missing.length > 0) {
  console.error(`Missing: ${missing.join(', ')}`);
  process.exit(1);
}
const cluster = await startCluster({
  instances,
  port,
  env: {
    // The demo pages ask for tokens and a review session: fine on localhost, never in production.
    RECEIVER_DEMO: '1',
    RECEIVER_ALLOWED_ORIGINS: `http://localhost:${demoPort}`,
    ...process.env,
  },
  log: (line) => !line.startsWith('[redis]') && console.log(line),
});
cluster.proxy.events.on('response', ({ method, url, target, status }) => console.log(`[proxy] ${method} ${url} → ${target} ${status}`));
console.log(
  [
    `receiver cluster: ${instances} instances behind ${cluster.url} (Azurite and Redis in ${cluster.folder})`,
    `  demo pages against it:  RECEIVER_URL=${cluster.url} npm start`,
    '  Ctrl-C stops it all and deletes the data.',
  ].join('\n'),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void cluster.stop().then(() => process.exit(0));
  });
}
