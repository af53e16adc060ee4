// The CDN build: one self-contained ES module that registers every element and speaks English, for
// <script type="module" src=".../oneway-interview.js"> on any page. Each other language is a small
// chunk next to it (oneway-interview-de-<hash>.js …), loaded with import() relative to the bundle
// only by pages that need it.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { minifyCss } from './scripts/minify-css.js';

const shim = (name: string) => fileURLToPath(new URL(`./src/cdn-shims/${name}.ts`, import.meta.url));

/** tus-js-client's browser entry's own modules that the widget does not need, by the name it imports them with. */
const tusBrowserShims: Record<string, string> = {
  './fileReader.js': shim('tus-file-reader'),
  './urlStorage.js': shim('tus-url-storage'),
  './fileSignature.js': shim('tus-fingerprint'),
};

export default defineConfig({
  plugins: [
    {
      // ~1 KB gzip of indentation and line breaks in the elements' styles.
      name: 'minify-css-literals',
      transform(code, id) {
        if (!/\/src\/(styles\/[\w-]+|elements\/[\w-]+\/[\w-]+\.styles)\.ts$/.test(id.replaceAll('\\', '/'))) return null;
        // Only literals without interpolations: the styles have none, and one with any is left alone.
        return { code: code.replace(/\bcss`([^`$]*)`/g, (_, text: string) => `css\`${minifyCss(text)}\``), map: null };
      },
    },
    {
      // Stream, React Native and Cordova sources, localStorage URL storage and fingerprints: ~1 KB gzip.
      name: 'tus-js-client-browser-shims',
      enforce: 'pre',
      resolveId(source, importer) {
        return importer?.replaceAll('\\', '/').endsWith('tus-js-client/lib/browser/index.js') ? (tusBrowserShims[source] ?? null) : null;
      },
    },
  ],
  resolve: {
    // tus-js-client's "module" build is transpiled for old browsers (regenerator and helpers);
    // its modern ES build is a third of the size and runs everywhere MediaRecorder does.
    // url-parse and js-base64 are each used for one call there, which the browser can do itself.
    alias: {
      'tus-js-client': 'tus-js-client/lib/browser/index.js',
      'url-parse': shim('url-parse'),
      'js-base64': shim('js-base64'),
    },
  },
  // Relative to the bundle, wherever the host puts it: the hash worker is a file next to it.
  base: './',
  worker: {
    // The hash worker (src/core/sha256-worker.ts): a file of its own, allowed by `script-src 'self'`.
    format: 'es',
    rolldownOptions: { output: { entryFileNames: 'oneway-interview-[name]-[hash].js' } },
  },
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: {
      entry: 'src/define.ts',
      formats: ['es'],
      fileName: () => 'oneway-interview.js',
    },
    rolldownOptions: {
      // The bundle may export what its chunks share with it (the config types' constants for the
      // validator chunk), so nothing shared becomes a third file that every page must load.
      preserveEntrySignatures: 'allow-extension',
      output: {
        // Browsers load this file as it is (no bundler after us): minify whitespace too, which Vite
        // leaves out of library ES builds to keep them readable for other bundlers.
        minify: true,
        chunkFileNames: 'oneway-interview-[name]-[hash].js',
      },
    },
  },
});
