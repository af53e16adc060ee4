// The CDN build: one self-contained ES module that registers every element and speaks English, for
// <script type="module" src=".../oneway-interview.js"> on any page. Each other language is a small
// chunk next to it (oneway-interview-de-<hash>.js …), loaded with import() relative to the bundle
// only by pages that need it.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const shim = (name: string) => fileURLToPath(new URL(`./src/cdn-shims/${name}.ts`, import.meta.url));

export default defineConfig({
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
      output: {
        // Browsers load this file as it is (no bundler after us): minify whitespace too, which Vite
        // leaves out of library ES builds to keep them readable for other bundlers.
        minify: true,
        chunkFileNames: 'oneway-interview-[name]-[hash].js',
      },
    },
  },
});
