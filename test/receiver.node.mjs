// The demo's receiving server (demo/server/receiver.js) over real HTTP on 127.0.0.1, with plain
// fetch and tus headers: what it refuses and why, what it keeps, and that it cleans up after
// itself. Run with `node --test test/receiver.node.mjs`.
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { HEADROOM_BYTES, PREFLIGHT_MAX_BYTES } from '../demo/server/answer-rules.js';
import { checkInterviewConfig, loadInterviews } from '../demo/server/interviews.js';
import { createReceiver } from '../demo/server/receiver.js';

const ALLOWED_ORIGIN = 'https://careers.example';

const interviewConfig = {
  id: 'support-2026',
  title: 'Support Specialist',
  questions: [
    { id: 'intro', text: 'Introduce yourself.', answer: 'video', answerSeconds: 2 },
    { id: 'call', text: 'A difficult call?', answer: 'audio', answerSeconds: 2 },
    { id: 'start', text: 'When can you start?', answer: 'text', maxChars: 10 },
  ],
};
const VIDEO_LIMIT = (2 * 8_000_000) / 8 + HEADROOM_BYTES;

/** tus Upload-Metadata: comma-separated `key base64(value)` pairs. */
const encodeMetadata = (metadata) =>
  Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');

const answerMetadata = (overrides = {}) => ({
  interviewId: 'support-2026',
  questionId: 'intro',
  attempt: '1',
  kind: 'video',
  candidate: 'alice',
  filename: 'answer.webm',
  filetype: 'video/webm',
  codecs: 'video/webm;codecs=vp8,opus',
  ...overrides,
});

