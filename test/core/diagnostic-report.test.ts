import { expect } from '@open-wc/testing';
import { diagnosticReport, scrubCredentials, type DiagnosticSnapshot } from '../../src/core/diagnostic-report.js';

const at = new Date('2026-05-04T09:30:00.000Z');

/** A snapshot of a candidate on question 2 of 3 whose first answer is sent and second on its way. */
function snapshot(overrides: Partial<DiagnosticSnapshot> = {}): DiagnosticSnapshot {
  return {
    at,
    version: '1.2.3',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
    languages: ['de-DE', 'en'],
    shownLanguage: 'de',
    online: true,
    secureContext: true,
    interviewId: 'sales-2026-q4',
    step: { step: 'question', index: 1, practice: false, phase: 'answer' },
    questionCount: 3,
    timed: true,
    mimeType: 'video/mp4;codecs=avc1.42E01E,mp4a.40.2',
    permissions: { camera: 'granted', microphone: 'prompt' },
    devices: { cameras: 1, microphones: 2 },
    storage: { usage: 1_500_000, quota: 2_000_000_000, persisted: false },
    answers: [
      { questionId: 'q1', kind: 'video', status: 'sent', attempt: 2, bytesUploaded: 812_345, bytesRecorded: 812_345 },
      { questionId: 'q2', kind: 'audio', status: 'retrying', attempt: 1, bytesUploaded: 10_000, bytesRecorded: 64_000 },
      { questionId: 'q3', kind: 'text', status: 'not-answered' },
    ],
    errors: [{ at, code: 'upload-rejected', message: 'The upload server rejected the request with 400 (POST https://up.example/files).', recoverable: false }],
    privateValues: ['Jane Doe'],
    ...overrides,
  };
}

describe('diagnosticReport', () => {
  it('says version, browser, languages, step, recording type, permissions, devices, storage, each upload and the errors', () => {
    expect(diagnosticReport(snapshot())).to.equal(
      [
        'oneway-interview diagnostic report',
        'Created: 2026-05-04T09:30:00.000Z',
        'Widget version: 1.2.3',
        'Browser: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
        'Languages: de-DE, en (shown in de)',
        'Online: yes; secure page: yes',
        'Interview: sales-2026-q4, 3 questions, timed',
        'Step: question 2 of 3, answering',
        'Recording type: video/mp4;codecs=avc1.42E01E,mp4a.40.2',
        'Permissions: camera granted, microphone prompt',
        'Devices: 1 camera, 2 microphones',
        'Storage: 1.5 MB used of 2 GB; kept under storage pressure: no',
        'Answers:',
        '  1. q1 (video): sent, take 2, 812345 of 812345 bytes on the server',
        '  2. q2 (audio): retrying, take 1, 10000 of 64000 bytes on the server',
        '  3. q3 (text): not-answered',
        'Last errors, oldest first:',
        '  2026-05-04T09:30:00.000Z upload-rejected (not recoverable): The upload server rejected the request with 400 (POST https://up.example/files).',
        '',
      ].join('\n'),
    );
  });

  it('says what it cannot know, and when there were no errors', () => {
    const report = diagnosticReport(
      snapshot({ devices: undefined, storage: undefined, errors: [], mimeType: '', permissions: {}, online: false }),
    );
    expect(report).to.contain('\nDevices: cannot be listed\n');
    expect(report).to.contain('\nStorage: no Storage API\n');
    expect(report).to.contain('\nRecording type: none chosen yet\n');
    expect(report).to.contain('\nPermissions: camera unknown, microphone unknown\n');
    expect(report).to.contain('\nOnline: no;');
    expect(report).to.match(/\nErrors: none\n$/);
    expect(diagnosticReport(snapshot({ storage: { persisted: true } }))).to.contain('\nStorage: no estimate; kept under storage pressure: yes\n');
    expect(diagnosticReport(snapshot({ questionCount: 1, timed: false }))).to.contain('\nInterview: sales-2026-q4, 1 question, untimed\n');
  });

  it('names every step', () => {
    const step = (value: DiagnosticSnapshot['step']) => /\nStep: (.*)\n/.exec(diagnosticReport(snapshot({ step: value })))![1];
    expect(step({ step: 'intro' })).to.equal('intro');
    expect(step({ step: 'device-check' })).to.equal('device-check');
    expect(step({ step: 'question', index: 0, practice: true, phase: 'think' })).to.equal('practice question, think time');
    expect(step({ step: 'question', index: 2, practice: false, phase: 'pending' })).to.equal('question 3 of 3, before it is shown');
    expect(step({ step: 'question', index: 0, practice: false, phase: 'review' })).to.equal('question 1 of 3, reviewing the take');
    expect(step({ step: 'finishing' })).to.equal('finishing');
  });

  it('removes private values from what it repeats, as written and URL-encoded', () => {
    const report = diagnosticReport(
      snapshot({
        interviewId: 'interview for Jane Doe',
        privateValues: ['Jane Doe', 'FaceTime HD Camera (05ac:8514)', '', 'c0ffee-device-id'],
        errors: [
          { at, code: 'upload-lost', message: 'An interrupted answer (slot sales/Jane%20Doe/q1, question q1) could not be recovered.', recoverable: true },
          { at, code: 'device-lost', message: 'The video device FaceTime HD Camera (05ac:8514) stopped (c0ffee-device-id).', recoverable: true },
        ],
      }),
    );
    expect(report).to.not.contain('Jane');
    expect(report).to.not.contain('FaceTime');
    expect(report).to.not.contain('c0ffee');
    expect(report).to.contain('Interview: interview for [removed], 3 questions');
    expect(report).to.contain('(slot sales/[removed]/q1, question q1)');
    expect(report).to.contain('The video device [removed] stopped ([removed]).');
  });
});

describe('scrubCredentials', () => {
  it('keeps the origin and path of a URL, without user, password, query or fragment', () => {
    expect(scrubCredentials('(PATCH https://alice:pw@up.example:8443/files/abc?token=s3cret&x=1#frag).')).to.equal(
      '(PATCH https://up.example:8443/files/abc?[removed]).',
    );
    expect(scrubCredentials('see https://up.example/files/abc#access_token=s3cret')).to.equal('see https://up.example/files/abc?[removed]');
    expect(scrubCredentials('HEAD https://up.example/files/abc failed')).to.equal('HEAD https://up.example/files/abc failed');
  });

  it('removes the query of a relative URL, an Authorization header and a bearer token', () => {
    expect(scrubCredentials('POST /files?access_token=s3cret failed')).to.equal('POST /files?[removed] failed');
    expect(scrubCredentials('sent Authorization: Bearer eyJhbGciOi.s3cret, then bearer abc123')).to.equal('sent Authorization: [removed], then bearer [removed]');
    expect(scrubCredentials('authorization=Basic dXNlcjpwdw==')).to.equal('authorization=[removed]');
  });

  it('leaves questions and sentences alone', () => {
    for (const message of [
      'unknown key "titel"; did you mean "title"? Use "Try again".',
      'The upload server refused the request with 401 after fresh credentials from `authorize` (POST https://up.example/files). Check the token your authorize hook returns.',
    ]) {
      expect(scrubCredentials(message)).to.equal(message);
    }
  });
});
