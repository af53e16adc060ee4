// One measured run of each kind: a recorded answer (stop-to-safe, main thread, wire), a long
// recording sampled for memory, and a start-up. Every run gets a browser context of its own
// (fresh storage, so no journal or Uppy state carries over) and one page in it.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromiumMemory } from './browser.mjs';
import { summarizeRequests } from './server.mjs';

/** The emulated slow uplink: 4 Mbit/s up, 20 Mbit/s down, 40 ms added latency (DevTools throttling). */
export const SLOW_LINK = { offline: false, latency: 40, uploadThroughput: 4e6 / 8, downloadThroughput: 20e6 / 8 };

export const NETWORKS = {
  loopback: { label: 'loopback, unthrottled', conditions: undefined },
  '4mbit': { label: '4 Mbit/s up, +40 ms', conditions: SLOW_LINK },
};

const PAGES = { ours: 'ours.html', uppy: 'uppy.html', bare: 'bare.html' };

/** Opens a setup's page in a fresh context and waits until it can record. */
async function openSetup({ browser, server, setup, bitsPerSecond, mimeType }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  const query = new URLSearchParams({ bps: String(bitsPerSecond), mime: mimeType });
  try {
    await page.goto(`${server.url}/pages/${PAGES[setup]}?${query}`, { waitUntil: 'load' });
    const cdp = await page.createCDPSession();
    await withTimeout(page.evaluate(() => window.benchSetup.ready()), 30_000, `${setup} page never became ready to record`);
    const visibility = await page.evaluate(() => document.visibilityState);
    if (visibility !== 'visible') problems.push(`page visibility is ${visibility}: timers may be throttled`);
    return { context, page, cdp, problems };
  } catch (error) {
    await context.close().catch(() => {});
    error.message += problems.length ? ` (page: ${problems.slice(0, 3).join(' | ')})` : '';
    throw error;
  }
}

/** Performance.getMetrics as a name → value object. */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

/**
 * Records one answer of `seconds` with `setup` and measures it: stop-to-safe, main-thread cost
 * from start to safe, the tus requests, and whether the server's file is exactly what
 * MediaRecorder produced.
 */
export async function recordAnswer({ browser, server, setup, seconds, network, bitsPerSecond, mimeType }) {
  const run = { setup, seconds, network, ok: false, problems: [] };
  let opened;
  try {
    opened = await openSetup({ browser, server, setup, bitsPerSecond, mimeType });
    const { page, cdp } = opened;
    if (NETWORKS[network].conditions) {
      // Throttling needs the Network domain; with no buffers, so DevTools keeps no request bodies.
      await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0, maxPostDataSize: 0 });
      await cdp.send('Network.emulateNetworkConditions', NETWORKS[network].conditions);
    }
    await cdp.send('Performance.enable');
    server.log.reset();
    const before = await metrics(cdp);
    const { startedAt } = await page.evaluate(() => window.benchSetup.start());
    await sleep(seconds * 1000);
    const stopped = await withTimeout(
      page.evaluate(() => window.benchSetup.stopAndWaitSafe()),
      60_000 + seconds * 4_000,
      'no upload confirmation',
    );
    const after = await metrics(cdp);
    const requests = server.log.entries();
    Object.assign(run, stopped);
    run.recordedMs = stopped.pressedAt - startedAt;
    if (stopped.error) throw new Error(stopped.error);
    run.stopToSafeMs = stopped.safeAt - stopped.pressedAt;
    run.stopToFinalizedMs = stopped.finalizedAt - stopped.pressedAt;
    run.wire = summarizeRequests(requests);
    run.mainThread = {
      windowMs: stopped.safeAt - startedAt,
      taskMs: (after.TaskDuration - before.TaskDuration) * 1000,
      scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
      layoutMs: (after.LayoutDuration - before.LayoutDuration) * 1000,
      styleMs: (after.RecalcStyleDuration - before.RecalcStyleDuration) * 1000,
      ...(await page.evaluate((from, to) => window.bench.mainThread(from, to), startedAt, stopped.safeAt)),
    };
    // The bare page uploads nothing: its slices are counted, not checked against a file.
    run.verification = setup === 'bare'
      ? { ok: true, fileBytes: await page.evaluate(() => window.bench.answerRecorder()?.bytes ?? 0) }
      : await verify({ page, server, uploadUrl: stopped.uploadUrl, reportedSha256: stopped.sha256 });
    run.fileBytes = run.verification.fileBytes;
    run.ok = run.verification.ok;
    if (!run.ok) run.failure = run.verification.problem;
  } catch (error) {
    run.failure = error.message;
  } finally {
    run.problems = opened?.problems ?? [];
    await opened?.context.close().catch(() => {});
  }
  return run;
}