/** Starts a receiver on 127.0.0.1 with its own temporary folder. */
async function startReceiver(options = {}) {
  const folder = await mkdtemp(join(tmpdir(), 'oneway-receiver-'));
  const interviewsDir = join(folder, 'interviews');
  await mkdir(interviewsDir);
  await writeFile(join(interviewsDir, 'support.json'), JSON.stringify(interviewConfig));
  const logs = [];
  const receiver = createReceiver({
    directory: join(folder, 'uploads'),
    interviewsDir,
    allowedOrigins: [ALLOWED_ORIGIN],
    ffmpeg: false,
    log: (message) => logs.push(message),
    ...options,
  });
  const server = createServer(receiver.handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    folder,
    receiver,
    base,
    logs,
    uploads: join(folder, 'uploads'),
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await receiver.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

describe('the demo receiver', () => {
  let ctx;
  let token;
  let reviewerCookie;

  before(async () => {
    ctx = await startReceiver({ demo: true });
    token = ctx.receiver.tokens.issue({ role: 'candidate', candidate: 'alice' }).token;
    const session = await fetch(`${ctx.base}/demo-api/review-session`, { method: 'POST' });
    reviewerCookie = session.headers.get('set-cookie').split(';')[0];
  });
  after(() => ctx.stop());

  const create = ({ metadata = answerMetadata(), length, deferred = false, bearer = token, headers = {} } = {}) =>
    fetch(`${ctx.base}/files`, {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        ...(deferred ? { 'Upload-Defer-Length': '1' } : { 'Upload-Length': String(length ?? 0) }),
        'Upload-Metadata': encodeMetadata(metadata),
        ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
        ...headers,
      },
    });

  const patch = (location, body, { offset = 0, bearer = token, headers = {} } = {}) =>
    fetch(location, {
      method: 'PATCH',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Content-Type': 'application/offset+octet-stream',
        'Upload-Offset': String(offset),
        ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
        ...headers,
      },
      body,
    });

  const readIndex = async () => JSON.parse(await readFile(join(ctx.uploads, 'index', 'support-2026.json'), 'utf8'));

  describe('tokens', () => {
    it('issues a signed candidate token that expires', async () => {
      const response = await fetch(`${ctx.base}/demo-api/token?candidate=${encodeURIComponent('bob@example.com')}`, { method: 'POST' });
      assert.equal(response.status, 200);
      const body = await response.json();
      assert.match(body.token, /^[\w-]+\.[\w-]+$/);
      assert.ok(body.expiresAt > Date.now());
      const verified = ctx.receiver.tokens.verify(body.token);
      assert.deepEqual({ ok: verified.ok, role: verified.claims.role, candidate: verified.claims.candidate }, { ok: true, role: 'candidate', candidate: 'bob@example.com' });
    });

    it('needs a candidate', async () => {
      const response = await fetch(`${ctx.base}/demo-api/token`, { method: 'POST' });
      assert.equal(response.status, 400);
      assert.match((await response.json()).error, /candidate/);
    });

    it('refuses an upload without a token with 401', async () => {
      const response = await create({ bearer: '', length: 3 });
      assert.equal(response.status, 401);
      assert.match(await response.text(), /Authorization: Bearer/);
    });

    it('refuses a tampered token with 401', async () => {
      const [payload, signature] = token.split('.');
      const forged = Buffer.from(JSON.stringify({ role: 'candidate', candidate: 'mallory', expiresAt: Date.now() + 60_000 })).toString('base64url');
      // Another first character: always other bytes (the last one may carry only padding bits,
      // and ending it in "AA" changes nothing when the signature already ends so).
      const altered = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
      for (const bad of [`${forged}.${signature}`, `${payload}.${altered}`, 'not-a-token']) {
        const response = await create({ bearer: bad, length: 3 });
        assert.equal(response.status, 401, bad);
        assert.match(await response.text(), /token was refused/);
      }
    });

    it('refuses an expired token with 401', async () => {
      const expired = ctx.receiver.tokens.issue({ role: 'candidate', candidate: 'alice' }, { ttlMs: -1000 }).token;
      const response = await create({ bearer: expired, length: 3 });
      assert.equal(response.status, 401);
      assert.match(await response.text(), /expired/);
    });

    it('checks the token on every request of an upload, not only its creation', async () => {
      const created = await create({ length: 3 });
      assert.equal(created.status, 201);
      const location = created.headers.get('location');
      const expired = ctx.receiver.tokens.issue({ role: 'candidate', candidate: 'alice' }, { ttlMs: -1 }).token;
      assert.equal((await patch(location, 'abc', { bearer: expired })).status, 401);
      assert.equal((await patch(location, 'abc', { bearer: '' })).status, 401);
      const head = await fetch(location, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
      assert.equal(head.status, 401);
    });

    it("refuses another candidate's token on an upload with 403", async () => {
      const created = await create({ length: 3 });
      const bob = ctx.receiver.tokens.issue({ role: 'candidate', candidate: 'bob' }).token;
      const response = await patch(created.headers.get('location'), 'abc', { bearer: bob });
      assert.equal(response.status, 403);
      assert.match(await response.text(), /another candidate/);
    });

    it('refuses metadata that names another candidate than the token', async () => {
      const response = await create({ metadata: answerMetadata({ candidate: 'bob' }), length: 3 });
      assert.equal(response.status, 403);
      assert.match(await response.text(), /"bob".*"alice"/);
    });

    it('refuses a reviewer token for uploads', async () => {
      const reviewer = ctx.receiver.tokens.issue({ role: 'reviewer' }).token;
      assert.equal((await create({ bearer: reviewer, length: 3 })).status, 403);
    });

    it('holds a candidate to the interview named in the token', async () => {
      const scoped = ctx.receiver.tokens.issue({ role: 'candidate', candidate: 'alice', interviewId: 'other' }).token;
      const response = await create({ bearer: scoped, length: 3 });
      assert.equal(response.status, 403);
      assert.match(await response.text(), /for the interview "other"/);
    });
  });

  describe('metadata', () => {
    it('refuses an unknown interview with 422 and says which ones it knows', async () => {
      const response = await create({ metadata: answerMetadata({ interviewId: 'sales-2027' }), length: 3 });
      assert.equal(response.status, 422);
      assert.equal(await response.text(), 'Unknown interview "sales-2027": this server takes answers for "support-2026".\n');
    });

    it('refuses a question the interview does not have', async () => {
      const response = await create({ metadata: answerMetadata({ questionId: 'q9' }), length: 3 });
      assert.equal(response.status, 422);
      assert.match(await response.text(), /has no question "q9"; its questions are "intro", "call", "start"/);
    });

    it('refuses an answer kind that does not match the question', async () => {
      const response = await create({ metadata: answerMetadata({ kind: 'audio', filetype: 'audio/webm', codecs: 'audio/webm;codecs=opus' }), length: 3 });
      assert.equal(response.status, 422);
      assert.match(await response.text(), /"intro" takes a video answer, not "audio"/);
    });

    it('refuses a file type that does not suit the kind with 415', async () => {
      const cases = [
        answerMetadata({ filetype: 'audio/webm', codecs: 'audio/webm;codecs=opus' }),
        answerMetadata({ filetype: 'text/html', codecs: 'text/html' }),
        answerMetadata({ questionId: 'start', kind: 'text', filetype: 'video/mp4', codecs: 'video/mp4' }),
        answerMetadata({ questionId: 'call', kind: 'audio', filetype: 'video/x-matroska', codecs: 'video/x-matroska' }),
      ];
      for (const metadata of cases) {
        const response = await create({ metadata, length: 3 });
        assert.equal(response.status, 415, metadata.filetype);
        assert.match(await response.text(), /answer cannot be/);
      }
    });

    it('takes audio answers in the containers browsers label them with', async () => {
      for (const filetype of ['audio/webm', 'audio/mp4', 'video/webm']) {
        const response = await create({ metadata: answerMetadata({ questionId: 'call', kind: 'audio', filetype, codecs: filetype }), length: 3 });
        assert.equal(response.status, 201, filetype);
      }
    });

    it('needs a positive whole attempt and the required keys', async () => {
      for (const attempt of ['0', '-1', '1.5', 'two']) {
        const response = await create({ metadata: answerMetadata({ attempt }), length: 3 });
        assert.equal(response.status, 400, attempt);
        assert.match(await response.text(), /"attempt" must be a positive whole number/);
      }
      const incomplete = answerMetadata();
      delete incomplete.kind;
      delete incomplete.filetype;
      const response = await create({ metadata: incomplete, length: 3 });
      assert.equal(response.status, 400);
      assert.match(await response.text(), /missing "kind", "filetype"/);
    });

    it('refuses codecs that are not the full type of filetype', async () => {
      const response = await create({ metadata: answerMetadata({ codecs: 'video/mp4;codecs=avc1' }), length: 3 });
      assert.equal(response.status, 400);
    });
  });

  describe('a valid answer', () => {
    it('is stored, listed in the index and readable by a reviewer', async () => {
      const body = Buffer.from('fake webm bytes');
      const created = await create({ length: body.length });
      assert.equal(created.status, 201);
      const location = created.headers.get('location');
      assert.match(location, /\/files\/[0-9a-f]+$/);
      const fileId = location.split('/').at(-1);
      const sent = await patch(location, body);
      assert.equal(sent.status, 204);
      assert.equal(sent.headers.get('upload-offset'), String(body.length));

      const entry = (await readIndex()).answers.find((answer) => answer.fileId === fileId);
      assert.ok(entry, 'the answer is in the index');
      assert.deepEqual(
        { ...entry, receivedAt: typeof entry.receivedAt },
        {
          fileId,
          candidate: 'alice',
          interviewId: 'support-2026',
          questionId: 'intro',
          attempt: 1,
          kind: 'video',
          size: body.length,
          filetype: 'video/webm',
          codecs: 'video/webm;codecs=vp8,opus',
          filename: 'answer.webm',
          receivedAt: 'string',
        },
      );
      assert.ok(Date.parse(entry.receivedAt) <= Date.now());
      assert.ok(ctx.logs.some((line) => line.startsWith(`not remuxed (no ffmpeg): ${fileId}`)), 'a WebM answer without ffmpeg is logged');

      assert.equal((await fetch(location)).status, 401, 'reading back needs a reviewer');
      assert.equal((await fetch(location, { headers: { Authorization: `Bearer ${token}` } })).status, 401, 'a candidate is no reviewer');
      const read = await fetch(location, { headers: { Cookie: reviewerCookie } });
      assert.equal(read.status, 200);
      assert.equal(read.headers.get('content-type'), 'video/webm');
      assert.deepEqual(Buffer.from(await read.arrayBuffer()), body);

      const part = await fetch(location, { headers: { Cookie: reviewerCookie, Range: 'bytes=5-8' } });
      assert.equal(part.status, 206, 'players can seek (Safari needs Range to play media)');
      assert.equal(part.headers.get('content-range'), `bytes 5-8/${body.length}`);
      assert.equal(await part.text(), 'webm');
      const tail = await fetch(location, { headers: { Cookie: reviewerCookie, Range: 'bytes=-5' } });
      assert.equal(await tail.text(), 'bytes');
      assert.equal((await fetch(location, { headers: { Cookie: reviewerCookie, Range: `bytes=${body.length}-` } })).status, 416);
      assert.equal((await fetch(`${location}?remuxed`, { headers: { Cookie: reviewerCookie } })).status, 404, 'no remuxed copy without ffmpeg');

      const answers = await fetch(`${ctx.base}/demo-api/answers`, { headers: { Cookie: reviewerCookie } });
      assert.equal(answers.status, 200);
      const [interview] = (await answers.json()).interviews;
      assert.equal(interview.questions[0].text, 'Introduce yourself.');
      assert.equal(interview.answers.find((answer) => answer.fileId === fileId).url, `/files/${fileId}`);
      assert.equal((await fetch(`${ctx.base}/demo-api/answers`)).status, 401);
    });

    it('streams with a deferred length, the way the widget sends it', async () => {
      const created = await create({ deferred: true, metadata: answerMetadata({ attempt: '2' }) });
      assert.equal(created.status, 201);
      const location = created.headers.get('location');
      assert.equal((await patch(location, 'first ')).status, 204);
      const last = await patch(location, 'second', { offset: 6, headers: { 'Upload-Length': '12' } });
      assert.equal(last.status, 204);
      const entry = (await readIndex()).answers.find((answer) => location.endsWith(answer.fileId));
      assert.equal(entry?.attempt, 2);
      assert.equal(entry?.size, 12);
    });

    it('takes the candidate from the token when the metadata leaves it empty', async () => {
      const created = await create({ metadata: answerMetadata({ candidate: '', questionId: 'start', kind: 'text', filetype: 'text/plain', codecs: 'text/plain;charset=utf-8' }), length: 2 });
      assert.equal(created.status, 201);
      const location = created.headers.get('location');
      assert.equal((await patch(location, 'hi')).status, 204);
      const entry = (await readIndex()).answers.find((answer) => location.endsWith(answer.fileId));
      assert.equal(entry?.candidate, 'alice');
      assert.equal(entry?.kind, 'text');
      const read = await fetch(location, { headers: { Cookie: reviewerCookie } });
      assert.equal(read.headers.get('content-type'), 'text/plain; charset=utf-8');
      assert.equal(await read.text(), 'hi');
    });

    it('leaves the index when the candidate discards the take (tus termination)', async () => {
      const created = await create({ length: 3, metadata: answerMetadata({ attempt: '3' }) });
      const location = created.headers.get('location');
      assert.equal((await patch(location, 'abc')).status, 204);
      assert.ok((await readIndex()).answers.some((answer) => location.endsWith(answer.fileId)));
      const deleted = await fetch(location, { method: 'DELETE', headers: { 'Tus-Resumable': '1.0.0', Authorization: `Bearer ${token}` } });
      assert.equal(deleted.status, 204);
      await ctx.receiver.idle(); // the index is updated after the response
      assert.ok(!(await readIndex()).answers.some((answer) => location.endsWith(answer.fileId)));
    });

    it("accepts the device check's test upload without listing it", async () => {
      const metadata = { filename: 'oneway-preflight.bin', filetype: 'application/octet-stream', 'oneway-preflight': '1' };
      const created = await create({ metadata, length: 4 });
      assert.equal(created.status, 201);
      const location = created.headers.get('location');
      assert.equal((await patch(location, 'abcd')).status, 204);
      assert.ok(!(await readIndex()).answers.some((answer) => location.endsWith(answer.fileId)));
      assert.equal((await fetch(location, { headers: { Cookie: reviewerCookie } })).status, 404, 'test uploads are not served');
      const tooBig = await create({ metadata, length: PREFLIGHT_MAX_BYTES + 1 });
      assert.equal(tooBig.status, 413);
    });
  });

  describe('a consent receipt', () => {
    const receiptMetadata = (overrides = {}) => ({
      interviewId: 'support-2026',
      kind: 'consent',
      candidate: 'alice',
      filename: 'consent.json',
      filetype: 'application/json',
      codecs: 'application/json;charset=utf-8',
      ...overrides,
    });

    it('is stored, logged and kept out of the list of answers', async () => {
      const body = Buffer.from(JSON.stringify({ interviewId: 'support-2026', candidate: 'alice', textSha256: 'ab'.repeat(32) }));
      const created = await create({ metadata: receiptMetadata(), length: body.length });
      assert.equal(created.status, 201);
      const location = created.headers.get('location');
      const fileId = location.split('/').at(-1);
      assert.equal((await patch(location, body)).status, 204);
      assert.ok(ctx.logs.some((line) => line.startsWith('consent receipt received: support-2026') && line.includes(fileId)), 'the receipt was not logged');
      const index = await readIndex().catch(() => ({ answers: [] }));
      assert.ok(!index.answers.some((answer) => answer.fileId === fileId), 'a receipt was listed as an answer');
      const read = await fetch(location, { headers: { Cookie: reviewerCookie } });
      assert.deepEqual(Buffer.from(await read.arrayBuffer()), body);
    });

    it('must be JSON, for a known interview, and small', async () => {
      assert.equal((await create({ metadata: receiptMetadata({ filetype: 'text/html' }), length: 10 })).status, 415);
      assert.equal((await create({ metadata: receiptMetadata({ interviewId: 'nope' }), length: 10 })).status, 422);
      assert.equal((await create({ metadata: receiptMetadata(), length: 17 * 1024 })).status, 413);
    });
  });

  describe('size limits', () => {
    it("refuses a declared length above the question's limit with 413", async () => {
      assert.equal((await create({ length: VIDEO_LIMIT + 1 })).status, 413);
      const atLimit = await create({ length: VIDEO_LIMIT });
      assert.equal(atLimit.status, 201);
      const text = answerMetadata({ questionId: 'start', kind: 'text', filetype: 'text/plain', codecs: 'text/plain' });
      assert.equal((await create({ metadata: text, length: 41 })).status, 413, 'text: 10 characters × 4 bytes');
      assert.equal((await create({ metadata: text, length: 40 })).status, 201);
    });

    it('refuses a streamed upload that grows past the limit with 413', async () => {
      const text = answerMetadata({ questionId: 'start', kind: 'text', filetype: 'text/plain', codecs: 'text/plain' });
      const created = await create({ metadata: text, deferred: true });
      const location = created.headers.get('location');
      assert.equal((await patch(location, 'x'.repeat(30))).status, 204);
      assert.equal((await patch(location, 'x'.repeat(30), { offset: 30 })).status, 413);
      const declared = await patch(location, '', { offset: 30, headers: { 'Upload-Length': '100' } });
      assert.equal(declared.status, 413);
    });

    it('grants more room to a token with a time accommodation', async () => {
      const accommodated = ctx.receiver.tokens.issue({ role: 'candidate', candidate: 'alice', timeMultiplier: 2 }).token;
      assert.equal((await create({ length: VIDEO_LIMIT + 1, bearer: accommodated })).status, 201);
    });
  });

  describe('CORS', () => {
    const preflight = (origin) =>
      fetch(`${ctx.base}/files`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, tus-resumable, upload-length, upload-metadata' },
      });

    it('answers a preflight from a listed origin', async () => {
      const response = await preflight(ALLOWED_ORIGIN);
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
      assert.match(response.headers.get('access-control-allow-headers'), /Authorization/);
    });

    it('gives an unlisted origin no Access-Control-Allow-Origin', async () => {
      const response = await preflight('https://evil.example');
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      const post = await create({ length: 3, headers: { Origin: 'https://evil.example' } });
      assert.equal(post.headers.get('access-control-allow-origin'), null);
    });

    it('exposes the tus headers to a listed origin', async () => {
      const response = await create({ length: 3, headers: { Origin: ALLOWED_ORIGIN } });
      assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
      const exposed = response.headers.get('access-control-expose-headers');
      for (const header of ['Location', 'Upload-Offset', 'Upload-Length', 'Tus-Resumable']) assert.match(exposed, new RegExp(header));
    });
  });

  describe("a process that dies after an answer's last bytes were stored, before they were answered", () => {
    it('lists the answer when the client asks (HEAD) where it stands, once', async () => {
      const created = await create({ length: 4 });
      const location = created.headers.get('location');
      const fileId = location.split('/').at(-1);
      // The bytes reach the store, but no PATCH handler lives to run onUploadFinish.
      assert.equal(await ctx.receiver.tus.datastore.write(Readable.from([Buffer.from('webm')]), fileId, 0), 4);
      assert.ok(!(await readIndex()).answers.some((answer) => answer.fileId === fileId), 'not listed yet');

      const headers = { 'Tus-Resumable': '1.0.0', Authorization: `Bearer ${token}` };
      const head = await fetch(location, { method: 'HEAD', headers });
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('upload-offset'), '4', 'the client learns the answer is complete');
      await fetch(location, { method: 'HEAD', headers });
      const listed = (await readIndex()).answers.filter((answer) => answer.fileId === fileId);
      assert.equal(listed.length, 1);
      assert.equal(listed[0].size, 4);
    });
  });
});

