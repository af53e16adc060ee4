// The Uppy side of the bench, built the way the widget's CDN bundle is shipped: one minified ES
// module for the browser (esbuild), its CSS kept apart. And the size figure for both bundles.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

/** The stylesheets the Uppy setup needs (core, Dashboard, Webcam), as its docs list them. */
export const UPPY_CSS = ['@uppy/core/css/style.min.css', '@uppy/dashboard/css/style.min.css', '@uppy/webcam/css/style.min.css'];

/** Bundles bench/pages/uppy-setup.js into `outDir`/uppy-setup.js and its CSS into `outDir`/uppy.css. */
export async function buildUppy({ entry, outDir }) {
  mkdirSync(outDir, { recursive: true });
  const js = join(outDir, 'uppy-setup.js');
  await build({
    entryPoints: [entry],
    outfile: js,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // The same production switches the widget's Vite build uses.
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    // A separate .map file (the bundle itself is unchanged): lets the main-thread figure name the
    // Uppy source behind a long frame, as the widget's own map does for it.
    sourcemap: 'external',
    logLevel: 'warning',
  });
  const css = join(outDir, 'uppy.css');
  writeFileSync(css, UPPY_CSS.map((name) => readFileSync(require.resolve(name), 'utf8')).join('\n'));
  return { js, css };
}

/** Raw, gzip (level 9) and brotli (quality 11) sizes of a file, in bytes. */
export function compressedSizes(file) {
  const source = readFileSync(file);
  return {
    raw: source.length,
    gzip: gzipSync(source, { level: 9 }).length,
    brotli: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * What each source module takes of a minified bundle, from its source map: the generated
 * characters mapped to it, and those characters gzipped on their own (an upper bound of what it
 * costs inside the bundle, where gzip also finds repeats across modules). Biggest first;
 * characters no mapping names (mostly CSS and message text inside template literals) are
 * "(unmapped)".
 */
export function moduleSizes(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const code = new Map();
  let source = 0;
  map.mappings.split(';').forEach((mappings, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    const segments = [];
    let column = 0;
    for (const segment of mappings.split(',')) {
      if (!segment) continue;
      const values = [];
      for (let i = 0, value = 0, shift = 0; i < segment.length; i++) {
        const digit = BASE64.indexOf(segment[i]);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      segments.push({ column, source: values.length > 1 ? source : -1 });
    }
    let covered = 0;
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.column ?? line.length;
      const name = segment.source >= 0 ? map.sources[segment.source].replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '') : '(unmapped)';
      code.set(name, (code.get(name) ?? '') + line.slice(segment.column, end));
      covered += end - segment.column;
    });
    if (line.length > covered) code.set('(unmapped)', (code.get('(unmapped)') ?? '') + line.slice(0, segments[0]?.column ?? line.length));
  });
  return [...code]
    .map(([name, text]) => ({ name, raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length }))
    .sort((a, b) => b.raw - a.raw);
}
