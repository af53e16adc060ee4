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
import { base, exampleConfig, invalidCases, validatorOnlyCases, validCases } from './interview-config.cases.js';

const NOW = new Date('2026-06-01T12:00:00Z');

function problemsOf(input: unknown, now = NOW): ConfigProblem[] {
  const result = validateInterviewConfig(input, now);
  expect(result.ok, 'the config was accepted').to.equal(false);
  return result.ok ? [] : result.problems;
}

function messageAt(input: unknown, path: string): string {
  const problem = problemsOf(input).find((p) => p.path === path);
  expect(problem, `no problem at ${path}`).to.not.equal(undefined);
  return problem!.message;
}

function accepted(input: unknown): InterviewConfig {
  const result = validateInterviewConfig(input, NOW);
  if (!result.ok) expect.fail(formatConfigProblems(result.problems));
  return result.config;
}

describe('interview config', () => {
  describe('valid configs', () => {
    for (const { name, config } of validCases) {
      it(`accepts ${name}`, () => {
        expect(accepted(config)).to.deep.equal(config);
      });
    }

    it('returns a copy, so later changes to the input do not reach it', () => {
      const input = exampleConfig();
      const config = accepted(input);
      input.questions[0].text = 'changed';
      input.defaults.thinkSeconds = 5;
      expect(config.questions[0].text).to.equal('Tell us about a deal you lost.');
      expect(config.defaults!.thinkSeconds).to.equal(30);
    });

    it('accepts a deadline one millisecond ahead of now', () => {
      expect(validateInterviewConfig({ ...base(), deadline: '2026-06-01T12:00:00.001Z' }, NOW).ok).to.equal(true);
    });
  });

  describe('invalid configs name the path of each problem', () => {
    for (const { name, config, paths } of [...invalidCases, ...validatorOnlyCases]) {
      it(`rejects ${name} at ${paths!.join(', ')}`, () => {
        const problems = problemsOf(config);
        expect(problems.map((p) => p.path)).to.deep.equal(paths);
        for (const problem of problems) expect(problem.message, problem.path).to.be.a('string').with.length.above(10);
      });
    }

    it('rejects values JSON cannot hold: NaN, Infinity, undefined, functions, Maps', () => {
      expect(problemsOf({ ...base(), defaults: { thinkSeconds: NaN, answerSeconds: Infinity } }).map((p) => p.path)).to.deep.equal([
        '$.defaults.thinkSeconds',
        '$.defaults.answerSeconds',
      ]);
      expect(problemsOf({ ...base(), title: undefined }).map((p) => p.path)).to.deep.equal(['$.title']);
      expect(problemsOf({ ...base(), questions: [() => 'Why us?'] }).map((p) => p.path)).to.deep.equal(['$.questions[0]']);
      expect(problemsOf({ ...base(), defaults: new Map([['answer', 'text']]) }).map((p) => p.path)).to.deep.equal(['$.defaults']);
    });
  });

  describe('messages tell the host what to change', () => {
    it('lists the answer kinds for a misspelt one', () => {
      const config = { ...base(), questions: [...base().questions, { id: 'q2', text: 'B' }, { id: 'q3', text: 'C', answer: 'vidoe' }] };
      const problems = problemsOf(config);
      expect(formatConfigProblems(problems)).to.equal('$.questions[2].answer: "vidoe" is not an answer kind; use "video", "audio" or "text"');
    });

    it('suggests the key a typo was meant to be', () => {
      expect(messageAt({ ...base(), titel: 'x' }, '$.titel')).to.equal('unknown key "titel"; did you mean "title"?');
      const question = { ...base(), questions: [{ id: 'q1', text: 'T', thinkSecs: 10 }] };
      expect(messageAt(question, '$.questions[0].thinkSecs')).to.contain('did you mean "thinkSeconds"?');
      expect(messageAt({ ...base(), colour: 'red' }, '$.colour')).to.contain('allowed keys are "$schema", "id", "title"');
    });

    it('gives the range, and suspects milliseconds when a time is far too long', () => {
      const config = { ...base(), defaults: { answerSeconds: 90_000, thinkSeconds: -5, retakes: '2' } };
      expect(messageAt(config, '$.defaults.answerSeconds')).to.equal('90000 is out of range; use 1 to 3600 (seconds, not milliseconds)');
      expect(messageAt(config, '$.defaults.thinkSeconds')).to.equal('-5 is out of range; use 0 to 3600');
      expect(messageAt(config, '$.defaults.retakes')).to.equal('expected a whole number of retakes (0 to 10), got the string "2"');
    });

    it('names missing and empty keys', () => {
      expect(messageAt({ title: 'T', questions: base().questions }, '$.id')).to.equal('missing; the interview needs a non-empty "id"');
      expect(messageAt({ ...base(), questions: [{ id: 'q1', text: ' ' }] }, '$.questions[0].text')).to.equal(
        'empty; give every question a non-empty "text"',
      );
      expect(messageAt({ ...base(), questions: [] }, '$.questions')).to.equal('empty; add at least one question');
    });

    it('says what an id may hold, since it is sent as tus metadata', () => {
      const allowed =
        'ids are sent with every answer as tus metadata: use up to 256 characters of text without control characters (line breaks, tabs …) or unpaired surrogates, e.g. "q1"';
      expect(messageAt({ ...base(), questions: [{ id: 'q\n1', text: 'T' }] }, '$.questions[0].id')).to.equal(`the string "q\\n1" contains U+000A; ${allowed}`);
      expect(messageAt({ ...base(), id: 'x'.repeat(300) }, '$.id')).to.equal(`the string "${'x'.repeat(40)}…" is 300 characters long; ${allowed}`);
    });

    it('points at the first question with a duplicate id', () => {
      const config = { ...base(), questions: [{ id: 'q1', text: 'A' }, { id: 'q1', text: 'B' }] };
      expect(messageAt(config, '$.questions[1].id')).to.equal('"q1" is already the id of $.questions[0]; question ids must be unique');
    });

    it('says when the deadline passed, relative to the given now', () => {
      const config = { ...base(), deadline: '2026-06-01T12:00:00Z' };
      expect(messageAt(config, '$.deadline')).to.equal(
        '2026-06-01T12:00:00Z has already passed (it is now 2026-06-01T12:00:00.000Z), so no candidate could take the interview: set a later deadline or remove it',
      );
      expect(validateInterviewConfig(config, new Date('2026-06-01T11:59:59Z')).ok).to.equal(true);
    });

    it('compares deadlines with an offset in absolute time', () => {
      // 13:30+02:00 is 11:30Z: before NOW.
      expect(problemsOf({ ...base(), deadline: '2026-06-01T13:30:00+02:00' }).map((p) => p.path)).to.deep.equal(['$.deadline']);
      // 07:30-05:00 is 12:30Z: after NOW.
      expect(validateInterviewConfig({ ...base(), deadline: '2026-06-01T07:30:00-05:00' }, NOW).ok).to.equal(true);
    });

    it('shows how to write a deadline', () => {
      expect(messageAt({ ...base(), deadline: '2099-12-01' }, '$.deadline')).to.contain('"2026-12-01T23:59:00Z"');
    });

    it('says what support needs: an object, an email address, a URL that opens a web page', () => {
      expect(messageAt({ ...base(), support: 'help@example.com' }, '$.support')).to.equal(
        'expected an object with any of "text", "email", "url", got the string "help@example.com"',
      );
      expect(messageAt({ ...base(), support: { email: 'help' } }, '$.support.email')).to.equal('"help" is not an email address; write it as "help@example.com"');
      expect(messageAt({ ...base(), support: { url: 'mailto:help@example.com' } }, '$.support.url')).to.equal(
        '"mailto:help@example.com" does not open a web page; use an https:// URL or one relative to the page (an email address goes in "email")',
      );
      expect(messageAt({ ...base(), support: { mail: 'help@example.com' } }, '$.support.mail')).to.equal('unknown key "mail"; did you mean "email"?');
    });

    it('says where a question is text or not when maxChars does not apply', () => {
      expect(messageAt({ ...base(), questions: [{ id: 'q', text: 't', maxChars: 5 }] }, '$.questions[0].maxChars')).to.equal(
        `only text answers have a length limit, and this question's answer is "video" (the built-in default): remove "maxChars" or set "answer": "text"`,
      );
      const viaDefaults = { ...base(), defaults: { answer: 'video' }, questions: [{ id: 'q', text: 't', maxChars: 5 }] };
      expect(messageAt(viaDefaults, '$.questions[0].maxChars')).to.contain('"video" (from $.defaults.answer)');
    });
  });

  it('reports every problem at once, in document order', () => {
    const config = {
      id: '',
      titel: 'Account Executive',
      deadline: '2020-01-01T00:00:00Z',
      practice: 'yes',
      defaults: { thinkSeconds: -1, answer: 'vidoe' },
      questions: [
        { id: 'q1', text: '', answerSeconds: 0 },
        'Why us?',
        { id: 'q1', text: 'Again', retakes: 11, answer: 'text', maxChars: 0, captions: 'c.vtt' },
      ],
    };
    expect(problemsOf(config).map((p) => p.path)).to.deep.equal([
      '$.titel',
      '$.id',
      '$.title',
      '$.deadline',
      '$.practice',
      '$.defaults.thinkSeconds',
      '$.defaults.answer',
      '$.questions[0].text',
      '$.questions[0].answerSeconds',
      '$.questions[1]',
      '$.questions[2].captions',
      '$.questions[2].retakes',
      '$.questions[2].maxChars',
      '$.questions[2].id',
    ]);
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
