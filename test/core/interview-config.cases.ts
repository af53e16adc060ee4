// Interview configs with the verdict they must get. The browser test runs them through
// validateInterviewConfig() and checks every problem's path; test/schema-parity.node.mjs runs the
// parity lists through both the validator and schema/interview-config.schema.json and requires
// the same verdict. Plain data: no test framework, no DOM (the Node script bundles this file).

export interface ConfigCase {
  name: string;
  config: unknown;
  /** For invalid configs: the path of every problem, in the order they are reported. */
  paths?: string[];
}

/**
 * Deadlines in the parity lists are far in the future: "the deadline has passed" depends on the
 * clock, which a JSON Schema cannot read, so a past deadline is a validator-only case below.
 */
export const FUTURE_DEADLINE = '2099-12-01T23:59:00Z';

/** A small valid config to break one key at a time. */
export const base = () => ({
  id: 'sales-2026-q4',
  title: 'Account Executive',
  questions: [{ id: 'q1', text: 'Tell us about a deal you lost.' }],
});

const withQuestion = (question: Record<string, unknown>) => ({ ...base(), questions: [{ id: 'q1', text: 'Why us?', ...question }] });

/** The example from the project's issue, with a future deadline. */
export const exampleConfig = () => ({
  id: 'sales-2026-q4',
  title: 'Account Executive',
  instructions: 'You will answer three questions. Take your time to think before each one.',
  consent: 'I agree that my answers are recorded and shared with the hiring team.',
  deadline: FUTURE_DEADLINE,
  practice: true,
  deviceCheck: true,
  defaults: { thinkSeconds: 30, answerSeconds: 120, retakes: 1, answer: 'video' },
  questions: [
    {
      id: 'q1',
      text: 'Tell us about a deal you lost.',
      video: 'https://cdn.example/interviews/q1.mp4',
      captions: 'https://cdn.example/interviews/q1.vtt',
      thinkSeconds: 30,
      answerSeconds: 90,
      retakes: 2,
      answer: 'video',
    },
    { id: 'q2', text: 'How do you prepare for a first call?', answer: 'audio' },
    { id: 'q3', text: 'Write the follow-up email to a prospect who went quiet.', answer: 'text', maxChars: 1500 },
  ],
});

/** Six questions, for drawing from. */
const six = () => Array.from({ length: 6 }, (_, i) => ({ id: `q${i + 1}`, text: `Question ${i + 1}?` }));

