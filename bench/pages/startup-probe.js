// Start-up probe, the module script just before the bundle: it listens before the bundle can fire
// anything, and marks when script execution reaches the bundle. startup.js (after the bundle)
// completes the figure; bench/run.mjs waits for `benchStartup.done`.
// - <oneway-interview>: its `oneway-ready` event (or `oneway-error`).
// - <oneway-recorder>: the first update in which `recordingMimeType` is set, i.e. Start recording is
//   enabled. It is internal state with no event, so the class's updated() is wrapped as it is defined.

const result = { done: false };
window.benchStartup = result;
const finish = (fields) => {
  if (!result.done) Object.assign(result, { readyAt: performance.now() }, fields, { done: true });
};

document.addEventListener('oneway-ready', (event) => finish({ detail: event.detail }), { capture: true });
document.addEventListener('oneway-error', (event) => finish({ error: event.detail }), { capture: true });

const define = customElements.define.bind(customElements);
customElements.define = (name, constructor, options) => {
  if (name === 'oneway-recorder' && !document.querySelector('oneway-interview')) {
    const original = constructor.prototype.updated;
    constructor.prototype.updated = function updated(changed) {
      original?.call(this, changed);
      if (this.recordingMimeType) finish({ mimeType: this.recordingMimeType });
    };
  }
  return define(name, constructor, options);
};

const mime = new URLSearchParams(location.search).get('mime');
if (mime) document.querySelector('oneway-recorder')?.setAttribute('mime-type', mime);

window.benchProbeEnd = performance.now();
