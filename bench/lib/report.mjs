// Turns the bench's raw results into Markdown: a summary table, one section per figure, failures
// and the conditions of the run.
import { NETWORKS } from './runs.mjs';
import { renderSweep } from './sweep.mjs';
import { formatByteSpread, formatBytes, formatMs, formatNumber, formatRatio, formatSeconds, spread } from './stats.mjs';

const NAMES = { ours: 'ours (`<oneway-recorder>`)', uppy: 'Uppy (Dashboard + Webcam + Tus)', bare: 'bare MediaRecorder page' };
const TARGET_MS = 1500;
/** Goals of issue 17: main thread at most ×1.5 the bare page's, Start within 400 ms of the bare page's, 40 KB gzip. */
const FLOOR_RATIO_GOAL = 1.5;
const START_GOAL_MS = 400;
const SIZE_GOAL_BYTES = 40 * 1024;
const SLOW_LINK_TEXT = '4e6/8 bytes/s, download 20e6/8 bytes/s, latency 40 ms';

/** The whole RESULTS.md. */
export function renderReport(results, { command }) {
  const { config, environment: env } = results;
  const sections = [
    '# Bench results',
    '',
    `Measured ${env.date.slice(0, 16).replace('T', ' ')} UTC with **${env.chromium}** (${env.executable}), Node ${env.node}, ` +
      `${env.cpu}, ${env.memory} RAM; widget at commit \`${env.commit}\`${env.sourceChanged ? ' (with uncommitted changes in src/)' : ''}, ` +
      `Uppy core ${env.uppy.core} / dashboard ${env.uppy.dashboard} / webcam ${env.uppy.webcam} / tus ${env.uppy.tus}.`,
    '',
    `Other processes on the machine used ${Number.isFinite(env.othersCpuPercent) ? env.othersCpuPercent.toFixed(0) : '?'} % of its CPU capacity during the run` +
      ` (load average ${env.loadBefore.join(' / ')} before, ${env.loadAfter?.join(' / ') ?? '?'} after)` +
      (env.othersCpuPercent > 10 ? ': **timings are noisier than on an idle machine**.' : '.'),
    '',
    `Command: \`${command}\`${config.quick ? ' (quick run: fewer lengths, shorter long recording)' : ''}; it took ${Math.round(results.durationSeconds / 60)} min.`,
    '',
    'Times are the median of the runs with min–max in brackets; "Uppy/ours" ratios come from pairs of runs interleaved in the same',
    'invocation. A run counts only when the file on the server has the size and SHA-256 of what MediaRecorder produced;',
    'a run that lost data is listed as a failure. How each figure is taken: [bench/README.md](README.md).',
    '',
  ];
  sections.push(...summary(results), '');
  if (config.figures.includes('answers')) sections.push(...stopToSafe(results), '');
  if (config.figures.includes('floor')) sections.push(...floor(results), '');
  if (config.figures.includes('memory')) sections.push(...memory(results), '');
  if (config.figures.includes('answers')) sections.push(...mainThread(results), '');
  sections.push(...sizes(results), '');
  if (config.figures.includes('startup')) sections.push(...startup(results), '');
  if (config.figures.includes('answers')) sections.push(...wire(results), '');
  if (config.figures.includes('sweep')) sections.push(...renderSweep(results), '');
  if (config.figures.includes('slowlink') || config.figures.includes('long')) sections.push(...issueRows(results), '');
  sections.push(...failures(results), '');
  sections.push(...conditions(results));
  return `${sections.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

const table = (header, rows) => [
  `| ${header.join(' | ')} |`,
  `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];

const answersOf = (results, filter) => results.answers.filter((run) => Object.entries(filter).every(([key, value]) => run[key] === value));
const okCount = (runs) => `${runs.filter((r) => r.ok).length}/${runs.length}`;

/** Uppy/ours ratios of `value` over the rounds where both runs are good. */
function pairedRatios(results, filter, value) {
  const ratios = [];
  for (let round = 0; round < results.config.runs; round++) {
    const [ours] = answersOf(results, { ...filter, setup: 'ours', round });
    const [uppy] = answersOf(results, { ...filter, setup: 'uppy', round });
    if (ours?.ok && uppy?.ok) ratios.push(value(uppy) / value(ours));
  }
  return spread(ratios);
}

