// Checks of what the tus server holds against what the browser really recorded.
import { expect } from '@open-wc/testing';
import type { AnswerKind } from '../../src/core/interview-config.js';
import type { ReviewAnswer } from '../../src/core/review-input.js';
import { Take, type TextTakeOptions, type UploadedAnswer } from '../../src/core/take.js';
import type { RecorderSpy } from './media-recorder-spy.js';
import { serverBytes, sha256Hex } from './tus.js';

/** Asserts the server holds exactly what MediaRecorder produced, and the answer's size and hash say so. */
export async function expectDelivered(spy: RecorderSpy, answer: { uploadUrl: string; sha256: string; bytes: number }): Promise<void> {
  const recorded = await spy.lastRecording();
  const onServer = await serverBytes(answer.uploadUrl);
  // Which recorders made which slices, to tell a lost slice from a recorder the test did not expect.
  const slices = JSON.stringify(spy.recordings.map((recording) => recording.map((slice) => slice?.length)));
  expect(onServer.length, `bytes on the server (slices by recorder: ${slices})`).to.equal(recorded.length);
  const hash = await sha256Hex(recorded);
  expect(await sha256Hex(onServer), 'SHA-256 of the file on the server').to.equal(hash);
  expect(answer.sha256).to.equal(hash);
  expect(answer.bytes).to.equal(recorded.length);
}

/**
 * Asserts the server holds whole slices from the start, as MediaRecorder made them (what a page
 * journaled before it went away), and returns how many.
 */
export async function expectWholeSlicesFromStart(slices: Uint8Array[], onServer: Uint8Array): Promise<number> {
  let offset = 0;
  let whole = 0;
  for (const slice of slices) {
    if (offset + slice.length > onServer.length) break;
    expect(await sha256Hex(onServer.subarray(offset, offset + slice.length)), `slice ${whole}`).to.equal(await sha256Hex(slice));
    offset += slice.length;
    whole++;
  }
  expect(offset, 'the server holds bytes past the last whole slice').to.equal(onServer.length);
  return whole;
}

/** Sends `text` as a text answer through the take layer, as the interview does; rejects with the first problem reported. */
export function uploadTextAnswer(options: Omit<TextTakeOptions, 'onProgress' | 'onUploaded' | 'onError'> & { text: string }): Promise<UploadedAnswer> {
  return new Promise((resolve, reject) => {
    Take.fromText(options.text, { ...options, onUploaded: resolve, onError: reject }).start();
  });
}

/** The manifest entry `oneway-complete` delivers for an uploaded answer: its fields, without the device-local take id. */
export function submitted(questionId: string, kind: AnswerKind, answer: UploadedAnswer): ReviewAnswer {
  const delivered: Partial<UploadedAnswer> = { ...answer };
  delete delivered.takeId;
  return { questionId, attempt: 1, kind, ...delivered };
}
