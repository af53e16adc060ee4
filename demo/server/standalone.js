// The reference receiver as a process of its own (no demo pages), configured by environment
// variables: one instance of several behind a load balancer. See demo/server/config.js for the
// storage and Redis variables; besides them:
//
//   PORT, HOST                  where to listen (default 0 = any free port, 127.0.0.1)
//   RECEIVER_NAME               sent back as X-Receiver-Instance, to tell instances apart
//   RECEIVER_INTERVIEWS         folder of interview configs (default demo/interviews)
//   RECEIVER_ALLOWED_ORIGINS    origins of pages elsewhere that may upload, space-separated
//   RECEIVER_DEMO=1             open the token and review-session endpoints (try-outs only)
//   RECEIVER_API_SECRET         otherwise, the secret your back end sends to those endpoints
//   RECEIVER_FFMPEG             ffmpeg's path, or "none" never to remux (default: looked up on PATH)
//
// Prints "listening on http://HOST:PORT" once it takes requests; SIGTERM closes it gracefully.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { receiverSetupFromEnv } from './config.js';
import { createReceiver } from './receiver.js';

const env = process.env;
const name = env.RECEIVER_NAME ?? `receiver-${process.pid}`;
const setup = await receiverSetupFromEnv(env);
const receiver = createReceiver({
  storage: setup.storage,
  state: setup.state,
  tokens: setup.tokens,
  interviewsDir: env.RECEIVER_INTERVIEWS ?? fileURLToPath(new URL('../interviews', import.meta.url)),
  allowedOrigins: (env.RECEIVER_ALLOWED_ORIGINS ?? '').split(/\s+/).filter(Boolean),
  demo: env.RECEIVER_DEMO === '1',
  apiSecret: env.RECEIVER_API_SECRET,
  ffmpeg: env.RECEIVER_FFMPEG === 'none' ? false : env.RECEIVER_FFMPEG,
  log: (message) => console.log(`[${name}] ${message}`),
});

const server = createServer((req, res) => {
  res.setHeader('X-Receiver-Instance', name);
  receiver.handler(req, res);
});
server.listen(Number(env.PORT ?? 0), env.HOST ?? '127.0.0.1', () => {
  const { address, port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`[${name}] ${setup.summary}; listening on http://${address}:${port}`);
});

process.once('SIGTERM', () => {
  server.close();
  server.closeIdleConnections();
  void receiver
    .close()
    .then(() => setup.close())
    .finally(() => process.exit(0));
});
