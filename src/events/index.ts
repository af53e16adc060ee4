export * from './answer-uploaded.js';
export * from './countdown-end.js';
export * from './device-check-complete.js';
export * from './error.js';
export * from './recording-start.js';
export * from './recording-stop.js';
export * from './upload-progress.js';
