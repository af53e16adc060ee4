// The reference receiver at scale: three instances (separate processes) on Azurite through
// @tus/azure-store, with the tus locker, upload-info cache, answer index and token secret in Redis,
// behind a round-robin proxy that sends each request of an upload to another instance than the
// last. Answers are sent by the widget's own upload code (test/support/node-widget-upload.mjs).
// Needs redis-server (apt) and azurite (npm ci); .ci/run installs both. About 12 s.
// Run with `node --test test/receiver-cluster.node.mjs`.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { missingForCluster, startCluster } from '../demo/cluster/start.js';
import { RedisLocker } from '../demo/server/redis-locker.js';
import { loadWidgetUpload, recordAnswer } from './support/node-widget-upload.mjs';

const API_SECRET = 'cluster-test-api-secret';
const INTERVIEW = {
  id: 'scale-2026',
  title: 'Receiving at scale',
  questions: [
    { id: 'intro', text: 'Introduce yourself.', answer: 'video', answerSeconds: 60 },
    { id: 'why', text: 'Why this job?', answer: 'video', answerSeconds: 60 },
  ],
};

const missing = await missingForCluster();
// CI installs what this needs (.ci/run): there a missing piece is a failure, not a skip.
if (missing.length > 0 && process.env.CI) throw new Error(`test/receiver-cluster.node.mjs needs ${missing.join(', ')}`);
const skip = missing.length > 0 ? `needs ${missing.join(', ')} (CI installs them)` : false;

const tusHeaders = (token, extra = {}) => ({ 'Tus-Resumable': '1.0.0', Authorization: `Bearer ${token}`, ...extra });
const metadataHeader = (metadata) =>
  Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