function summary(results) {
  const { config } = results;
  const rows = [];
  if (config.figures.includes('answers')) {
    for (const seconds of config.lengths) {
      for (const network of config.networks) {
        const ours = spread(answersOf(results, { seconds, network, setup: 'ours', ok: true }).map((r) => r.stopToSafeMs));
        const uppy = spread(answersOf(results, { seconds, network, setup: 'uppy', ok: true }).map((r) => r.stopToSafeMs));
        rows.push([
          `Stop → safe on server, ${seconds} s answer, ${NETWORKS[network].label}`,
          formatSeconds(ours),
          formatSeconds(uppy),
          formatRatio(pairedRatios(results, { seconds, network }, (r) => r.stopToSafeMs)),
        ]);
      }
    }
    const filter = { seconds: config.mainThreadSeconds, network: 'loopback' };
    const busy = (setup) => spread(answersOf(results, { ...filter, setup, ok: true }).map((r) => r.mainThread.taskMs));
    rows.push([
      `Main-thread busy time, ${config.mainThreadSeconds} s answer from start to safe`,
      formatMs(busy('ours')),
      formatMs(busy('uppy')),
      formatRatio(pairedRatios(results, filter, (r) => r.mainThread.taskMs)),
    ]);
    const longTasks = (setup) => spread(answersOf(results, { ...filter, setup, ok: true }).map((r) => r.mainThread.longTasks.length));
    rows.push([`Long tasks (≥ 50 ms) in that answer`, formatNumber(longTasks('ours')), formatNumber(longTasks('uppy')), '']);
    const perMinute = (setup) =>
      spread(answersOf(results, { ...filter, setup, ok: true }).map((r) => r.wire.count / (r.recordedMs / 60_000)));
    rows.push([`tus requests per minute of recording (loopback)`, formatNumber(perMinute('ours'), '', 1), formatNumber(perMinute('uppy'), '', 1), '']);
  }
  if (config.figures.includes('memory')) {
    for (const [label, key] of [
      ['renderer', 'rendererPss'],
      ['all Chromium processes', 'totalPss'],
    ]) {
      const end = (setup) => results.memory.find((r) => r.setup === setup && r.ok)?.samples.at(-1)?.[key];
      const max = (setup) => Math.max(...(results.memory.find((r) => r.setup === setup && r.ok)?.samples.map((s) => s[key]) ?? [NaN]));
      rows.push([
        `Peak memory (PSS, ${label}), ${config.memorySeconds / 60} min answer at 5 Mbit/s`,
        formatBytes(max('ours')),
        formatBytes(max('uppy')),
        Number.isFinite(end('ours')) && Number.isFinite(end('uppy')) ? formatRatio(spread([max('uppy') / max('ours')])) : '',
      ]);
    }
  }
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  rows.push([
    'JavaScript, gzip / brotli (Uppy CSS not included)',
    `${kb(results.sizes.ours.gzip)} / ${kb(results.sizes.ours.brotli)}`,
    `${kb(results.sizes.uppy.gzip)} / ${kb(results.sizes.uppy.brotli)}`,
    formatRatio(spread([results.sizes.uppy.gzip / results.sizes.ours.gzip])),
  ]);
  if (config.figures.includes('floor')) {
    const ratio = floorRatios(results, (r) => r.mainThread.taskMs);
    rows.push([
      `Main-thread busy, ${config.floorSeconds} s answer, against a bare MediaRecorder page (goal ≤ ×${FLOOR_RATIO_GOAL})`,
      `${formatMs(spread(floorRuns(results, 'ours').map((r) => r.mainThread.taskMs)))}: ${formatRatio(ratio)} the bare page's ${formatMs(spread(floorRuns(results, 'bare').map((r) => r.mainThread.taskMs)))}`,
      `${formatMs(spread(floorRuns(results, 'uppy').map((r) => r.mainThread.taskMs)))}: ${formatRatio(floorRatios(results, (r) => r.mainThread.taskMs, 'uppy'))} the bare page's`,
      '',
    ]);
    rows.push([
      `Long tasks (≥ 50 ms) in those answers (goal 0; bare page: ${formatNumber(spread(floorRuns(results, 'bare').map((r) => r.mainThread.longTasks.length)))})`,
      formatNumber(spread(floorRuns(results, 'ours').map((r) => r.mainThread.longTasks.length))),
      formatNumber(spread(floorRuns(results, 'uppy').map((r) => r.mainThread.longTasks.length))),
      '',
    ]);
  }
  if (config.figures.includes('startup')) {
    const interview = results.startup.interview ?? [];
    rows.push([
      'Start-up: script → `<oneway-interview>` `oneway-ready` (10 questions)',
      interview[0]?.missing ? 'n/a (element not built yet)' : formatMs(spread(interview.map((r) => r.readyMs))),
      '',
      '',
    ]);
    rows.push([
      'Start-up: script → `<oneway-recorder>` ready (automatic type choice)',
      formatMs(spread((results.startup.recorderAuto ?? []).map((r) => r.readyMs))),
      '',
      '',
    ]);
    const bare = spread((results.startup.bare ?? []).map((r) => r.readyMs));
    const auto = spread((results.startup.recorderAuto ?? []).map((r) => r.readyMs));
    if (bare && auto) {
      const after = auto.median - bare.median;
      rows.push([
        `Start usable after the bare page's (${formatMs(bare)}), automatic type choice (goal ≤ +${START_GOAL_MS} ms)`,
        `+${after.toFixed(0)} ms: goal **${after <= START_GOAL_MS ? 'met' : 'missed'}**`,
        '',
        '',
      ]);
    }
  }
  return ['## Summary', '', ...table(['Figure', NAMES.ours, NAMES.uppy, 'Uppy/ours'], rows)];
}

