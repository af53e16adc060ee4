// src/version.ts names the widget's version for the diagnostic report: it must be package.json's.
// Run with `node --test test/version.node.mjs`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

it("src/version.ts says package.json's version", () => {
  const { version } = JSON.parse(read('package.json'));
  const stated = /export const VERSION = '([^']+)';/.exec(read('src/version.ts'))?.[1];
  assert.equal(stated, version, 'set VERSION in src/version.ts to the version in package.json');
});
