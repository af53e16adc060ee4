// The widget's own upload code (src/core/streaming-upload.ts: StreamingUpload, with its chunk size,
// deferred length, retry policy, request timeouts and offset checks, on tus-js-client) run in
// Node, bundled with esbuild on the fly, and a simulated recording that feeds it as
// MediaRecorder does: a slice every so often, the length known only at the end.
//
// The one adaptation to Node: the recording source hands tus-js-client Blobs, which a browser's
// XMLHttpRequest sends as they are; tus-js-client's Node HTTP stack takes Buffers, so each Blob
// body is turned into one (with its Content-Length) right below the widget's own HTTP stack.
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** @returns {Promise<{ StreamingUpload: any, RecordingSource: any }>} */
export async function loadWidgetUpload() {
  const { outputFiles } = await build({
    stdin: {
      contents: `
        export { StreamingUpload } from './src/core/streaming-upload.ts';
        export { RecordingSource } from './src/core/recording-source.ts';
        export { defaultOptions } from 'tus-js-client';
      `,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // tus-js-client's Node build is CommonJS and requires Node's own modules.
    banner: { js: `import { createRequire } from 'node:module'; const require = createRequire(${JSON.stringify(join(root, 'package.json'))});` },
  });
  const bundle = await import(`data:text/javascript,${encodeURIComponent(outputFiles[0].text)}`);
  bundle.defaultOptions.httpStack = new BufferBodyStack(bundle.defaultOptions.httpStack);
  return { StreamingUpload: bundle.StreamingUpload, RecordingSource: bundle.RecordingSource };
}

class BufferBodyStack {
  constructor(inner) {
    this.inner = inner;
  }
  createRequest(method, url) {
    return new BufferBodyRequest(this.inner.createRequest(method, url));
  }
  getName() {
    return `BufferBody(${this.inner.getName()})`;
  }
}

class BufferBodyRequest {
  constructor(request) {
    this.request = request;
  }
  getMethod() {
    return this.request.getMethod();
  }
  getURL() {
    return this.request.getURL();
  }
  setHeader(header, value) {
    this.request.setHeader(header, value);
  }
  getHeader(header) {
    return this.request.getHeader(header);
  }
  setProgressHandler(handler) {
    this.request.setProgressHandler(handler);
  }
  async send(body = null) {
    if (!(body instanceof Blob)) return this.request.send(body);
    const bytes = Buffer.from(await body.arrayBuffer());
    this.request.setHeader('Content-Length', String(bytes.length));
    return this.request.send(bytes);
  }
  abort() {
    return this.request.abort();
  }
  getUnderlyingObject() {
    return this.request.getUnderlyingObject();
  }
}

/**
 * Records one answer of `slices` slices of `sliceBytes` random bytes, one every `sliceMs`, and
 * sends it with the widget's StreamingUpload as it goes.
 * @param {{ StreamingUpload: any, RecordingSource: any }} widget From loadWidgetUpload().
 * @param {object} options
 * @param {string} options.endpoint
 * @param {() => string} options.token The candidate's upload token (asked for on every request, as the widget's authorize hook is).
 * @param {Record<string, string>} options.metadata
 * @param {number} options.slices
 * @param {number} options.sliceBytes
 * @param {number} options.sliceMs
 * @param {number} [options.requestTimeoutMs]
 * @param {number} [options.chunkSize] Largest PATCH body (the widget's default otherwise).
 * @param {(offset: number) => void} [options.onConfirmed]
 * @param {() => void} [options.onRecorded] Called when the last slice is recorded.
 */
export function recordAnswer(widget, { endpoint, token, metadata, slices, sliceBytes, sliceMs, requestTimeoutMs, chunkSize, onConfirmed, onRecorded }) {
  const source = new widget.RecordingSource();
  const hash = createHash('sha256');
  const states = [];
  let timer;
  let url;
  let upload;
  const done = new Promise((resolve, reject) => {
    upload = new widget.StreamingUpload({
      endpoint,
      source,
      metadata,
      requestTimeoutMs,
      chunkSize,
      authorize: () => ({ Authorization: `Bearer ${token()}` }),
      onUrl: (value) => (url = value),
      onConfirmed,
      onStateChange: (state) => states.push(state),
      onSuccess: (value) => resolve({ url: value, size: source.bytesRecorded, sha256: hash.digest('hex') }),
      onError: reject,
    });
    upload.start();
  });
  let recorded = 0;
  const recordSlice = () => {
    const bytes = randomBytes(sliceBytes);
    hash.update(bytes);
    source.append(new Uint8Array(bytes));
    if (++recorded < slices) timer = setTimeout(recordSlice, sliceMs);
    else {
      source.end();
      onRecorded?.();
    }
  };
  timer = setTimeout(recordSlice, sliceMs);
  return {
    done,
    states,
    get url() {
      return url;
    },
    /** Stops recording and sending (the upload stays resumable on the server). */
    abort() {
      clearTimeout(timer);
      upload.abort();
    },
    /** Stops recording and deletes the upload, as the widget does with a discarded take. */
    async discard() {
      clearTimeout(timer);
      await upload.terminate();
    },
  };
}
