import { expect } from '@open-wc/testing';
import { chooseRecordingType } from '../../src/core/recorder.js';
import { OnewayError } from '../../src/core/errors.js';

describe('chooseRecordingType', () => {
  it("takes the host's mime-type as one spelling, whatever blanks the host wrote", async () => {
    const type = await chooseRecordingType(new MediaStream(), 'video', 'video/webm; codecs=vp8,opus', () => true);
    expect(type).to.equal('video/webm;codecs=vp8,opus');
  });

  it("refuses a mime-type the browser cannot record, naming it", async () => {
    const error = await chooseRecordingType(new MediaStream(), 'video', 'video/x-flv', () => false).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(OnewayError);
    expect((error as OnewayError).code).to.equal('unsupported-mime-type');
    expect((error as OnewayError).message).to.contain('video/x-flv');
  });
});
