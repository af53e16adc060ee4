import { expect } from '@open-wc/testing';
import { bareType, canonicalMimeType, fileExtension, supportedMimeTypes } from '../../src/core/mime-type.js';

const supports = (...types: string[]) => (type: string) => types.includes(type);

describe('MIME type choice', () => {
  it('prefers MP4 (it has a duration and plays on Safari) when the browser records it', () => {
    const chromium = supports('video/mp4;codecs=avc1,opus', 'video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus');
    expect(supportedMimeTypes('video', chromium)[0]).to.equal('video/mp4;codecs=avc1,opus');
  });

  it('takes WebM on Firefox and AAC MP4 on Safari', () => {
    expect(supportedMimeTypes('video', supports('video/webm;codecs=vp8,opus', 'video/webm'))[0]).to.equal(
      'video/webm;codecs=vp8,opus',
    );
    expect(supportedMimeTypes('video', supports('video/mp4;codecs=avc1,mp4a.40.2', 'video/mp4'))[0]).to.equal(
      'video/mp4;codecs=avc1,mp4a.40.2',
    );
  });

  it('chooses audio types for audio answers', () => {
    expect(supportedMimeTypes('audio', supports('audio/webm;codecs=opus', 'video/webm'))).to.deep.equal(['audio/webm;codecs=opus']);
  });

  it('finds nothing when nothing is supported', () => {
    expect(supportedMimeTypes('video', () => false)).to.deep.equal([]);
  });

  it('derives the bare type and extension', () => {
    expect(bareType('video/mp4;codecs=avc1,opus')).to.equal('video/mp4');
    expect(fileExtension('video/webm;codecs=vp8')).to.equal('webm');
    expect(fileExtension('audio/mp4;codecs=opus')).to.equal('m4a');
  });

  it('spells a recorded type the same in every engine', () => {
    expect(canonicalMimeType('video/mp4; codecs=avc1,opus')).to.equal('video/mp4;codecs=avc1,opus');
    expect(canonicalMimeType('video/webm;codecs=vp8,opus')).to.equal('video/webm;codecs=vp8,opus');
    expect(canonicalMimeType(' audio/mp4 ;  codecs=mp4a.40.2; ')).to.equal('audio/mp4;codecs=mp4a.40.2');
    expect(canonicalMimeType('video/mp4')).to.equal('video/mp4');
  });
});