/**
 * Records one long answer and samples memory at the start, every `everySeconds` and at the end
 * (once the answer is safe). A garbage collection is forced before each sample (page and its
 * workers), so the figures are what the page keeps, not what it has not yet collected.
 */
export async function recordLongAnswer({ browser, server, setup, seconds, everySeconds, bitsPerSecond, mimeType, offline }) {
  const run = { setup, seconds, offline, ok: false, samples: [], problems: [] };
  let opened;
  const rootPid = browser.process().pid;
  const sample = async (label) => {
    const { page, cdp } = opened;
    await cdp.send('HeapProfiler.collectGarbage');
    // The bench's hash worker too: it drops each slice's Blob after reading it, but a worker with a
    // small heap rarely collects, and an uncollected Blob keeps its bytes in the browser process.
    for (const worker of page.workers()) await worker.client.send('HeapProfiler.collectGarbage').catch(() => {});
    const heap = await cdp.send('Runtime.getHeapUsage');
    const page_ = await page.evaluate(() => ({
      recorded: window.bench.answerRecorder()?.bytes ?? 0,
      ...window.benchSetup.status(),
    }));
    run.samples.push({
      label,
      heapUsed: heap.usedSize,
      // ArrayBuffer contents live outside the JS heap (Chromium 126+ reports them here).
      heapBacking: heap.backingStorageSize ?? NaN,
      ...chromiumMemory(rootPid),
      bytesRecorded: page_.recorded,
      bytesUploaded: page_.bytesUploaded,
    });
  };
  try {
    opened = await openSetup({ browser, server, setup, bitsPerSecond, mimeType });
    const { page } = opened;
    await sample('start');
    const { startedAt } = await page.evaluate(() => window.benchSetup.start());
    // `offline: { at, seconds }`: the page loses the network `at` seconds into the answer for `seconds`.
    const events = offline
      ? [
          { t: offline.at, label: `${formatMinutes(offline.at)}, network goes away`, network: { offline: true, latency: 0, uploadThroughput: 0, downloadThroughput: 0 } },
          { t: offline.at + offline.seconds, label: `${formatMinutes(offline.at + offline.seconds)}, network back`, network: { offline: false, latency: 0, uploadThroughput: -1, downloadThroughput: -1 } },
        ]
      : [];
    if (offline) await opened.cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0, maxPostDataSize: 0 });
    const moments = [...events];
    for (let t = everySeconds; t < seconds; t += everySeconds) if (!events.some((e) => e.t === t)) moments.push({ t, label: formatMinutes(t) });
    for (const moment of moments.sort((a, b) => a.t - b.t)) {
      await sleep(Math.max(0, startedAt + moment.t * 1000 - (await page.evaluate(() => performance.now()))));
      if (moment.network) {
        // The sample before the change shows the end of the spell: what the page held offline.
        if (!moment.network.offline) await sample(`${moment.label} (before)`);
        await opened.cdp.send('Network.emulateNetworkConditions', moment.network);
        if (moment.network.offline) await sample(moment.label);
      } else {
        await sample(moment.label);
      }
    }
    await sleep(Math.max(0, startedAt + seconds * 1000 - (await page.evaluate(() => performance.now()))));
    const stopped = await withTimeout(page.evaluate(() => window.benchSetup.stopAndWaitSafe()), 10 * 60_000, 'no upload confirmation');
    if (stopped.error) throw new Error(stopped.error);
    await sample(`end (${formatMinutes(seconds)}, answer safe)`);
    run.stopToSafeMs = stopped.safeAt - stopped.pressedAt;
    // The bare page uploads nothing: its slices are counted, not checked against a file.
    run.verification = setup === 'bare'
      ? { ok: true, fileBytes: await page.evaluate(() => window.bench.answerRecorder()?.bytes ?? 0) }
      : await verify({ page, server, uploadUrl: stopped.uploadUrl, reportedSha256: stopped.sha256 });
    run.fileBytes = run.verification.fileBytes;
    run.ok = run.verification.ok;
    if (!run.ok) run.failure = run.verification.problem;
  } catch (error) {
    run.failure = error.message;
  } finally {
    run.problems = opened?.problems ?? [];
    await opened?.context.close().catch(() => {});
  }
  return run;
}

