import { expect } from '@open-wc/testing';
import {
  BUILT_IN_DEFAULTS,
  formatConfigProblems,
  resolveQuestion,
  resolveQuestions,
  type ConfigProblem,
  type InterviewConfig,
} from '../../src/core/interview-config.js';
import { validateInterviewConfig } from '../../src/core/interview-config-validation.js';
import { base, exampleConfig } from './interview-config.cases.js';

const NOW = new Date('2026-06-01T12:00:00Z');

function accepted(input: unknown): InterviewConfig {
  const result = validateInterviewConfig(input, NOW);
  if (!result.ok) expect.fail(formatConfigProblems(result.problems));
  return result.config;
}

describe('interview config', () => {
  it('formats problems as lines of path: message', () => {
    const problems: ConfigProblem[] = [
      { path: '$.title', message: 'missing; the interview needs a non-empty "title"' },
      { path: '$.questions[0].id', message: 'empty' },
    ];
    expect(formatConfigProblems(problems)).to.equal('$.title: missing; the interview needs a non-empty "title"\n$.questions[0].id: empty');
    expect(formatConfigProblems([])).to.equal('');
  });

  describe('resolving questions', () => {
    it('applies the built-in defaults when the config has none', () => {
      const config = accepted({ ...base(), questions: [{ id: 'q1', text: 'Why us?' }] });
      expect(resolveQuestion(config, 0)).to.deep.equal({
        id: 'q1',
        text: 'Why us?',
        thinkSeconds: 30,
        answerSeconds: 120,
        retakes: 1,
        answer: 'video',
      });
      expect(BUILT_IN_DEFAULTS).to.deep.equal({ thinkSeconds: 30, answerSeconds: 120, retakes: 1, answer: 'video' });
    });

    it("takes the question's own settings, then the config's defaults, then the built-in ones", () => {
      const config = accepted({
        ...base(),
        defaults: { thinkSeconds: 0, answer: 'audio' },
        questions: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B', thinkSeconds: 45, answerSeconds: 60, retakes: 0, answer: 'video', video: 'b.mp4', captions: 'b.vtt' },
        ],
      });
      expect(resolveQuestions(config)).to.deep.equal([
        { id: 'a', text: 'A', thinkSeconds: 0, answerSeconds: 120, retakes: 1, answer: 'audio' },
        { id: 'b', text: 'B', video: 'b.mp4', captions: 'b.vtt', thinkSeconds: 45, answerSeconds: 60, retakes: 0, answer: 'video' },
      ]);
    });

    it('gives text questions a character limit: their own, else the upper limit', () => {
      const config = accepted({
        ...base(),
        defaults: { answer: 'text' },
        questions: [
          { id: 'a', text: 'A', maxChars: 1500 },
          { id: 'b', text: 'B' },
        ],
      });
      expect(resolveQuestion(config, 0)).to.include({ answer: 'text', maxChars: 1500 });
      expect(resolveQuestion(config, 1)).to.include({ answer: 'text', maxChars: 100_000 });
    });

    it('resolves the example from the issue', () => {
      const [q1, q2, q3] = resolveQuestions(accepted(exampleConfig()));
      expect(q1).to.include({ thinkSeconds: 30, answerSeconds: 90, retakes: 2, answer: 'video', captions: 'https://cdn.example/interviews/q1.vtt' });
      expect(q2).to.include({ thinkSeconds: 30, answerSeconds: 120, retakes: 1, answer: 'audio' });
      expect(q3).to.include({ answer: 'text', maxChars: 1500 });
      expect(q2).not.to.have.property('maxChars');
    });

    it('refuses an index with no question', () => {
      const config = accepted(base());
      expect(() => resolveQuestion(config, 1)).to.throw(RangeError, 'There is no question 1: the interview "sales-2026-q4" has 1 (0 to 0).');
      expect(() => resolveQuestion(config, -1)).to.throw(RangeError);
      expect(() => resolveQuestion(config, 0.5)).to.throw(RangeError);
    });
  });
});
