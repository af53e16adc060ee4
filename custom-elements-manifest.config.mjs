// custom-elements.json is generated from the JSDoc in src/ and committed; CI checks it is current.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
