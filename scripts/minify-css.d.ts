/** See minify-css.js. */
export function minifyCss(text: string): string;
