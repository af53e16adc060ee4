// `npm start`: the demo pages (Vite dev server, project root as root) and the reference receiving
// server (demo/server/receiver.js) on the same origin: the tus endpoint at /files and the demo
// API at /demo-api. Uploads and the answer index are saved under .uploads/.
//
// With RECEIVER_URL (e.g. the proxy of `npm run receiver:cluster`), /files and /demo-api are
// passed on to that receiver instead, bodies streamed, and no receiver runs in this process.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { createReceiver } from './server/receiver.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const uploads = fileURLToPath(new URL('../.uploads', import.meta.url));
const port = Number(process.env.PORT ?? 5173);
const remote = process.env.RECEIVER_URL;

const receiver = remote
  ? undefined
  : createReceiver({
      directory: uploads,
      interviewsDir: fileURLToPath(new URL('./interviews', import.meta.url)),
      // The demo pages are on the receiver's own origin, which needs no CORS; list here the origins
      // of pages elsewhere that may upload (an ATS's careers site, say).
      allowedOrigins: [`http://localhost:${port}`],
      // The demo pages get tokens and a review session by asking: fine on localhost, never in production.
      demo: true,
    });

const server = await createServer({
  root,
  configFile: false,
  // Only the demo pages are scanned for dependencies to pre-bundle: the framework examples under
  // demo/frameworks import the built package by its name and have their own Vite configs.
  optimizeDeps: { entries: ['demo/*.html'] },
  server: {
    host: 'localhost',
    port,
    open: !process.env.CI && !process.env.NO_OPEN && '/demo/',
    // The Host header is kept, so the upload URLs the receiver hands out point here.
    proxy: remote ? { '^/(files|demo-api)(/|\\?|$)': { target: remote, changeOrigin: false } } : undefined,
  },
  plugins: [
    {
      name: 'oneway-receiver',
      configureServer(vite) {
        if (receiver) vite.middlewares.use(receiver.middleware);
        vite.middlewares.use((req, res, next) => {
          if (req.url !== '/' && req.url !== '/demo') return next();
          res.writeHead(302, { Location: '/demo/' }).end();
        });
        vite.httpServer?.once('close', () => void receiver?.close());
      },
    },
  ],
});
await server.listen();
server.printUrls();
console.log(
  [
    '  demo:      /demo/ (recorder)   /demo/interview.html (candidate)   /demo/review.html (employer)',
    remote
      ? `  receiver:  /files and /demo-api passed on to ${remote}`
      : `  receiver:  tus endpoint /files, tokens from POST /demo-api/token?candidate=…, answers in ${uploads}`,
  ].join('\n'),
);