export const validCases: ConfigCase[] = [
  { name: 'three of six questions in an order drawn per candidate', config: { ...base(), questions: six(), pick: 3, shuffle: true } },
  {
    name: 'pools: two of four, then one of two',
    config: { ...base(), questions: six(), pools: [{ id: 'core', pick: 2, questions: ['q1', 'q2', 'q3', 'q4'] }, { id: 'close', pick: 1, questions: ['q5', 'q6'] }] },
  },
  { name: 'a pool without pick asks all of it', config: { ...base(), pools: [{ id: 'all', questions: ['q1'] }] } },
  { name: 'a second consent and accommodations', config: { ...base(), consent: 'I agree.', aiConsent: 'An AI may score my answers.', accommodations: { text: 'We answer within a day.' } } },
  { name: 'the example from the issue', config: exampleConfig() },
  { name: 'the smallest config: id, title and one question', config: base() },
  {
    name: 'every number at the ends of its range',
    config: {
      ...base(),
      questions: [
        { id: 'low', text: 'Low', thinkSeconds: 0, answerSeconds: 1, retakes: 0 },
        { id: 'high', text: 'High', thinkSeconds: 3600, answerSeconds: 3600, retakes: 10 },
        { id: 'short', text: 'Short', answer: 'text', maxChars: 1 },
        { id: 'long', text: 'Long', answer: 'text', maxChars: 100_000 },
      ],
    },
  },
  {
    name: 'maxChars on a question that is text through defaults.answer',
    config: { ...base(), defaults: { answer: 'text' }, questions: [{ id: 'q1', text: 'Why us?', maxChars: 500 }] },
  },
  { name: 'relative URLs', config: withQuestion({ video: 'media/q1.mp4', captions: '/media/q1.vtt' }) },
  { name: 'a text question with a question video', config: withQuestion({ video: 'q1.webm', answer: 'text' }) },
  { name: 'a deadline with an offset and a fraction of a second', config: { ...base(), deadline: '2099-06-30T17:00:00.250+02:00' } },
  { name: 'a deadline without seconds', config: { ...base(), deadline: '2099-06-30T17:00Z' } },
  { name: '29 February in a leap year', config: { ...base(), deadline: '2096-02-29T12:00:00Z' } },
  { name: 'empty instructions, empty defaults', config: { ...base(), instructions: '', defaults: {} } },
  { name: 'a $schema key for editors', config: { $schema: '../schema/interview-config.schema.json', ...base() } },
  { name: 'practice and deviceCheck off', config: { ...base(), practice: false, deviceCheck: false } },
  {
    name: 'support with text, email and URL',
    config: { ...base(), support: { text: 'Our team answers within a working day.', email: 'jobs+help@example.com', url: 'https://example.com/help' } },
  },
  { name: 'a relative support URL with a fragment', config: { ...base(), support: { url: 'help.html#camera' } } },
  { name: 'a protocol-relative support URL', config: { ...base(), support: { url: '//help.example.com/interviews' } } },
  { name: 'a support URL with its scheme in capitals', config: { ...base(), support: { url: 'HTTPS://EXAMPLE.COM/HELP' } } },
  { name: 'an empty support object', config: { ...base(), support: {} } },
  {
    name: 'ids that name what every object inherits, and ids in any script',
    config: {
      ...base(),
      id: 'constructor',
      questions: ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'Frage 3 – Größe 🎤'].map((id) => ({ id, text: 'T' })),
    },
  },
  {
    name: 'ids of 256 characters, one outside the Basic Multilingual Plane counted once',
    config: { ...base(), id: 'i'.repeat(256), questions: [{ id: '🎤'.repeat(256), text: 'T' }] },
  },
];

