import { expect } from '@open-wc/testing';
import { Upload, type HttpRequest, type UploadOptions } from 'tus-js-client';
import { OnewayError } from '../../src/core/errors.js';
import { PREFLIGHT_BYTES, PreflightUnreachableError, UploadPreflight, type PreflightOptions } from '../../src/core/upload-preflight.js';
import { clearFaults, injectFault, tusRequests } from '../support/commands.js';
import { manualClock } from '../support/clock.js';
import { waitFor } from '../support/wait.js';

/** A request as tus-js-client hands it to onBeforeRequest. */
function request(method: string, url = '/files/abc') {
  const headers: Record<string, string> = {};
  return { headers, req: { getMethod: () => method, getURL: () => url, setHeader: (name: string, value: string) => void (headers[name] = value) } as unknown as HttpRequest };
}

/** A tus upload the test drives by hand: it records how it was made, started and aborted. */
function fakeUploads(options: { abortFails?: boolean } = {}) {
  const made: { file: Blob; options: UploadOptions; started: boolean; aborted: boolean[]; url: string | null }[] = [];
  const createUpload: PreflightOptions['createUpload'] = (file, uploadOptions) => {
    const upload = { file, options: uploadOptions, started: false, aborted: [] as boolean[], url: null as string | null };
    made.push(upload);
    return {
      start: () => void (upload.started = true),
      abort: async (shouldTerminate?: boolean) => {
        upload.aborted.push(Boolean(shouldTerminate));
        if (options.abortFails) throw new Error('405 Method Not Allowed');
      },
      get url() {
        return upload.url;
      },
    };
  };
  return { made, createUpload };
}

/** A failure as tus-js-client reports one: the request, and the response if any came. */
function detailedError(method: string, status?: number) {
  return Object.assign(new Error(`tus: failed ${method}`), {
    originalRequest: { getMethod: () => method, getURL: () => '/files' },
    originalResponse: status === undefined ? null : { getStatus: () => status },
  });
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('it did not fail');
}

