// The CDN build: one self-contained ES module that registers every element, for
// <script type="module" src=".../oneway-interview.js"> on any page.
import { defineConfig } from 'vite';

export default defineConfig({
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
