// Runs right after the bundle (see startup-probe.js). "Script execution" starts when the page
// reaches the bundle: after the probe, and not before the bundle had arrived.

const result = window.benchStartup;
const bundle = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/cdn/oneway-interview.js'));
result.scriptStart = Math.max(window.benchProbeEnd, bundle?.responseEnd ?? 0);
result.bundleEvaluated = performance.now();
if (document.querySelector('oneway-interview') && !customElements.get('oneway-interview')) {
  Object.assign(result, { missing: true, done: true });
}
