// custom-elements.json is generated from the JSDoc in src/ and committed; CI checks it is current.
// The plugins also write editor data for VS Code and JSX types (React 19 and other JSX
// frameworks) into dist/, shipped with the package.
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

/**
 * Events are typed Event subclasses named by a static `eventName`: the analyzer sees
 * `dispatchEvent(new XEvent(…))` as a nameless event, and cannot link `@fires name` to its class.
 * This drops the nameless entries and gives each documented event its class as type.
 */
function eventTypesPlugin() {
  return {
    name: 'oneway-event-types',
    packageLinkPhase({ customElementsManifest }) {
      const declarations = customElementsManifest.modules.flatMap((module) => module.declarations ?? []);
      const classByEvent = new Map();
      for (const declaration of declarations) {
        const eventName = declaration.members?.find((member) => member.static && member.name === 'eventName');
        if (eventName?.default) classByEvent.set(eventName.default.replace(/['"]/g, ''), declaration.name);
      }
      for (const declaration of declarations) {
        if (!declaration.events) continue;
        declaration.events = declaration.events
          .filter((event) => event.name)
          .map((event) => (classByEvent.has(event.name) ? { ...event, type: { text: classByEvent.get(event.name) } } : event));
      }
    },
  };
}

/** Modules in path order: the analyzer lists them in file-system order, which differs between checkouts. */
function sortedModulesPlugin() {
  return {
    name: 'oneway-sorted-modules',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; a run with another outdir must not rewrite it.
  packagejson: false,
  plugins: [
    eventTypesPlugin(),
    sortedModulesPlugin(),
    customElementVsCodePlugin({
      outdir: 'dist',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
    customElementJsxPlugin({ outdir: 'dist', fileName: 'jsx.d.ts', globalTypePath: './index.js', hideLogs: true }),
  ],
};