/** A tus creation request for an answer, with a bearer token. */
const createUpload = (base, bearer, metadata = answerMetadata()) =>
  fetch(`${base}/files`, {
    method: 'POST',
    headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '3', 'Upload-Metadata': encodeMetadata(metadata), Authorization: `Bearer ${bearer}` },
  });

describe('the endpoints that hand out access fail closed', () => {
  const post = (base, route, headers = {}) => fetch(`${base}/demo-api/${route}`, { method: 'POST', headers });

  it('are off without the demo flag or an API secret, and say how to turn them on', async () => {
    const ctx = await startReceiver();
    try {
      for (const route of ['token?candidate=alice', 'review-session']) {
        const response = await post(ctx.base, route);
        assert.equal(response.status, 403, route);
        assert.equal(response.headers.get('set-cookie'), null, route);
        assert.match((await response.json()).error, /demo: true .* apiSecret/, route);
      }
      assert.ok(ctx.logs.some((line) => /\/demo-api\/token and \/demo-api\/review-session are off/.test(line)), 'the receiver says so at start');
    } finally {
      await ctx.stop();
    }
  });

  it('answer only a caller that sends the configured API secret', async () => {
    const ctx = await startReceiver({ apiSecret: 'back-end-secret' });
    try {
      for (const headers of [{}, { Authorization: 'Bearer wrong-secret' }, { Authorization: 'Bearer back-end-secre' }]) {
        assert.equal((await post(ctx.base, 'token?candidate=alice', headers)).status, 401, JSON.stringify(headers));
        assert.equal((await post(ctx.base, 'review-session', headers)).status, 401, JSON.stringify(headers));
      }
      const authorized = { Authorization: 'Bearer back-end-secret' };
      const issued = await post(ctx.base, 'token?candidate=alice', authorized);
      assert.equal(issued.status, 200);
      assert.equal((await createUpload(ctx.base, (await issued.json()).token)).status, 201, 'the token it issued uploads');
      const session = await post(ctx.base, 'review-session', authorized);
      assert.equal(session.status, 204);
      assert.match(session.headers.get('set-cookie'), /^oneway_review=/);
    } finally {
      await ctx.stop();
    }
  });

  it('mark the reviewer cookie Secure over https (TLS, or a proxy that says so), not over http', async () => {
    const ctx = await startReceiver({ demo: true });
    // TLS with a pre-shared key: real https on 127.0.0.1 without a certificate to ship.
    const psk = Buffer.from('6f6e657761792d726563656976657221', 'hex');
    const tls = { ciphers: 'PSK-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' };
    const server = createHttpsServer({ ...tls, pskCallback: () => psk }, ctx.receiver.handler);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const cookieOver = async (headers) => (await post(ctx.base, 'review-session', headers)).headers.get('set-cookie');
      assert.doesNotMatch(await cookieOver({}), /Secure/i);
      assert.match(await cookieOver({ 'X-Forwarded-Proto': 'https' }), /; Secure$/);
      const overTls = await new Promise((resolve, reject) => {
        const request = httpsRequest(
          {
            ...tls,
            host: '127.0.0.1',
            port: server.address().port,
            method: 'POST',
            path: '/demo-api/review-session',
            pskCallback: () => ({ psk, identity: 'test' }),
            checkServerIdentity: () => undefined,
          },
          (response) => resolve(response.resume().headers['set-cookie']?.[0]),
        );
        request.on('error', reject).end();
      });
      assert.match(overTls, /^oneway_review=.*; HttpOnly; SameSite=Strict; .*; Secure$/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await ctx.stop();
    }
  });
});

