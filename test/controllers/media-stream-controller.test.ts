import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, nothing } from 'lit';
import { MediaStreamController } from '../../src/controllers/media-stream-controller.js';
import { DEVICE_PREFERENCES_KEY, type PreferenceStorage } from '../../src/core/device-preferences.js';
import type { OnewayError } from '../../src/core/errors.js';
import { fakeMediaDevices, type FakeTrack } from '../support/media-devices.js';
import { mountHost, removeHosts } from '../support/controller-host.js';

/** A host with a preview, as the recorder and the device check have; the recorder drops it for audio answers. */
class PreviewHost extends LitElement {
  static override properties = { withPreview: { type: Boolean } };
  withPreview = true;
  readonly media = new MediaStreamController(this, {
    kind: () => 'video',
    onError: () => {},
    preview: () => this.renderRoot.querySelector('video'),
  });

  override render() {
    return this.withPreview ? html`<video muted autoplay playsinline></video>` : nothing;
  }
}
customElements.define('test-preview-host', PreviewHost);

/** For each track as it is stopped: whether the preview still showed a stream. */
function watchStops(stream: MediaStream, preview: HTMLVideoElement): boolean[] {
  const shownAtStop: boolean[] = [];
  for (const track of stream.getTracks()) {
    const stop = track.stop.bind(track);
    track.stop = () => {
      shownAtStop.push(preview.srcObject !== null);
      stop();
    };
  }
  return shownAtStop;
}

async function hostWithStream() {
  const host = await fixture<PreviewHost>(html`<test-preview-host></test-preview-host>`);
  const stream = (await host.media.acquire())!;
  await host.updateComplete;
  const preview = host.renderRoot.querySelector('video')!;
  // Compared as a boolean: a MediaStream in a failure message does not serialise.
  expect(preview.srcObject === stream, 'the preview shows the stream').to.equal(true);
  return { host, stream, preview };
}

describe('MediaStreamController', () => {
  it('shows the stream in the preview after the host updates, and a new stream after acquiring again', async () => {
    const { host, stream, preview } = await hostWithStream();
    const next = (await host.media.acquire())!;
    await host.updateComplete;
    expect(preview.srcObject === next && next !== stream).to.equal(true);
    expect(stream.getTracks().map((track) => track.readyState)).to.deep.equal(['ended', 'ended']);
  });

  // WebKitGTK's web process deadlocks when a playing <video>'s tracks stop under it.
  it('takes the stream out of the preview before it stops the tracks on release', async () => {
    const { host, stream, preview } = await hostWithStream();
    const shownAtStop = watchStops(stream, preview);
    host.media.release();
    expect(shownAtStop).to.deep.equal([false, false]);
    expect(stream.getTracks().map((track) => track.readyState)).to.deep.equal(['ended', 'ended']);
  });

  it('takes the stream out of the preview before it stops the tracks when the host leaves the page', async () => {
    const { host, stream, preview } = await hostWithStream();
    const shownAtStop = watchStops(stream, preview);
    host.remove();
    expect(shownAtStop).to.deep.equal([false, false]);
  });

  it('takes the stream out of a preview the host stops rendering, while the tracks still run', async () => {
    const { host, stream, preview } = await hostWithStream();
    host.withPreview = false;
    await host.updateComplete;
    expect(preview.isConnected).to.equal(false);
    expect(preview.srcObject).to.equal(null);
    expect(stream.getTracks().map((track) => track.readyState)).to.deep.equal(['live', 'live']);
  });
});

/** Storage in memory, or one that throws on every write as a full or blocked localStorage does. */
function memoryStorage(initial: Record<string, string> = {}, { writable = true } = {}): PreferenceStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => (key in data ? data[key] : null),
    setItem: (key, value) => {
      if (!writable) throw new DOMException('full', 'QuotaExceededError');
      data[key] = value;
    },
  };
}

/** A host whose controller has fake devices and storage injected, and keeps the errors it reports. */
class FakeDevicesHost extends LitElement {
  devices = fakeMediaDevices();
  storage = memoryStorage();
  errors: OnewayError[] = [];
  readonly media = new MediaStreamController(this, {
    kind: () => 'video',
    onError: (error) => this.errors.push(error),
    mediaDevices: () => this.devices,
    storage: () => this.storage,
  });
}
customElements.define('test-fake-devices-host', FakeDevicesHost);

const fakeHost = (setUp?: (host: FakeDevicesHost) => void) => mountHost<FakeDevicesHost>('test-fake-devices-host', setUp);

const remembered = (prefs: object) => ({ [DEVICE_PREFERENCES_KEY]: JSON.stringify(prefs) });
const deviceIds = (stream: MediaStream) => stream.getTracks().map((track) => track.getSettings().deviceId);

