// Launching the system Chromium for the bench, and reading its processes' memory from /proc.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChrome } from '../../scripts/find-chrome.js';

/** The Chromium flags of every bench browser (see bench/README.md). */
export function chromiumArgs({ userDataDir, fakeVideo }) {
  return [
    '--headless=new',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    `--user-data-dir=${userDataDir}`,
    // A synthetic camera (bench/lib/camera.mjs): the built-in fake camera is so plain that the
    // encoder makes ~0.5 Mbit/s whatever bitrate is asked for.
    ...(fakeVideo ? [`--use-file-for-fake-video-capture=${fakeVideo}`] : []),
  ];
}

/** Starts Chromium with a fresh profile folder under `profilesDir`. */
export async function launchChromium({ profilesDir, fakeVideo }) {
  const executablePath = findChrome();
  if (!executablePath) {
    throw new Error('No Chrome/Chromium found: install it (Debian: `apt-get install chromium`) or set CHROME_PATH.');
  }
  const userDataDir = mkdtempSync(join(profilesDir, 'profile-'));
  const args = chromiumArgs({ userDataDir, fakeVideo });
  const browser = await puppeteer.launch({
    executablePath,
    // The flags are passed as they are (--headless=new is in them); puppeteer adds none of its own.
    headless: false,
    ignoreDefaultArgs: true,
    args: [...args, '--remote-debugging-port=0', 'about:blank'],
    defaultViewport: { width: 1000, height: 800 },
    protocolTimeout: 20 * 60_000,
    // Puppeteer otherwise turns on the DevTools Network domain in every page, which keeps request
    // bodies (every uploaded byte, as Blobs in the browser process) for the inspector. The bench
    // turns it on only where it throttles, and memory is measured without it.
    networkEnabled: false,
  });
  return { browser, executablePath, args };
}

/** Every process under `rootPid` (the browser and its children), with type, CPU time and memory. */
export function chromiumProcesses(rootPid) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) parents.set(Number(name), stat);
  }
  const tree = [];
  const visit = (pid) => {
    const stat = parents.get(pid);
    if (!stat) return;
    tree.push({ pid, ...stat, type: processType(pid), ...readMemory(pid) });
    for (const [child, info] of parents) if (info.ppid === pid) visit(child);
  };
  visit(rootPid);
  return tree;
}

/**
 * Memory of the browser's processes, in bytes (PSS: shared pages split between the processes
 * that share them, so the parts add up). The page's renderer is the renderer that has used the
 * most CPU: each run has a context of its own and the one page in it records video.
 */
export function chromiumMemory(rootPid) {
  const processes = chromiumProcesses(rootPid);
  const renderers = processes.filter((p) => p.type === 'renderer').sort((a, b) => b.cpuTicks - a.cpuTicks);
  const sum = (list) => list.reduce((total, p) => total + p.pss, 0);
  return {
    rendererPss: renderers[0]?.pss ?? NaN,
    rendererRss: renderers[0]?.rss ?? NaN,
    browserPss: sum(processes.filter((p) => p.type === 'browser')),
    totalPss: sum(processes),
    processes: processes.length,
  };
}

function readStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

function processType(pid) {
  try {
    // Child processes rewrite their command line into one space-separated string.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const type = cmdline.find((arg) => arg.startsWith('--type='))?.slice(7);
    if (!type) return cmdline[0]?.includes('chrom') ? 'browser' : 'other';
    // Headless Chromium's own WebUI renderer is not a page's.
    if (type === 'renderer' && cmdline.includes('--top-chrome-webui')) return 'renderer-webui';
    if (type === 'utility') return cmdline.find((arg) => arg.startsWith('--utility-sub-type='))?.slice(19) ?? 'utility';
    return type;
  } catch {
    return 'gone';
  }
}

function readMemory(pid) {
  const file = `/proc/${pid}/smaps_rollup`;
  try {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
    const rss = kb('Rss') || kb('VmRSS');
    const pss = kb('Pss');
    return { rss, pss: Number.isNaN(pss) ? rss : pss };
  } catch {
    return { rss: 0, pss: 0 };
  }
}