export const invalidCases: ConfigCase[] = [
  { name: 'pick of 0', config: { ...base(), pick: 0 }, paths: ['$.pick'] },
  { name: 'pick as text', config: { ...base(), pick: '2' }, paths: ['$.pick'] },
  { name: 'shuffle as text', config: { ...base(), shuffle: 'yes' }, paths: ['$.shuffle'] },
  { name: 'no pools in pools', config: { ...base(), pools: [] }, paths: ['$.pools'] },
  { name: 'a pool without questions', config: { ...base(), pools: [{ id: 'p', questions: [] }] }, paths: ['$.pools[0].questions', '$.questions[0]'] },
  { name: 'a pool without an id', config: { ...base(), pools: [{ questions: ['q1'] }] }, paths: ['$.pools[0].id'] },
  { name: 'a pool with an unknown key', config: { ...base(), pools: [{ id: 'p', questions: ['q1'], order: 'random' }] }, paths: ['$.pools[0].order'] },
  { name: 'a top-level pick with pools', config: { ...base(), pick: 1, pools: [{ id: 'p', questions: ['q1'] }] }, paths: ['$.pick'] },
  { name: 'accommodations without text', config: { ...base(), accommodations: {} }, paths: ['$.accommodations.text'] },
  { name: 'an empty second consent', config: { ...base(), aiConsent: ' ' }, paths: ['$.aiConsent'] },
  { name: 'an array instead of an object', config: [base()], paths: ['$'] },
  { name: 'null', config: null, paths: ['$'] },
  { name: 'a JSON string that was never parsed', config: JSON.stringify(base()), paths: ['$'] },
  { name: 'no id', config: { title: 'T', questions: base().questions }, paths: ['$.id'] },
  { name: 'an empty id', config: { ...base(), id: '' }, paths: ['$.id'] },
  { name: 'a numeric id', config: { ...base(), id: 42 }, paths: ['$.id'] },
  { name: 'an interview id with a tab', config: { ...base(), id: 'sales\t2026' }, paths: ['$.id'] },
  { name: 'an interview id of 257 characters', config: { ...base(), id: 'i'.repeat(257) }, paths: ['$.id'] },
  { name: 'a question id with a line break', config: withQuestion({ id: 'q\n1' }), paths: ['$.questions[0].id'] },
  { name: 'a question id with DEL (U+007F)', config: withQuestion({ id: 'q\u007f' }), paths: ['$.questions[0].id'] },
  { name: 'a question id with NEXT LINE (U+0085)', config: withQuestion({ id: 'q\u0085' }), paths: ['$.questions[0].id'] },
  { name: 'a question id with an unpaired surrogate', config: withQuestion({ id: 'q\ud83c' }), paths: ['$.questions[0].id'] },
  { name: 'a question id of 257 characters', config: withQuestion({ id: '🎤'.repeat(257) }), paths: ['$.questions[0].id'] },
  { name: 'a blank title', config: { ...base(), title: '   ' }, paths: ['$.title'] },
  { name: 'no title', config: { id: 'x', questions: base().questions }, paths: ['$.title'] },
  { name: 'no questions', config: { id: 'x', title: 'T' }, paths: ['$.questions'] },
  { name: 'an empty questions array', config: { ...base(), questions: [] }, paths: ['$.questions'] },
  { name: 'questions as an object', config: { ...base(), questions: { q1: { id: 'q1', text: 'T' } } }, paths: ['$.questions'] },
  { name: 'a question that is a string', config: { ...base(), questions: ['Why us?'] }, paths: ['$.questions[0]'] },
  { name: 'a question without text', config: { ...base(), questions: [{ id: 'q1' }] }, paths: ['$.questions[0].text'] },
  { name: 'a question without id', config: { ...base(), questions: [{ text: 'Why us?' }] }, paths: ['$.questions[0].id'] },
  { name: 'a question with empty text', config: withQuestion({ text: '' }), paths: ['$.questions[0].text'] },
  { name: 'negative thinkSeconds', config: withQuestion({ thinkSeconds: -1 }), paths: ['$.questions[0].thinkSeconds'] },
  { name: 'thinkSeconds over an hour', config: withQuestion({ thinkSeconds: 3601 }), paths: ['$.questions[0].thinkSeconds'] },
  { name: 'answerSeconds 0', config: withQuestion({ answerSeconds: 0 }), paths: ['$.questions[0].answerSeconds'] },
  { name: 'answerSeconds in milliseconds', config: withQuestion({ answerSeconds: 90_000 }), paths: ['$.questions[0].answerSeconds'] },
  { name: 'fractional answerSeconds', config: withQuestion({ answerSeconds: 90.5 }), paths: ['$.questions[0].answerSeconds'] },
  { name: 'retakes 11', config: withQuestion({ retakes: 11 }), paths: ['$.questions[0].retakes'] },
  { name: 'fractional retakes', config: withQuestion({ retakes: 1.5 }), paths: ['$.questions[0].retakes'] },
  { name: 'retakes as a string', config: withQuestion({ retakes: '1' }), paths: ['$.questions[0].retakes'] },
  { name: 'maxChars 0', config: withQuestion({ answer: 'text', maxChars: 0 }), paths: ['$.questions[0].maxChars'] },
  { name: 'maxChars over 100000', config: withQuestion({ answer: 'text', maxChars: 100_001 }), paths: ['$.questions[0].maxChars'] },
  { name: 'a misspelt answer kind', config: withQuestion({ answer: 'vidoe' }), paths: ['$.questions[0].answer'] },
  { name: 'an answer kind that is not a string', config: withQuestion({ answer: 1 }), paths: ['$.questions[0].answer'] },
  { name: 'maxChars on a video question', config: withQuestion({ answer: 'video', maxChars: 10 }), paths: ['$.questions[0].maxChars'] },
  { name: 'maxChars on a question that is video by default', config: withQuestion({ maxChars: 10 }), paths: ['$.questions[0].maxChars'] },
  {
    name: 'maxChars on a question that is audio through defaults.answer',
    config: { ...withQuestion({ maxChars: 10 }), defaults: { answer: 'audio' } },
    paths: ['$.questions[0].maxChars'],
  },
  {
    name: 'maxChars on a video question when defaults.answer is text',
    config: { ...withQuestion({ answer: 'video', maxChars: 10 }), defaults: { answer: 'text' } },
    paths: ['$.questions[0].maxChars'],
  },
  { name: 'captions without a video', config: withQuestion({ captions: 'q1.vtt' }), paths: ['$.questions[0].captions'] },
  { name: 'a video URL that is not a string', config: withQuestion({ video: { src: 'q1.mp4' } }), paths: ['$.questions[0].video'] },
  { name: 'an empty video URL', config: withQuestion({ video: '' }), paths: ['$.questions[0].video'] },
  { name: 'a misspelt question key', config: withQuestion({ thinkSecs: 10 }), paths: ['$.questions[0].thinkSecs'] },
  { name: 'a misspelt top-level key', config: { ...base(), titel: 'Account Executive' }, paths: ['$.titel'] },
  { name: 'an unknown key in defaults', config: { ...base(), defaults: { maxChars: 100 } }, paths: ['$.defaults.maxChars'] },
  { name: 'a "__proto__" key from JSON.parse', config: JSON.parse('{"id":"x","title":"T","questions":[{"id":"q","text":"t"}],"__proto__":{}}'), paths: ['$.__proto__'] },
  { name: 'defaults that is not an object', config: { ...base(), defaults: 30 }, paths: ['$.defaults'] },
  { name: 'a misspelt answer kind in defaults', config: { ...base(), defaults: { answer: 'txt' } }, paths: ['$.defaults.answer'] },
  { name: 'thinkSeconds as a string in defaults', config: { ...base(), defaults: { thinkSeconds: '30' } }, paths: ['$.defaults.thinkSeconds'] },
  { name: 'practice as a string', config: { ...base(), practice: 'yes' }, paths: ['$.practice'] },
  { name: 'deviceCheck as a number', config: { ...base(), deviceCheck: 1 }, paths: ['$.deviceCheck'] },
  { name: 'support as an email address string', config: { ...base(), support: 'help@example.com' }, paths: ['$.support'] },
  { name: 'support with empty text', config: { ...base(), support: { text: ' ' } }, paths: ['$.support.text'] },
  { name: 'support text that is not text', config: { ...base(), support: { text: ['Call us'] } }, paths: ['$.support.text'] },
  { name: 'a support email without @', config: { ...base(), support: { email: 'help.example.com' } }, paths: ['$.support.email'] },
  { name: 'a support email with a space', config: { ...base(), support: { email: 'help @example.com' } }, paths: ['$.support.email'] },
  { name: 'a support email that is a number', config: { ...base(), support: { email: 42 } }, paths: ['$.support.email'] },
  { name: 'an empty support URL', config: { ...base(), support: { url: '' } }, paths: ['$.support.url'] },
  { name: 'a javascript: support URL', config: { ...base(), support: { url: 'javascript:alert(1)' } }, paths: ['$.support.url'] },
  { name: 'a javascript: support URL with a tab the browser drops', config: { ...base(), support: { url: 'java\tscript:alert(1)' } }, paths: ['$.support.url'] },
  { name: 'a mailto: support URL', config: { ...base(), support: { url: 'mailto:help@example.com' } }, paths: ['$.support.url'] },
  { name: 'a misspelt support key', config: { ...base(), support: { emial: 'help@example.com' } }, paths: ['$.support.emial'] },
  {
    name: 'every support key wrong at once',
    config: { ...base(), support: { text: '', email: 'nobody', url: 'data:text/html,hi', phone: '555' } },
    paths: ['$.support.phone', '$.support.text', '$.support.email', '$.support.url'],
  },
  { name: 'empty consent', config: { ...base(), consent: '' }, paths: ['$.consent'] },
  { name: 'consent that is not text', config: { ...base(), consent: true }, paths: ['$.consent'] },
  { name: 'instructions that are not text', config: { ...base(), instructions: ['Be brief.'] }, paths: ['$.instructions'] },
  { name: '$schema that is not a string', config: { ...base(), $schema: 7 }, paths: ['$.$schema'] },
  { name: 'a deadline that is a date without a time', config: { ...base(), deadline: '2099-12-01' }, paths: ['$.deadline'] },
  { name: 'a deadline without a time zone', config: { ...base(), deadline: '2099-12-01T23:59:00' }, paths: ['$.deadline'] },
  { name: 'a deadline in words', config: { ...base(), deadline: 'next Friday' }, paths: ['$.deadline'] },
  { name: 'a deadline as a timestamp', config: { ...base(), deadline: 4_000_000_000_000 }, paths: ['$.deadline'] },
  { name: 'a deadline in month 13', config: { ...base(), deadline: '2099-13-01T00:00:00Z' }, paths: ['$.deadline'] },
];

