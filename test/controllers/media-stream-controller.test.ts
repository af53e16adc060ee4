import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, nothing } from 'lit';
import { MediaStreamController } from '../../src/controllers/media-stream-controller.js';

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