describe('MediaStreamController device preferences', () => {
  afterEach(() => removeHosts('test-fake-devices-host'));

  it('asks for the remembered camera and microphone, in one getUserMedia call', async () => {
    const host = await fakeHost((h) => (h.storage = memoryStorage(remembered({ audioDeviceId: 'microphone-2' }))));
    const stream = (await host.media.acquire())!;
    expect(deviceIds(stream)).to.deep.equal(['camera-1', 'microphone-2']);
    expect(host.devices.calls.length).to.equal(1);
    expect(host.devices.calls[0].audio).to.deep.include({ deviceId: { exact: 'microphone-2' } });
  });

  it('a remembered camera that is gone costs two getUserMedia calls, not more, and any camera answers', async () => {
    const host = await fakeHost((h) => (h.storage = memoryStorage(remembered({ videoDeviceId: 'unplugged-camera', audioDeviceId: 'microphone-2' }))));
    const stream = (await host.media.acquire())!;
    expect(host.devices.calls.length).to.equal(2);
    expect(host.devices.calls[0].video).to.deep.include({ deviceId: { exact: 'unplugged-camera' } });
    expect(host.devices.calls[1].video).to.not.have.property('deviceId');
    expect(deviceIds(stream)[0]).to.equal('camera-1');
    expect(host.media.status).to.equal('ready');
    expect(host.errors).to.deep.equal([]);
  });

  it('with no camera at all, still two calls, then no-device', async () => {
    const host = await fakeHost((h) => {
      h.storage = memoryStorage(remembered({ videoDeviceId: 'unplugged-camera' }));
      h.devices.devices = h.devices.devices.filter((device) => device.kind !== 'videoinput');
    });
    expect(await host.media.acquire()).to.equal(undefined);
    expect(host.devices.calls.length).to.equal(2);
    expect(host.errors.map((error) => error.code)).to.deep.equal(['no-device']);
  });

  it('a refusal is not retried without the preference: one call, permission-denied', async () => {
    const host = await fakeHost((h) => (h.storage = memoryStorage(remembered({ videoDeviceId: 'camera-1' }))));
    refuse(host);
    expect(await host.media.acquire()).to.equal(undefined);
    expect(host.devices.calls.length).to.equal(1);
    expect(host.errors.map((error) => error.code)).to.deep.equal(['permission-denied']);
  });

  it('prefer() applies to the next request and is remembered; where storage cannot be written it still holds for the page', async () => {
    const host = await fakeHost();
    host.media.prefer({ audioDeviceId: 'microphone-2' });
    expect(JSON.parse(host.storage.data[DEVICE_PREFERENCES_KEY])).to.deep.equal({ audioDeviceId: 'microphone-2' });
    expect(deviceIds((await host.media.acquire())!)).to.deep.equal(['camera-1', 'microphone-2']);

    const full = await fakeHost((h) => (h.storage = memoryStorage({}, { writable: false })));
    full.media.prefer({ audioDeviceId: 'microphone-2' });
    expect(full.storage.data).to.deep.equal({});
    expect(full.media.preferences).to.deep.equal({ audioDeviceId: 'microphone-2' });
    expect(deviceIds((await full.media.acquire())!)).to.deep.equal(['camera-1', 'microphone-2']);
  });

  it('on host disconnect: stops every track, and a track ending afterwards reports nothing', async () => {
    const host = await fakeHost();
    const stream = (await host.media.acquire())!;
    host.remove();
    expect(stream.getTracks().map((track) => track.readyState)).to.deep.equal(['ended', 'ended']);
    (stream.getVideoTracks()[0] as unknown as FakeTrack).dispatchEvent(new Event('ended'));
    expect(host.errors).to.deep.equal([]);
    expect(host.media.status).to.equal('idle');
  });

  it('a stream that arrives after the host left is stopped at once', async () => {
    let answer!: () => void;
    const host = await fakeHost((h) => (h.devices.answer = new Promise((resolve) => (answer = resolve))));
    const acquired = host.media.acquire();
    host.remove();
    answer();
    expect(await acquired).to.equal(undefined);
    expect(host.devices.streams[0].getTracks().map((track) => track.readyState)).to.deep.equal(['ended', 'ended']);
  });

  it('a live track that ends reports device-lost', async () => {
    const host = await fakeHost();
    const stream = (await host.media.acquire())!;
    (stream.getAudioTracks()[0] as unknown as FakeTrack).dispatchEvent(new Event('ended'));
    expect(host.errors.map((error) => error.code)).to.deep.equal(['device-lost']);
    expect(stream.getTracks().map((track) => track.readyState)).to.deep.equal(['ended', 'ended']);
  });
});

/** Makes `host`'s fake getUserMedia refuse as a blocked permission does. */
function refuse(host: FakeDevicesHost): void {
  host.devices.getUserMedia = async (constraints = {}) => {
    host.devices.calls.push(constraints);
    throw new DOMException('blocked', 'NotAllowedError');
  };
}
