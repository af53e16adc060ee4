import { expect } from '@open-wc/testing';
import { OnewayError } from '../../src/core/errors.js';
import { characterCount, textBytes, truncateCharacters } from '../../src/core/text-answer.js';
import { uploadTextAnswer } from '../support/answers.js';
import { clearFaults, injectFault } from '../support/commands.js';
import { decodeMetadata, serverBytes, serverUpload, sha256Hex } from '../support/tus.js';

const FAMILY = '👨‍👩‍👧'; // three people joined by zero-width joiners: one character to a reader
const E_ACUTE = 'e\u0301'; // e and a combining accent

describe('text answers', () => {
  describe('counting characters as people do', () => {
    it('counts an emoji sequence, a flag and a letter with a combining accent as one each', () => {
      expect(characterCount('')).to.equal(0);
      expect(characterCount('abc')).to.equal(3);
      expect(characterCount(FAMILY)).to.equal(1);
      expect(characterCount('🇩🇪')).to.equal(1);
      expect(characterCount(`caf${E_ACUTE}`)).to.equal(4);
      expect(characterCount('日本語')).to.equal(3);
    });

    it('cuts at a character boundary, never inside a sequence', () => {
      expect(truncateCharacters(`a${FAMILY}b`, 2)).to.equal(`a${FAMILY}`);
      expect(truncateCharacters(`caf${E_ACUTE}s`, 4)).to.equal(`caf${E_ACUTE}`);
      expect(truncateCharacters('abc', 0)).to.equal('');
      expect(truncateCharacters('abc', 10)).to.equal('abc');
    });

    it('measures the UTF-8 bytes that are uploaded', () => {
      expect(textBytes('')).to.equal(0);
      expect(textBytes('abc')).to.equal(3);
      expect(textBytes('é')).to.equal(2);
      expect(textBytes('🎤')).to.equal(4);
      expect(textBytes(FAMILY)).to.equal(18);
    });
  });

  describe('a text take (Take.fromText) against the tus server', () => {
    afterEach(() => clearFaults());

    it('sends the text as a UTF-8 text/plain file and describes it as the host receives it', async () => {
      const text = `Next month. ${FAMILY} Grüße`;
      const requests: string[] = [];
      const answer = await uploadTextAnswer({
        endpoint: '/files',
        text,
        metadata: { questionId: 'q3', attempt: '1', kind: 'text' },
        durationMs: 42_000,
        authorize: ({ method }) => {
          requests.push(method);
          return { 'X-Test-Token': 'secret' };
        },
      });
      const bytes = new TextEncoder().encode(text);
      expect(answer).to.include({ bytes: bytes.length, durationMs: 42_000, mimeType: 'text/plain;charset=utf-8', interrupted: false });
      expect(answer.sha256).to.equal(await sha256Hex(bytes));
      expect(new TextDecoder().decode(await serverBytes(answer.uploadUrl))).to.equal(text);
      const held = await serverUpload(answer.uploadUrl);
      expect(held.length).to.equal(bytes.length);
      const metadata = decodeMetadata(held.metadata);
      expect(metadata).to.deep.equal({
        filename: 'answer.txt',
        filetype: 'text/plain',
        codecs: 'text/plain;charset=utf-8',
        questionId: 'q3',
        attempt: '1',
        kind: 'text',
      });
      expect(answer.metadata).to.deep.equal(metadata);
      expect(requests, 'authorize before each request').to.include.members(['POST', 'PATCH']);
    });

    it('takes another file name and type, as a consent receipt does', async () => {
      const json = JSON.stringify({ textSha256: 'ab', ai: false });
      const answer = await uploadTextAnswer({
        endpoint: '/files',
        text: json,
        metadata: { kind: 'consent' },
        durationMs: 0,
        filename: 'consent.json',
        mimeType: 'application/json',
      });
      expect(answer.mimeType).to.equal('application/json;charset=utf-8');
      expect(decodeMetadata((await serverUpload(answer.uploadUrl)).metadata)).to.include({ filename: 'consent.json', filetype: 'application/json', kind: 'consent' });
    });

    it('sends an empty answer as an empty file', async () => {
      const answer = await uploadTextAnswer({ endpoint: '/files', text: '', metadata: {}, durationMs: 1 });
      expect(answer.bytes).to.equal(0);
      expect((await serverUpload(answer.uploadUrl)).length).to.equal(0);
    });

    it('retries what recordings retry: a server error on creation', async () => {
      await injectFault({ kind: 'status', status: 503, method: 'POST' });
      const answer = await uploadTextAnswer({ endpoint: '/files', text: 'still here', metadata: {}, durationMs: 1 });
      expect(new TextDecoder().decode(await serverBytes(answer.uploadUrl))).to.equal('still here');
      expect(await clearFaults(), 'the fault never met a request').to.deep.equal([]);
    });

    it('rejects with the error taxonomy when the server refuses the answer for good', async () => {
      await injectFault({ kind: 'status', status: 400, method: 'POST' });
      let failure: unknown;
      await uploadTextAnswer({ endpoint: '/files', text: 'refused', metadata: {}, durationMs: 1 }).catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(OnewayError);
      expect((failure as OnewayError).code).to.equal('upload-rejected');
    });
  });
});
