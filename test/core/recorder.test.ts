import { expect } from '@open-wc/testing';
import { deliversWhileRecording, recordingTypeChoice, type MediaRecorderFactory, type VerdictStore } from '../../src/core/recorder.js';
import { OnewayError } from '../../src/core/errors.js';

describe('recordingTypeChoice', () => {
  it("takes the host's mime-type as one spelling, whatever blanks the host wrote, without a probe", async () => {
    const choice = recordingTypeChoice(new MediaStream(), 'video', 'video/webm; codecs=vp8,opus', () => true);
    expect(choice.now).to.equal('video/webm;codecs=vp8,opus');
    expect(await choice.settled).to.equal('video/webm;codecs=vp8,opus');
  });

  it("refuses a mime-type the browser cannot record, naming it", () => {
    let error: unknown;
    try {
      recordingTypeChoice(new MediaStream(), 'video', 'video/x-flv', () => false);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(OnewayError);
    expect((error as OnewayError).code).to.equal('unsupported-mime-type');
    expect((error as OnewayError).message).to.contain('video/x-flv');
  });

  describe('without a host type', () => {
    const MP4 = 'video/mp4;codecs=avc1,opus';
    const WEBM = 'video/webm;codecs=vp8,opus';
    const supported = (type: string) => type === MP4 || type === WEBM;
    let stream: MediaStream;
    let page = 0;
    before(async () => {
      stream = await navigator.mediaDevices.getUserMedia({ video: true });
    });
    after(() => stream.getTracks().forEach((track) => track.stop()));
    /** The recorder module as a new page loads it: no verdict of this page yet. */
    const newPage = (): Promise<typeof import('../../src/core/recorder.js')> => import(`../../src/core/recorder.js?choice-page=${Date.now()}-${page++}`);
    /** Recorders whose slices (their sizes) depend on the type asked for. */
    const byType = (slices: Record<string, number[]>, created: string[]): MediaRecorderFactory => (recorderStream, options) =>
      scriptedRecorder(slices[options.mimeType ?? ''] ?? [], created)(recorderStream, options);

    it('gives the best type at once, before any probe has ended, and settles on it when it streams', async () => {
      const { recordingTypeChoice: choose } = await newPage();
      const created: string[] = [];
      const choice = choose(stream, 'video', undefined, supported, { createRecorder: byType({ [MP4]: [36, 1200] }, created), probeMs: 1000, store: memoryStore() });
      expect(choice.now, 'usable before the probe').to.equal(MP4);
      expect(await choice.settled).to.equal(MP4);
      expect(created).to.deep.equal([MP4]);
    });

    it('settles on the next type when the best writes only at stop(), and gives that one at once afterwards', async () => {
      const { recordingTypeChoice: choose } = await newPage();
      const created: string[] = [];
      const store = memoryStore();
      const probe = { createRecorder: byType({ [MP4]: [36], [WEBM]: [10, 10] }, created), probeMs: 300, store };
      const choice = choose(stream, 'video', undefined, supported, probe);
      expect(choice.now).to.equal(MP4);
      expect(await choice.settled).to.equal(WEBM);
      expect(created).to.deep.equal([MP4, WEBM]);
      const next = choose(stream, 'video', undefined, supported, probe);
      expect(next.now, 'this page knows now').to.equal(WEBM);
      expect(await next.settled).to.equal(WEBM);
      expect(created, 'no probe again').to.have.length(2);
      // The next page of this browser knows as well, from the remembered verdicts.
      const { recordingTypeChoice: later } = await newPage();
      const remembered = later(stream, 'video', undefined, supported, { ...probe, createRecorder: byType({}, created) });
      expect(remembered.now).to.equal(WEBM);
      expect(await remembered.settled).to.equal(WEBM);
      expect(created, 'no probe on the next page').to.have.length(2);
    });
  });
});

/** A MediaRecorder stand-in that hands out `slices` (their sizes) one per timeslice after start, then nothing until stop. */
function scriptedRecorder(slices: number[], created: string[]): MediaRecorderFactory {
  return (stream, options) => {
    created.push(options.mimeType ?? '');
    const recorder = new EventTarget() as MediaRecorder & EventTarget;
    let state: RecordingState = 'inactive';
    let timer: ReturnType<typeof setInterval> | undefined;
    Object.assign(recorder, {
      stream,
      start(timeslice: number) {
        state = 'recording';
        const left = [...slices];
        timer = setInterval(() => {
          const size = left.shift();
          if (size !== undefined) recorder.dispatchEvent(Object.assign(new Event('dataavailable'), { data: new Blob([new Uint8Array(size)]) }));
        }, timeslice);
      },
      stop() {
        state = 'inactive';
        clearInterval(timer);
      },
    });
    Object.defineProperty(recorder, 'state', { get: () => state });
    return recorder;
  };
}

/** A Storage stand-in. */
function memoryStore(): VerdictStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('deliversWhileRecording', () => {
  let stream: MediaStream;
  before(async () => {
    stream = await navigator.mediaDevices.getUserMedia({ video: true });
  });
  after(() => stream.getTracks().forEach((track) => track.stop()));

  it('says a container that hands out only its header before stop() does not stream, and remembers that', async () => {
    const created: string[] = [];
    const store = memoryStore();
    expect(await deliversWhileRecording(stream, 'video/x-header-only', scriptedRecorder([36], created), 1000, store)).to.equal(false);
    expect(created).to.deep.equal(['video/x-header-only']);
    expect([...store.items.values()]).to.deep.equal(['at-stop']);
  });

  it('does not stream when nothing came in time, for this page only: a busy moment is not remembered for the browser', async () => {
    const created: string[] = [];
    const store = memoryStore();
    expect(await deliversWhileRecording(stream, 'video/x-slow', scriptedRecorder([], created), 300, store)).to.equal(false);
    expect(created).to.deep.equal(['video/x-slow']);
    expect([...store.items.values()], 'nothing remembered').to.deep.equal([]);
    // The next page probes again, and may find that it streams after all.
    const next = await import(`../../src/core/recorder.js?next-page=${Date.now()}`);
    expect(await next.deliversWhileRecording(stream, 'video/x-slow', scriptedRecorder([36, 1200], created), 300, store)).to.equal(true);
    expect(created).to.deep.equal(['video/x-slow', 'video/x-slow']);
    expect([...store.items.values()]).to.deep.equal(['streams']);
  });

  it('says a container that keeps handing out data streams, and remembers it for this browser version', async () => {
    const created: string[] = [];
    const store = memoryStore();
    expect(await deliversWhileRecording(stream, 'video/x-streams', scriptedRecorder([36, 1200, 26_000], created), 1000, store)).to.equal(true);
    const [key] = store.items.keys();
    expect(key).to.contain(navigator.userAgent).and.to.contain('video/x-streams');
    expect(store.items.get(key)).to.equal('streams');
  });

  it('takes a remembered verdict without recording a probe, so Start is usable at once', async () => {
    const created: string[] = [];
    const store = memoryStore();
    store.setItem(`oneway-interview:streams:${navigator.userAgent}:video/x-remembered`, 'streams');
    store.setItem(`oneway-interview:streams:${navigator.userAgent}:video/x-remembered-not`, 'at-stop');
    expect(await deliversWhileRecording(stream, 'video/x-remembered', scriptedRecorder([], created), 1000, store)).to.equal(true);
    expect(await deliversWhileRecording(stream, 'video/x-remembered-not', scriptedRecorder([1, 2, 3], created), 1000, store)).to.equal(false);
    expect(created).to.deep.equal([]);
  });

  it("probes where storage refuses to be read or written", async () => {
    const created: string[] = [];
    const refusing: VerdictStore = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(await deliversWhileRecording(stream, 'video/x-no-storage', scriptedRecorder([10, 10], created), 1000, refusing)).to.equal(true);
    expect(created).to.deep.equal(['video/x-no-storage']);
  });
});