function stopToSafe(results) {
  const { config } = results;
  const rows = [];
  const verdicts = [];
  for (const seconds of config.lengths) {
    for (const network of config.networks) {
      const runs = { ours: answersOf(results, { seconds, network, setup: 'ours' }), uppy: answersOf(results, { seconds, network, setup: 'uppy' }) };
      const good = (setup) => runs[setup].filter((r) => r.ok);
      const time = (setup, key) => spread(good(setup).map((r) => r[key]));
      const size = (setup) => formatByteSpread(spread(good(setup).map((r) => r.fileBytes)));
      const rate = (setup) => formatNumber(spread(good(setup).map((r) => (r.fileBytes * 8) / r.recordedMs / 1000)), 'Mbit/s', 2);
      rows.push([
        `${seconds} s`,
        NETWORKS[network].label,
        formatSeconds(time('ours', 'stopToSafeMs')),
        formatSeconds(time('uppy', 'stopToSafeMs')),
        formatRatio(pairedRatios(results, { seconds, network }, (r) => r.stopToSafeMs)),
        `${formatSeconds(time('ours', 'stopToFinalizedMs'))} / ${formatSeconds(time('uppy', 'stopToFinalizedMs'))}`,
        `${size('ours')} / ${size('uppy')}`,
        `${rate('ours')} / ${rate('uppy')}`,
        formatByteSpread(spread(good('ours').map((r) => r.unconfirmedAtStop))),
        `${okCount(runs.ours)} / ${okCount(runs.uppy)}`,
      ]);
      const worst = Math.max(...good('ours').map((r) => r.stopToSafeMs));
      if (good('ours').length) verdicts.push({ seconds, network, worst, ok: worst < TARGET_MS && good('ours').length === runs.ours.length });
    }
  }
  const missed = verdicts.filter((v) => !v.ok);
  return [
    '## 1. Stop → safe on the server',
    '',
    'From pressing "Stop recording" (ours: the recorder\'s button; Uppy: the Webcam plugin\'s stop button) to the moment the',
    'tus server has confirmed the whole answer (ours: `oneway-answer-uploaded`; Uppy: `upload-success`, after its "Submit',
    'recorded file" button, clicked by the bench the moment it appears, and autoProceed). "Finalized" is when the',
    'recording itself was complete (ours: `oneway-recording-stop`; Uppy: the submit button appeared). Video bitrate',
    `requested: ${config.answerBitsPerSecond / 1e6} Mbit/s for both (see Conditions); the measured rate includes audio and container.`,
    '"Unconfirmed at Stop" is what ours had recorded but the server had not yet confirmed when Stop was pressed (the last',
    "slice, still inside MediaRecorder, comes on top); Uppy's whole file is unsent at that moment.",
    '',
    ...table(
      ['Answer', 'Link', 'ours', 'Uppy', 'Uppy/ours', 'finalized (ours / Uppy)', 'file (ours / Uppy)', 'rate (ours / Uppy)', 'ours: unconfirmed at Stop', 'verified (ours / Uppy)'],
      rows,
    ),
    '',
    verdicts.length === 0
      ? `Target for ours (under ${TARGET_MS / 1000} s at every length): not measured.`
      : missed.length === 0
        ? `Target for ours (under ${TARGET_MS / 1000} s at every length, every run): **met** (worst run ${(Math.max(...verdicts.map((v) => v.worst)) / 1000).toFixed(2)} s).`
        : `Target for ours (under ${TARGET_MS / 1000} s at every length, every run): **missed** at ${missed
            .map((v) => `${v.seconds} s / ${NETWORKS[v.network].label} (worst ${(v.worst / 1000).toFixed(2)} s)`)
            .join(', ')}.`,
  ];
}

