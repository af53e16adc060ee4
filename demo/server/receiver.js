// The reference receiving server: a tus endpoint (@tus/server + @tus/file-store) that takes the
// answers of <oneway-interview> for the interviews it knows, and a small API for the demo pages.
//
//   POST {path}                   tus: create an answer upload (bearer token of a candidate)
//   PATCH|HEAD|DELETE {path}/:id  tus: send, resume, discard it (the same candidate's token)
//   GET {path}/:id[?remuxed]      the finished file (or its remuxed copy) for the review page (reviewer cookie)
//   POST {api}/token?candidate=   a candidate's upload token: { token, expiresAt }
//   POST {api}/review-session     sets the reviewer cookie (the demo's stand-in for an employer login)
//   GET {api}/answers             received answers with their interview's config and questions (reviewer cookie)
//
// The token and review-session endpoints hand out access to anyone who asks, so they are off
// unless the receiver runs as the demo (`demo: true`, set by `npm start`) or has an `apiSecret`
// that the caller (your back end, after its own login) sends as a bearer token.
//
// By default files land in <directory>/files (tus's own layout), the list of answers in
// <directory>/index/<interviewId>.json, and the rest in this process: one machine. For several
// instances give `storage` (an object store, demo/server/storage.js) and `state` (Redis,
// demo/server/shared-state.js); demo/server/config.js makes both from environment variables.
// Copy this file and its neighbours as a starting point; README.md, "Receiving answers in
// production", shows the tested set-up with several instances.
import { join } from 'node:path';
import { EVENTS, Server } from '@tus/server';
import { checkAnswerMetadata, isConsentReceipt, isPreflight, largestAnswerBytes, maxUploadBytes, parseUploadMetadata, refuse } from './answer-rules.js';
import { loadInterviews } from './interviews.js';
import { findOnPath, remuxWebm } from './remux.js';
import { sendFile } from './send-file.js';
import { localState } from './shared-state.js';
import { fileStorage } from './storage.js';
import { bearerToken, cookieValue, createTokens, matchesSecret } from './tokens.js';

const HOUR = 60 * 60_000;
const REVIEW_COOKIE = 'oneway_review';

/**
 * @param {object} options
 * @param {string} [options.directory] Where uploads and the answer index are kept, unless `storage` and `state` say otherwise.
 * @param {import('./storage.js').AnswerStorage} [options.storage] Where the files go; a file store under `directory` by default.
 * @param {import('./shared-state.js').ReceiverState} [options.state] The answer index, the tus locker and the rest the instances share; this process and `directory` by default.
 * @param {string} [options.interviewsDir] Folder of interview config files (*.json).
 * @param {Map<string, import('./interviews.js').Interview>} [options.interviews] Instead of `interviewsDir`.
 * @param {string} [options.path] The tus endpoint's path.
 * @param {string} [options.apiPath] The demo API's path.
 * @param {string[]} [options.allowedOrigins] Origins whose pages may upload cross-origin (CORS).
 * @param {ReturnType<typeof createTokens>} [options.tokens] Token issuer; a fresh secret by default.
 * @param {boolean} [options.demo] Open the token and review-session endpoints to anyone, for the demo pages; off by default.
 * @param {string} [options.apiSecret] Without `demo`: the secret a caller must send as `Authorization: Bearer <apiSecret>` to those endpoints.
 * @param {number} [options.maxUploadsPerToken] How many uploads one candidate token may create; past it, 403 (the widget then asks `authorize` for a fresh token).
 * @param {number} [options.uploadExpiryMs] An unfinished upload is deleted this long after it was created.
 * @param {number} [options.cleanupIntervalMs] How often expired uploads are looked for.
 * @param {string | false} [options.ffmpeg] ffmpeg's path, false to never remux; looked up on PATH by default.
 * @param {(message: string) => void} [options.log]
 */
