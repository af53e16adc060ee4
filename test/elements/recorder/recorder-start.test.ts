// Start before the streaming probe has ended, in a browser that has never been probed: the take
// starts at once in the best type, and its own slices decide whether that type stays. Here the
// best type is made to write only at stop() (the page's MediaRecorder hides its slices while
// recording, as a container without fragments does), so the take is recorded again in the next.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { supportedMimeTypes } from '../../../src/core/mime-type.js';
import { STREAMING_EVIDENCE_MS } from '../../../src/core/recorder.js';
import type { OnewayRecorder } from '../../../src/elements/recorder/recorder.js';
import type { RecordingStartEvent } from '../../../src/events/recording-start.js';
import type { UploadProgressEvent } from '../../../src/events/upload-progress.js';
import { en } from '../../../src/i18n/en.js';
import { spyOnMediaRecorder, type RecorderSpy } from '../../support/media-recorder-spy.js';
import { serverBytes } from '../../support/tus.js';
import { nextEvent, sleep, waitFor } from '../../support/wait.js';

/** Forgets what earlier pages of this browser found out, so this page probes as a first visit does. */
function forgetStreamingVerdicts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('oneway-interview:streams:')) localStorage.removeItem(key);
}

/** Makes `mimeType` behave as a container that writes only at stop(): after its first slice, nothing until then. */
function writeOnlyAtStop(mimeType: string): () => void {
  const Original = window.MediaRecorder;
  window.MediaRecorder = class extends Original {
    constructor(stream: MediaStream, options?: MediaRecorderOptions) {
      super(stream, options);
      if (options?.mimeType !== mimeType) return;
      let slices = 0;
      // Registered before any listener of the page's code, so they never see the hidden slices.
      this.addEventListener('dataavailable', (event) => {
        if (this.state === 'recording' && slices++ > 0) event.stopImmediatePropagation();
      });
    }
  };
  return () => (window.MediaRecorder = Original);
}

const recordButton = (el: OnewayRecorder) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="record-button"]')!;

/** Presses Start the moment it is enabled; says what the streaming probe was doing then. */
function pressStartOnceEnabled(el: OnewayRecorder, spy: RecorderSpy): Promise<{ probes: number; probeState: RecordingState | undefined }> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const button = recordButton(el);
      if (!button || button.disabled) return;
      observer.disconnect();
      const probes = spy.made.filter((made) => isProbe(made.options));
      button.click();
      resolve({ probes: probes.length, probeState: probes[0]?.recorder.state });
    });
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true });
  });
}

const isProbe = (options: MediaRecorderOptions | undefined) => (options as { videoKeyFrameIntervalDuration?: number } | undefined)?.videoKeyFrameIntervalDuration === 100;

describe('<oneway-recorder> started before the streaming probe has ended', function () {
  this.timeout(60_000);
  const [best, next] = supportedMimeTypes('video', (type) => MediaRecorder.isTypeSupported(type));
  let spy: RecorderSpy;
  let restore: () => void;
  before(() => {
    forgetStreamingVerdicts();
    spy = spyOnMediaRecorder();
    restore = writeOnlyAtStop(best);
  });
  after(() => {
    restore();
    spy.restore();
    forgetStreamingVerdicts();
  });

  it('is usable at once; a take in a type that writes only at stop() is recorded again in the next, and the candidate is told', async () => {
    expect(next, 'the engine records a second type').to.be.a('string');
    const el = await fixture<OnewayRecorder>(html`<oneway-recorder endpoint="/files" recording-id=${`start-early-${Date.now()}`}></oneway-recorder>`);
    const starts: RecordingStartEvent['detail'][] = [];
    el.addEventListener('oneway-recording-start', (event) => starts.push(event.detail));
    const uploadUrls = new Map<string, string>();
    el.addEventListener('oneway-upload-progress', (event: UploadProgressEvent) => {
      const { takeId, uploadUrl } = event.detail;
      if (takeId && uploadUrl) uploadUrls.set(takeId, uploadUrl);
    });

    const pressed = await pressStartOnceEnabled(el, spy);
    expect(pressed, 'Start was usable while the probe was still recording').to.deep.equal({ probes: 1, probeState: 'recording' });
    await waitFor(() => starts.length === 1, 'the take never started');
    expect(starts[0].mimeType.split(';')[0]).to.equal(best.split(';')[0]);

    await waitFor(() => starts.length === 2, 'the take was never recorded again', 15_000);
    const [first, again] = starts;
    expect(again.replaces).to.equal(first.takeId);
    expect(again.takeId).to.not.equal(first.takeId);
    const notice = el.shadowRoot!.querySelector('[part="notice"][role="alert"]');
    expect(notice?.textContent).to.equal(en.recordingRestarted);
    expect(el.recordingMimeType, 'later takes record in the type that streams').to.equal(next);

    await sleep(2000);
    const uploaded = nextEvent(el, 'oneway-answer-uploaded');
    recordButton(el).click();
    const answer = (await uploaded).detail;
    expect(answer.takeId).to.equal(again.takeId);
    const take = spy.made.findIndex((made) => made.options?.mimeType === next && !isProbe(made.options));
    expect(await serverBytes(answer.uploadUrl), 'the server holds the second recording, byte for byte').to.deep.equal(await spy.recording(take));
    const firstUrl = uploadUrls.get(first.takeId);
    expect(firstUrl, 'the first take had an upload').to.be.a('string');
    const gone = await fetch(firstUrl!, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
    expect(gone.status, 'the first take was deleted on the server').to.be.oneOf([404, 410]);
    expect(el.shadowRoot!.querySelector('[part="notice"]'), 'the notice goes with the take').to.equal(null);

    // The next take records in that type from its start: nothing is recorded again.
    const nextStarted = nextEvent(el, 'oneway-recording-start');
    recordButton(el).click();
    expect((await nextStarted).detail.replaces).to.equal(undefined);
    expect(spy.made.at(-1)!.options?.mimeType).to.equal(next);
    // Recorded past the time a take has to show it streams.
    await sleep(STREAMING_EVIDENCE_MS + 500);
    expect(starts, 'no take recorded again').to.have.length(3);
    const nextUploaded = nextEvent(el, 'oneway-answer-uploaded');
    recordButton(el).click();
    const nextAnswer = (await nextUploaded).detail;
    expect(await serverBytes(nextAnswer.uploadUrl)).to.deep.equal(await spy.lastRecording());
  });
});