function memory(results) {
  const { config } = results;
  const runs = { ours: results.memory.find((r) => r.setup === 'ours'), uppy: results.memory.find((r) => r.setup === 'uppy') };
  const labels = [...new Set([...(runs.ours?.samples ?? []), ...(runs.uppy?.samples ?? [])].map((s) => s.label))];
  const cell = (setup, label, key) => formatBytes(runs[setup]?.samples.find((s) => s.label === label)?.[key]);
  const heapRows = labels.map((label) => [
    label,
    cell('ours', label, 'heapUsed'),
    cell('uppy', label, 'heapUsed'),
    cell('ours', label, 'heapBacking'),
    cell('uppy', label, 'heapBacking'),
    `${cell('ours', label, 'bytesRecorded')} / ${cell('uppy', label, 'bytesRecorded')}`,
    `${cell('ours', label, 'bytesUploaded')} / ${cell('uppy', label, 'bytesUploaded')}`,
  ]);
  const processRows = labels.map((label) => [
    label,
    cell('ours', label, 'rendererPss'),
    cell('uppy', label, 'rendererPss'),
    cell('ours', label, 'browserPss'),
    cell('uppy', label, 'browserPss'),
    cell('ours', label, 'totalPss'),
    cell('uppy', label, 'totalPss'),
  ]);
  const status = (setup) => (runs[setup] ? (runs[setup].ok ? 'verified' : `FAILED: ${runs[setup].failure}`) : 'not run');
  return [
    `## 2. Memory on a long answer (${config.memorySeconds / 60} min at ${config.memoryBitsPerSecond / 1e6} Mbit/s)`,
    '',
    `One recording per setup, ours and Uppy at the same time, each in a browser of its own whose synthetic camera gives ~${config.memoryBitsPerSecond / 1e6} Mbit/s`,
    `(ours: ${status('ours')}; Uppy: ${status('uppy')}). Sampled at the start, every ${config.memoryEverySeconds} s and once the answer`,
    'is safe on the server, each time after a forced garbage collection (CDP `HeapProfiler.collectGarbage`, page and its workers).',
    "The DevTools Network domain is off in these pages (puppeteer's default would keep every uploaded byte for the inspector).",
    '',
    'Page JavaScript (CDP `Runtime.getHeapUsage`: `usedSize`, and `backingStorageSize` = ArrayBuffer contents outside the heap):',
    '',
    ...table(['At', 'JS heap ours', 'JS heap Uppy', 'ArrayBuffers ours', 'ArrayBuffers Uppy', 'recorded (ours / Uppy)', 'uploaded (ours / Uppy)'], heapRows),
    '',
    'Process memory (PSS from /proc/<pid>/smaps_rollup). "Renderer" is the page\'s renderer process; "browser" is the browser',
    "process, which holds Blob contents (Uppy's recorded chunks live there, not in the page); \"all\" adds the GPU, network,",
    'storage and audio processes:',
    '',
    ...table(['At', 'renderer ours', 'renderer Uppy', 'browser ours', 'browser Uppy', 'all ours', 'all Uppy'], processRows),
  ];
}

