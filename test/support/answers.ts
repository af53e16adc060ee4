// Checks of what the tus server holds against what the browser really recorded.
import { expect } from '@open-wc/testing';
import type { RecorderSpy } from './media-recorder-spy.js';
import { serverBytes, sha256Hex } from './tus.js';

/** Asserts the server holds exactly what MediaRecorder produced, and the answer's size and hash say so. */
export async function expectDelivered(spy: RecorderSpy, answer: { uploadUrl: string; sha256: string; bytes: number }): Promise<void> {
  const recorded = await spy.lastRecording();
  const onServer = await serverBytes(answer.uploadUrl);
  expect(onServer.length, 'bytes on the server').to.equal(recorded.length);
  const hash = await sha256Hex(recorded);
  expect(await sha256Hex(onServer), 'SHA-256 of the file on the server').to.equal(hash);
  expect(answer.sha256).to.equal(hash);
  expect(answer.bytes).to.equal(recorded.length);
}