describe('UploadPreflight', () => {
  describe('against the tus server', () => {
    afterEach(() => clearFaults());

    it('times a test upload of random bytes, marked as one, and deletes it', async () => {
      let made: UploadOptions | undefined;
      const authorized: string[] = [];
      const preflight = new UploadPreflight({
        endpoint: '/files',
        bytes: 64 * 1024,
        metadata: { candidate: 'c-1', 'oneway-preflight': '0' },
        authorize: ({ method }) => {
          authorized.push(method);
          return { 'X-Test-Token': 't' };
        },
        createUpload: (file, options) => {
          made = options;
          return new Upload(file, options);
        },
      });
      const result = await preflight.run();
      expect(result).to.include({ complete: true, bytesSent: 64 * 1024, deleted: true });
      expect(result.throughputBps).to.be.closeTo((64 * 1024 * 8 * 1000) / result.durationMs, 1e-6);
      expect(result.uploadUrl).to.be.a('string');
      expect(made!.metadata).to.deep.equal({
        filename: 'oneway-preflight.bin',
        filetype: 'application/octet-stream',
        candidate: 'c-1',
        'oneway-preflight': '1',
      });
      expect(made!.retryDelays, 'a measurement is not retried').to.equal(null);
      expect(authorized).to.include.members(['POST', 'PATCH']);
      const head = await fetch(result.uploadUrl!, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
      expect(head.status, 'the test upload is still on the server').to.be.oneOf([404, 410]);
    });

    it('reads a refusal with the host’s credentials as upload-unauthorized, and tries once', async () => {
      const since = Date.now();
      await injectFault({ kind: 'status', status: 401, method: 'POST' });
      const error = await failureOf(new UploadPreflight({ endpoint: '/files', bytes: 1024 }).run());
      expect(error).to.be.instanceOf(OnewayError);
      expect((error as OnewayError).code).to.equal('upload-unauthorized');
      expect(error.message).to.match(/^Upload check: /);
      expect((await tusRequests(since)).filter((r) => r.method === 'POST')).to.have.length(1);
    });

    it('reads a 404 on creation as a wrong endpoint, not as a lost upload', async () => {
      await injectFault({ kind: 'status', status: 404, method: 'POST' });
      const error = await failureOf(new UploadPreflight({ endpoint: '/files', bytes: 1024 }).run());
      expect((error as OnewayError).code).to.equal('upload-rejected');
      expect(error.message).to.contain('check the endpoint URL');
    });

    it('reads what answers would retry (a 503) as unreachable: advice, no error code', async () => {
      await injectFault({ kind: 'status', status: 503, method: 'PATCH' });
      const error = await failureOf(new UploadPreflight({ endpoint: '/files', bytes: 1024 }).run());
      expect(error).to.be.instanceOf(PreflightUnreachableError);
      expect(error.message).to.contain('answered 503');
    });

    it('deletes the test upload when cancelled while the server is still creating it', async () => {
      const since = Date.now();
      // The creation request reaches the server, which answers it late.
      await injectFault({ kind: 'delay', ms: 1500, method: 'POST', count: 1 });
      const preflight = new UploadPreflight({ endpoint: '/files', bytes: 1024 });
      const run = preflight.run();
      await waitFor(async () => (await tusRequests(since)).some((r) => r.method === 'POST'), 'the creation request never arrived');
      await preflight.cancel();
      expect(await failureOf(run)).to.be.instanceOf(PreflightUnreachableError);
      let deleted: string | undefined;
      await waitFor(async () => {
        deleted = (await tusRequests(since)).find((r) => r.method === 'DELETE' && r.status === 204)?.path;
        return deleted;
      }, 'the file the creation request made was not deleted');
      const requests = await tusRequests(since);
      expect(requests.filter((r) => r.method === 'PATCH'), 'no test bytes are sent after the cancel').to.have.length(0);
      const head = await fetch(deleted!, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
      expect(head.status).to.be.oneOf([404, 410]);
    });
  });

  describe('with an upload driven by hand', () => {
    it('measures the body alone: from the first PATCH to the confirmation', async () => {
      const clock = manualClock();
      const { made, createUpload } = fakeUploads();
      const run = new UploadPreflight({ endpoint: '/files', bytes: 1000, now: clock.now, createUpload }).run();
      const { options } = made[0];
      expect(made[0].started).to.equal(true);
      await options.onBeforeRequest!(request('POST').req);
      clock.advance(700); // the creation round trip
      await options.onBeforeRequest!(request('PATCH').req);
      clock.advance(250);
      await options.onBeforeRequest!(request('PATCH').req); // a second PATCH does not restart the timing
      clock.advance(250);
      made[0].url = '/files/abc';
      options.onProgress!(1000, 1000);
      options.onSuccess!({ lastResponse: null as never });
      const result = await run;
      expect(result).to.deep.equal({ throughputBps: 16_000, bytesSent: 1000, durationMs: 500, uploadUrl: '/files/abc', complete: true, deleted: true });
      expect(made[0].aborted).to.deep.equal([true]);
    });

    it('puts the authorize hook’s headers on every request', async () => {
      const { made, createUpload } = fakeUploads();
      const preflight = new UploadPreflight({ endpoint: '/files', createUpload, authorize: async ({ method }) => ({ 'X-Method': method }) });
      void preflight.run().catch(() => undefined);
      const patch = request('PATCH');
      await made[0].options.onBeforeRequest!(patch.req);
      expect(patch.headers).to.deep.equal({ 'X-Method': 'PATCH' });
      await preflight.cancel();
    });

    it('takes what got through by the time limit as the measurement', async () => {
      const clock = manualClock();
      const { made, createUpload } = fakeUploads();
      const run = new UploadPreflight({ endpoint: '/files', bytes: 4000, timeoutMs: 1, now: clock.now, createUpload }).run();
      await made[0].options.onBeforeRequest!(request('PATCH').req);
      made[0].url = '/files/slow';
      made[0].options.onProgress!(1000, 4000);
      clock.advance(2000);
      const result = await run;
      expect(result).to.deep.equal({ throughputBps: 4000, bytesSent: 1000, durationMs: 2000, uploadUrl: '/files/slow', complete: false, deleted: true });
      // The upload's late answers change nothing.
      made[0].options.onSuccess!({ lastResponse: null as never });
      made[0].options.onError!(detailedError('PATCH', 500));
      expect(made[0].aborted).to.deep.equal([true]);
    });

    it('counts the time from the start when no body was sent, and never divides by zero', async () => {
      const clock = manualClock();
      const { createUpload } = fakeUploads();
      const result = await new UploadPreflight({ endpoint: '/files', bytes: 10, timeoutMs: 1, now: clock.now, createUpload }).run();
      expect(result).to.include({ bytesSent: 0, durationMs: 1, throughputBps: 0, complete: false, deleted: false, uploadUrl: undefined });
    });

    it('says deleted: false when the server cannot terminate uploads', async () => {
      const { made, createUpload } = fakeUploads({ abortFails: true });
      const run = new UploadPreflight({ endpoint: '/files', bytes: 10, createUpload }).run();
      made[0].url = '/files/kept';
      made[0].options.onSuccess!({ lastResponse: null as never });
      expect((await run).deleted).to.equal(false);
    });

    it('reads the failure before terminating, and reads no response as unreachable', async () => {
      const { made, createUpload } = fakeUploads();
      const run = new UploadPreflight({ endpoint: '/files', createUpload }).run();
      made[0].options.onError!(detailedError('POST'));
      const error = await failureOf(run);
      expect(error).to.be.instanceOf(PreflightUnreachableError);
      expect(error.message).to.contain('could not be reached');
      expect(made[0].aborted, 'nothing on the server to delete').to.deep.equal([false]);
    });

    it('cancels a running test upload: rejects it as unreachable and deletes what the server has', async () => {
      const { made, createUpload } = fakeUploads();
      const preflight = new UploadPreflight({ endpoint: '/files', createUpload });
      const run = preflight.run();
      made[0].url = '/files/half';
      await preflight.cancel();
      const error = await failureOf(run);
      expect(error).to.be.instanceOf(PreflightUnreachableError);
      expect(error.message).to.equal('The upload check was cancelled.');
      expect(made[0].aborted).to.deep.equal([true]);
      // Settled once: a late success is not a result.
      made[0].options.onSuccess!({ lastResponse: null as never });
      expect(made[0].aborted).to.deep.equal([true]);
    });

    it('waits for a creation request still out when cancelled, then deletes what it made', async () => {
      const { made, createUpload } = fakeUploads();
      const preflight = new UploadPreflight({ endpoint: '/files', createUpload });
      const run = preflight.run();
      await preflight.cancel();
      expect(await failureOf(run)).to.be.instanceOf(PreflightUnreachableError);
      expect(made[0].aborted, 'aborting now would leave the file at a URL never learnt').to.deep.equal([]);
      made[0].url = '/files/late';
      made[0].options.onUploadUrlAvailable!();
      expect(made[0].aborted).to.deep.equal([true]);
    });

    it('gives up waiting for a creation request that is never answered', async () => {
      const { made, createUpload } = fakeUploads();
      const preflight = new UploadPreflight({ endpoint: '/files', createUpload, creationWaitMs: 10 });
      void preflight.run().catch(() => undefined);
      await preflight.cancel();
      await waitFor(() => made[0].aborted.length > 0, 'the creation request was never abandoned');
      expect(made[0].aborted).to.deep.equal([false]);
      made[0].url = '/files/very-late';
      made[0].options.onUploadUrlAvailable!();
      expect(made[0].aborted, 'abandoned once, not again').to.deep.equal([false]);
    });

    it('deletes a file created after the time limit ended the measurement', async () => {
      const { made, createUpload } = fakeUploads();
      const result = await new UploadPreflight({ endpoint: '/files', bytes: 10, timeoutMs: 1, createUpload }).run();
      expect(result).to.include({ complete: false, deleted: false });
      expect(made[0].aborted).to.deep.equal([]);
      made[0].url = '/files/after-limit';
      made[0].options.onUploadUrlAvailable!();
      expect(made[0].aborted).to.deep.equal([true]);
    });

    it('never starts an upload cancelled before it ran', async () => {
      const { made, createUpload } = fakeUploads();
      const preflight = new UploadPreflight({ endpoint: '/files', createUpload });
      await preflight.cancel();
      const error = await failureOf(preflight.run());
      expect(error).to.be.instanceOf(PreflightUnreachableError);
      expect(made[0].started).to.equal(false);
    });

    it('sends incompressible random bytes, PREFLIGHT_BYTES of them unless told', async () => {
      const { made, createUpload } = fakeUploads();
      const preflight = new UploadPreflight({ endpoint: '/files', createUpload });
      void preflight.run().catch(() => undefined);
      await preflight.cancel();
      const bytes = new Uint8Array(await made[0].file.arrayBuffer());
      expect(bytes.length).to.equal(PREFLIGHT_BYTES);
      // Filled past getRandomValues' 64 KiB limit: the last 64 KiB are not zeros.
      expect(bytes.subarray(bytes.length - 65536).some((byte) => byte !== 0)).to.equal(true);
      const given = fakeUploads();
      const fixed = new UploadPreflight({ endpoint: '/files', bytes: 3, randomBytes: (size) => new Uint8Array(size).fill(7), createUpload: given.createUpload });
      void fixed.run().catch(() => undefined);
      await fixed.cancel();
      expect(new Uint8Array(await given.made[0].file.arrayBuffer())).to.deep.equal(new Uint8Array([7, 7, 7]));
    });
  });
});