/** Loads a start-up page in a fresh context; resolves with script execution → ready in ms. */
export async function startUp({ browser, server, page: pageName, mimeType }) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const query = mimeType ? `?${new URLSearchParams({ mime: mimeType })}` : '';
    await page.goto(`${server.url}/pages/${pageName}${query}`, { waitUntil: 'load' });
    await withTimeout(page.waitForFunction(() => window.benchStartup?.done && window.benchStartup.bundleEvaluated !== undefined, {
        polling: 50,
        timeout: 0,
      }), 15_000, 'never ready');
    const result = await page.evaluate(() => window.benchStartup);
    if (result.missing) return { missing: true };
    if (result.error) return { failure: `oneway-error ${result.error.code}: ${result.error.message}` };
    if (result.detail && result.detail.questionCount !== 10) {
      return { failure: `oneway-ready reported ${result.detail.questionCount} questions, not 10` };
    }
    return {
      readyMs: result.readyAt - result.scriptStart,
      evaluateMs: result.bundleEvaluated - result.scriptStart,
      mimeType: result.mimeType,
    };
  } catch (error) {
    return { failure: error.message };
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Checks the server's file against what MediaRecorder produced (size and SHA-256 of every slice,
 * hashed in the page's worker), and the widget's reported sha256 where there is one. The file is
 * deleted afterwards, so long runs do not fill the disk.
 */
export async function verify({ page, server, uploadUrl, reportedSha256 }) {
  const reference = await page.evaluate(async () => {
    const recorder = window.bench.answerRecorder();
    if (!recorder) return undefined;
    return {
      counted: recorder.bytes,
      slices: recorder.slices,
      mimeType: recorder.mimeType,
      bitrateSetBy: recorder.bitrateSetBy,
      videoBitsPerSecond: recorder.requested.videoBitsPerSecond,
      ...(await window.bench.digest(recorder.id)),
    };
  });
  if (!reference) return { ok: false, problem: 'no MediaRecorder was started' };
  const id = uploadUrl ? decodeURIComponent(new URL(uploadUrl, server.url).pathname.split('/').pop()) : '';
  const file = join(server.tus.directory, id);
  const result = {
    ok: false,
    referenceBytes: reference.bytes,
    slices: reference.slices,
    recordedMimeType: reference.mimeType,
    bitrateSetBy: reference.bitrateSetBy,
  };
  if (!id || !existsSync(file)) return { ...result, problem: `no file on the server for ${uploadUrl}` };
  result.fileBytes = statSync(file).size;
  result.fileSha256 = await sha256File(file);
  const info = readJson(`${file}.json`);
  rmSync(file, { force: true });
  rmSync(`${file}.json`, { force: true });
  if (result.fileBytes !== reference.bytes) {
    return { ...result, problem: `lost data: the server holds ${result.fileBytes} bytes, MediaRecorder produced ${reference.bytes}` };
  }
  if (result.fileSha256 !== reference.sha256) return { ...result, problem: 'lost data: the file differs from what MediaRecorder produced' };
  if (info && info.size !== undefined && info.size !== result.fileBytes) {
    return { ...result, problem: `the tus upload length (${info.size}) differs from the file (${result.fileBytes})` };
  }
  if (reportedSha256 && reportedSha256 !== reference.sha256) return { ...result, problem: 'the sha256 in oneway-answer-uploaded is wrong' };
  return { ...result, ok: true };
}

function sha256File(file) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function formatMinutes(seconds) {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/** Rejects with `message` when `promise` takes longer than `ms`. */
export async function withTimeout(promise, ms, message) {
  let timer;
  try {
    return await Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${message} (timed out after ${Math.round(ms / 1000)} s)`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
