import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { PermissionPromptController } from '../../src/controllers/permission-prompt-controller.js';
import type { OnewayError } from '../../src/core/errors.js';
import { manualTimers } from '../support/timers.js';
import { mountHost, removeHosts } from '../support/controller-host.js';

/** `navigator.permissions` answering `states` (camera, microphone), counting its queries. */
function fakePermissions(states: Record<'camera' | 'microphone', PermissionState>) {
  const queried: string[] = [];
  return {
    queried,
    query: async ({ name }: PermissionDescriptor) => {
      queried.push(name);
      return { state: states[name as 'camera' | 'microphone'] } as PermissionStatus;
    },
  };
}

class PromptHost extends LitElement {
  clock = manualTimers();
  permissions = fakePermissions({ camera: 'prompt', microphone: 'prompt' });
  seconds = 6;
  unanswered: OnewayError[] = [];
  readonly prompt = new PermissionPromptController(this, {
    seconds: () => this.seconds,
    onUnanswered: (error) => this.unanswered.push(error),
    permissions: () => this.permissions,
    timers: this.clock.timers,
  });
}
customElements.define('test-prompt-host', PromptHost);

const promptHost = (setUp?: (host: PromptHost) => void) => mountHost<PromptHost>('test-prompt-host', setUp);

/** A request that settles when the test says so. */
function pendingRequest() {
  let settle!: (value: string) => void;
  const promise = new Promise<string>((resolve) => (settle = resolve));
  return { promise, settle };
}

/** Lets the controller's permission queries (promises) answer. */
const queriesAnswered = () => new Promise<void>((resolve) => setTimeout(resolve));

describe('PermissionPromptController', () => {
  afterEach(() => removeHosts('test-prompt-host'));

  it('a prompt still unanswered after the set seconds: waiting, and one permission-timeout', async () => {
    const host = await promptHost();
    const request = pendingRequest();
    const watched = host.prompt.watch(request.promise);
    host.clock.advance(5999);
    await queriesAnswered();
    expect(host.prompt.waiting).to.equal(false);
    host.clock.advance(1);
    await queriesAnswered();
    expect(host.prompt.waiting).to.equal(true);
    expect(host.unanswered.map((error) => [error.code, error.recoverable])).to.deep.equal([['permission-timeout', true]]);
    expect(host.unanswered[0].message).to.contain('within 6 s');

    request.settle('stream');
    expect(await watched).to.equal('stream');
    expect(host.prompt.waiting, 'the hint goes once the prompt is answered').to.equal(false);
    expect(host.clock.pending()).to.equal(0);
  });

  it('a request answered in time leaves no timer and says nothing', async () => {
    const host = await promptHost();
    const request = pendingRequest();
    const watched = host.prompt.watch(request.promise);
    host.clock.advance(1000);
    request.settle('stream');
    await watched;
    expect(host.clock.pending()).to.equal(0);
    host.clock.advance(10_000);
    await queriesAnswered();
    expect(host.prompt.waiting).to.equal(false);
    expect(host.unanswered).to.deep.equal([]);
  });

  it('both permissions already granted: no hint (the devices are just slow to start)', async () => {
    const host = await promptHost((h) => (h.permissions = fakePermissions({ camera: 'granted', microphone: 'granted' })));
    void host.prompt.watch(pendingRequest().promise);
    host.clock.advance(6000);
    await queriesAnswered();
    expect(host.permissions.queried.sort()).to.deep.equal(['camera', 'microphone']);
    expect(host.prompt.waiting).to.equal(false);
    expect(host.unanswered).to.deep.equal([]);
  });

  it('a negative number of seconds never hints', async () => {
    const host = await promptHost((h) => (h.seconds = -1));
    void host.prompt.watch(pendingRequest().promise);
    expect(host.clock.pending()).to.equal(0);
  });

  it('a new request replaces the one watched: only its own timer runs', async () => {
    const host = await promptHost();
    void host.prompt.watch(pendingRequest().promise);
    host.clock.advance(4000);
    void host.prompt.watch(pendingRequest().promise);
    expect(host.clock.pending()).to.equal(1);
    host.clock.advance(4000);
    await queriesAnswered();
    expect(host.unanswered).to.deep.equal([]);
    host.clock.advance(2000);
    await queriesAnswered();
    expect(host.unanswered.length).to.equal(1);
  });

  it('clears its timer when the host leaves the page, also with the permission query under way', async () => {
    const host = await promptHost();
    void host.prompt.watch(pendingRequest().promise);
    host.remove();
    expect(host.clock.pending()).to.equal(0);

    const again = await promptHost();
    void again.prompt.watch(pendingRequest().promise);
    again.clock.advance(6000);
    again.remove();
    await queriesAnswered();
    expect(again.prompt.waiting).to.equal(false);
    expect(again.unanswered).to.deep.equal([]);
  });
});