/**
 * Problems only the validator can find, so they stay out of the parity lists: JSON Schema has no
 * keyword for "unique by one property", cannot read the clock, knows no calendar, and its
 * `format` keyword is an annotation in draft 2020-12 (validators need not check URLs). The schema
 * accepts each of these; the parity script checks that too, so a stricter schema shows up there.
 */
export const validatorOnlyCases: ConfigCase[] = [
  { name: 'pick of more questions than there are', config: { ...base(), pick: 2 }, paths: ['$.pick'] },
  { name: 'a pool naming a question that does not exist', config: { ...base(), pools: [{ id: 'p', questions: ['q1', 'q9'] }] }, paths: ['$.pools[0].questions[1]'] },
  {
    name: 'a question in two pools, and one in none',
    config: { ...base(), questions: six().slice(0, 3), pools: [{ id: 'a', questions: ['q1', 'q2'] }, { id: 'b', questions: ['q2'] }] },
    paths: ['$.pools[1].questions[0]', '$.questions[2]'],
  },
  { name: 'a pool picking more than it has', config: { ...base(), pools: [{ id: 'p', pick: 2, questions: ['q1'] }] }, paths: ['$.pools[0].pick'] },
  { name: 'two pools with one id', config: { ...base(), questions: six().slice(0, 2), pools: [{ id: 'p', questions: ['q1'] }, { id: 'p', questions: ['q2'] }] }, paths: ['$.pools[1].id'] },
  {
    name: 'duplicate question ids',
    config: { ...base(), questions: [{ id: 'q1', text: 'A' }, { id: 'q2', text: 'B' }, { id: 'q1', text: 'C' }, { id: 'q2', text: 'D' }] },
    paths: ['$.questions[2].id', '$.questions[3].id'],
  },
  { name: 'a deadline in the past', config: { ...base(), deadline: '2020-01-01T00:00:00Z' }, paths: ['$.deadline'] },
  { name: 'a deadline on a day that does not exist', config: { ...base(), deadline: '2099-02-30T12:00:00Z' }, paths: ['$.deadline'] },
  { name: 'a support URL with a port out of range', config: { ...base(), support: { url: 'https://help.example:99999/' } }, paths: ['$.support.url'] },
  // (Not a space in the host: Chromium's URL parser accepts "https://cdn example.com/", Node's does not.)
  { name: 'a video URL with a port out of range', config: withQuestion({ video: 'https://cdn.example:99999/q1.mp4' }), paths: ['$.questions[0].video'] },
  {
    name: 'a captions URL with no host',
    config: withQuestion({ video: 'q1.mp4', captions: 'https://' }),
    paths: ['$.questions[0].captions'],
  },
];
