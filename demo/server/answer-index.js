// The list of received answers: one JSON file per interview (`<folder>/<interviewId>.json`), so
// the review page, or an ATS import job, finds every answer without reading tus's own files.
// Writes go one at a time and replace the file atomically (write a temporary file, rename it).
// With several instances it is kept in Redis (createRedisAnswerIndex), or in your database.
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * @typedef {{ fileId: string, candidate: string, interviewId: string, questionId: string, attempt: number,
 *   kind: string, size: number, filetype: string, codecs?: string, filename?: string, receivedAt: string,
 *   remuxedFile?: string }} AnswerEntry
 */

export function createAnswerIndex(folder) {
  let queue = Promise.resolve();
  /** Runs `task` after every earlier write has finished; a failed write does not stop later ones. */
  const serially = (task) => {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  };
  const fileOf = (interviewId) => join(folder, `${encodeURIComponent(interviewId)}.json`);

  async function read(interviewId) {
    try {
      return JSON.parse(await readFile(fileOf(interviewId), 'utf8'));
    } catch (error) {
      if (error.code === 'ENOENT') return { interviewId, answers: [] };
      throw error;
    }
  }

  async function write(index) {
    await mkdir(folder, { recursive: true });
    const file = fileOf(index.interviewId);
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(index, null, 2)}\n`);
    await rename(temporary, file);
  }

  /** Applies `change` to the entries of one interview and saves them. */
  const update = (interviewId, change) =>
    serially(async () => {
      const index = await read(interviewId);
      index.answers = change(index.answers);
      await write(index);
    });

  return {
    folder,
    read,

    /** Adds an answer (replacing an entry for the same file, should a finish be reported twice). */
    add: (/** @type {AnswerEntry} */ entry) =>
      update(entry.interviewId, (answers) => [...answers.filter((answer) => answer.fileId !== entry.fileId), entry]),

    /** Adds fields to the entry of one file. */
    patch: (interviewId, fileId, fields) =>
      update(interviewId, (answers) => answers.map((answer) => (answer.fileId === fileId ? { ...answer, ...fields } : answer))),

    /** Forgets a file wherever it is listed (a retake's discarded take, deleted with tus termination). Resolves with the entry. */
    remove: (fileId) =>
      serially(async () => {
        let names = [];
        try {
          names = (await readdir(folder)).filter((name) => name.endsWith('.json'));
        } catch (error) {
          if (error.code !== 'ENOENT') throw error;
        }
        for (const name of names) {
          const index = await read(decodeURIComponent(name.slice(0, -'.json'.length)));
          const entry = index.answers.find((answer) => answer.fileId === fileId);
          if (!entry) continue;
          index.answers = index.answers.filter((answer) => answer !== entry);
          await write(index);
          return entry;
        }
        return undefined;
      }),
  };
}

/**
 * The same index in Redis, for several instances: a hash per interview (file id → entry as JSON)
 * and one that says which interview each file is listed under. Each change is one atomic step.
 * @param {import('ioredis').Redis} redis
 */
export function createRedisAnswerIndex(redis, prefix = 'oneway:') {
  const interviewKey = (interviewId) => `${prefix}answers:${interviewId}`;
  const filesKey = `${prefix}answer-files`;
  // Adds fields to an entry that is still listed (a discarded take stays discarded).
  const patchScript = `
    local listed = redis.call('HGET', KEYS[1], ARGV[1])
    if not listed then return 0 end
    local entry = cjson.decode(listed)
    for key, value in pairs(cjson.decode(ARGV[2])) do entry[key] = value end
    redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(entry))
    return 1`;
  return {
    async read(interviewId) {
      const answers = Object.values(await redis.hgetall(interviewKey(interviewId))).map((json) => JSON.parse(json));
      answers.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.fileId.localeCompare(b.fileId));
      return { interviewId, answers };
    },

    /** Adds an answer (replacing an entry for the same file, should a finish be reported twice). */
    add: async (/** @type {AnswerEntry} */ entry) => {
      await redis.multi().hset(interviewKey(entry.interviewId), entry.fileId, JSON.stringify(entry)).hset(filesKey, entry.fileId, entry.interviewId).exec();
    },

    /** Adds fields to the entry of one file. */
    patch: async (interviewId, fileId, fields) => {
      await redis.eval(patchScript, 1, interviewKey(interviewId), fileId, JSON.stringify(fields));
    },

    /** Forgets a file wherever it is listed. Resolves with the entry. */
    async remove(fileId) {
      const interviewId = await redis.hget(filesKey, fileId);
      if (interviewId === null) return undefined;
      const [[, listed]] = await redis.multi().hget(interviewKey(interviewId), fileId).hdel(interviewKey(interviewId), fileId).hdel(filesKey, fileId).exec();
      return listed ? JSON.parse(listed) : undefined;
    },
  };
}
