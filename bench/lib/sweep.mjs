// The slow-link sweep: <oneway-interview> with its device check, through an emulated uplink of a
// few Mbit/s down to 0.4, on the noisy synthetic camera. Each run answers two questions: the
// first on the uplink the device check measured (its "Continue" pressed the moment it is
// enabled), the second after the uplink dropped between the two. Every answer is verified
// against what MediaRecorder produced before its figures count.
import { setTimeout as sleep } from 'node:timers/promises';
import { verify, withTimeout } from './runs.mjs';
import { formatBytes } from './stats.mjs';

/** Added latency of the emulated link, as in the issue's measurements. */
export const SWEEP_LATENCY_MS = 60;
const TARGET_MS = 1500;

/** DevTools throttling for an uplink of `mbps`. */
const uplink = (mbps) => ({ offline: false, latency: SWEEP_LATENCY_MS, uploadThroughput: (mbps * 1e6) / 8, downloadThroughput: 20e6 / 8 });

/**
 * One interview of two answers of `seconds`: question 1 on `mbps`, question 2 after the uplink
 * dropped to `dropMbps` (between "Submit answer" and "Next question").
 */
export async function sweepRun({ browser, server, seconds, mbps, dropMbps }) {
  const run = { seconds, mbps, dropMbps, ok: false, answers: [], problems: [] };
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => run.problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') run.problems.push(`console: ${message.text()}`);
    });
    await page.goto(`${server.url}/pages/interview.html`, { waitUntil: 'load' });
    const cdp = await page.createCDPSession();
    // Throttling needs the Network domain; with no buffers, so DevTools keeps no request bodies.
    await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0, maxPostDataSize: 0 });
    await cdp.send('Network.emulateNetworkConditions', uplink(mbps));
    run.begin = await withTimeout(page.evaluate(() => window.benchInterview.begin()), 60_000, 'the device check never let the candidate continue');
    for (const [index, link] of [mbps, dropMbps].entries()) {
      if (index > 0) {
        await cdp.send('Network.emulateNetworkConditions', uplink(link));
        await page.evaluate(() => window.benchInterview.submitAndNext());
      }
      const { startedAt } = await withTimeout(page.evaluate(() => window.benchInterview.waitForTake()), 60_000, `question ${index + 1} never started`);
      await sleep(seconds * 1000);
      const stopped = await withTimeout(
        page.evaluate(() => window.benchInterview.stopAndWaitSafe()),
        120_000 + seconds * 10_000,
        `no upload confirmation for question ${index + 1}`,
      );
      if (stopped.error) throw new Error(stopped.error);
      const verification = await verify({ page, server, uploadUrl: stopped.uploadUrl, reportedSha256: stopped.sha256 });
      run.answers.push({
        question: index + 1,
        mbps: link,
        recordedMs: stopped.pressedAt - startedAt,
        stopToSafeMs: stopped.safeAt - stopped.pressedAt,
        fileBitsPerSecond: (verification.fileBytes * 8 * 1000) / stopped.durationMs,
        fileBytes: verification.fileBytes,
        unconfirmedAtStop: stopped.unconfirmedAtStop,
        requested: stopped.requested,
        video: stopped.video,
        frameRateAtStop: stopped.videoAtStop,
        notes: stopped.notes,
        ok: verification.ok,
        failure: verification.problem,
      });
      if (!verification.ok) throw new Error(`question ${index + 1}: ${verification.problem}`);
    }
    run.ok = true;
  } catch (error) {
    run.failure = error.message;
  } finally {
    await context.close().catch(() => {});
  }
  return run;
}

const mbit = (bps) => (Number.isFinite(bps) ? `${(bps / 1e6).toFixed(2)} Mbit/s` : 'n/a');
const kbit = (bps) => (Number.isFinite(bps) ? `${Math.round(bps / 1000)} kbit/s` : 'browser default');

/** The sweep's section of RESULTS.md. */
export function renderSweep(results) {
  const runs = results.sweep ?? [];
  const answers = runs.flatMap((run) => run.answers.map((answer) => ({ ...answer, run })));
  const rows = answers.map((a) => [
    `${a.run.seconds} s`,
    a.question === 1 ? `${a.mbps} Mbit/s` : `${a.run.mbps} → ${a.mbps} Mbit/s`,
    `${kbit(a.requested?.videoBitsPerSecond)} + ${kbit(a.requested?.audioBitsPerSecond)}`,
    a.video
      ? `${a.video.width}×${a.video.height} @ ${Math.round(a.video.frameRate)}${Math.round(a.frameRateAtStop) < Math.round(a.video.frameRate) ? ` → ${Math.round(a.frameRateAtStop)}` : ''}`
      : 'n/a',
    mbit(a.fileBitsPerSecond),
    formatBytes(a.unconfirmedAtStop),
    `**${(a.stopToSafeMs / 1000).toFixed(2)} s**`,
    a.notes.length ? a.notes.map((n) => `“${n}”`).join(' ') : '—',
  ]);
  const worst = Math.max(...answers.filter((a) => a.ok).map((a) => a.stopToSafeMs));
  const failed = runs.filter((run) => !run.ok);
  return [
    '## Slow links: the interview through an emulated uplink',
    '',
    '`<oneway-interview>` with its device check (Continue pressed the moment it is enabled), two video questions, the noisy',
    `synthetic camera; DevTools throttling (${SWEEP_LATENCY_MS} ms added latency, 20 Mbit/s down). Question 1 on the uplink`,
    'named; between its "Submit answer" and question 2\'s "Next question" the uplink drops to the second figure. "Asked" is what',
    'the widget gave MediaRecorder (video + audio); "camera" what the camera delivered (→ the frame rate it was slowed to during the',
    'take, where it recorded more than the link carried); "file" the verified file over its duration;',
    '"note" what the candidate read during the take.',
    '',
    '| Answer | Uplink | asked (video + audio) | camera | file | unconfirmed at Stop | Stop → safe | note |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    answers.length
      ? `Target (Stop → safe ≤ ${TARGET_MS / 1000} s at every uplink): **${worst <= TARGET_MS && failed.length === 0 ? 'met' : 'not met'}** (worst answer ${(worst / 1000).toFixed(2)} s).`
      : 'No answers were recorded.',
    ...(failed.length ? ['', 'Failures:', ...failed.map((run) => `- ${run.seconds} s at ${run.mbps} Mbit/s: ${run.failure}`)] : []),
    '',
  ];
}
