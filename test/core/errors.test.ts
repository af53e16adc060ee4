import { expect } from '@open-wc/testing';
import { captureSupportError, classifyMediaError, OnewayError } from '../../src/core/errors.js';

describe('errors', () => {
  it('is an Error that keeps its code, whether it is recoverable, and its cause', () => {
    const cause = new Error('underneath');
    const error = new OnewayError('upload-lost', 'The upload was lost.', false, { cause });
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('OnewayError');
    expect(error).to.include({ code: 'upload-lost', message: 'The upload was lost.', recoverable: false });
    expect(error.cause).to.equal(cause);
  });

  describe('classifyMediaError', () => {
    const cases: [string, string][] = [
      ['NotAllowedError', 'permission-denied'],
      ['PermissionDeniedError', 'permission-denied'],
      ['SecurityError', 'permission-denied'],
      ['NotFoundError', 'no-device'],
      ['DevicesNotFoundError', 'no-device'],
      ['OverconstrainedError', 'no-device'],
      ['NotReadableError', 'device-in-use'],
      ['TrackStartError', 'device-in-use'],
      ['AbortError', 'device-in-use'],
      ['TypeError', 'recording-failed'],
    ];
    for (const [name, code] of cases) {
      it(`reads a ${name} as ${code}, recoverable, with the browser's words and the original as cause`, () => {
        const original = new DOMException('the browser says why', name);
        const error = classifyMediaError(original);
        expect(error.code).to.equal(code);
        expect(error.recoverable).to.equal(true);
        expect(error.message).to.contain('the browser says why');
        expect(error.cause).to.equal(original);
      });
    }

    it('reads an Error by its name as a DOMException (older engines reject with Errors)', () => {
      const original = Object.assign(new Error('Requested device not found'), { name: 'NotFoundError' });
      expect(classifyMediaError(original).code).to.equal('no-device');
    });

    it('names an unknown failure in its message, and says something for a rejection that is no Error', () => {
      expect(classifyMediaError(new RangeError('bad size')).message).to.equal('The camera or microphone failed: RangeError: bad size.');
      const thrown = classifyMediaError('the camera is on fire');
      expect(thrown.code).to.equal('recording-failed');
      expect(thrown.message).to.equal('The camera or microphone failed: Error: the camera is on fire.');
    });

    it('passes an error already classified through unchanged', () => {
      const classified = new OnewayError('device-lost', 'The camera was unplugged.', true);
      expect(classifyMediaError(classified)).to.equal(classified);
    });
  });

  describe('captureSupportError', () => {
    const everything = { isSecureContext: true, hasMediaDevices: true, hasMediaRecorder: true };

    it('finds nothing missing when the page has everything capture needs', () => {
      expect(captureSupportError(everything)).to.equal(undefined);
    });

    it('says what is missing first: a secure page, then devices, then MediaRecorder; none recoverable', () => {
      const insecure = captureSupportError({ isSecureContext: false, hasMediaDevices: false, hasMediaRecorder: false })!;
      expect(insecure.code).to.equal('insecure-context');
      expect(insecure.message).to.contain('https');
      const noDevices = captureSupportError({ ...everything, hasMediaDevices: false, hasMediaRecorder: false })!;
      expect(noDevices.code).to.equal('no-device');
      expect(noDevices.message).to.contain('navigator.mediaDevices');
      const noRecorder = captureSupportError({ ...everything, hasMediaRecorder: false })!;
      expect(noRecorder.code).to.equal('no-media-recorder');
      for (const error of [insecure, noDevices, noRecorder]) expect(error.recoverable, error.code).to.equal(false);
    });
  });
});
