// A synthetic camera for Chromium's fake capture device (--use-file-for-fake-video-capture): a
// moving pattern with sensor-like noise, 640×480 at 30 fps, looped every 2 s. Chromium's built-in
// fake camera draws flat shapes that H.264 squeezes to ~0.5 Mbit/s whatever bitrate is asked for,
// so an answer would be a fifth of a real webcam's size. Chromium's software H.264 encoder keeps
// close to the content's own rate, so the noise level sets the bitrate: the two levels below were
// measured to give about 2.5 and 5 Mbit/s with `videoBitsPerSecond` set to those rates.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { join } from 'node:path';

/** Noise amplitude (0–255 luma steps) for each requested video bitrate. */
export const NOISE_FOR_BITRATE = { 2_500_000: 29, 5_000_000: 41 };

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 60;

/** The path of the Y4M file for `bitsPerSecond`, written into `folder` on first use. */
export function syntheticCamera(folder, bitsPerSecond) {
  const amplitude = NOISE_FOR_BITRATE[bitsPerSecond];
  if (amplitude === undefined) throw new Error(`No synthetic camera calibrated for ${bitsPerSecond} bit/s`);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `camera-noise${amplitude}.y4m`);
  if (existsSync(file)) return file;
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w');
  writeSync(fd, `YUV4MPEG2 W${WIDTH} H${HEIGHT} F30:1 Ip A1:1 C420jpeg\n`);
  // xorshift32: the same file on every machine.
  let seed = 12345;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const luma = WIDTH * HEIGHT;
  const frame = Buffer.alloc(luma * 1.5);
  for (let f = 0; f < FRAMES; f++) {
    for (let y = 0; y < HEIGHT; y++) {
      for (let x = 0; x < WIDTH; x++) {
        const base = 128 + 80 * Math.sin((x + f * 6) / 37) * Math.cos((y - f * 3) / 29);
        frame[y * WIDTH + x] = Math.max(0, Math.min(255, base + (random() - 0.5) * 2 * amplitude));
      }
    }
    for (let i = 0; i < luma / 2; i++) frame[luma + i] = 128 + ((i + f * 7) % 64) - 32 + (random() - 0.5) * (amplitude / 2);
    writeSync(fd, 'FRAME\n');
    writeSync(fd, frame);
  }
  closeSync(fd);
  renameSync(partial, file);
  return file;
}