describe('uploads per token', () => {
  it('are capped: past the cap a token gets 403, a fresh token goes on, and refused creations do not count', async () => {
    const ctx = await startReceiver({ maxUploadsPerToken: 2 });
    try {
      const token = ctx.receiver.tokens.issue({ role: 'candidate', candidate: 'alice' }).token;
      assert.equal((await createUpload(ctx.base, token, answerMetadata({ questionId: 'q9' }))).status, 422);
      assert.equal((await createUpload(ctx.base, token)).status, 201);
      assert.equal((await createUpload(ctx.base, token)).status, 201);
      const refused = await createUpload(ctx.base, token);
      // 403, so the widget asks its authorize hook for a fresh token (a leaked token stays spent).
      assert.equal(refused.status, 403);
      assert.match(await refused.text(), /This token has created its 2 uploads; ask for a fresh one/);
      const fresh = ctx.receiver.tokens.issue({ role: 'candidate', candidate: 'alice' }).token;
      assert.equal((await createUpload(ctx.base, fresh)).status, 201);
    } finally {
      await ctx.stop();
    }
  });
});

describe('expired uploads', () => {
  it('are deleted periodically, and the period ends with close()', async () => {
    const ctx = await startReceiver({ uploadExpiryMs: 300, cleanupIntervalMs: 50 });
    try {
      const token = ctx.receiver.tokens.issue({ role: 'candidate', candidate: 'alice' }).token;
      const created = await fetch(`${ctx.base}/files`, {
        method: 'POST',
        headers: { 'Tus-Resumable': '1.0.0', 'Upload-Defer-Length': '1', 'Upload-Metadata': encodeMetadata(answerMetadata()), Authorization: `Bearer ${token}` },
      });
      assert.equal(created.status, 201);
      assert.ok(created.headers.get('upload-expires'), 'the client is told when the upload expires');
      const fileId = created.headers.get('location').split('/').at(-1);
      const files = join(ctx.uploads, 'files');
      const deadline = Date.now() + 5000;
      while ((await readdir(files)).includes(fileId) && Date.now() < deadline) await sleep(20);
      assert.ok(!(await readdir(files)).includes(fileId), 'the abandoned upload is gone');

      await ctx.receiver.close();
      // An expired upload left behind after close() stays: no clean-up runs any more.
      const info = { id: 'leftover', offset: 0, metadata: {}, creation_date: new Date(Date.now() - 60_000).toISOString() };
      await writeFile(join(files, 'leftover'), '');
      await writeFile(join(files, 'leftover.json'), JSON.stringify(info));
      await sleep(150);
      assert.ok((await readdir(files)).includes('leftover'));
    } finally {
      await ctx.stop();
    }
  });
});

