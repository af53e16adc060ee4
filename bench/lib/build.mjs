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
