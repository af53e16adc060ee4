// Load figure for the receiver at scale: simulated candidates record answers at a video bitrate
// and send them with the widget's own upload code (StreamingUpload, 1 MiB chunks, a slice a
// second as MediaRecorder's timeslice) through the round-robin proxy to 1 and then 2 receiver
// instances on Azurite + Redis (demo/cluster/start.js). Everything is on 127.0.0.1; each run is
// bounded (answer length + a drain limit) and stops by itself.
//
//   npm run bench:receiver                       50 candidates, 30 s answers at 2.5 Mbit/s, 1 vs 2 instances
//   npm run bench:receiver -- --answer-seconds 60 --candidates 50 --instances 1,2
//
// Per run: answers finished per minute of the run, the time from an answer's last slice to its
// upload being confirmed (does the receiver keep up?), and PATCH latency at the proxy.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { missingForCluster, startCluster } from '../demo/cluster/start.js';
import { loadWidgetUpload, recordAnswer } from '../test/support/node-widget-upload.mjs';

const { values: args } = parseArgs({
  options: {
    candidates: { type: 'string', default: '50' },
    'answer-seconds': { type: 'string', default: '30' },
    mbps: { type: 'string', default: '2.5' },
    instances: { type: 'string', default: '1,2' },
    'drain-seconds': { type: 'string', default: '30' },
  },
});
const candidates = Math.min(200, Number(args.candidates));
const answerSeconds = Math.min(120, Number(args['answer-seconds']));
const sliceBytes = Math.round((Number(args.mbps) * 1_000_000) / 8);
const drainMs = Math.min(120, Number(args['drain-seconds'])) * 1000;
const instanceCounts = args.instances.split(',').map(Number);
const API_SECRET = 'receiver-load-api-secret';

const missing = await missingForCluster();
if (missing.length > 0) {
  console.error(`Missing: ${missing.join(', ')}`);
  process.exit(1);
}
const folder = await mkdtemp(join(tmpdir(), 'oneway-receiver-load-'));
await mkdir(join(folder, 'interviews'));
await writeFile(
  join(folder, 'interviews', 'load.json'),
  JSON.stringify({ id: 'load', title: 'Load', questions: [{ id: 'q1', text: 'Talk.', answer: 'video', answerSeconds: Math.max(60, answerSeconds) }] }),
);
const widget = await loadWidgetUpload();

const results = [];
try {
  for (const instances of instanceCounts) results.push(await run(instances));
} finally {
  await rm(folder, { recursive: true, force: true });
}

const machine = `${availableParallelism()} CPUs, Node ${process.version}, load ${loadavg()[0].toFixed(2)} after the runs`;
console.log(`\n${candidates} candidates, ${answerSeconds} s answers at ${args.mbps} Mbit/s (a ${(sliceBytes / 1024).toFixed(0)} KiB slice a second), ${machine}\n`);
console.log('| instances | answers/min | finished | upload done after last slice p50 / p95 | PATCHes | PATCH p50 / p95 / max | non-2xx | instance CPU | other CPU |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| ${r.instances} | ${r.answersPerMinute.toFixed(1)} | ${r.finished}/${candidates} | ${ms(r.lag.p50)} / ${ms(r.lag.p95)} | ${r.patches} | ${ms(r.patch.p50)} / ${ms(r.patch.p95)} / ${ms(r.patch.max)} | ${r.failedRequests} | ${r.cpu} | ${r.others} |`,
  );
}
console.log(`\n${JSON.stringify({ candidates, answerSeconds, mbps: Number(args.mbps), results })}`);

async function run(instances) {
  process.stdout.write(`${instances} instance(s): starting… `);
  const cluster = await startCluster({
    instances,
    env: { RECEIVER_INTERVIEWS: join(folder, 'interviews'), RECEIVER_API_SECRET: API_SECRET, RECEIVER_FFMPEG: 'none' },
  });
  const records = [];
  cluster.proxy.events.on('response', (record) => records.push(record));
  try {
    const tokens = [];
    for (let i = 0; i < candidates; i++) {
      const response = await fetch(`${cluster.url}/demo-api/token?candidate=load-${i}`, { method: 'POST', headers: { Authorization: `Bearer ${API_SECRET}` } });
      tokens.push((await response.json()).token);
    }
    const processes = [...cluster.instances, ...cluster.services];
    const cpuBefore = processes.map(({ pid }) => cpuSeconds(pid));
    const ownBefore = process.cpuUsage();
    records.length = 0;
    process.stdout.write('recording… ');
    const startedAt = Date.now();
    const answers = tokens.map((token, i) => {
      const answer = { recordedAt: 0, doneAt: 0 };
      // Candidates do not start in step: spread over the first timeslice.
      const begin = () => {
        answer.take = recordAnswer(widget, {
          endpoint: `${cluster.url}/files`,
          token: () => token,
          metadata: { interviewId: 'load', questionId: 'q1', attempt: '1', kind: 'video', filetype: 'video/webm', filename: 'answer.webm' },
          slices: answerSeconds,
          sliceBytes,
          sliceMs: 1000,
          onRecorded: () => (answer.recordedAt = Date.now()),
        });
        answer.take.done.then(
          () => (answer.doneAt = Date.now()),
          () => {},
        );
      };
      answer.timer = setTimeout(begin, Math.round((i / candidates) * 1000));
      return answer;
    });
    const deadline = startedAt + 1000 + answerSeconds * 1000 + drainMs;
    while (Date.now() < deadline && answers.some((answer) => !answer.doneAt)) await new Promise((resolve) => setTimeout(resolve, 100));
    for (const answer of answers) if (!answer.doneAt) answer.take?.abort();
    const endedAt = Math.max(...answers.map((answer) => answer.doneAt || Date.now()));
    const used = processes.map(({ pid }, i) => cpuSeconds(pid) - cpuBefore[i]);
    const own = process.cpuUsage(ownBefore);
    const cpu = `${used.slice(0, instances).map((seconds) => seconds.toFixed(0)).join(' + ')} s`;
    const others = `Azurite ${used[instances + 1].toFixed(0)} s, Redis ${used[instances].toFixed(0)} s, candidates + proxy ${((own.user + own.system) / 1e6).toFixed(0)} s`;
    const finished = answers.filter((answer) => answer.doneAt);
    const patches = records.filter((record) => record.method === 'PATCH' && record.status === 204);
    const result = {
      instances,
      finished: finished.length,
      answersPerMinute: (finished.length / (endedAt - startedAt)) * 60_000,
      lag: percentiles(finished.map((answer) => answer.doneAt - answer.recordedAt)),
      patches: patches.length,
      patch: percentiles(patches.map((record) => record.endedAt - record.startedAt)),
      failedRequests: summarize(records.filter((record) => !(record.status >= 200 && record.status < 300))),
      cpu,
      others,
    };
    console.log(`${result.finished}/${candidates} answers in ${((endedAt - startedAt) / 1000).toFixed(1)} s`);
    return result;
  } finally {
    await cluster.stop();
  }
}

/** "0", or how many requests failed and how: "2 (PATCH 409 ×2)". */
function summarize(failed) {
  if (failed.length === 0) return '0';
  const counts = new Map();
  for (const { method, status, error } of failed) {
    const key = `${method} ${status || error}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return `${failed.length} (${[...counts].map(([key, count]) => `${key} ×${count}`).join(', ')})`;
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
}

function ms(value) {
  return Number.isNaN(value) ? '–' : `${Math.round(value)} ms`;
}

/** CPU seconds (user + system) a process has used so far, from /proc; 0 where there is none. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
