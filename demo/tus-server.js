// The plain tus server the browser tests and the bench mount: @tus/server with a file store, on
// the same origin as the page so the widget needs no CORS set-up, and no checks at all. The demo
// (`npm start`) uses the reference receiver in demo/server/ instead, with tokens and validation.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { createReadStream } from 'node:fs';
import { sendFile } from './server/send-file.js';

/** The types a finished upload is served as; anything else is a download. */
const PLAYABLE = /^(audio|video)\/[\w.+-]+$/;

/**
 * Creates a tus server that stores uploads under `directory` and answers on `path`.
 * `restart()` replaces the server with a fresh instance on the same store, as a process restart would.
 * While `down` is true every request is refused at the socket, as an unreachable server would be.
 */
export function createTusServer({ directory, path = '/files' }) {
  mkdirSync(directory, { recursive: true });
  const make = () => new Server({ path, datastore: new FileStore({ directory }) });
  const state = { server: make(), down: false };

  /** Whether a request URL belongs to the tus endpoint. */
  const handles = (url = '') => url === path || url.startsWith(`${path}/`) || url.startsWith(`${path}?`);

  /**
   * GET of a finished upload, as a host serves answers for review: with byte ranges, which
   * @tus/server's own GET does not answer and players need to seek.
   */
  const serveUpload = async (req, res) => {
    const id = new URL(req.url, 'http://tus.invalid').pathname.slice(path.length + 1);
    const upload = /^[\w-]+$/.test(id) ? await state.server.datastore.getUpload(id).catch(() => undefined) : undefined;
    if (!upload || upload.size === undefined || upload.offset !== upload.size) {
      res.writeHead(404).end();
      return;
    }
    const filetype = upload.metadata?.filetype ?? '';
    const type = PLAYABLE.test(filetype) ? filetype : filetype === 'text/plain' ? 'text/plain; charset=utf-8' : 'application/octet-stream';
    const file = join(directory, id);
    await sendFile(req, res, { size: upload.size, headers: { 'Content-Type': type }, open: (start, end) => createReadStream(file, { start, end }) });
  };

  /** Answers one request of the tus endpoint. */
  const handle = async (req, res) => {
    if (state.down) {
      req.socket.destroy();
      return;
    }
    await (req.method === 'GET' ? serveUpload(req, res) : state.server.handle(req, res));
  };

  return {
    handles,
    handle,
    /** Connect-style middleware (Vite): the endpoint's requests are answered, the rest passed on. */
    middleware: (req, res, next) => (handles(req.url) ? handle(req, res) : next()),
    directory,
    restart() {
      state.server = make();
    },
    setDown(down) {
      state.down = down;
    },
  };
}