describe('device-check test uploads', () => {
  it('are deleted by the clean-up when the page left one behind', async () => {
    // Expiry only covers unfinished uploads; a finished test upload would otherwise stay for good.
    const ctx = await startReceiver({ cleanupIntervalMs: 50 });
    try {
      const token = ctx.receiver.tokens.issue({ role: 'candidate', candidate: 'alice' }).token;
      const files = join(ctx.uploads, 'files');
      const test = await fetch(`${ctx.base}/files`, {
        method: 'POST',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Length': '2',
          'Content-Type': 'application/offset+octet-stream',
          'Upload-Metadata': encodeMetadata({ filetype: 'application/octet-stream', 'oneway-preflight': '1' }),
          Authorization: `Bearer ${token}`,
        },
        body: 'ok',
      });
      assert.equal(test.status, 201);
      assert.equal(test.headers.get('upload-offset'), '2');
      const testId = test.headers.get('location').split('/').at(-1);
      const deadline = Date.now() + 5000;
      while ((await readdir(files)).includes(testId) && Date.now() < deadline) await sleep(20);
      assert.ok(!(await readdir(files)).includes(testId), 'the finished test upload is gone');
    } finally {
      await ctx.stop();
    }
  });
});

describe('remuxing WebM', () => {
  it('runs ffmpeg -c copy in the background and records the remuxed file', async () => {
    // A stand-in for ffmpeg that copies its input to its output and records its arguments.
    const folder = await mkdtemp(join(tmpdir(), 'oneway-ffmpeg-'));
    const fake = join(folder, 'ffmpeg');
    await writeFile(
      fake,
      `#!${process.execPath}\nconst fs = require('node:fs');\nconst args = process.argv.slice(2);\nfs.writeFileSync(${JSON.stringify(join(folder, 'args.json'))}, JSON.stringify(args));\nfs.copyFileSync(args[args.indexOf('-i') + 1], args.at(-1));\n`,
    );
    await chmod(fake, 0o755);
    const ctx = await startReceiver({ ffmpeg: fake });
    try {
      const token = ctx.receiver.tokens.issue({ role: 'candidate', candidate: 'alice' }).token;
      const created = await fetch(`${ctx.base}/files`, {
        method: 'POST',
        headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '4', 'Upload-Metadata': encodeMetadata(answerMetadata()), Authorization: `Bearer ${token}` },
      });
      const location = created.headers.get('location');
      const fileId = location.split('/').at(-1);
      const sent = await fetch(location, {
        method: 'PATCH',
        headers: { 'Tus-Resumable': '1.0.0', 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0', Authorization: `Bearer ${token}` },
        body: 'webm',
      });
      assert.equal(sent.status, 204);
      await ctx.receiver.close(); // waits for the remux
      const args = JSON.parse(await readFile(join(folder, 'args.json'), 'utf8'));
      assert.deepEqual(args.slice(args.indexOf('-c'), args.indexOf('-c') + 2), ['-c', 'copy']);
      const index = JSON.parse(await readFile(join(ctx.uploads, 'index', 'support-2026.json'), 'utf8'));
      assert.equal(index.answers[0].remuxedFile, `${fileId}.remuxed.webm`);
      assert.equal(await readFile(join(ctx.uploads, 'files', `${fileId}.remuxed.webm`), 'utf8'), 'webm');
      const reviewer = `Bearer ${ctx.receiver.tokens.issue({ role: 'reviewer' }).token}`;
      const [interview] = (await (await fetch(`${ctx.base}/demo-api/answers`, { headers: { Authorization: reviewer } })).json()).interviews;
      assert.equal(interview.answers[0].remuxedUrl, `/files/${fileId}?remuxed`);
      const remuxed = await fetch(`${ctx.base}${interview.answers[0].remuxedUrl}`, { headers: { Authorization: reviewer } });
      assert.equal(await remuxed.text(), 'webm');
    } finally {
      await ctx.stop();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('interview configs', () => {
  it("the demo's interviews are valid", () => {
    const interviews = loadInterviews(fileURLToPath(new URL('../demo/interviews', import.meta.url)));
    const demo = interviews.get('demo');
    assert.deepEqual([...demo.questions.values()].map((question) => question.answer), ['video', 'audio', 'text']);
    assert.equal(demo.config.practice, true);
    assert.equal(demo.config.deviceCheck, true);
  });

  it('a broken config stops the receiver from starting, with every problem listed', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'oneway-interviews-'));
    try {
      await writeFile(join(folder, 'a.json'), JSON.stringify({ ...interviewConfig, questions: [interviewConfig.questions[0], interviewConfig.questions[0]] }));
      await writeFile(join(folder, 'b.json'), JSON.stringify({ id: 'b', title: 'B', questions: [], extra: 1 }));
      await writeFile(join(folder, 'c.json'), '{ not json');
      assert.throws(() => loadInterviews(folder), (error) => {
        assert.match(error.message, /a\.json: \/questions\/1\/id "intro" is the id of an earlier question/);
        assert.match(error.message, /b\.json: .*additional properties/);
        assert.match(error.message, /b\.json: \/questions must NOT have fewer than 1 items/);
        assert.match(error.message, /c\.json: not JSON/);
        return true;
      });
      assert.deepEqual(checkInterviewConfig(interviewConfig), []);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