function mainThread(results) {
  const { config } = results;
  const filter = { seconds: config.mainThreadSeconds, network: 'loopback' };
  const rows = [];
  const attributions = [];
  for (const setup of ['ours', 'uppy']) {
    const runs = answersOf(results, { ...filter, setup, ok: true });
    const m = (fn) => spread(runs.map((r) => fn(r.mainThread, r)));
    rows.push([
      NAMES[setup],
      formatSeconds(m((t) => t.windowMs), 1),
      formatMs(m((t) => t.taskMs)),
      formatNumber(m((t) => (100 * t.taskMs) / t.windowMs), '%', 1),
      formatMs(m((t) => t.scriptMs)),
      formatMs(m((t) => t.layoutMs + t.styleMs)),
      formatNumber(m((t) => t.longTasks.length)),
      formatMs(m((t) => t.longTasks.reduce((sum, task) => sum + task.duration, 0))),
      formatMs(m((t) => Math.max(0, ...t.longTasks.map((task) => task.duration)))),
      `${runs.length}`,
    ]);
    const bySource = new Map();
    for (const run of runs) {
      for (const frame of run.mainThread.longFrames) {
        for (const script of frame.scripts) {
          const key = `${script.invoker} → ${script.where || '(no source)'}`;
          bySource.set(key, (bySource.get(key) ?? 0) + script.duration);
        }
      }
    }
    const top = [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 4);
    attributions.push(
      `- ${NAMES[setup]}: ${
        top.length ? top.map(([key, ms]) => `\`${key}\` ${(ms / Math.max(1, runs.length)).toFixed(0)} ms/run`).join('; ') : 'no long animation frames with scripts'
      }`,
    );
  }
  const longTaskAttribution = new Set();
  for (const run of answersOf(results, { ...filter, ok: true })) {
    for (const task of run.mainThread.longTasks) for (const a of task.attribution) longTaskAttribution.add(`${run.setup}: ${a}`);
  }
  return [
    `## 3. Main-thread cost (${config.mainThreadSeconds} s answer with upload, loopback)`,
    '',
    'From pressing Start to the answer being safe on the server (Uppy\'s upload happens after Stop, so its window is longer).',
    'Busy time is the CDP `Performance.getMetrics` `TaskDuration` delta (all main-thread tasks), script/layout from',
    '`ScriptDuration` and `LayoutDuration` + `RecalcStyleDuration`; long tasks from `PerformanceObserver` `longtask`.',
    '',
    ...table(['Setup', 'window', 'busy', 'busy / window', 'script', 'layout + style', 'long tasks', 'long-task time', 'longest', 'runs'], rows),
    '',
    'Where long animation frames spent script time (`long-animation-frame` script attribution, summed per run):',
    '',
    ...attributions,
    '',
    `\`longtask\` attribution seen: ${longTaskAttribution.size ? [...longTaskAttribution].map((a) => `\`${a}\``).join(', ') : 'none'} (Chromium only names the frame, not the script).`,
  ];
}

/** What the page holds in JavaScript: heap plus ArrayBuffer contents. */
const pageHeld = (sample) => sample.heapUsed + (Number.isFinite(sample.heapBacking) ? sample.heapBacking : 0);
const OFFLINE_HELD_GOAL_BYTES = 64 * 1024 * 1024;
/** "Flat": after its first sample, a long answer's page memory grows by at most this. */
const FLAT_GROWTH_BYTES = 8 * 1024 * 1024;

function longTable(run) {
  return table(
    ['At', 'recorded', 'confirmed by the server', 'JS heap', 'ArrayBuffers', 'heap + buffers', 'renderer PSS', 'browser PSS'],
    run.samples.map((s) => [s.label, formatBytes(s.bytesRecorded), formatBytes(s.bytesUploaded), formatBytes(s.heapUsed), formatBytes(s.heapBacking), formatBytes(pageHeld(s)), formatBytes(s.rendererPss), formatBytes(s.browserPss)]),
  );
}

/** Issue 17's rows: (a) a 1 Mbit/s uplink, (b) a long answer, (c) a long offline spell. */
function issueRows(results) {
  const { config } = results;
  const lines = ['## 8. Slow link, long answer, long offline spell', ''];
  if (config.figures.includes('slowlink')) {
    const answers = results.slowLink.flatMap((run) => run.answers.map((a) => ({ ...a, seconds: run.seconds })));
    const worst = Math.max(...answers.map((a) => a.stopToSafeMs));
    lines.push(
      '**(a) 1 Mbit/s uplink** (+60 ms, DevTools throttling), `<oneway-interview>` with its device check choosing the bitrate',
      '(driven as in figure 7, both questions on the same link):',
      '',
      ...table(
        ['Answer', 'question', 'asked of MediaRecorder (video + audio)', 'file rate', 'unconfirmed at Stop', 'Stop → safe', 'verified'],
        answers.map((a) => [`${a.seconds} s`, `${a.question}`, `${Math.round((a.requested?.videoBitsPerSecond ?? NaN) / 1000)} + ${Math.round((a.requested?.audioBitsPerSecond ?? NaN) / 1000)} kbit/s`, `${(a.fileBitsPerSecond / 1e6).toFixed(2)} Mbit/s`, formatBytes(a.unconfirmedAtStop), formatMs(spread([a.stopToSafeMs])), a.ok ? 'yes' : 'no']),
      ),
      '',
      `Goal (Stop → safe ≤ 1.5 s for every answer): **${answers.length && results.slowLink.every((r) => r.ok) && worst <= TARGET_MS ? 'met' : 'missed'}** (worst ${(worst / 1000).toFixed(2)} s${results.slowLink.some((r) => !r.ok) ? `; failed: ${results.slowLink.filter((r) => !r.ok).map((r) => r.failure).join('; ')}` : ''}).`,
      '',
    );
  }
  if (config.figures.includes('long')) {
    const long = results.long.find((r) => r.kind === 'long');
    const offline = results.long.find((r) => r.kind === 'offline');
    if (long) {
      const held = long.samples.map(pageHeld);
      const growth = Math.max(...held.slice(1)) - held[1];
      lines.push(
        `**(b) A ${formatMinutesLabel(long.seconds)} answer** at 2.5 Mbit/s on loopback, ours alone (memory after a forced GC, as in figure 2):`,
        '',
        ...longTable(long),
        '',
        `Stop → safe: ${long.ok ? `${(long.stopToSafeMs / 1000).toFixed(2)} s` : `failed (${long.failure})`}, file ${formatBytes(long.fileBytes)}, verified: ${long.ok ? 'yes' : 'no'}. ` +
          `Goals (Stop → safe ≤ 1.5 s; memory flat, heap + buffers growing ≤ ${formatBytes(FLAT_GROWTH_BYTES)} after the first sample): **${long.ok && long.stopToSafeMs <= TARGET_MS ? 'met' : 'missed'}** / **${Number.isFinite(growth) && growth <= FLAT_GROWTH_BYTES ? 'met' : 'missed'}** (grew ${formatBytes(growth)}).`,
        '',
      );
    }
    if (offline) {
      const peak = Math.max(...offline.samples.map(pageHeld));
      lines.push(
        `**(c) ${formatMinutesLabel(offline.offline.seconds)} offline mid-answer** (DevTools offline from 30 s in; then a minute on the network, then Stop), ours:`,
        '',
        ...longTable(offline),
        '',
        `After the network came back: Stop → safe ${offline.ok ? `${(offline.stopToSafeMs / 1000).toFixed(2)} s` : `failed (${offline.failure})`}, file ${formatBytes(offline.fileBytes)}, byte-exact (size and SHA-256 of what MediaRecorder produced): ${offline.ok ? 'yes' : 'no'}. ` +
          `Goals (heap + ArrayBuffers under 64 MB all along; byte-exact): **${peak < OFFLINE_HELD_GOAL_BYTES ? 'met' : 'missed'}** (peak ${formatBytes(peak)}) / **${offline.ok ? 'met' : 'missed'}**.`,
        '',
      );
    }
  }
  return lines;
}

const formatMinutesLabel = (seconds) => (seconds % 60 === 0 ? `${seconds / 60}-minute` : `${seconds} s`);

/** The floor runs of `setup` that succeeded. */
const floorRuns = (results, setup) => results.floor.filter((run) => run.setup === setup && run.ok);

/** `setup`/bare ratios of `value` over the rounds where both runs are good. */
function floorRatios(results, value, setup = 'ours') {
  const ratios = [];
  for (let round = 0; round < results.config.floorRuns; round++) {
    const bare = results.floor.find((run) => run.setup === 'bare' && run.round === round && run.ok);
    const other = results.floor.find((run) => run.setup === setup && run.round === round && run.ok);
    if (bare && other) ratios.push(value(other) / value(bare));
  }
  return spread(ratios);
}

function floor(results) {
  const { config } = results;
  const rows = ['bare', 'ours', 'uppy'].map((setup) => {
    const runs = floorRuns(results, setup);
    const m = (fn) => spread(runs.map((r) => fn(r.mainThread)));
    return [
      NAMES[setup],
      formatMs(m((t) => t.taskMs)),
      setup === 'bare' ? '' : formatRatio(floorRatios(results, (r) => r.mainThread.taskMs, setup)),
      formatMs(m((t) => t.scriptMs)),
      formatMs(m((t) => t.taskMs - t.scriptMs - t.layoutMs - t.styleMs)),
      formatMs(m((t) => t.layoutMs + t.styleMs)),
      formatNumber(m((t) => t.longTasks.length)),
      formatMs(m((t) => Math.max(0, ...t.longTasks.map((task) => task.duration)))),
      `${runs.length}/${results.floor.filter((run) => run.setup === setup).length}`,
    ];
  });
  const ratio = floorRatios(results, (r) => r.mainThread.taskMs);
  const longTasks = spread(floorRuns(results, 'ours').map((r) => r.mainThread.longTasks.length));
  return [
    `## 3a. Main thread next to a bare MediaRecorder page (${config.floorSeconds} s answers, loopback)`,
    '',
    `The same camera recorded three ways, in turn (the order rotates each round), ${config.floorRuns} rounds: a bare page`,
    '(`pages/bare.html`: the camera in a `<video>`, `MediaRecorder.start(1000)`, every slice dropped), ours and Uppy. From',
    'Start to safe (bare: to its `stop` event): CDP `Performance.getMetrics` deltas and `longtask` entries. Ratios are of',
    'runs in the same round. "Other" is busy time that is neither script nor layout and style (`TaskOtherDuration`-like:',
    'messages, IndexedDB, XHR, painting, microtasks that Chromium does not count as script).',
    '',
    ...table(['Setup', 'busy', '× bare', 'script', 'other', 'layout + style', 'long tasks', 'longest', 'runs'], rows),
    '',
    `Goal (≤ ×${FLOOR_RATIO_GOAL} the bare page, no long task): **${ratio && ratio.median <= FLOOR_RATIO_GOAL && longTasks?.max === 0 ? 'met' : 'missed'}**` +
      ` (×${ratio ? ratio.median.toFixed(2) : '?'}, ${longTasks ? longTasks.max : '?'} long tasks at most).`,
  ];
}

