import { expect } from '@open-wc/testing';
import { formatConfigProblems, type ConfigProblem, type InterviewConfig } from '../../src/core/interview-config.js';
import {
  checkUrl,
  describe as describeValue,
  isPlainObject,
  listKinds,
  reportUnknownKeys,
  validateInterviewConfig,
} from '../../src/core/interview-config-validation.js';
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

const six = () => Array.from({ length: 6 }, (_, i) => ({ id: `q${i + 1}`, text: `Question ${i + 1}?` }));

describe('interview config validation', () => {
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

  describe('every rule says what to change', () => {
    it('names what the config is when it is not an object', () => {
      expect(messageAt(null, '$')).to.equal('expected the interview config as an object, got null');
      expect(messageAt([base()], '$')).to.equal('expected the interview config as an object, got an array');
      expect(messageAt(new Date(), '$'), 'a Date is no JSON object').to.equal('expected the interview config as an object, got an object');
      expect(messageAt('{"id":"x"}', '$')).to.equal('expected the interview config as an object, got the string "{\\"id\\":\\"x\\"}"');
    });

    it('accepts an object without a prototype, as some JSON parsers make them, and copies it', () => {
      const input = Object.assign(Object.create(null) as Record<string, unknown>, base());
      expect(accepted(input)).to.deep.equal(base());
    });

    it('says what $schema, the questions array, defaults and each question must be', () => {
      expect(messageAt({ ...base(), $schema: 7 }, '$.$schema')).to.equal("expected the schema's URL as a string, got the number 7");
      expect(messageAt({ id: 'x', title: 'T' }, '$.questions')).to.equal('missing; add "questions", an array with at least one question');
      expect(messageAt({ ...base(), questions: { q1: {} } }, '$.questions')).to.equal('expected an array of questions, got an object');
      expect(messageAt({ ...base(), defaults: 30 }, '$.defaults')).to.equal(
        'expected an object of question settings (thinkSeconds, answerSeconds, retakes, answer), got the number 30',
      );
      expect(messageAt({ ...base(), questions: [null] }, '$.questions[0]')).to.equal('expected a question object (with "id" and "text"), got null');
      expect(messageAt({ ...base(), practice: 'yes' }, '$.practice')).to.equal('expected true or false, got the string "yes"');
      expect(messageAt({ ...base(), instructions: ['Be brief.'] }, '$.instructions')).to.equal('expected plain text, got an array');
    });

    it('says how to write a whole number and an answer kind that is not text', () => {
      const config = { ...base(), questions: [{ id: 'q1', text: 'T', answerSeconds: 90.5, answer: 1 }] };
      expect(messageAt(config, '$.questions[0].answerSeconds')).to.equal('90.5 is not a whole number; use a whole number of seconds (1 to 3600)');
      expect(messageAt(config, '$.questions[0].answer')).to.equal('expected an answer kind ("video", "audio" or "text"), got the number 1');
      expect(messageAt({ ...base(), questions: [{ id: 'q1', text: 'T', answer: 'text', maxChars: 0 }] }, '$.questions[0].maxChars')).to.equal(
        '0 is out of range; use 1 to 100000',
      );
    });

    it('does not blame maxChars on a default answer kind that is itself wrong', () => {
      const config = { ...base(), defaults: { answer: 'txt' }, questions: [{ id: 'q1', text: 'T', maxChars: 10 }] };
      expect(problemsOf(config).map((p) => p.path)).to.deep.equal(['$.defaults.answer']);
      expect(messageAt(config, '$.defaults.answer')).to.equal('"txt" is not an answer kind; use "video", "audio" or "text"');
    });

    it('says what the consents and accommodations need', () => {
      expect(messageAt({ ...base(), consent: '' }, '$.consent')).to.equal('empty; remove "consent" if there is nothing to accept');
      expect(messageAt({ ...base(), aiConsent: 1 }, '$.aiConsent')).to.equal('expected text, got the number 1');
      expect(messageAt({ ...base(), accommodations: 'ask us' }, '$.accommodations')).to.equal(
        'expected { "text": what happens after a request }, got the string "ask us"',
      );
      expect(messageAt({ ...base(), accommodations: {} }, '$.accommodations.text')).to.equal('missing; accommodations needs a non-empty "text"');
      expect(messageAt({ ...base(), accommodations: { text: 'x', txt: 'y' } }, '$.accommodations.txt')).to.equal('unknown key "txt"; did you mean "text"?');
    });

    it('says what a URL must be', () => {
      const q = (video: unknown) => ({ ...base(), questions: [{ id: 'q1', text: 'T', video }] });
      expect(messageAt(q(''), '$.questions[0].video')).to.equal('empty; give an absolute or relative URL, or remove the key');
      expect(messageAt(q({ src: 'q1.mp4' }), '$.questions[0].video')).to.equal('expected a URL as a string, got an object');
      expect(messageAt(q('https://cdn.example:99999/q1.mp4'), '$.questions[0].video')).to.equal(
        '"https://cdn.example:99999/q1.mp4" is not a URL; give an absolute URL ("https://cdn.example/q1.mp4") or a relative one ("media/q1.mp4")',
      );
      expect(messageAt({ ...base(), questions: [{ id: 'q1', text: 'T', captions: 'q1.vtt' }] }, '$.questions[0].captions')).to.equal(
        'captions belong to a question video, and this question has none: add "video" or remove "captions"',
      );
    });

    it('says what pick and pools need, pointing at the question or pool to fix', () => {
      expect(messageAt({ ...base(), pick: 0 }, '$.pick')).to.equal('expected how many questions to ask, a whole number from 1, got the number 0');
      expect(messageAt({ ...base(), questions: six(), pick: 7 }, '$.pick')).to.equal('7 is more than the 6 questions there are to draw from');
      expect(messageAt({ ...base(), pick: 1, pools: [{ id: 'p', questions: ['q1'] }] }, '$.pick')).to.equal(
        'with "pools", each pool has its own "pick": remove the top-level one',
      );
      expect(messageAt({ ...base(), pools: {} }, '$.pools')).to.equal(
        'expected an array of pools ({ "id", "pick", "questions": [question ids] }), got an object',
      );
      expect(messageAt({ ...base(), pools: ['q1'] }, '$.pools[0]')).to.equal('expected a pool object ({ "id", "pick", "questions" }), got the string "q1"');
      const pools = {
        ...base(),
        questions: six().slice(0, 4),
        pools: [
          { id: 'a', pick: 3, questions: ['q1', 'q2'] },
          { id: 'a', questions: ['q2', 'q9', 4] },
        ],
      };
      expect(messageAt(pools, '$.pools[0].pick')).to.equal('3 is more than the 2 questions in this pool there are to draw from');
      expect(messageAt(pools, '$.pools[1].id')).to.equal('"a" is already the id of another pool; pool ids must be unique');
      expect(messageAt(pools, '$.pools[1].questions[0]')).to.equal('"q2" is already in the pool "a"; a question belongs to one pool');
      expect(messageAt(pools, '$.pools[1].questions[1]')).to.equal('"q9" is not the id of a question in $.questions');
      expect(messageAt(pools, '$.pools[1].questions[2]')).to.equal('expected a question id, got the number 4');
      expect(messageAt(pools, '$.questions[2]')).to.equal('"q3" is in no pool: with "pools", add it to one (or remove it)');
      expect(messageAt({ ...base(), pools: [{ id: 'p', questions: [] }] }, '$.pools[0].questions')).to.equal(
        'expected an array of at least one question id, got an array',
      );
    });

    it('says which day does not exist, and reads years before 100 as they are written', () => {
      expect(messageAt({ ...base(), deadline: '2099-04-31T12:00:00Z' }, '$.deadline')).to.equal('"2099-04-31T12:00:00Z" names a day that does not exist');
      expect(messageAt({ ...base(), deadline: '2099-02-29T12:00:00Z' }, '$.deadline'), 'not a leap year').to.contain('does not exist');
      // Year 99, not 1999: long past either way, but the message must say what was written.
      expect(messageAt({ ...base(), deadline: '0099-06-01T00:00:00Z' }, '$.deadline')).to.match(/^0099-06-01T00:00:00Z has already passed/);
      expect(messageAt({ ...base(), deadline: 4e12 }, '$.deadline')).to.equal(
        'expected an ISO 8601 date-time as a string (e.g. "2026-12-01T23:59:00Z"), got the number 4000000000000',
      );
    });

    it('reads the fraction of a second of a deadline', () => {
      expect(validateInterviewConfig({ ...base(), deadline: '2026-06-01T12:00:00.25Z' }, new Date('2026-06-01T12:00:00.249Z')).ok).to.equal(true);
      expect(validateInterviewConfig({ ...base(), deadline: '2026-06-01T12:00:00.25Z' }, new Date('2026-06-01T12:00:00.250Z')).ok).to.equal(false);
    });
  });

  describe('unknown keys', () => {
    it('suggests a key one swap, one letter or only the case away, and nothing for a key far from any', () => {
      expect(messageAt({ ...base(), tilte: 'x' }, '$.tilte')).to.equal('unknown key "tilte"; did you mean "title"?');
      expect(messageAt({ ...base(), Title: 'x' }, '$.Title')).to.equal('unknown key "Title"; did you mean "title"?');
      expect(messageAt({ ...base(), deadlin: 'x' }, '$.deadlin')).to.equal('unknown key "deadlin"; did you mean "deadline"?');
      expect(messageAt({ ...base(), questions: [{ id: 'q', text: 't', colour: 'x' }] }, '$.questions[0].colour')).to.contain('allowed keys are "id", "text", "video"');
    });

    it('writes a key that is no identifier in brackets, so the path stays valid', () => {
      expect(problemsOf({ ...base(), 'think seconds': 5, '1st': true }).map((p) => p.path)).to.deep.equal(['$["think seconds"]', '$["1st"]']);
    });

    it('reports with the path it is given, and says nothing of known keys', () => {
      const found: string[] = [];
      reportUnknownKeys({ a: 1, b: 2 }, ['a'], '$.x[0]', (path, message) => found.push(`${path}: ${message}`));
      expect(found).to.deep.equal(['$.x[0].b: unknown key "b"; did you mean "a"?']);
    });
  });

  describe('the helpers the review input shares', () => {
    it('names values as a message does', () => {
      expect(describeValue(null)).to.equal('null');
      expect(describeValue(undefined)).to.equal('nothing');
      expect(describeValue([1])).to.equal('an array');
      expect(describeValue('30')).to.equal('the string "30"');
      expect(describeValue('x'.repeat(41))).to.equal(`the string "${'x'.repeat(40)}…"`);
      expect(describeValue(3.5)).to.equal('the number 3.5');
      expect(describeValue(false)).to.equal('false');
      expect(describeValue({})).to.equal('an object');
      expect(describeValue(() => 1)).to.equal('a function');
      expect(describeValue(1n)).to.equal('a bigint');
    });

    it('lists the answer kinds, and tells plain objects from others', () => {
      expect(listKinds()).to.equal('"video", "audio" or "text"');
      expect(isPlainObject({})).to.equal(true);
      expect(isPlainObject(Object.create(null))).to.equal(true);
      for (const value of [null, [], new Map(), new Date(), 'x', 1]) expect(isPlainObject(value), describeValue(value)).to.equal(false);
    });

    it('checks a URL and says whether it is one', () => {
      const found: string[] = [];
      const report = (path: string) => found.push(path);
      expect(checkUrl('media/q1.mp4', '$.a', report)).to.equal(true);
      expect(checkUrl('https://cdn.example/q1.mp4', '$.b', report)).to.equal(true);
      expect(checkUrl(' ', '$.c', report)).to.equal(false);
      expect(checkUrl(7, '$.d', report)).to.equal(false);
      expect(found).to.deep.equal(['$.c', '$.d']);
    });
  });
});
