// The CDN build's CSS minifier (scripts/minify-css.js): white space and comments go, meaning stays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss } from '../scripts/minify-css.js';

test('drops comments, indentation and the last semicolon of each block', () => {
  const css = `
  /* the root */
  :host([hidden]) {
    display: none !important;
  }
  [part~='root'] > button,
  a :focus-visible {
    outline: var(--_focus-ring, 3px solid blue);
  }`;
  assert.equal(minifyCss(css), ":host([hidden]){display:none !important}[part~='root']>button,a :focus-visible{outline:var(--_focus-ring,3px solid blue)}");
});

test('keeps quoted strings as they are, colons and blanks included', () => {
  assert.equal(minifyCss(`[part="x"]::before { content: ' : ; { } '; }`), `[part="x"]::before{content:' : ; { } '}`);
});

test('keeps the blanks that separate values and media features', () => {
  assert.equal(minifyCss('@media (min-width: 40rem) and (prefers-reduced-motion: reduce) { p { margin: 0 auto; } }'), '@media (min-width:40rem) and (prefers-reduced-motion:reduce){p{margin:0 auto}}');
});
