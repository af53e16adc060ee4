// The CSS of a `css` template literal without comments and the white space nothing needs, for the
// CDN build (vite.cdn.config.ts): Vite minifies the code, not the text inside template literals.
// Quoted strings are left as they are.

/** @param {string} text */
export function minifyCss(text) {
  return text
    .split(/('[^']*'|"[^"]*")/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('')
    .trim();
}
