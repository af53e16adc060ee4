// The CDN build: one self-contained ES module that registers every element, for
// <script type="module" src=".../oneway-interview.js"> on any page.
import { defineConfig } from 'vite';

export default defineConfig({
  resolve: {
    // tus-js-client's "module" build is transpiled for old browsers (regenerator and helpers);
    // its modern ES build is a third of the size and runs everywhere MediaRecorder does.
    alias: { 'tus-js-client': 'tus-js-client/lib/browser/index.js' },
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
  },
});
