// `node bench/trace.mjs [--setup ours|bare|uppy] [--seconds 20] [--profile] [--dump trace.json]`: one recorded answer under a
// Chromium trace (CDP Tracing, devtools.timeline categories), and where the page's main thread spent
// its time: the Performance.getMetrics deltas, then self time per trace event name on the renderer's
// main thread (with --profile also a CPU profile: self time per function). Not part of `npm run bench`:
// the tool for finding a cost before changing code. Needs `npm run build:cdn` first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/browser.mjs';
import { syntheticCamera } from './lib/camera.mjs';
import { startBenchServer } from './lib/server.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const { values: flags } = parseArgs({
  options: {
    setup: { type: 'string', default: 'ours' },
    seconds: { type: 'string', default: '20' },
    profile: { type: 'boolean', default: false },
    mime: { type: 'string', default: 'video/mp4;codecs=avc1,opus' },
    dump: { type: 'string' },
  },
});
const work = mkdtempSync(join(os.tmpdir(), 'oneway-trace-'));
const server = await startBenchServer({
  uploads: join(work, 'uploads'),
  mounts: { '/pages/': join(benchDir, 'pages'), '/cdn/': join(benchDir, '../dist/cdn') },
});
const { browser } = await launchChromium({ profilesDir: work, fakeVideo: syntheticCamera(join(benchDir, '.runs/cameras'), 2_500_000) });
try {
  const page = await browser.newPage();
  page.on('console', (message) => message.type() === 'error' && console.error(`page: ${message.text()}`));
  const query = new URLSearchParams({ bps: '2500000', mime: flags.mime });
  await page.goto(`${server.url}/pages/${flags.setup}.html?${query}`, { waitUntil: 'load' });
  await page.evaluate(() => window.benchSetup.ready());
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]));
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'toplevel', 'disabled-by-default-v8.gc'] },
  });
  if (flags.profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const before = await metrics();
  await page.evaluate(() => window.benchSetup.start());
  await sleep(Number(flags.seconds) * 1000);
  await page.evaluate(() => window.benchSetup.stopAndWaitSafe());
  const after = await metrics();
  const profile = flags.profile ? (await cdp.send('Profiler.stop')).profile : undefined;
  await cdp.send('Tracing.end');
  await traced;
  const delta = (name) => `${((after[name] - before[name]) * 1000).toFixed(0)} ms`;
  console.log(`${flags.setup}, ${flags.seconds} s: TaskDuration ${delta('TaskDuration')}, ScriptDuration ${delta('ScriptDuration')}, TaskOtherDuration ${delta('TaskOtherDuration')}, Layout ${delta('LayoutDuration')}, RecalcStyle ${delta('RecalcStyleDuration')}`);
  if (flags.dump) writeFileSync(flags.dump, JSON.stringify(events));
  printSelfTimes(events);
  if (profile) printProfile(profile);
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

/** Self time per event name on the busiest renderer main thread ("CrRendererMain"), and the longest tasks. */
function printSelfTimes(events) {
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const mains = [...names].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key);
  const byThread = new Map(mains.map((key) => [key, []]));
  for (const e of events) if (e.ph === 'X' && byThread.has(`${e.pid}:${e.tid}`)) byThread.get(`${e.pid}:${e.tid}`).push(e);
  const [key, list] = [...byThread].sort((a, b) => total(b[1]) - total(a[1]))[0];
  list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of list) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
    const label = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${e.args?.data?.functionName || e.args?.data?.url?.split('/').pop() || ''}` : e.name;
    e.name = label;
    self.set(label, (self.get(label) ?? 0) + e.dur);
    stack.push(e);
  }
  const tasks = list.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  console.log(`main thread ${key}: ${tasks.length} tasks, ${(tasks.reduce((t, e) => t + e.dur, 0) / 1000).toFixed(0)} ms; longest ${tasks.map((e) => (e.dur / 1000).toFixed(0)).sort((a, b) => b - a).slice(0, 5).join(', ')} ms`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
  // Top-level tasks grouped by what they ran: the names of the events directly inside them.
  const kinds = new Map();
  const top = list.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && !list.some((p) => p !== e && p.name === e.name && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur));
  for (const task of top) {
    const inside = list.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && !/RunTask/.test(e.name));
    const kind = [...new Set(inside.slice(0, 4).map((e) => e.name))].join(' > ') || '(empty)';
    const entry = kinds.get(kind) ?? { count: 0, us: 0 };
    entry.count++;
    entry.us += task.dur;
    kinds.set(kind, entry);
  }
  console.log('top-level tasks by what they ran first:');
  for (const [kind, { count, us }] of [...kinds].sort((a, b) => b[1].us - a[1].us).slice(0, 20)) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${String(count).padStart(5)}×  ${kind}`);
}

function total(list) {
  return list.filter((e) => e.name === 'ThreadControllerImpl::RunTask').reduce((t, e) => t + e.dur, 0);
}

/** Self time per function in a CPU profile. */
function printProfile(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const label = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(label, (self.get(label) ?? 0) + (dt[i + 1] ?? 0));
  });
  console.log('CPU profile, self time:');
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
}