export function createReceiver({
  directory,
  storage,
  state,
  interviewsDir,
  interviews = loadInterviews(interviewsDir),
  path = '/files',
  apiPath = '/demo-api',
  allowedOrigins = [],
  tokens = createTokens(),
  demo = false,
  apiSecret,
  maxUploadsPerToken = 50,
  uploadExpiryMs = 24 * HOUR,
  cleanupIntervalMs = 10 * 60_000,
  ffmpeg,
  log = (message) => console.log(`[receiver] ${message}`),
}) {
  if (!directory && !(storage && state)) throw new Error('createReceiver: give a directory, or both storage and state');
  storage ??= fileStorage({ directory: join(directory, 'files'), expiryMs: uploadExpiryMs });
  state ??= localState({ indexFolder: join(directory, 'index') });
  const { index } = state;
  const origins = new Set(allowedOrigins);
  const largest = largestAnswerBytes(interviews);
  const background = new Set();
  if (!demo && !apiSecret) log(`${apiPath}/token and ${apiPath}/review-session are off: no demo flag and no apiSecret`);

  // ffmpeg is optional: without it WebM answers are kept exactly as recorded.
  const ffmpegPath = ffmpeg === false ? Promise.resolve(undefined) : ffmpeg ? Promise.resolve(ffmpeg) : findOnPath('ffmpeg');
  void ffmpegPath.then((found) => {
    if (!found && ffmpeg !== false) log('ffmpeg is not on PATH: WebM answers are kept as recorded, without a duration in their header');
  });

  /** The claims of the candidate token in the request's Authorization header; refuses with 401/403 otherwise. */
  function candidateClaims(req) {
    const token = bearerToken(req.headers.get('authorization'));
    if (!token) refuse(401, 'Send the candidate\'s upload token as "Authorization: Bearer <token>".');
    const result = tokens.verify(token);
    if (!result.ok) refuse(401, `The upload token was refused (${result.reason}); ask for a fresh one.`);
    if (result.claims.role !== 'candidate') refuse(403, 'This token is not a candidate\'s upload token.');
    return result.claims;
  }

  /** Whether the request carries a valid reviewer token (cookie, or bearer header for scripts). */
  function isReviewer(headers) {
    const token = cookieValue(headers.cookie, REVIEW_COOKIE) ?? bearerToken(headers.authorization);
    const result = tokens.verify(token);
    return result.ok && result.claims.role === 'reviewer';
  }

  const tus = new Server({
    path,
    datastore: storage.datastore,
    ...(state.locker ? { locker: state.locker } : {}),
    // A function, not a list: a list answers unknown origins with its first entry, a function
    // leaves Access-Control-Allow-Origin out.
    allowedOrigins: (origin) => origins.has(origin),
    // Bearer tokens, not cookies, authorize uploads: no credentialed CORS needed.
    allowedCredentials: false,
    exposedHeaders: ['Upload-Expires'],

    /** Checks every tus request (CORS preflights carry no credentials and are not checked). */
    async onIncomingRequest(req, id) {
      // GET is answered by serveAnswer() before tus sees it; should one get here, it is refused.
      if (req.method === 'GET') refuse(401, 'Reading answers back needs a reviewer session.');
      const claims = candidateClaims(req);
      if (req.method === 'POST') return; // The new upload's metadata is checked in onUploadCreate.
      const upload = await tus.datastore.getUpload(id); // 404 when there is no such upload
      if (upload.metadata?.candidate !== claims.candidate) refuse(403, 'This upload belongs to another candidate.');
      // A finished answer that is not listed: its last bytes were stored, but the process died
      // before onUploadFinish. The client's HEAD, which tells it the answer is complete, comes next.
      if (req.method === 'HEAD' && upload.size !== undefined && upload.offset === upload.size && !isPreflight(upload.metadata)) {
        const listed = (await index.read(upload.metadata.interviewId)).answers.some((answer) => answer.fileId === upload.id);
        if (!listed) await received(upload);
      }
    },

    /** Decides whether an upload may be created: the token's candidate and its upload count, a known interview and question, a suitable file type. */
    async onUploadCreate(req, upload) {
      const claims = candidateClaims(req);
      const metadata = upload.metadata ?? {};
      if (metadata.candidate && metadata.candidate !== claims.candidate) {
        refuse(403, `The metadata names the candidate ${JSON.stringify(metadata.candidate)}, the token ${JSON.stringify(claims.candidate)}.`);
      }
      if (!isPreflight(metadata)) {
        const { interview } = checkAnswerMetadata(metadata, interviews);
        if (claims.interviewId && claims.interviewId !== interview.id) {
          refuse(403, `This token is for the interview ${JSON.stringify(claims.interviewId)}.`);
        }
      }
      // Uploads per candidate token, forgotten when it expires: a leaked token cannot fill the storage.
      const created = await state.uploadCounts.add(bearerToken(req.headers.get('authorization')), Number(claims.expiresAt));
      if (created > maxUploadsPerToken) refuse(403, `This token has created its ${maxUploadsPerToken} uploads; ask for a fresh one.`);
      // The token, not the page, says who the candidate is.
      return { metadata: { ...metadata, candidate: claims.candidate } };
    },

    /** The largest file each answer may be, from its question's answer time (or text length). */
    async maxSize(req, id) {
      if (req.method === 'OPTIONS' || !id) return largest;
      const verified = tokens.verify(bearerToken(req.headers.get('authorization')));
      const timeMultiplier = verified.ok ? Number(verified.claims.timeMultiplier ?? 1) : 1;
      const metadata =
        req.method === 'POST' ? parseUploadMetadata(req.headers.get('upload-metadata')) : (await tus.datastore.getUpload(id)).metadata;
      return maxUploadBytes(metadata, interviews, timeMultiplier);
    },

    async onUploadFinish(_req, upload) {
      await received(upload);
      return {};
    },
  });

  /** Lists a finished answer, then (WebM only) remuxes it in the background. */
  async function received(upload) {
    const metadata = upload.metadata ?? {};
    if (isPreflight(metadata)) {
      // A finished device-check test upload is deleted by the clean-up if the page does not.
      await state.preflights.finished(upload.id);
      return;
    }
    // Kept with its metadata in storage: the host's record of what the candidate accepted.
    if (isConsentReceipt(metadata)) {
      log(`consent receipt received: ${metadata.interviewId} from ${JSON.stringify(metadata.candidate ?? '')} (${upload.id})`);
      return;
    }
    const entry = {
      fileId: upload.id,
      candidate: metadata.candidate ?? '',
      interviewId: metadata.interviewId,
      questionId: metadata.questionId,
      attempt: Number(metadata.attempt),
      kind: metadata.kind,
      size: upload.size ?? upload.offset,
      filetype: metadata.filetype,
      ...(metadata.codecs ? { codecs: metadata.codecs } : {}),
      ...(metadata.filename ? { filename: metadata.filename } : {}),
      receivedAt: new Date().toISOString(),
    };
    await index.add(entry);
    log(`answer received: ${entry.interviewId}/${entry.questionId} attempt ${entry.attempt} from ${JSON.stringify(entry.candidate)} (${entry.kind}, ${entry.size} bytes)`);
    if (entry.filetype === 'video/webm' || entry.filetype === 'audio/webm') track(remux(entry));
  }

  // A discarded take (the widget deletes it when the candidate records again) leaves the index.
  tus.on(EVENTS.POST_TERMINATE, (_req, _res, id) => {
    track(
      (async () => {
        await state.preflights.forget(id);
        const entry = await index.remove(id);
        await storage.removeCopy(`${id}.remuxed.webm`);
        if (entry) log(`answer discarded: ${entry.interviewId}/${entry.questionId} attempt ${entry.attempt}`);
      })(),
    );
  });

  async function remux(entry) {
    const binary = await ffmpegPath;
    if (!binary) {
      log(`not remuxed (no ffmpeg): ${entry.fileId}`);
      return;
    }
    const remuxedFile = `${entry.fileId}.remuxed.webm`;
    try {
      await storage.withCopy(entry.fileId, remuxedFile, (input, output) => remuxWebm(binary, input, output));
      await index.patch(entry.interviewId, entry.fileId, { remuxedFile });
      log(`remuxed with a duration: ${remuxedFile}`);
    } catch (error) {
      log(`remux failed for ${entry.fileId}: ${error.message}`);
    }
  }

  /** Resolves when the background work under way (remuxes, index updates after a deletion) has finished. */
  async function idle() {
    while (background.size) await Promise.all([...background]);
  }

  /** Background work that idle() and close() wait for. */
  function track(promise) {
    const settled = promise.catch((error) => log(`background task failed: ${error?.message ?? error}`));
    background.add(settled);
    void settled.finally(() => background.delete(settled));
  }

  // Unfinished uploads past their expiry (abandoned interviews) are deleted now and then; so are
  // finished device-check test uploads the page did not delete (expiry only covers unfinished ones).
  const cleanup = setInterval(() => {
    tus.cleanUpExpiredUploads().then(
      (count) => count > 0 && log(`deleted ${count} expired unfinished upload(s)`),
      (error) => log(`cleaning up expired uploads failed: ${error?.message ?? error?.body ?? error}`),
    );
    state.preflights.takeOlderThan(cleanupIntervalMs).then(
      (ids) => ids.forEach((id) => tus.datastore.remove(id).catch(() => {})), // already deleted by the page
      (error) => log(`listing finished test uploads failed: ${error?.message ?? error}`),
    );
    state.sweep?.();
  }, cleanupIntervalMs);

  /**
   * GET of a finished answer, for review. Served here rather than by @tus/server's GET handler:
   * that one builds a web Response from a file stream, which can crash Node 20 with "ReadableStream
   * is already closed", and it answers no Range requests, which Safari needs to play media.
   */
  async function serveAnswer(req, res) {
    const url = new URL(req.url, 'http://receiver.invalid');
    const id = url.pathname.slice(path.length + 1);
    if (!isReviewer(req.headers)) return send(res, 401, { error: 'Reading answers back needs a reviewer session.' });
    let upload;
    try {
      // Upload ids are hex; anything else (a path, an encoded slash) is no upload of ours.
      upload = /^[\w-]+$/.test(id) ? await tus.datastore.getUpload(id) : undefined;
    } catch {
      upload = undefined;
    }
    const metadata = upload?.metadata ?? {};
    if (!upload || isPreflight(metadata) || upload.size === undefined || upload.offset !== upload.size) {
      return send(res, 404, { error: 'No finished answer at this URL.' });
    }
    const file = url.searchParams.has('remuxed') ? `${id}.remuxed.webm` : id;
    const size = await storage.size(file);
    if (size === undefined) return send(res, 404, { error: 'No remuxed copy of this answer.' });
    // The type was checked when the upload was created (video/*, audio/*, text/plain).
    const type = metadata.filetype === 'text/plain' ? 'text/plain; charset=utf-8' : metadata.filetype;
    await sendFile(req, res, { size, headers: { 'Content-Type': type, 'Content-Disposition': 'inline' }, open: (start, end) => storage.open(file, start, end) });
  }

  // ---- the demo API ----

  /** Whether this request may get a token or a review session: always in the demo, else with the API secret. Sends the refusal when not. */
  function mayHandOutAccess(req, res) {
    if (demo) return true;
    if (!apiSecret) {
      send(res, 403, { error: 'Off: start the receiver with demo: true (the demo pages only) or an apiSecret for your back end to send.' });
      return false;
    }
    if (matchesSecret(bearerToken(req.headers.authorization), apiSecret)) return true;
    send(res, 401, { error: 'Send the API secret as "Authorization: Bearer <apiSecret>".' });
    return false;
  }

  async function api(req, res, route) {
    const url = new URL(req.url, 'http://receiver.invalid');
    const handsOutAccess = req.method === 'POST' && (route === '/token' || route === '/review-session');
    if (handsOutAccess && !mayHandOutAccess(req, res)) return;
    if (route === '/token' && req.method === 'POST') {
      const candidate = url.searchParams.get('candidate') ?? '';
      if (!/^[^\p{Cc}]{1,200}$/u.test(candidate)) return send(res, 400, { error: 'Give the candidate as ?candidate=<reference> (1 to 200 characters).' });
      const interviewId = url.searchParams.get('interviewId');
      if (interviewId !== null && !interviews.has(interviewId)) return send(res, 400, { error: `Unknown interview ${JSON.stringify(interviewId)}.` });
      // An ATS checks here that the caller is this candidate (their invitation link or session),
      // and may add a time accommodation: { timeMultiplier: 1.5 }.
      return send(res, 200, tokens.issue({ role: 'candidate', candidate, ...(interviewId ? { interviewId } : {}) }));
    }
    if (route === '/review-session' && req.method === 'POST') {
      const ttlMs = 8 * HOUR;
      const { token } = tokens.issue({ role: 'reviewer' }, { ttlMs });
      const secure = overHttps(req) ? '; Secure' : '';
      res.setHeader('Set-Cookie', `${REVIEW_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${ttlMs / 1000}${secure}`);
      return send(res, 204);
    }
    if (route === '/answers' && req.method === 'GET') {
      if (!isReviewer(req.headers)) return send(res, 401, { error: 'Open a review session first: POST ' + `${apiPath}/review-session.` });
      return send(res, 200, { interviews: await answersByInterview() });
    }
    const known = ['/token', '/review-session', '/answers'].includes(route);
    return send(res, known ? 405 : 404, { error: known ? 'Method not allowed.' : 'Not found.' });
  }

  async function answersByInterview() {
    return Promise.all(
      [...interviews.values()].map(async (interview) => ({
        id: interview.id,
        title: interview.title,
        config: interview.config,
        questions: [...interview.questions.values()].map(({ id, text, answer }) => ({ id, text, answer })),
        answers: (await index.read(interview.id)).answers.map((answer) => {
          const url = `${path}/${encodeURIComponent(answer.fileId)}`;
          return { ...answer, url, ...(answer.remuxedFile ? { remuxedUrl: `${url}?remuxed` } : {}) };
        }),
      })),
    );
  }

  const handlesTus = (url = '') => url === path || url.startsWith(`${path}/`) || url.startsWith(`${path}?`);
  const apiRoute = (url = '') => (url.startsWith(`${apiPath}/`) ? url.slice(apiPath.length).split('?')[0] : undefined);

  /** Answers the receiver's requests (tus and API); returns false for any other. */
  function handle(req, res) {
    const route = apiRoute(req.url);
    let task;
    if (route !== undefined) task = api(req, res, route);
    else if (handlesTus(req.url)) task = req.method === 'GET' ? serveAnswer(req, res) : tus.handle(req, res);
    else return false;
    task.catch((error) => {
      log(`${req.method} ${req.url} failed: ${error?.stack ?? error}`);
      if (!res.headersSent) send(res, 500, { error: 'Something went wrong.' });
      else res.destroy();
    });
    return true;
  }

  return {
    tus,
    tokens,
    interviews,
    index,
    handle,
    /** Connect-style middleware (Vite, Express): the receiver's requests are answered, the rest passed on. */
    middleware: (req, res, next) => {
      if (!handle(req, res)) next();
    },
    /** A plain `http.createServer` handler: 404 for anything that is not the receiver's. */
    handler: (req, res) => {
      if (!handle(req, res)) send(res, 404, { error: 'Not found.' });
    },
    idle,
    /** Stops the periodic clean-up and waits for the background work under way. */
    async close() {
      clearInterval(cleanup);
      await idle();
    },
  };
}

/**
 * Whether the request came over https: on a TLS socket, or through a proxy that says so. The
 * proxy's header is trusted as it is: a client that fakes it only makes its own cookie `Secure`.
 */
function overHttps(req) {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim();
  return req.socket?.encrypted === true || forwarded.toLowerCase() === 'https';
}

function send(res, status, body) {
  res.statusCode = status;
  res.setHeader('Cache-Control', 'no-store');
  if (body === undefined) return res.end();
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
