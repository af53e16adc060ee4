// The ONE list of what cannot run in an engine, with the reason. Used by
// web-test-runner.browsers.config.mjs: an entry with `file` alone excludes the whole file for that
// engine; one with `test` (the full title: describe titles and the it title, space-separated) marks
// that test as skipped there. Everything not listed runs in Chromium, Firefox and WebKitGTK.
// Keep it short: where an engine lacks a feature, the widget degrades quietly and that is tested.

const REDUCED_MOTION = {
  file: 'test/elements/countdown/countdown.test.ts',
  test: '<oneway-countdown> moves the ring smoothly, and without transition for reduced motion',
};

const THEME = {
  file: 'test/styles/theme.test.ts',
  reason: 'the contrast checks switch prefers-color-scheme with emulateMedia, which needs DevTools (CDP); this engine is driven without it',
};

const FORCED_COLORS = {
  file: 'test/styles/forced-colors.test.ts',
  reason: "forced-colors: active is emulated through DevTools (CDP Emulation.setEmulatedMedia), which only Chromium's driver speaks here",
};

const NO_STORAGE_API = {
  file: 'test/elements/device-check/device-check.test.ts',
  reason:
    "MiniBrowser has no navigator.storage to estimate with; the check without it is tested in every engine ('is ready without storage advice in a browser without navigator.storage')",
};

/** @type {Record<'chromium' | 'firefox' | 'webkit', { file: string, test?: string, reason: string }[]>} */
export const skips = {
  chromium: [],
  firefox: [
    THEME,
    FORCED_COLORS,
    {
      ...REDUCED_MOTION,
      reason: 'emulateMedia (prefers-reduced-motion) needs DevTools; puppeteer drives Firefox over WebDriver BiDi, which cannot emulate it',
    },
    {
      file: 'test/elements/device-check/device-check.test.ts',
      test: '<oneway-device-check> remembers the chosen microphone and camera across re-creation',
      reason: 'Firefox has one fake microphone (media.navigator.streams.fake), the test needs two to choose between',
    },
    {
      file: 'test/elements/device-check/device-check.test.ts',
      test: '<oneway-device-check> guidance for each failure device lost (a track ends): device-lost, then Try again recovers',
      reason: "Firefox does not deliver a synthetic 'ended' event to MediaStreamTrack listeners, and a fake camera cannot be unplugged",
    },
  ],
  webkit: [
    THEME,
    FORCED_COLORS,
    {
      file: 'test/elements/interview/interview-phone.test.ts',
      reason:
        'the phone tests set a 375x667 viewport with setViewport, which @web/test-runner-webdriver does not offer; the layout is plain CSS, checked in Chromium and Firefox',
    },
    { ...NO_STORAGE_API, test: '<oneway-device-check> warns when the device cannot hold the longest answer' },
    { ...NO_STORAGE_API, test: '<oneway-device-check> no warning when the device has room' },
    {
      file: 'test/elements/recorder/recorder.test.ts',
      test: '<oneway-recorder> uploads an answer that plays for as long as it was recorded',
      reason:
        "WebKitGTK 2.50 on Debian 12's GStreamer 1.22 writes MP4 that it now and then plays short (2.0 s of a 3 s take; doubled ftyp, a moof without its mdat); the server's bytes are exactly MediaRecorder's, which the byte-exact tests check",
    },
    {
      file: 'test/elements/review/review.test.ts',
      test: '<oneway-review> makes the player find the duration a streamed recording does not carry, and seek to its middle',
      reason:
        "WebKitGTK 2.50 on Debian 12's GStreamer 1.22 learns the duration of its own fragmented MP4 only as it plays it (1 to 3 s of a 4 s take until then; a seek far past the end does not make it look) and clamps every seek to what it has learnt; the element shows the recorder's durationMs, which the test before this one checks in WebKit too",
    },
    {
      file: 'test/**/*.denied.test.ts',
      reason:
        'MiniBrowser grants its mock camera and microphone to every page and has no setting or WebDriver command to deny them; Chromium and Firefox run the permission-denied group',
    },
    {
      ...REDUCED_MOTION,
      reason: 'emulateMedia (prefers-reduced-motion) is not available through WebDriver in @web/test-runner-webdriver',
    },
  ],
};

/**
 * Engine crashes a run may meet once. When one is logged and the files it interrupted failed for
 * that alone, those files run once more in a fresh browser (scripts/test-browsers.mjs decides with
 * test/engines/crash-rerun.mjs); a failed test, a second crash or any other error is never retried.
 * @type {Record<string, { log: string, reason: string, evidence: string }>}
 */
export const engineCrashes = {
  webkit: {
    log: 'WebProcess CRASHED',
    reason:
      'WebKitGTK 2.50 on Debian 12 (GStreamer 1.22, Mesa software GL under Xvfb, no sound card) loses its web process to a signal now and then; page script cannot crash a browser, so no change to a test or to the widget can prevent it',
    evidence:
      "2 crashes in about 100 WebKit runs of recorder.test.ts (within a second of the first recording), 1 in about 12 full WebKit runs (CI of 6ed283a, during device-check.test.ts, after 61 files); none in 8 runs of recorder + device-check, 3 full runs and 3 runs of an audio-output stress page on 2026-12-02; no core dump caught yet (ulimit -c unlimited; the core lands in the runner's folder)",
  },
};