function sizes(results) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const row = (name, s) => [name, kb(s.raw), kb(s.gzip), kb(s.brotli)];
  const modules = results.sizes.oursModules ?? [];
  const shown = modules.slice(0, 20);
  const rest = modules.slice(20);
  const moduleRows = [
    ...shown.map((m) => [`\`${m.name}\``, kb(m.raw), kb(m.gzip)]),
    ...(rest.length ? [[`${rest.length} other modules`, kb(rest.reduce((t, m) => t + m.raw, 0)), '']] : []),
  ];
  return [
    '## 4. Size',
    '',
    'KB = 1024 bytes; gzip level 9, brotli quality 11. Ours: `dist/cdn/oneway-interview.js` (`npm run build:cdn`, Vite, minified ES module,',
    'styles inside). Uppy: `bench/pages/uppy-setup.js` (core + Dashboard + Webcam + Tus) bundled with esbuild (bundle, minify, ESM,',
    'browser platform, es2022, `NODE_ENV=production`); its CSS (core + Dashboard + Webcam stylesheets) is counted separately and not in the JS row.',
    '',
    ...table(
      ['Bundle', 'raw', 'gzip', 'brotli'],
      [
        row('ours: dist/cdn/oneway-interview.js', results.sizes.ours),
        ...(results.sizes.oursChunks?.length
          ? [
              row(
                `ours: largest of ${results.sizes.oursChunks.length} on-demand chunks (${largest(results.sizes.oursChunks).name.replace(/^oneway-interview-|-[\w-]{8}\.js$/g, '')}; loaded only by pages that use it)`,
                largest(results.sizes.oursChunks),
              ),
            ]
          : []),
        row('Uppy setup JS (esbuild)', results.sizes.uppy),
        row('Uppy CSS (separate)', results.sizes.uppyCss),
      ],
    ),
    '',
    `Goal (≤ ${kb(SIZE_GOAL_BYTES)} gzip for the bundle): **${results.sizes.ours.gzip <= SIZE_GOAL_BYTES ? 'met' : 'missed'}** (${kb(results.sizes.ours.gzip)}).`,
    ...(moduleRows.length
      ? [
          '',
          'What the bundle holds, by source module (its source map: minified characters mapped to the module, and those gzipped on their',
          'own, which overstates a module\'s share since gzip also finds repeats across modules; "(unmapped)" is mostly CSS and text in template literals):',
          '',
          ...table(['Module', 'minified', 'gzip alone'], moduleRows),
          '',
          `On-demand chunks, each fetched only by pages that use it (an interview fetches interview-session and interview-views, and the chunks they import, when it connects): ${(results.sizes.oursChunks ?? []).map((c) => `${c.name.replace(/^oneway-interview-|-[\w-]{8}\.js$/g, '')} ${kb(c.gzip)}`).join(', ')} (gzip).`,
        ]
      : []),
  ];
}

