// The API reference (docs/api.md) and the manifest (custom-elements.json) must say the same, and
// the manifest must document every element that src/define.ts registers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { apiDocs } from '../scripts/api-docs.mjs';

const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const manifest = JSON.parse(read('custom-elements.json'));
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement);

describe('API documentation', () => {
  it('docs/api.md is generated from the committed custom-elements.json', () => {
    assert.equal(read('docs/api.md'), apiDocs(manifest), 'docs/api.md is stale: run `npm run analyze`');
  });

  it('documents every registered element, with a summary, and every event it fires', () => {
    const registered = [...read('src/define.ts').matchAll(/'(oneway-[a-z-]+)':/g)].map((match) => match[1]);
    assert.ok(registered.length >= 6);
    for (const tag of registered) {
      const element = elements.find((candidate) => candidate.tagName === tag);
      assert.ok(element, `${tag} is not in custom-elements.json (missing @tagname?)`);
      assert.ok(element.summary, `${tag} has no @summary`);
      for (const event of element.events ?? []) assert.ok(event.description, `${tag} fires ${event.name} without a description`);
      for (const part of element.cssParts ?? []) assert.ok(part.description, `${tag} part ${part.name} has no description`);
    }
  });

  it('describes every public attribute and property', () => {
    for (const element of elements) {
      for (const attribute of element.attributes ?? []) {
        assert.ok(attribute.description, `${element.tagName} attribute ${attribute.name} has no description`);
      }
    }
  });
});
