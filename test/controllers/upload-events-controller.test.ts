// The upload events controller on a bare ReactiveElement host in a real DOM: which element it
// listens to (a `for` id, else the host's container), what it reports, and that it stops
// listening when the host leaves the page.
import { expect, nextFrame } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { UploadEventsController, type UploadEventsControllerOptions } from '../../src/controllers/upload-events-controller.js';
import { AnswerUploadedEvent, type AnswerUploadedDetail } from '../../src/events/answer-uploaded.js';
import { UploadProgressEvent, type UploadProgressDetail } from '../../src/events/upload-progress.js';

class EventsHost extends ReactiveElement {
  /** Light DOM: the host renders nothing. */
  protected override createRenderRoot() {
    return this;
  }
}
customElements.define('test-upload-events-host', EventsHost);

const progress = (takeId: string): UploadProgressDetail => ({ takeId, bytesUploaded: 1, bytesRecorded: 2, recordingEnded: false, state: 'uploading' });
const answer = (takeId: string): AnswerUploadedDetail =>
  ({ takeId, uploadUrl: `/files/${takeId}`, bytes: 2, durationMs: 10, mimeType: 'video/webm', sha256: 'ab', interrupted: false, metadata: {} }) as AnswerUploadedDetail;

/** A host with its controller, not yet on the page; every report is kept as `source id: kind takeId`. */
function setup(targetId = '', overrides: Partial<UploadEventsControllerOptions> = {}) {
  const host = document.createElement('test-upload-events-host') as EventsHost;
  let id = targetId;
  const heard: string[] = [];
  const name = (source: EventTarget) => (source as Element).id || (source as Element).localName;
  const controller = new UploadEventsController(host, {
    targetId: () => id,
    onProgress: (source, detail) => heard.push(`${name(source)}: progress ${detail.takeId}`),
    onUploaded: (source, detail) => heard.push(`${name(source)}: uploaded ${detail.takeId}`),
    ...overrides,
  });
  return { host, controller, heard, setTargetId: (value: string) => (id = value) };
}

/** An element with an id, to send events from. */
function sender(id: string): HTMLElement {
  const element = document.createElement('div');
  element.id = id;
  return element;
}

describe('UploadEventsController', () => {
  let page: HTMLElement;
  beforeEach(() => {
    page = document.createElement('section');
    document.body.append(page);
  });
  afterEach(() => {
    page.remove();
  });

  it('hears the upload events of its siblings through the container, and stops when the host leaves', () => {
    const { host, heard } = setup();
    const recorder = sender('rec');
    page.append(recorder, host);
    recorder.dispatchEvent(new UploadProgressEvent(progress('t1')));
    recorder.dispatchEvent(new AnswerUploadedEvent(answer('t1')));
    // Not an upload event of ours: no detail to read.
    recorder.dispatchEvent(new Event('oneway-upload-progress', { bubbles: true }));
    expect(heard).to.deep.equal(['rec: progress t1', 'rec: uploaded t1']);
    host.remove();
    recorder.dispatchEvent(new UploadProgressEvent(progress('t2')));
    expect(heard, 'nothing after the host left the page').to.have.length(2);
  });

  it('with a target id, hears only that element, found when it comes after the host', async () => {
    const { host, controller, heard } = setup('rec');
    const other = sender('other');
    page.append(host, other);
    expect(controller.targets, 'not there yet').to.deep.equal([]);
    const recorder = sender('rec');
    page.append(recorder);
    await nextFrame();
    expect(controller.targets).to.deep.equal([recorder]);
    other.dispatchEvent(new UploadProgressEvent(progress('o1')));
    recorder.dispatchEvent(new UploadProgressEvent(progress('r1')));
    expect(heard).to.deep.equal(['rec: progress r1']);
  });

  it('listens to the new target after rebind(), and no more to the old one', () => {
    const { host, controller, heard, setTargetId } = setup('a');
    const a = sender('a');
    const b = sender('b');
    page.append(a, b, host);
    expect(controller.targets).to.deep.equal([a]);
    setTargetId('b');
    controller.rebind();
    a.dispatchEvent(new UploadProgressEvent(progress('a1')));
    b.dispatchEvent(new UploadProgressEvent(progress('b1')));
    expect(heard).to.deep.equal(['b: progress b1']);
  });

  it("inside a shadow root, hears its siblings and the root's host, each event once", () => {
    const wrapper = document.createElement('div');
    const root = wrapper.attachShadow({ mode: 'open' });
    page.append(wrapper);
    const { host, controller, heard } = setup();
    const recorder = sender('rec');
    root.append(recorder, host);
    expect(controller.targets).to.deep.equal([root, wrapper]);
    // Composed: it reaches the root and then the wrapper, both listened to; counted once.
    recorder.dispatchEvent(new UploadProgressEvent(progress('r1')));
    // A wrapper re-dispatching its recorder's events on itself.
    wrapper.id = 'wrapper';
    wrapper.dispatchEvent(new AnswerUploadedEvent(answer('r1')));
    expect(heard).to.deep.equal(['rec: progress r1', 'wrapper: uploaded r1']);
    host.remove();
    expect(controller.targets).to.deep.equal([]);
  });
});