const largest = (chunks) => chunks.reduce((a, b) => (b.gzip > a.gzip ? b : a));

function startup(results) {
  const line = (runs) => {
    if (!runs?.length) return ['n/a', 'n/a', '0/0'];
    if (runs[0].missing) return ['n/a (element not built yet)', '', ''];
    const good = runs.filter((r) => Number.isFinite(r.readyMs));
    const failed = runs.filter((r) => r.failure);
    return [
      good.length ? formatMs(spread(good.map((r) => r.readyMs))) : `n/a (${failed[0]?.failure ?? 'no result'})`,
      good.length ? formatMs(spread(good.map((r) => r.evaluateMs)), 1) : '',
      `${good.length}/${runs.length}`,
    ];
  };
  return [
    '## 5. Start-up',
    '',
    'From the moment script execution reaches the bundle (after a probe module script placed just before it, and not before',
    'the bundle has arrived) to ready, each in a fresh browser context. "Bundle evaluation" is the time until the module',
    'script after the bundle runs.',
    '',
    ...table(
      ['What', 'script → ready', 'bundle evaluation', 'runs'],
      [
        ['bare page: camera and microphone in a `<video>`, Start enabled (the floor)', ...line(results.startup.bare)],
        ['`<oneway-interview>`, 10 questions inline → `oneway-ready`', ...line(results.startup.interview)],
        ['**separate row:** `<oneway-recorder>` → ready (`recordingMimeType` set), automatic type choice', ...line(results.startup.recorderAuto)],
        [`\`<oneway-recorder mime-type="${results.config.mimeType}">\` → ready (no streaming probe)`, ...line(results.startup.recorderMime)],
      ],
    ),
    '',
    '"Ready" for the recorder includes camera and microphone start (fake devices) and the Web Lock for its slot. With the',
    'automatic choice in a browser not probed before (every run here: a fresh context), Start is usable while the short',
    'probe recording that checks the type streams is still running; a take begun meanwhile is kept if it streams.',
  ];
}

