// WebM from MediaRecorder has no duration in its header, so players show no length and seek
// poorly until they have read the whole file. `ffmpeg -c copy` rewrites the container with the
// duration and a cue index, without re-encoding (seconds even for long answers). Runs as a child
// process: the event loop keeps serving uploads meanwhile.
import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

/** The full path of an executable on PATH, or undefined. */
export async function findOnPath(command, path = process.env.PATH ?? '') {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const folder of path.split(delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      const file = join(folder, command + extension);
      try {
        await access(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * Copies `input`'s streams into a fresh WebM container at `output`. Rejects with ffmpeg's own
 * message when it fails.
 */
export function remuxWebm(ffmpeg, input, output) {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', '-i', input, '-map', '0', '-c', 'copy', '-f', 'webm', output], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim()}`))));
  });
}
