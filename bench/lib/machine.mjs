// How busy the machine was with work other than the bench: other processes (a test suite in
// another terminal, a build) skew timings, so the report says how much CPU they took.
import { readdirSync, readFileSync } from 'node:fs';

/** CPU time so far: the whole machine's (busy and total) and the bench's process tree's, in clock ticks. */
export function cpuSnapshot(rootPid = process.pid) {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const numbers = fields.map(Number);
  const idle = numbers[3] + (numbers[4] ?? 0);
  const total = numbers.slice(0, 8).reduce((sum, n) => sum + n, 0);

  const stats = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      // utime, stime, and the same for children already waited for (closed browsers, renderers).
      stats.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // The process ended while we looked.
    }
  }
  let ours = 0;
  const visit = (pid) => {
    ours += stats.get(pid)?.ticks ?? 0;
    for (const [child, info] of stats) if (info.ppid === pid) visit(child);
  };
  visit(rootPid);
  return { busy: total - idle, total, ours };
}

/** Share of the machine's CPU capacity (0–100 %) that processes outside the bench used between two snapshots. */
export function othersShare(before, after) {
  const total = after.total - before.total;
  if (total <= 0) return NaN;
  const others = after.busy - before.busy - (after.ours - before.ours);
  return Math.max(0, (100 * others) / total);
}
