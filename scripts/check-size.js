// Fails when the CDN bundle grows past its budget: hosts pay for every byte on their pages.
// The bundle holds the elements' shells and English, the recorder and the take engine that saves
// answers; the interview's session and templates, the review's view, each other language, the
// interview's config validator, tus-js-client, the hash worker and the rarely shown elements are
// chunks next to it that only pages needing them load, each with a budget of its own.
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

// Issue 17's goal (see bench/RESULTS.md, figure 4, for what is left per module).
const BUDGET_GZIP_BYTES = 40 * 1024;
const CHUNK_BUDGET_GZIP_BYTES = 8 * 1024;
const dir = 'dist/cdn';
const main = 'oneway-interview.js';
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function check(file, budget) {
  const source = readFileSync(`${dir}/${file}`);
  const gzip = gzipSync(source, { level: 9 }).length;
  const brotli = brotliCompressSync(source).length;
  console.log(`${dir}/${file}: ${kb(source.length)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli (budget ${kb(budget)} gzip)`);
  if (gzip <= budget) return true;
  console.error(`  Size budget exceeded by ${kb(gzip - budget)}.`);
  return false;
}

// A chunk the bundle imports statically is loaded by every page: the bundler made one of what
// lazily loaded chunks share with the bundle. Its code belongs in the bundle.
const staticImport = /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/oneway-interview-[^"']+)["']/.exec(readFileSync(`${dir}/${main}`, 'utf8'));
if (staticImport) {
  console.error(`${dir}/${main} imports ${staticImport[1]} statically: every page loads it. Keep what chunks share in the bundle.`);
  process.exit(1);
}

const chunks = readdirSync(dir).filter((file) => file.endsWith('.js') && file !== main).sort();
const ok = [check(main, BUDGET_GZIP_BYTES), ...chunks.map((file) => check(file, CHUNK_BUDGET_GZIP_BYTES))].every(Boolean);
if (!ok) process.exit(1);
