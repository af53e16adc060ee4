// `npm run bench [-- --quick]`: the widget's performance against Uppy's webcam + tus set-up, in
// the system Chromium with a fake camera and microphone, against a real tus server on loopback.
// Prints Markdown tables and writes bench/RESULTS.md. What each figure means: bench/README.md.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildUppy, compressedSizes, moduleSizes } from './lib/build.mjs';
import { launchChromium } from './lib/browser.mjs';
import { syntheticCamera } from './lib/camera.mjs';
import { cpuSnapshot, othersShare } from './lib/machine.mjs';
import { renderReport } from './lib/report.mjs';
import { createLocator } from './lib/sourcemap.mjs';
import { NETWORKS, recordAnswer, recordLongAnswer, startUp } from './lib/runs.mjs';
import { startBenchServer } from './lib/server.mjs';
import { sweepRun } from './lib/sweep.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
const builtBundle = join(root, 'dist/cdn/oneway-interview.js');

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'long-runs': { type: 'string' },
    lengths: { type: 'string' },
    'memory-seconds': { type: 'string' },
    'startup-runs': { type: 'string' },
    'floor-runs': { type: 'string' },
    'long-seconds': { type: 'string' },
    'offline-seconds': { type: 'string' },
    only: { type: 'string' },
    'sweep-links': { type: 'string' },
    'sweep-lengths': { type: 'string' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const quick = flags.quick;
const config = {
  quick,
  // Answers per length, setup and link: every figure is the median of these runs. Answers of a
  // minute or more get `longRuns` in the full run, to keep it under ~25 minutes on two cores.
  runs: Number(flags.runs ?? (quick ? 2 : 3)),
  longRuns: Number(flags['long-runs'] ?? flags.runs ?? 2),
  lengths: (flags.lengths ?? (quick ? '10,30' : '10,30,60')).split(',').map(Number),
  networks: Object.keys(NETWORKS),
  answerBitsPerSecond: 2_500_000,
  memoryBitsPerSecond: 5_000_000,
  memorySeconds: Number(flags['memory-seconds'] ?? (quick ? 60 : 300)),
  memoryEverySeconds: quick ? 15 : 60,
  startupRuns: Number(flags['startup-runs'] ?? (quick ? 5 : 9)),
  // Both setups record the type the widget picks by itself in Chromium (MP4 first), so the files compare.
  mimeType: 'video/mp4;codecs=avc1,opus',
  figures: new Set((flags.only ?? 'size,startup,floor,answers,memory,slowlink,long').split(',')),
  // Issue 17's rows: (a) `slowlink`, the interview on a 1 Mbit/s uplink with the bitrate its device
  // check picks, 10 and 60 s answers; (b) and (c) `long`, one long answer of ours and one with a
  // long offline spell in the middle, side by side in two browsers.
  slowLinkLengths: [10, 60],
  longSeconds: Number(flags['long-seconds'] ?? (quick ? 120 : 600)),
  offlineSeconds: Number(flags['offline-seconds'] ?? (quick ? 120 : 600)),
  // The main thread next to a bare MediaRecorder page (`floor`): 20 s answers, bare / ours / Uppy in turn.
  floorRuns: Number(flags['floor-runs'] ?? (quick ? 3 : 5)),
  floorSeconds: 20,
  // The slow-link sweep (`--only sweep`, ~12 min): uplinks in Mbit/s, fastest first; each run's
  // second question is on the next slower one (the slowest stays).
  sweepLinks: (flags['sweep-links'] ?? '4,1,0.6,0.4').split(',').map(Number),
  sweepLengths: (flags['sweep-lengths'] ?? '10,60').split(',').map(Number),
};
// The main-thread and wire figures come from the answers of this length on the unthrottled link.
config.mainThreadSeconds = Math.max(...config.lengths);

const command = process.env.npm_lifecycle_event === 'bench'
  ? `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`
  : `node ${relative(root, fileURLToPath(import.meta.url))} ${process.argv.slice(2).join(' ')}`.trim();

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const runsDir = join(benchDir, '.runs');
const workDir = join(runsDir, `${stamp}-${process.pid}`);
const uploads = join(workDir, 'uploads');
const buildDir = join(workDir, 'build');
const profiles = join(workDir, 'profiles');
mkdirSync(profiles, { recursive: true });

const startedAt = Date.now();
const cpuAtStart = cpuSnapshot();
const log = (message) => console.error(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${message}`);

config.runsPerLength = Object.fromEntries(config.lengths.map((seconds) => [seconds, runsFor(seconds)]));
const results = { config: { ...config, figures: [...config.figures] }, answers: [], floor: [], memory: [], startup: {}, sizes: {}, sweep: [], slowLink: [], long: [] };
const browsers = [];
let server;
let locate = () => undefined;

// The bench measures a copy of the CDN bundle taken now: dist/ is shared, and another `npm run
// build:cdn` (a test run) could replace it half-way through.
const cdnBundle = join(workDir, 'cdn/oneway-interview.js');
if (!existsSync(builtBundle)) {
  console.error(`${relative(root, builtBundle)} is missing: run \`npm run build:cdn\` (npm run bench does).`);
  rmSync(workDir, { recursive: true, force: true });
  process.exit(1);
}
// The whole folder: the bundle loads its other languages as chunks next to it.
cpSync(dirname(builtBundle), dirname(cdnBundle), { recursive: true });

try {
  log(`building the Uppy setup with esbuild (${relative(root, buildDir)})`);
  const uppyBuild = await buildUppy({ entry: join(benchDir, 'pages/uppy-setup.js'), outDir: buildDir });
  results.sizes = {
    ours: compressedSizes(cdnBundle),
    oursModules: moduleSizes(cdnBundle),
    // Chunks the bundle imports only on demand (languages, the interview session, the review view…).
    oursChunks: readdirSync(dirname(cdnBundle))
      .filter((name) => name.endsWith('.js') && name !== 'oneway-interview.js')
      .map((name) => ({ name, ...compressedSizes(join(dirname(cdnBundle), name)) })),
    uppy: compressedSizes(uppyBuild.js),
    uppyCss: compressedSizes(uppyBuild.css),
  };

  server = await startBenchServer({
    uploads,
    mounts: { '/pages/': join(benchDir, 'pages'), '/cdn/': dirname(cdnBundle), '/build/': buildDir },
  });
  log(`server on ${server.url}, uploads in ${relative(root, uploads)}`);
  locate = createLocator({ '/cdn/oneway-interview.js': cdnBundle, '/build/uppy-setup.js': uppyBuild.js });

  const answerCamera = syntheticCamera(join(runsDir, 'cameras'), config.answerBitsPerSecond);
  const main = await launchChromium({ profilesDir: profiles, fakeVideo: answerCamera });
  browsers.push(main.browser);
  results.environment = environment(await main.browser.version(), main);

  if (config.figures.has('startup')) await startupFigures(main.browser);
  if (config.figures.has('floor')) await floorFigures(main.browser);
  if (config.figures.has('answers')) await answerFigures(main.browser);
  if (config.figures.has('sweep')) await sweepFigures(main.browser);
  if (config.figures.has('slowlink')) await slowLinkFigures(main.browser);
  await main.browser.close();

  if (config.figures.has('memory')) await memoryFigures();
  if (config.figures.has('long')) await longFigures();

  results.durationSeconds = Math.round((Date.now() - startedAt) / 1000);
  results.environment.loadAfter = os.loadavg().map((l) => l.toFixed(1));
  results.environment.othersCpuPercent = othersShare(cpuAtStart, cpuSnapshot());
  const markdown = renderReport(results, { command });
  console.log(markdown);
  const out = flags.out ?? join(benchDir, 'RESULTS.md');
  writeFileSync(out, markdown);
  writeFileSync(join(runsDir, 'last-results.json'), JSON.stringify(results, null, 2));
  log(`wrote ${relative(process.cwd(), out)} and ${relative(process.cwd(), join(runsDir, 'last-results.json'))}`);
} finally {
  for (const browser of browsers) await browser.close().catch(() => {});
  await server?.close();
  if (!flags.keep) rmSync(workDir, { recursive: true, force: true });
}

async function startupFigures(browser) {
  const variants = [
    { key: 'bare', page: 'startup-bare.html' },
    { key: 'interview', page: 'startup-interview.html' },
    { key: 'recorderAuto', page: 'startup-recorder.html' },
    { key: 'recorderMime', page: 'startup-recorder.html', mimeType: config.mimeType },
  ];
  for (const variant of variants) {
    const runs = [];
    for (let i = 0; i < config.startupRuns; i++) {
      const run = await startUp({ browser, server, page: variant.page, mimeType: variant.mimeType });
      runs.push(run);
      if (run.missing) break;
    }
    results.startup[variant.key] = runs;
    const ok = runs.filter((r) => Number.isFinite(r.readyMs)).map((r) => r.readyMs.toFixed(0));
    log(`start-up ${variant.key}: ${runs[0]?.missing ? 'element not built yet' : `${ok.join(', ')} ms`}`);
  }
}

/**
 * The main thread while recording, against its floor: a bare page recording the same camera with
 * start(1000) and dropping the data, ours and Uppy, in an order that rotates from round to round.
 */
async function floorFigures(browser) {
  const setups = ['bare', 'ours', 'uppy'];
  for (let round = 0; round < config.floorRuns; round++) {
    const order = [...setups.slice(round % 3), ...setups.slice(0, round % 3)];
    for (const setup of order) {
      const run = await recordAnswer({
        browser,
        server,
        setup,
        seconds: config.floorSeconds,
        network: 'loopback',
        bitsPerSecond: config.answerBitsPerSecond,
        mimeType: config.mimeType,
      });
      run.round = round;
      results.floor.push(run);
      const t = run.mainThread;
      log(`floor ${setup} #${round + 1}: ${run.ok ? `busy ${t.taskMs.toFixed(0)} ms, script ${t.scriptMs.toFixed(0)} ms, ${t.longTasks.length} long tasks` : `FAILED (${run.failure})`}`);
    }
  }
}

/** How many answers of `seconds` each setup records per link. */
function runsFor(seconds) {
  return seconds >= 60 ? Math.min(config.runs, config.longRuns) : config.runs;
}

async function answerFigures(browser) {
  for (let round = 0; round < config.runs; round++) {
    for (const seconds of config.lengths) {
      if (round >= runsFor(seconds)) continue;
      for (const network of config.networks) {
        // Interleaved: the order of the two setups alternates from one round to the next.
        const order = (round + config.lengths.indexOf(seconds)) % 2 === 0 ? ['ours', 'uppy'] : ['uppy', 'ours'];
        for (const setup of order) {
          const run = await recordAnswer({
            browser,
            server,
            setup,
            seconds,
            network,
            bitsPerSecond: config.answerBitsPerSecond,
            mimeType: config.mimeType,
          });
          run.round = round;
          for (const frame of run.mainThread?.longFrames ?? []) {
            for (const script of frame.scripts) script.where = locate(script.url, script.position) ?? script.url;
          }
          results.answers.push(run);
          log(
            `answer ${seconds} s ${network} ${setup} #${round + 1}: ` +
              (run.ok
                ? `stop→safe ${run.stopToSafeMs.toFixed(0)} ms, ${(run.fileBytes / 1e6).toFixed(2)} MB, ${run.wire.count} requests`
                : `FAILED (${run.failure})`) +
              (run.problems.length ? ` [${run.problems.slice(0, 3).join(' | ')}]` : ''),
          );
        }
      }
    }
  }
}

async function sweepFigures(browser) {
  for (const seconds of config.sweepLengths) {
    for (const [i, mbps] of config.sweepLinks.entries()) {
      const dropMbps = config.sweepLinks[Math.min(i + 1, config.sweepLinks.length - 1)];
      const run = await sweepRun({ browser, server, seconds, mbps, dropMbps });
      results.sweep.push(run);
      const line = run.answers
        .map((a) => `q${a.question} ${a.mbps} Mbit/s: ${Math.round((a.requested?.videoBitsPerSecond ?? NaN) / 1000)}+${Math.round((a.requested?.audioBitsPerSecond ?? NaN) / 1000)} kbit/s asked, file ${(a.fileBitsPerSecond / 1e6).toFixed(2)} Mbit/s, stop→safe ${a.stopToSafeMs.toFixed(0)} ms`)
        .join('; ');
      log(`sweep ${seconds} s ${mbps} → ${dropMbps} Mbit/s: ${run.ok ? line : `FAILED (${run.failure}) ${line}`}${run.problems.length ? ` [${run.problems.slice(0, 3).join(' | ')}]` : ''}`);
    }
  }
}

/** Row (a): the interview on a steady 1 Mbit/s uplink, each bitrate chosen by the widget. */
async function slowLinkFigures(browser) {
  for (const seconds of config.slowLinkLengths) {
    const run = await sweepRun({ browser, server, seconds, mbps: 1, dropMbps: 1 });
    results.slowLink.push(run);
    log(`1 Mbit/s ${seconds} s: ${run.ok ? run.answers.map((a) => `q${a.question} stop→safe ${a.stopToSafeMs.toFixed(0)} ms`).join(', ') : `FAILED (${run.failure})`}`);
  }
}

/**
 * Rows (b) and (c), side by side in two browsers: ours recording a long answer, and ours recording
 * through a long offline spell (30 s in), then a minute more on the network, then stop.
 */
async function longFigures() {
  const camera = syntheticCamera(join(runsDir, 'cameras'), config.answerBitsPerSecond);
  const every = config.quick ? 30 : 60;
  log(`long: a ${config.longSeconds} s answer, and one offline for ${config.offlineSeconds} s, side by side`);
  const variants = [
    { kind: 'long', seconds: config.longSeconds },
    { kind: 'offline', seconds: 30 + config.offlineSeconds + 60, offline: { at: 30, seconds: config.offlineSeconds } },
  ];
  const runs = await Promise.all(
    variants.map(async (variant) => {
      const { browser } = await launchChromium({ profilesDir: profiles, fakeVideo: camera });
      browsers.push(browser);
      try {
        const run = await recordLongAnswer({
          browser,
          server,
          setup: 'ours',
          seconds: variant.seconds,
          everySeconds: every,
          bitsPerSecond: config.answerBitsPerSecond,
          mimeType: config.mimeType,
          offline: variant.offline,
        });
        return { ...run, kind: variant.kind };
      } finally {
        await browser.close();
      }
    }),
  );
  for (const run of runs) {
    results.long.push(run);
    log(`long ${run.kind}: ${run.ok ? `ok, ${(run.fileBytes / 1e6).toFixed(1)} MB, stop→safe ${run.stopToSafeMs.toFixed(0)} ms` : `FAILED (${run.failure})`}`);
  }
}

/**
 * The long recordings run side by side, each in a browser of its own (so each has its own
 * processes to measure): a long recording per setup one after the other would not fit the budget.
 */
async function memoryFigures() {
  const camera = syntheticCamera(join(runsDir, 'cameras'), config.memoryBitsPerSecond);
  log(`memory: ours and Uppy side by side, ${config.memorySeconds} s at ${config.memoryBitsPerSecond / 1e6} Mbit/s`);
  const runs = await Promise.all(
    ['ours', 'uppy'].map(async (setup) => {
      const { browser } = await launchChromium({ profilesDir: profiles, fakeVideo: camera });
      browsers.push(browser);
      try {
        return await recordLongAnswer({
          browser,
          server,
          setup,
          seconds: config.memorySeconds,
          everySeconds: config.memoryEverySeconds,
          bitsPerSecond: config.memoryBitsPerSecond,
          mimeType: config.mimeType,
        });
      } finally {
        await browser.close();
      }
    }),
  );
  for (const run of runs) {
    results.memory.push(run);
    log(`memory ${run.setup}: ${run.ok ? `ok, ${(run.fileBytes / 1e6).toFixed(1)} MB` : `FAILED (${run.failure})`}`);
  }
}

function environment(version, launched) {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    date: new Date().toISOString(),
    chromium: version,
    executable: launched.executablePath,
    args: launched.args.map((arg) => arg.replace(/=.*\.runs\/.*/, (m) => m.replace(/\.runs\/.*\//, '.runs/…/'))),
    node: process.version,
    // Other work on the machine (e.g. a test suite) skews timings: the load is reported with the figures.
    loadBefore: os.loadavg().map((l) => l.toFixed(1)),
    cpu: `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    commit: git('rev-parse', '--short', 'HEAD'),
    sourceChanged: git('status', '--porcelain', '--', 'src') !== '',
    uppy: {
      core: readVersion('@uppy/core'),
      dashboard: readVersion('@uppy/dashboard'),
      webcam: readVersion('@uppy/webcam'),
      tus: readVersion('@uppy/tus'),
    },
  };
}

function readVersion(name) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}
