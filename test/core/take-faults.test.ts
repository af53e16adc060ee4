// A take against a tus server that misbehaves the way hosts' servers and proxies do. Every case
// checks the server's file byte for byte against what MediaRecorder produced, and how many
// uploads and requests the faults cost.
import { expect } from '@open-wc/testing';
import type { OnewayError } from '../../src/core/errors.js';
import { Journal } from '../../src/core/journal.js';
import { recordingTypeChoice } from '../../src/core/recorder.js';
import { Take, type RecordOptions, type TakeOptions, type UploadedAnswer } from '../../src/core/take.js';
import type { AuthorizeRequest } from '../../src/core/streaming-upload.js';
import { expectDelivered } from '../support/answers.js';
import { clearFaults, injectFault, setTusDown, tusRequests, type LoggedRequest } from '../support/commands.js';
import { spyOnMediaRecorder, type RecorderSpy } from '../support/media-recorder-spy.js';
import { sleep, waitFor } from '../support/wait.js';

/** Short enough that a held request costs a test little, long enough for this machine's slowest engine. */
const REQUEST_TIMEOUT_MS = 2000;

let stream: MediaStream;
let mimeType: string;
let spy: RecorderSpy;
let testStart = 0;
let slotCount = 0;
const running = new Set<Take>();
const journal = new Journal();

/** What one take reported. */
interface Outcome {
  take: Take;
  slot: string;
  uploaded: UploadedAnswer[];
  errors: OnewayError[];
}

/** A take of `slot` that `start` begins with the options every take here shares, collecting what it reports. */
function collect(slot: string, start: (shared: TakeOptions) => Take): Outcome {
  const outcome = { slot, uploaded: [], errors: [] } as unknown as Outcome;
  outcome.take = start({
    endpoint: '/files',
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    onUploaded: (answer) => outcome.uploaded.push(answer),
    onError: (error) => outcome.errors.push(error),
  });
  running.add(outcome.take);
  return outcome;
}

/** Starts a take in a slot of its own. */
function record(options: Partial<RecordOptions> = {}): Outcome {
  const slot = `faults-${Date.now()}-${slotCount++}`;
  return collect(slot, (shared) => Take.record(stream, { ...shared, mimeType, journal, slot, ...options }));
}

/** The take of `outcome` as a reloaded page finds it in the journal and finishes it. */
async function resume(outcome: Outcome, options: Partial<RecordOptions> = {}): Promise<Outcome> {
  const [entry] = await journal.unfinished(outcome.slot);
  expect(entry, 'the journal kept the take').to.not.equal(undefined);
  return collect(outcome.slot, (shared) => Take.finishInterrupted(entry, journal, { ...shared, ...options }));
}

/** Records for `ms`, then stops. */
async function recordFor(ms: number, options: Partial<RecordOptions> = {}): Promise<Outcome> {
  const outcome = record(options);
  await sleep(ms);
  await outcome.take.stop();
  return outcome;
}

/** The one answer `outcome` delivered, once it did. */
async function delivered(outcome: Outcome, timeoutMs = 30_000): Promise<UploadedAnswer> {
  await waitFor(() => outcome.uploaded.length > 0 || outcome.errors.some((error) => !error.recoverable), 'the answer was not delivered', timeoutMs);
  expect(outcome.errors.filter((error) => !error.recoverable).map((error) => `${error.code}: ${error.message}`)).to.deep.equal([]);
  await sleep(200);
  expect(outcome.uploaded, 'announced once').to.have.length(1);
  return outcome.uploaded[0];
}

/** The first error of `code` that `outcome` reported. */
async function failure(outcome: Outcome, code: string, timeoutMs = 15_000): Promise<OnewayError> {
  await waitFor(() => outcome.errors.some((error) => error.code === code), `no ${code} error`, timeoutMs);
  return outcome.errors.find((error) => error.code === code)!;
}

/** The tus requests since the test started, as the server logged them. */
const requests = async (filter: (request: LoggedRequest) => boolean = () => true) => (await tusRequests(testStart)).filter(filter);
const creations = () => requests((request) => request.method === 'POST');

