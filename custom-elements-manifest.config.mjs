// custom-elements.json is generated from the JSDoc in src/ and committed; CI checks it is current.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; a run with another outdir must not rewrite it.
  packagejson: false,
};
