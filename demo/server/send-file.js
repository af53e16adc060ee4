// Sends a stored file the way media players need it: with byte ranges (players seek with them, and
// Safari plays nothing without them) and no caching. Shared by the reference receiver (whatever
// its storage) and the plain tus server the tests mount.
import { pipeline } from 'node:stream/promises';

/**
 * Answers `req` with `size` bytes (all of them, or the one range asked for) read by `open(start,
 * end)` (inclusive), with `headers` added (Content-Type at least).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ size: number, headers: Record<string, string>, open: (start: number, end: number) => NodeJS.ReadableStream | Promise<NodeJS.ReadableStream> }} what
 */
export async function sendFile(req, res, { size, headers: given, open }) {
  const headers = { ...given, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store', 'Accept-Ranges': 'bytes' };
  let [start, end] = [0, size - 1];
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && (range[1] || range[2])) {
    [start, end] = range[1] ? [Number(range[1]), range[2] ? Math.min(Number(range[2]), size - 1) : size - 1] : [Math.max(0, size - Number(range[2])), size - 1];
    if (start > end) {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
      return res.end();
    }
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
  } else {
    res.writeHead(200, { ...headers, 'Content-Length': size });
  }
  if (size === 0) return res.end();
  // A player that seeks closes the connection mid-file: that is not an error worth logging.
  await pipeline(await open(start, end), res).catch(() => {});
}