describe('the receiver on three instances behind a round-robin proxy', { skip }, () => {
  let cluster;
  let redis;
  let widget;
  let folder;
  const lines = [];

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'oneway-cluster-test-'));
    await mkdir(join(folder, 'interviews'));
    await writeFile(join(folder, 'interviews', 'scale.json'), JSON.stringify(INTERVIEW));
    // A stand-in for ffmpeg that copies its input: the remuxed copy goes through the object store too.
    const ffmpeg = join(folder, 'ffmpeg');
    await writeFile(ffmpeg, `#!${process.execPath}\nconst args = process.argv.slice(2);\nrequire('node:fs').copyFileSync(args[args.indexOf('-i') + 1], args.at(-1));\n`);
    await chmod(ffmpeg, 0o755);
    [cluster, widget] = await Promise.all([
      startCluster({
        instances: 3,
        env: {
          RECEIVER_INTERVIEWS: join(folder, 'interviews'),
          RECEIVER_API_SECRET: API_SECRET,
          RECEIVER_FFMPEG: ffmpeg,
          RECEIVER_LOCK_TIMEOUT_MS: '3000',
        },
        log: (line) => lines.push(line),
      }),
      loadWidgetUpload(),
    ]);
    redis = new Redis(cluster.redisUrl);
  });

  after(async () => {
    await redis?.quit();
    await cluster?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const api = (path, init = {}) => fetch(`${cluster.url}/demo-api${path}`, { method: 'POST', ...init, headers: { Authorization: `Bearer ${API_SECRET}`, ...init.headers } });
  const candidateToken = async (candidate) => (await (await api(`/token?candidate=${candidate}`)).json()).token;
  async function reviewerCookie() {
    const response = await api('/review-session');
    assert.equal(response.status, 204);
    return response.headers.get('set-cookie').split(';')[0];
  }

  it('receives every answer byte-exact and listed once while requests hop instances and one instance is killed mid-answer', async () => {
    const candidates = ['ana', 'ben', 'cleo'];
    const tokens = Object.fromEntries(await Promise.all(candidates.map(async (candidate) => [candidate, await candidateToken(candidate)])));
    const records = [];
    cluster.proxy.events.on('response', (record) => records.push(record));
    const answer = (candidate, questionId, attempt, slices) =>
      recordAnswer(widget, {
        endpoint: `${cluster.url}/files`,
        token: () => tokens[candidate],
        metadata: { interviewId: INTERVIEW.id, questionId, attempt: String(attempt), kind: 'video', filetype: 'video/webm', filename: 'answer.webm', codecs: 'video/webm;codecs=vp8,opus' },
        // ~2.9 Mbit/s for 6 s: a slice every 100 ms, as MediaRecorder with a 100 ms timeslice.
        slices,
        sliceBytes: 36 * 1024,
        sliceMs: 100,
        requestTimeoutMs: 8000,
        // A PATCH takes what is recorded when it starts, so how many there are depends on how fast
        // the instances answer; capped at 4 slices, every answer takes at least 15, however loaded.
        chunkSize: 4 * 36 * 1024,
      });
    const kept = candidates.flatMap((candidate) => [answer(candidate, 'intro', 1, 60), answer(candidate, 'why', 1, 60)]);
    const discarded = answer('ana', 'why', 2, 60);

    // A take discarded mid-answer is deleted (tus termination), as the widget does for a retake.
    // (Before the kill: the widget's DELETE is best-effort, not retried, and the store's expiry
    // removes what it leaves, so a DELETE that met the dead instance would leave the file a while.)
    await sleep(1000);
    await discarded.discard();
    // Mid-answer, SIGKILL receiver-2 while it is inside a PATCH holding that upload's lock.
    await sleep(500);
    const victim = cluster.instances[1];
    const deadline = Date.now() + 3000;
    let killedUpload;
    let killedAt = 0;
    while (!killedUpload && Date.now() < deadline) {
      for (const upload of [...pendingPatches(cluster.proxy, victim.name)]) {
        if (await redis.exists(RedisLocker.redisKey(upload))) {
          await victim.kill();
          [killedUpload, killedAt] = [upload, Date.now()];
          break;
        }
      }
      if (!killedUpload) await sleep(2);
    }
    assert.ok(killedUpload, `${victim.name} was never caught inside a locked PATCH`);
    await sleep(1000);
    await victim.start();

    const results = await Promise.all(kept.map((take) => take.done));
    for (const { states } of kept) assert.ok(!states.includes('failed'));

    // Byte-exact: every answer read back through the proxy (any instance) has the recorded SHA-256.
    const cookie = await reviewerCookie();
    for (const { url, size, sha256: recorded } of results) {
      const response = await fetch(url, { headers: { Cookie: cookie } });
      assert.equal(response.status, 200, url);
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(bytes.length, size, `${url}: length`);
      assert.equal(sha256(bytes), recorded, `${url}: SHA-256`);
    }

    // Listed once each, the discarded take not at all; the remuxed copies are in the store too.
    const fileIds = results.map(({ url }) => url.split('/').at(-1)).sort();
    let listed;
    for (let tries = 0; tries < 50; tries++) {
      ({ interviews: [listed] } = await (await fetch(`${cluster.url}/demo-api/answers`, { headers: { Cookie: cookie } })).json());
      if (listed.answers.length === fileIds.length && listed.answers.every((entry) => entry.remuxedUrl)) break;
      await sleep(100);
    }
    assert.deepEqual(listed.answers.map((entry) => entry.fileId).sort(), fileIds);
    for (const [index, entry] of listed.answers.entries()) {
      const { sha256: recorded } = results.find(({ url }) => url.endsWith(`/${entry.fileId}`));
      assert.equal(entry.size, results.find(({ url }) => url.endsWith(`/${entry.fileId}`)).size, `entry ${index} size`);
      const remuxed = Buffer.from(await (await fetch(`${cluster.url}${entry.remuxedUrl}`, { headers: { Cookie: cookie } })).arrayBuffer());
      assert.equal(sha256(remuxed), recorded, 'the stand-in ffmpeg copies the answer');
    }
    const gone = await fetch(discarded.url, { method: 'HEAD', headers: tusHeaders(tokens.ana) });
    assert.equal(gone.status, 404, 'the discarded take is deleted from the store');

    // Each HEAD and PATCH of an upload went to another instance than the one before, and the
    // instance that answered is the one the proxy chose.
    const byUpload = new Map();
    for (const record of records) {
      if (!record.upload || (record.method !== 'PATCH' && record.method !== 'HEAD')) continue;
      byUpload.set(record.upload, [...(byUpload.get(record.upload) ?? []), record]);
    }
    for (const id of fileIds) {
      const requests = byUpload.get(id).sort((a, b) => a.startedAt - b.startedAt);
      assert.ok(requests.length >= 10, `${id}: ${requests.length} requests`);
      for (let i = 1; i < requests.length; i++) assert.notEqual(requests[i].target, requests[i - 1].target, `${id}: request ${i} went to the same instance`);
      for (const { status, instance, target } of requests) if (status > 0) assert.equal(instance, target);
    }
    // The kill cut a PATCH, the upload whose lock it held resumed elsewhere, and the restarted
    // instance served requests again.
    const cut = byUpload.get(killedUpload).filter(({ target, status }) => target === victim.name && status === 0);
    assert.ok(cut.length >= 1, 'a PATCH to the killed instance was cut off');
    assert.ok(
      byUpload.get(killedUpload).some(({ target, status, startedAt }) => target !== victim.name && status === 204 && startedAt > killedAt),
      'the interrupted upload went on on another instance',
    );
    assert.ok(
      records.some(({ target, status, startedAt }) => target === victim.name && status > 0 && startedAt > killedAt + 1000),
      'the restarted instance took requests again',
    );
  });

  it('serialises two PATCHes of one upload that reach different instances at once: only one is applied', async () => {
    const token = await candidateToken('dana');
    const created = await fetch(`${cluster.url}/files`, {
      method: 'POST',
      headers: tusHeaders(token, {
        'Upload-Defer-Length': '1',
        'Upload-Metadata': metadataHeader({ interviewId: INTERVIEW.id, questionId: 'intro', attempt: '1', kind: 'video', filetype: 'video/webm' }),
      }),
    });
    assert.equal(created.status, 201);
    const path = new URL(created.headers.get('location')).pathname;
    const id = path.split('/').at(-1);
    const [first, second, third] = cluster.instances;
    const head = randomBytes(1000);
    const sent = await patch(second.url, path, token, 0, head);
    assert.equal(sent.status, 204);

    // PATCH A goes to receiver-1 and stalls half-way through its body, holding the upload's lock.
    const bodyA = randomBytes(2000);
    const bodyB = randomBytes(2000);
    const a = startPatch(first.url, path, token, 1000, bodyA.length);
    a.write(bodyA.subarray(0, 1000));
    for (let tries = 0; !(await redis.exists(RedisLocker.redisKey(id))); tries++) {
      assert.ok(tries < 500, 'PATCH A never took the lock');
      await sleep(5);
    }
    // PATCH B, from the same offset, to receiver-3: it must wait for A's lock.
    const b = startPatch(third.url, path, token, 1000, bodyB.length);
    b.end(bodyB);
    await sleep(800);
    assert.equal(b.answeredAt, undefined, 'PATCH B was answered while PATCH A held the lock');
    a.end(bodyA.subarray(1000));
    const [answerA, answerB] = await Promise.all([a.response, b.response]);

    assert.equal(answerA.statusCode, 204);
    assert.equal(answerA.headers['upload-offset'], '3000');
    assert.equal(answerB.statusCode, 409, 'PATCH B found the offset moved on once it had the lock');
    assert.ok(b.answeredAt >= a.answeredAt, 'PATCH B was answered after PATCH A');
    const now = await fetch(`${cluster.url}${path}`, { method: 'HEAD', headers: tusHeaders(token) });
    assert.equal(now.headers.get('upload-offset'), '3000', 'one PATCH applied, not both');
    const finished = await patch(second.url, path, token, 3000, Buffer.alloc(0), { 'Upload-Length': '3000' });
    assert.equal(finished.status, 204);
    const stored = Buffer.from(await (await fetch(`${cluster.url}${path}`, { headers: { Cookie: await reviewerCookie() } })).arrayBuffer());
    assert.equal(sha256(stored), sha256(Buffer.concat([head, bodyA])), 'the file holds PATCH A’s bytes after the first ones, and nothing of B');
  });
});

/** Uploads with a PATCH under way to `instance` (by name) at the proxy. */
function* pendingPatches(proxy, instance) {
  for (const record of proxy.pending()) if (record.target === instance && record.method === 'PATCH' && record.upload) yield record.upload;
}

/** A PATCH whose body the caller writes; `response` resolves with the answer, `answeredAt` says when it came. */
function startPatch(base, path, token, offset, length, extra = {}) {
  const target = new URL(base);
  const req = request({
    host: target.hostname,
    port: target.port,
    method: 'PATCH',
    path,
    headers: { ...tusHeaders(token, extra), 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream', 'Content-Length': String(length) },
  });
  const handle = { write: (bytes) => req.write(bytes), end: (bytes) => req.end(bytes), answeredAt: undefined, response: undefined };
  handle.response = new Promise((resolve, reject) => {
    req.on('response', (res) => {
      handle.answeredAt = Date.now();
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.on('error', reject);
  });
  return handle;
}

async function patch(base, path, token, offset, body, extra = {}) {
  const handle = startPatch(base, path, token, offset, body.length, extra);
  handle.end(body);
  const response = await handle.response;
  return { status: response.statusCode, headers: response.headers };
}
