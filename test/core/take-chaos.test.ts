// The seeded chaos test: answers recorded while the tus server injects random faults (resets,
// 5xx, 409, locks, requests held until they time out, latency, wrong offsets, cut bodies), with
// short outages and page reloads of the test's own. Every answer must arrive whole, exactly once.
// The seed is printed; `CHAOS_SEED=… npm test` repeats a run's faults.
import { expect } from '@open-wc/testing';
import type { OnewayError } from '../../src/core/errors.js';
import { Journal } from '../../src/core/journal.js';
import { recordingTypeChoice } from '../../src/core/recorder.js';
import { Take, type TakeOptions, type UploadedAnswer } from '../../src/core/take.js';
import { setTusDown, startChaos, stopChaos, tusRequests } from '../support/commands.js';
import { spyOnMediaRecorder } from '../support/media-recorder-spy.js';
import { seededRandom } from '../support/seeded-random.js';
import { expectWholeSlicesFromStart } from '../support/answers.js';
import { serverBytes, sha256Hex } from '../support/tus.js';
import { sleep, waitFor } from '../support/wait.js';

const ANSWERS = 8;
/** The share of tus requests that meet a fault. */
const FAULT_RATE = 0.35;
/** Requests in any one second, at most: back-off must keep a faulty server from being hammered. */
const MAX_REQUESTS_PER_SECOND = 25;

describe('chaos: answers under random server faults', function () {
  this.timeout(300_000);

  it(`delivers ${ANSWERS} answers whole and once each, whatever the seed`, async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const mimeType = await recordingTypeChoice(stream, 'video').settled;
    const journal = new Journal();
    const started = Date.now();
    const seed = await startChaos(FAULT_RATE);
    console.log(`chaos seed ${seed} (CHAOS_SEED=${seed} repeats it)`);
    const random = seededRandom(seed ^ 0x5eed);
    const report: string[] = [];
    try {
      for (let index = 0; index < ANSWERS; index++) {
        const spy = spyOnMediaRecorder();
        const uploaded: UploadedAnswer[] = [];
        const failures: OnewayError[] = [];
        /** Every problem reported, the recoverable ones too: they say why a journal lost a take. */
        const reported: string[] = [];
        const slot = `chaos-${started}-${index}`;
        const callbacks: Pick<TakeOptions, 'onUploaded' | 'onError' | 'requestTimeoutMs'> = {
          requestTimeoutMs: 1500,
          onUploaded: (answer) => uploaded.push(answer),
          onError: (error) => {
            reported.push(`${error.code}: ${error.message}`);
            if (!error.recoverable) failures.push(error);
          },
        };
        const takes = [Take.record(stream, { endpoint: '/files', mimeType, journal, slot, ...callbacks })];
        const events: string[] = [];
        try {
          await sleep(1000 + random() * 2000);
          if (random() < 0.3) {
            events.push('outage');
            await setTusDown(true);
            await sleep(500 + random() * 1500);
            await setTusDown(false);
          }
          const reload = random();
          if (reload < 0.2) {
            // The page goes away mid-answer: the next one finishes what the journal kept.
            events.push('reload while recording');
            takes[0].abort();
          } else {
            await takes[0].stop();
            if (reload < 0.4) {
              events.push('reload after stop');
              takes[0].abort();
            }
          }
          if (events.some((event) => event.startsWith('reload'))) {
            const [entry] = await journal.unfinished(slot);
            const held = (await journal.unfinished(slot.slice(0, -1), true)).map((kept) => `${kept.slot} ${kept.state} ${kept.bytesRecorded} B`);
            expect(entry, `answer ${index}: the journal kept the take (reported: ${reported.join('; ') || 'nothing'}; announced: ${uploaded.length}; the journal holds: ${held.join(', ') || 'nothing'})`).to.not.equal(undefined);
            takes.push(Take.finishInterrupted(entry, journal, { endpoint: '/files', ...callbacks }));
          }
          await waitFor(() => uploaded.length > 0 || failures.length > 0, `answer ${index} (${events.join(', ') || 'no reload'}) was not delivered`, 60_000);
          expect(failures.map((error) => `${error.code}: ${error.message}`), `answer ${index}`).to.deep.equal([]);
          await sleep(300);
          expect(uploaded, `answer ${index} announced once`).to.have.length(1);
          const [answer] = uploaded;
          const onServer = await serverBytes(answer.uploadUrl);
          expect(await sha256Hex(onServer), `answer ${index}: the server's file is the one announced`).to.equal(answer.sha256);
          expect(onServer.length).to.equal(answer.bytes);
          const recorded = await spy.lastRecording();
          if (events.includes('reload while recording')) {
            // Whole slices from the start: what was journaled before the page went away.
            expect(await expectWholeSlicesFromStart(spy.recordings.at(-1)!.filter(Boolean), onServer), `answer ${index}: slices delivered`).to.be.greaterThan(0);
          } else {
            expect(await sha256Hex(recorded), `answer ${index}: every byte MediaRecorder produced`).to.equal(answer.sha256);
          }
          report.push(`answer ${index}: ${answer.bytes} bytes${events.length ? ` (${events.join(', ')})` : ''}`);
          console.log(report.at(-1));
        } finally {
          for (const take of takes) take.abort();
          spy.restore();
        }
      }
    } finally {
      const { injected } = await stopChaos();
      await setTusDown(false);
      stream.getTracks().forEach((track) => track.stop());
      console.log(`chaos seed ${seed}: ${injected.length} faults injected (${[...new Set(injected.map((fault) => fault.kind))].join(', ')}); ${report.join('; ')}`);
    }
    const perSecond = new Map<number, number>();
    for (const request of await tusRequests(started)) {
      const second = Math.floor(request.at / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    expect(Math.max(...perSecond.values()), 'tus requests in the busiest second').to.be.at.most(MAX_REQUESTS_PER_SECOND);
  });
});
