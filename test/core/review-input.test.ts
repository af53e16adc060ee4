import { expect } from '@open-wc/testing';
import { formatConfigProblems, type InterviewConfig } from '../../src/core/interview-config.js';
import { playableSeconds } from '../../src/core/media-duration.js';
import { onlyConfigProblems, validateReviewInput, type ReviewAnswer } from '../../src/core/review-input.js';

const config: InterviewConfig = {
  id: 'support',
  title: 'Support specialist',
  deadline: '2020-01-01T00:00:00Z',
  defaults: { answer: 'video' },
  questions: [
    { id: 'intro', text: 'Introduce yourself.' },
    { id: 'call', text: 'A difficult call?', answer: 'audio' },
    { id: 'start', text: 'When could you start?', answer: 'text' },
  ],
};

const video: ReviewAnswer = {
  questionId: 'intro',
  attempt: 2,
  kind: 'video',
  uploadUrl: 'https://tus.example/files/abc',
  bytes: 1234,
  durationMs: 4000,
  mimeType: 'video/webm;codecs=vp8,opus',
  sha256: 'a'.repeat(64),
  interrupted: false,
  metadata: { filename: 'answer.webm', filetype: 'video/webm', questionId: 'intro' },
  receivedAt: '2026-05-04T09:30:00Z',
};
const text: ReviewAnswer = { questionId: 'start', attempt: 1, kind: 'text', text: 'Next month.' };

/** The problems of `input`, as `path: message` lines. */
function problems(input: unknown): string[] {
  const result = validateReviewInput(input);
  expect(result.ok, 'the input was accepted').to.equal(false);
  return result.ok ? [] : formatConfigProblems(result.problems).split('\n');
}

describe('review input', () => {
  it('pairs every question, in order, with its answer or none, and resolves the questions', () => {
    const result = validateReviewInput({ config, answers: [text, video] });
    if (!result.ok) expect.fail(formatConfigProblems(result.problems));
    expect(result.items.map(({ question, answer }) => [question.id, question.answer, answer?.attempt])).to.deep.equal([
      ['intro', 'video', 2],
      ['call', 'audio', undefined],
      ['start', 'text', 1],
    ]);
    expect(result.items[0].answer).to.deep.equal(video);
  });

  it('takes a config whose deadline has passed: answers are reviewed after it', () => {
    expect(validateReviewInput({ config, answers: [] }).ok).to.equal(true);
  });

  it('reports the config problems under $.config, and only those are the config’s', () => {
    const result = validateReviewInput({ config: { ...config, questions: [{ id: 'intro', text: '' }] }, answers: [] });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(formatConfigProblems(result.problems)).to.equal('$.config.questions[0].text: empty; give every question a non-empty "text"');
    expect(onlyConfigProblems(result.problems)).to.equal(true);
  });

  it('reports every problem of the answers with its path', () => {
    const found = problems({
      config,
      answers: [
        { ...video, questionId: 'nope' },
        { ...video, atempt: 1, sha256: 'ABC', bytes: -1, metadata: { attempt: 1 }, receivedAt: 'yesterday' },
        { questionId: 'call', attempt: 0, kind: 'voice' },
        { ...text, text: 7 },
        42,
        { ...video, attempt: 3 },
      ],
    });
    expect(found).to.deep.equal([
      '$.answers[0].questionId: "nope" is not the id of a question in $.config.questions',
      '$.answers[1].atempt: unknown key "atempt"; did you mean "attempt"?',
      '$.answers[1].bytes: expected the size in bytes, got the number -1',
      '$.answers[1].sha256: expected the SHA-256 of the file as 64 lowercase hex digits, got the string "ABC"',
      '$.answers[1].metadata: expected the tus metadata as an object of strings, got an object',
      '$.answers[1].receivedAt: expected an ISO 8601 date-time such as "2026-05-01T10:00:00Z", got the string "yesterday"',
      '$.answers[2].attempt: expected the take number (1 or more), got the number 0',
      '$.answers[2].kind: expected "video", "audio" or "text", got the string "voice"',
      '$.answers[2].uploadUrl: missing; give the URL the answer was uploaded to',
      '$.answers[3].text: expected the text of a text answer, got the number 7',
      '$.answers[4]: expected an answer object (with "questionId", "attempt" and "kind"), got the number 42',
      '$.answers[5].questionId: "intro" has an answer already, earlier in $.answers; give one answer per question',
    ]);
  });

  it('says what it expected when the input is not { config, answers }', () => {
    expect(problems([config])).to.deep.equal(['$: expected { "config": …, "answers": … }, got an array']);
    expect(problems({ config, answers: { intro: video } })).to.deep.equal([
      '$.answers: expected the answers as oneway-complete delivers them (its detail.answers, an array), got an object',
    ]);
    const both = validateReviewInput({ config: null, answers: [] });
    expect(!both.ok && onlyConfigProblems(both.problems)).to.equal(true);
    const manifest = validateReviewInput({ config, answers: null });
    expect(!manifest.ok && onlyConfigProblems(manifest.problems)).to.equal(false);
  });
});

describe('playableSeconds', () => {
  it('is the longer of what the player knows and what the recorder measured', () => {
    expect(playableSeconds(Infinity, 4000)).to.equal(4);
    expect(playableSeconds(NaN, 4000)).to.equal(4);
    expect(playableSeconds(1.48, 4000), 'Firefox, having read part of the file').to.equal(4);
    expect(playableSeconds(4.2, 4000)).to.equal(4.2);
    expect(playableSeconds(3.5, undefined)).to.equal(3.5);
    expect(playableSeconds(Infinity, undefined)).to.equal(0);
  });
});
