import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { UploadOptions } from 'tus-js-client';
import { UploadPreflightController } from '../../src/controllers/upload-preflight-controller.js';
import { OnewayError } from '../../src/core/errors.js';
import type { PreflightOptions, PreflightResult } from '../../src/core/upload-preflight.js';

class PreflightHost extends LitElement {}
customElements.define('test-preflight-host', PreflightHost);

/** Test uploads the controller made, each finished or failed by the test. */
function handDriven() {
  const made: { options: UploadOptions; aborted: boolean[]; url: string | null }[] = [];
  const createUpload: PreflightOptions['createUpload'] = (_file, options) => {
    const upload = { options, aborted: [] as boolean[], url: '/files/test' as string | null };
    made.push(upload);
    return { start: () => undefined, abort: async (terminate?: boolean) => void upload.aborted.push(Boolean(terminate)), url: upload.url };
  };
  return { made, createUpload };
}

function connected() {
  const host = document.createElement('test-preflight-host') as PreflightHost;
  const uploads = handDriven();
  const errors: OnewayError[] = [];
  const results: PreflightResult[] = [];
  const controller = new UploadPreflightController(host, {
    preflightOptions: () => ({ endpoint: '/files', bytes: 100, createUpload: uploads.createUpload }),
    onError: (error) => errors.push(error),
    onResult: (result) => results.push(result),
  });
  document.body.append(host);
  return { host, controller, made: uploads.made, errors, results };
}

const refusal = (status: number) =>
  Object.assign(new Error('tus: unexpected response'), {
    originalRequest: { getMethod: () => 'POST', getURL: () => '/files' },
    originalResponse: { getStatus: () => status },
  });

describe('UploadPreflightController', () => {
  afterEach(() => {
    for (const host of document.querySelectorAll('test-preflight-host')) host.remove();
  });

  it('is running while the test upload is, then done with its result', async () => {
    const { host, controller, made, results, errors } = connected();
    expect(controller.status).to.equal('idle');
    const run = controller.run();
    expect(controller.status).to.equal('running');
    expect(controller.startedAt).to.be.above(0);
    expect(host.isUpdatePending, 'the host shows the check running').to.equal(true);
    made[0].options.onSuccess!({ lastResponse: null as never });
    const result = await run;
    expect(result).to.include({ complete: true, bytesSent: 100 });
    expect(controller.status).to.equal('done');
    expect(controller.result).to.equal(result);
    expect(results).to.deep.equal([result]);
    expect(errors).to.deep.equal([]);
  });

  it('reports a refusal for good, and only says failed when the server is merely unreachable', async () => {
    const { controller, made, errors, results } = connected();
    const refused = controller.run();
    made[0].options.onError!(refusal(403));
    expect(await refused).to.equal(undefined);
    expect(controller.status).to.equal('failed');
    expect(errors.map((error) => error.code)).to.deep.equal(['upload-unauthorized']);

    const unreachable = controller.run();
    expect(controller.result, 'an old result while a new check runs').to.equal(undefined);
    made[1].options.onError!(refusal(503));
    expect(await unreachable).to.equal(undefined);
    expect(controller.status).to.equal('failed');
    expect(errors, 'advice is no error').to.have.length(1);
    expect(results).to.deep.equal([]);
  });

  it('cancels and deletes the test upload still running when a new one starts; only the new one counts', async () => {
    const { controller, made, results } = connected();
    const first = controller.run();
    const second = controller.run();
    expect(await first).to.equal(undefined);
    expect(made[0].aborted).to.deep.equal([true]);
    expect(controller.status).to.equal('running');
    made[1].options.onSuccess!({ lastResponse: null as never });
    expect(await second).to.not.equal(undefined);
    expect(results).to.have.length(1);
    expect(controller.status).to.equal('done');
  });

  it('cancels and deletes a running test upload when the host leaves the page', async () => {
    const { host, controller, made, results, errors } = connected();
    const run = controller.run();
    host.remove();
    expect(controller.status).to.equal('idle');
    expect(await run).to.equal(undefined);
    expect(made[0].aborted).to.deep.equal([true]);
    made[0].options.onSuccess!({ lastResponse: null as never });
    expect(results).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('lets a test upload told to finish in the background finish after the host left, and counts it', async () => {
    const { host, controller, made, results } = connected();
    const run = controller.run();
    controller.finishInBackground();
    host.remove();
    expect(controller.status).to.equal('running');
    expect(made[0].aborted).to.deep.equal([]);
    made[0].options.onSuccess!({ lastResponse: null as never });
    await run;
    expect(results).to.have.length(1);
    expect(controller.status).to.equal('done');
  });

  it('forgets finishInBackground once a new test upload starts, and ignores it when nothing runs', async () => {
    const { host, controller, made } = connected();
    controller.finishInBackground(); // idle: nothing to keep running
    void controller.run();
    host.remove();
    expect(made[0].aborted).to.deep.equal([true]);

    document.body.append(host);
    void controller.run();
    controller.finishInBackground();
    void controller.run(); // a new check: the old one's background wish goes with it
    host.remove();
    expect(made[1].aborted).to.deep.equal([true]);
    expect(made[2].aborted).to.deep.equal([true]);
  });
});
