/**
 * The widget's version, as in package.json (test/version.node.mjs keeps the two equal): written
 * out rather than imported, so neither the CDN bundle nor the package's own ES modules have to
 * load package.json in the browser.
 */
export const VERSION = '0.1.0';
