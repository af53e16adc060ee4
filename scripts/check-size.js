// Fails when the CDN bundle grows past its budget: hosts pay for every byte on their pages.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 50 * 1024;
const file = 'dist/cdn/oneway-interview.js';
const source = readFileSync(file);
const gzip = gzipSync(source, { level: 9 }).length;
const brotli = brotliCompressSync(source).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`${file}: ${kb(source.length)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli (budget ${kb(BUDGET_GZIP_BYTES)} gzip)`);
if (gzip > BUDGET_GZIP_BYTES) {
  console.error(`Size budget exceeded by ${kb(gzip - BUDGET_GZIP_BYTES)}.`);
  process.exit(1);
}
