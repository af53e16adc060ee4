// What the three framework examples share in their Vite config. A host app needs none of this:
// after `npm install oneway-interview` the package's "exports" resolve the same imports.
import { fileURLToPath } from 'node:url';
import type { Plugin, PreviewServer, UserConfig, ViteDevServer } from 'vite';
// @ts-expect-error -- demo/tus-server.js is plain JavaScript without type declarations.
import { createTusServer } from '../tus-server.js';

const src = (file: string) => fileURLToPath(new URL(`../../src/${file}`, import.meta.url));

/**
 * Resolves `oneway-interview` and `oneway-interview/define` to this checkout's source, so the
 * examples run without publishing or building the package. A plain alias is not enough: the
 * package.json "sideEffects" list names dist/define.js, not src/define.ts, so the bundler would
 * drop the import that registers the elements.
 */
function onewayInterviewSource(): Plugin {
  return {
    name: 'oneway-interview-source',
    enforce: 'pre',
    resolveId: {
      filter: { id: /^oneway-interview(\/define)?$/ },
      handler(id) {
        return id === 'oneway-interview/define' ? { id: src('define.ts'), moduleSideEffects: true } : src('index.ts');
      },
    },
  };
}

/**
 * A tus endpoint at /files for `vite` (dev) and `vite preview`, so the examples can be tried by
 * hand; uploads are saved in .uploads/frameworks. `vite build` does not use it.
 */
function tusEndpoint(): Plugin {
  const mount = (server: ViteDevServer | PreviewServer) => {
    const tus = createTusServer({ directory: fileURLToPath(new URL('../../.uploads/frameworks', import.meta.url)) });
    server.middlewares.use(tus.middleware);
  };
  return { name: 'oneway-demo-tus-endpoint', configureServer: mount, configurePreviewServer: mount };
}

/** The Vite config of the example app in `appDir` (a file URL ending in '/'). */
export function exampleConfig(appDir: string, { plugins = [], ...extra }: UserConfig = {}): UserConfig {
  return {
    ...extra,
    root: fileURLToPath(appDir),
    // Relative asset URLs, so the build works under any path of the host's site.
    base: './',
    plugins: [onewayInterviewSource(), tusEndpoint(), ...plugins],
    resolve: {
      // As in the CDN build: tus-js-client's modern ES build instead of its transpiled one.
      alias: { 'tus-js-client': 'tus-js-client/lib/browser/index.js' },
    },
    build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  };
}
