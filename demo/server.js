// `npm start`: the demo page (Vite dev server) and a real tus server on the same origin at
// /files, saving uploads under .uploads/.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { createTusServer } from './tus-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const uploads = fileURLToPath(new URL('../.uploads', import.meta.url));
const tus = createTusServer({ directory: uploads });

const server = await createServer({
  root,
  configFile: false,
  server: { host: 'localhost', port: Number(process.env.PORT ?? 5173), open: !process.env.CI && !process.env.NO_OPEN && '/demo/' },
  plugins: [
    {
      name: 'oneway-tus-server',
      configureServer(vite) {
        vite.middlewares.use(tus.middleware);
        vite.middlewares.use((req, res, next) => {
          if (req.url !== '/') return next();
          res.writeHead(302, { Location: '/demo/' }).end();
        });
      },
    },
  ],
});
await server.listen();
server.printUrls();
console.log(`  demo: /demo/   tus endpoint: /files (uploads saved in ${uploads})`);