function wire(results) {
  const { config } = results;
  const rows = [];
  for (const network of config.networks) {
    for (const setup of ['ours', 'uppy']) {
      const runs = answersOf(results, { seconds: config.mainThreadSeconds, network, setup, ok: true });
      const s = (fn) => spread(runs.map(fn));
      const minutes = (r) => r.recordedMs / 60_000;
      const methods = ['POST', 'PATCH', 'HEAD']
        .map((method) => `${method} ${formatNumber(s((r) => r.wire.byMethod[method] ?? 0))}`)
        .join(', ');
      rows.push([
        NAMES[setup],
        NETWORKS[network].label,
        methods,
        formatNumber(s((r) => r.wire.count / minutes(r)), '', 1),
        formatByteSpread(s((r) => r.wire.bytesToServer / minutes(r))),
        formatByteSpread(s((r) => r.fileBytes / minutes(r))),
        formatNumber(s((r) => (100 * (r.wire.bytesToServer - r.fileBytes)) / r.fileBytes), '%', 2),
        formatByteSpread(s((r) => r.wire.bytesFromServer / minutes(r))),
      ]);
    }
  }
  return [
    `## 6. Wire efficiency (${config.mainThreadSeconds} s answers)`,
    '',
    'Requests to `/files` counted by the server; bytes are what the socket really carried for them (request line, headers',
    'and body up; status line and headers down), per minute of recording, against the size of the file per minute.',
    '',
    ...table(['Setup', 'Link', 'requests per answer', 'requests / min', 'bytes up / min', 'file / min', 'overhead up', 'bytes down / min'], rows),
  ];
}

function failures(results) {
  const failed = [...results.answers, ...results.memory].filter((r) => !r.ok);
  const startupFailed = Object.entries(results.startup).flatMap(([key, runs]) => runs.filter((r) => r.failure).map((r) => `start-up ${key}: ${r.failure}`));
  if (failed.length === 0 && startupFailed.length === 0) return ['## Failures', '', 'None: every run\'s upload was verified.'];
  return [
    '## Failures',
    '',
    ...failed.map((r) => `- ${r.setup}, ${r.seconds} s${r.network ? `, ${NETWORKS[r.network].label}` : ' (memory)'}${r.round !== undefined ? `, run ${r.round + 1}` : ''}: ${r.failure}${r.problems?.length ? ` (page: ${r.problems.slice(0, 3).join(' | ')})` : ''}`),
    ...startupFailed.map((line) => `- ${line}`),
  ];
}

/** Says how each setup's bitrate was set, from what the MediaRecorder wrapper saw. */
function bitrateNote(results) {
  const how = (setup) => new Set([...results.answers, ...results.memory].filter((r) => r.setup === setup).map((r) => r.verification?.bitrateSetBy).filter(Boolean));
  const describe = { page: 'its own setting', wrapper: 'the bench wrapper', nobody: 'nobody (browser default)' };
  const line = (setup, name) => `${name}: ${[...how(setup)].map((h) => describe[h] ?? h).join(' / ') || 'n/a'}`;
  return `Set by ${line('ours', 'ours')} (the \`video-bits-per-second\` attribute); ${line('uppy', 'Uppy')} (its Webcam has no bitrate option).`;
}

function conditions(results) {
  const { config, environment: env } = results;
  return [
    '## Conditions',
    '',
    `- Chromium flags: \`${env.args.join(' ')}\`.`,
    '- The camera is a synthetic Y4M clip (moving pattern + noise, 640×480, 30 fps, `bench/lib/camera.mjs`): Chromium\'s built-in fake camera',
    '  is so plain that H.264 makes ~0.5 Mbit/s whatever is asked. The microphone is Chromium\'s fake one (a beep).',
    `- Both setups record \`${config.mimeType}\` (the type the widget picks by itself in Chromium; Uppy gets it as \`preferredVideoMimeType\`).`,
    `- Bitrate: \`videoBitsPerSecond: ${config.answerBitsPerSecond}\` (${config.memoryBitsPerSecond} for the memory figure) for both. ${bitrateNote(results)}`,
    '  The bench pages wrap `window.MediaRecorder`: the wrapper adds the bitrate to a recorder created without one, and counts',
    '  every slice and hashes it in a worker.',
    `- 4 Mbit/s link: CDP \`Network.emulateNetworkConditions\` on the page (upload ${SLOW_LINK_TEXT}), set after the page has loaded.`,
    '- Uppy: `new Uppy({ autoProceed: true })`, `Dashboard` inline, `Webcam` (`modes: [\'video-audio\']`, target Dashboard), `Tus` (`endpoint: \'/files\'`,',
    '  `chunkSize: 1 MiB` like ours); driven through its UI: Camera tab, record, stop, "Submit recorded file" (clicked as soon as it appears).',
    '- Ours: `<oneway-recorder endpoint="/files" mime-type="…" video-bits-per-second="…">`, driven by clicking its Start/Stop recording button.',
    `- Runs per length, link and setup: ${Object.entries(config.runsPerLength)
      .map(([seconds, runs]) => `${seconds} s × ${runs}`)
      .join(', ')}; interleaved (ours and Uppy take turns, the one going first alternates); each run in a fresh browser context.`,
    config.figures.includes('memory')
      ? `- Memory: one ${config.memorySeconds} s recording per setup, ours and Uppy at the same time in two browsers (not a median: several long recordings do not fit the time budget).`
      : '',
  ].filter(Boolean);
}
