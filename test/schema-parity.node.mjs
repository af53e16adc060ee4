// Parity between schema/interview-config.schema.json and validateInterviewConfig(): the same
// configs must get the same verdict from both. Run with `node --test test/schema-parity.node.mjs`.
//
// This runs in Node rather than in the browser tests because ajv ships as CommonJS, which the
// web-test-runner config only converts for tus-js-client's dependencies. The TypeScript validator
// and the shared cases (test/core/interview-config.cases.ts) are bundled with esbuild on the fly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

async function loadTypeScript() {
  const { outputFiles } = await build({
    stdin: {
      contents: `
        export { formatConfigProblems } from './src/core/interview-config.ts';
        export { validateInterviewConfig, DEADLINE_PATTERN, EMAIL_PATTERN, WEB_PAGE_URL_PATTERN } from './src/core/interview-config-validation.ts';
        export * from './test/core/interview-config.cases.ts';
      `,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript,${encodeURIComponent(outputFiles[0].text)}`);
}

const {
  validateInterviewConfig,
  formatConfigProblems,
  DEADLINE_PATTERN,
  EMAIL_PATTERN,
  WEB_PAGE_URL_PATTERN,
  validCases,
  invalidCases,
  validatorOnlyCases,
} = await loadTypeScript();

const schema = JSON.parse(readFileSync(new URL('../schema/interview-config.schema.json', import.meta.url), 'utf8'));
// Strict, to catch mistakes in the schema itself; strictRequired is off because `if` subschemas
// test for keys declared elsewhere. `format` is an annotation in draft 2020-12, so it is not
// asserted here either (and ajv would need ajv-formats to assert it).
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, validateFormats: false });
const validateSchema = ajv.compile(schema);

function verdicts(config) {
  const validator = validateInterviewConfig(config);
  const schemaOk = validateSchema(config);
  return {
    validator: validator.ok,
    schema: schemaOk,
    why: [
      `validator: ${validator.ok ? 'valid' : `\n${formatConfigProblems(validator.problems)}`}`,
      `schema: ${schemaOk ? 'valid' : `\n${ajv.errorsText(validateSchema.errors, { separator: '\n' })}`}`,
    ].join('\n'),
  };
}

describe('interview config schema and validator agree', () => {
  it('the schema is a valid draft 2020-12 schema', () => {
    assert.equal(ajv.validateSchema(schema), true, ajv.errorsText());
  });

  for (const { name, config } of validCases) {
    it(`both accept ${name}`, () => {
      const { validator, schema: schemaOk, why } = verdicts(config);
      assert.deepEqual({ validator, schema: schemaOk }, { validator: true, schema: true }, why);
    });
  }

  for (const { name, config } of invalidCases) {
    it(`both reject ${name}`, () => {
      const { validator, schema: schemaOk, why } = verdicts(config);
      assert.deepEqual({ validator, schema: schemaOk }, { validator: false, schema: false }, why);
    });
  }

  // Checks the schema cannot express (see validatorOnlyCases): if the schema ever rejects one of
  // these, move the case to invalidCases.
  for (const { name, config } of validatorOnlyCases) {
    it(`only the validator rejects ${name}`, () => {
      const { validator, schema: schemaOk, why } = verdicts(config);
      assert.deepEqual({ validator, schema: schemaOk }, { validator: false, schema: true }, why);
    });
  }

  it('uses the same deadline pattern', () => {
    assert.equal(schema.properties.deadline.pattern, DEADLINE_PATTERN.source);
  });

  it("uses the same patterns for support's email and URL", () => {
    assert.equal(schema.properties.support.properties.email.pattern, EMAIL_PATTERN.source);
    assert.equal(schema.properties.support.properties.url.pattern, WEB_PAGE_URL_PATTERN.source);
  });

  it('knows every key the schema declares', () => {
    const levels = [
      ['$', schema.properties, (value) => value],
      ['$.defaults', schema.properties.defaults.properties, (value) => ({ defaults: value })],
      ['$.support', schema.properties.support.properties, (value) => ({ support: value })],
      ['$.questions[0]', schema.$defs.question.properties, (value) => ({ questions: [{ id: 'q', text: 't', ...value }] })],
    ];
    for (const [path, properties, place] of levels) {
      for (const key of Object.keys(properties)) {
        // A value of the wrong type: the validator must complain about the value, not the key.
        const result = validateInterviewConfig({ ...validCases[1].config, ...place({ [key]: Symbol('wrong') }) });
        const atKey = result.ok ? [] : result.problems.filter((p) => p.path === `${path}.${key}`);
        assert.ok(atKey.length > 0, `no problem reported at ${path}.${key}`);
        for (const { message } of atKey) assert.doesNotMatch(message, /^unknown key/, `the validator does not know ${path}.${key}`);
      }
    }
  });
});
