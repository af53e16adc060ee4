// Names the source behind a long animation frame's script: Chromium reports the bundle's URL and
// the character where the function starts; the bundle's source map gives the original file and line.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';

/**
 * `bundles` maps a URL path (e.g. `/cdn/oneway-interview.js`) to the bundle file on disk (its
 * map next to it, `.map`). Returns `(url, position) => 'src/core/sha256.ts:84'`, or undefined.
 */
export function createLocator(bundles) {
  const loaded = new Map();
  const load = (url) => {
    if (!loaded.has(url)) {
      const file = bundles[url];
      if (!file || !existsSync(`${file}.map`)) loaded.set(url, undefined);
      else {
        const code = readFileSync(file, 'utf8');
        const lineStarts = [0];
        for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
        loaded.set(url, { lineStarts, map: new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) });
      }
    }
    return loaded.get(url);
  };
  return (url, position) => {
    const bundle = load(url);
    if (!bundle || !(position >= 0)) return undefined;
    const { lineStarts, map } = bundle;
    let line = lineStarts.length - 1;
    while (line > 0 && lineStarts[line] > position) line--;
    const entry = map.findEntry(line, position - lineStarts[line]);
    if (!entry?.originalSource) return undefined;
    const source = entry.originalSource.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '');
    return `${source}:${entry.originalLine + 1}`;
  };
}