describe('a take against a misbehaving tus server', function () {
  this.timeout(90_000);

  before(async () => {
    stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    mimeType = await recordingTypeChoice(stream, 'video').settled;
  });
  after(() => stream.getTracks().forEach((track) => track.stop()));
  beforeEach(() => {
    spy = spyOnMediaRecorder();
    testStart = Date.now();
  });
  afterEach(async () => {
    spy.restore();
    for (const take of running) take.abort();
    running.clear();
    await setTusDown(false);
    expect(await clearFaults(), 'faults injected but never met: the test did not test them').to.deep.equal([]);
  });

  /** Records with some bytes confirmed and the tail not, then the page goes away (the take is aborted). */
  async function leaveWithUnsentTail(): Promise<Outcome> {
    const first = record();
    await waitFor(() => first.take.bytesRecorded > 0 && first.take.bytesInMemory < first.take.bytesRecorded, 'nothing was confirmed', 10_000);
    await sleep(1000);
    await setTusDown(true);
    await sleep(1200);
    await first.take.stop();
    first.take.abort();
    await setTusDown(false);
    return first;
  }

  describe('the resume HEAD after a reload', () => {
    for (const status of [503, 500, 429, 408]) {
      it(`is retried on ${status} instead of starting a second, empty upload`, async () => {
        const first = await leaveWithUnsentTail();
        await injectFault({ kind: 'status', status, method: 'HEAD', count: 3 });
        const answer = await delivered(await resume(first));
        await expectDelivered(spy, answer);
        expect(await creations(), 'uploads created').to.have.length(1);
      });
    }

    it('asks authorize for fresh credentials once on 401 and resumes the same upload', async () => {
      const calls: AuthorizeRequest[] = [];
      const first = await leaveWithUnsentTail();
      await injectFault({ kind: 'status', status: 401, method: 'HEAD' });
      const answer = await delivered(await resume(first, { authorize: (request) => void calls.push(request) }));
      await expectDelivered(spy, answer);
      expect(calls.filter((call) => call.refresh).map((call) => call.method)).to.deep.equal(['HEAD']);
      expect(await creations()).to.have.length(1);
    });

    it('reports a lasting 403 as upload-unauthorized, and "Try again" resumes the same upload', async () => {
      const first = await leaveWithUnsentTail();
      await injectFault({ kind: 'status', status: 403, method: 'HEAD', count: 2 });
      const second = await resume(first);
      const error = await failure(second, 'upload-unauthorized');
      expect(error.message).to.contain('403').and.contain('HEAD');
      expect(second.uploaded).to.deep.equal([]);
      second.errors.length = 0;
      second.take.retryUpload();
      await expectDelivered(spy, await delivered(second));
      expect(await creations()).to.have.length(1);
    });

    it('says the upload is lost, with the status, URL and bytes, when the server lost it after confirming bytes', async () => {
      const first = await leaveWithUnsentTail();
      await injectFault({ kind: 'status', status: 404, method: 'HEAD' });
      const second = await resume(first);
      const error = await failure(second, 'upload-lost');
      const [entry] = await journal.unfinished(first.slot);
      expect(error.message).to.contain('404').and.contain(entry.uploadUrl!).and.match(/the \d+ bytes it had confirmed/);
      expect(await creations(), 'no second, incomplete upload').to.have.length(1);
      expect(entry.uploadUrl, 'the journal keeps the upload it had').to.equal(entry.uploadUrl);
    });
  });

  it('sends every byte again to a new upload when the server lost one of which it had confirmed nothing', async () => {
    // Nothing is confirmed while PATCH fails; the HEAD after it finds the upload gone.
    await injectFault({ kind: 'status', status: 503, method: 'PATCH', forMs: 2500 });
    await injectFault({ kind: 'status', status: 404, method: 'HEAD' });
    const outcome = await recordFor(3500);
    const answer = await delivered(outcome);
    await expectDelivered(spy, answer);
    const posts = await creations();
    expect(posts, 'the lost upload and its replacement').to.have.length(2);
  });

  it('backs off on 409 instead of retrying at once, and resynchronises with HEAD', async () => {
    await injectFault({ kind: 'status', status: 409, method: 'PATCH', forMs: 4000 });
    const outcome = await recordFor(5000);
    const answer = await delivered(outcome);
    await expectDelivered(spy, answer);
    const during = await requests((request) => request.at < testStart + 4000);
    expect(during.filter((request) => request.method === 'PATCH').length, 'PATCH requests in 4 s of 409').to.be.within(1, 8);
    expect(during.filter((request) => request.method === 'HEAD').length, 'one HEAD after each conflict').to.be.at.least(1);
  });

  for (const method of ['POST', 'HEAD', 'PATCH'] as const) {
    it(`aborts a ${method} that is never answered and sends it again`, async () => {
      // A HEAD is only sent after a failed request: the first PATCH fails.
      if (method === 'HEAD') await injectFault({ kind: 'status', status: 503, method: 'PATCH' });
      await injectFault({ kind: 'hold', method });
      const outcome = await recordFor(2500);
      const answer = await delivered(outcome);
      await expectDelivered(spy, answer);
      expect(await creations()).to.have.length(method === 'POST' ? 2 : 1);
    });
  }

  describe('an upload URL on another origin', () => {
    const foreign = () => `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;

    it('is refused at once: nothing is sent there, the take stays in the journal, and the error names the URL', async () => {
      await injectFault({ kind: 'location', origin: foreign(), method: 'POST' });
      const outcome = record();
      const error = await failure(outcome, 'upload-rejected', 5000);
      expect(error.message).to.contain('another origin').and.contain(foreign());
      await outcome.take.stop();
      await sleep(500);
      expect((await requests()).filter((request) => !request.host.startsWith(location.host)), 'requests to the other origin').to.deep.equal([]);
      expect(outcome.uploaded).to.deep.equal([]);
      expect((await journal.unfinished(outcome.slot)).map((entry) => entry.state)).to.deep.equal(['stopped']);
    });
  });

  it('checks a PATCH answer that over-reports its offset with one HEAD, and confirms only what was sent', async () => {
    await injectFault({ kind: 'offset', add: 7000, method: 'PATCH' });
    const outcome = await recordFor(2500);
    await expectDelivered(spy, await delivered(outcome));
    expect(await creations()).to.have.length(1);
  });

  it('refuses a HEAD that claims bytes never sent: upload-rejected, never "uploaded", and the bytes kept for "Try again"', async () => {
    await injectFault({ kind: 'status', status: 503, method: 'PATCH' });
    await injectFault({ kind: 'offset', add: 50_000_000, method: 'HEAD', count: 100 });
    const outcome = await recordFor(2500);
    const error = await failure(outcome, 'upload-rejected');
    expect(error.message).to.contain('claims').and.contain('were ever sent');
    expect(outcome.uploaded).to.deep.equal([]);
    await clearFaults();
    outcome.errors.length = 0;
    outcome.take.retryUpload();
    await expectDelivered(spy, await delivered(outcome));
  });

  it('resumes a PATCH cut off mid-body from what the server kept', async () => {
    await injectFault({ kind: 'cut', bytes: 1000, method: 'PATCH', count: 2 });
    const outcome = await recordFor(3000);
    await expectDelivered(spy, await delivered(outcome));
    expect(await creations()).to.have.length(1);
  });

  it('keeps only a small window of unconfirmed bytes in memory while the server is away, and sends the rest from the journal', async () => {
    const window = 16 * 1024;
    const outcome = record({ memoryWindowBytes: window });
    await sleep(1000);
    await setTusDown(true);
    let largest = 0;
    let peak = 0;
    for (let sample = 0; sample < 20; sample++) {
      await sleep(250);
      peak = Math.max(peak, outcome.take.bytesInMemory);
      largest = Math.max(largest, ...spy.recordings[0].filter(Boolean).map((slice) => slice.length));
    }
    const unconfirmed = outcome.take.bytesRecorded - (await journal.unfinished(outcome.slot))[0].bytesConfirmed;
    expect(unconfirmed, 'the outage left more unconfirmed bytes than the window').to.be.greaterThan(window + largest);
    expect(peak, 'bytes held in memory').to.be.at.most(window + largest);
    await setTusDown(false);
    await outcome.take.stop();
    await expectDelivered(spy, await delivered(outcome));
  });
});
