// Classes and types, with no side effects: import `oneway-interview/define` to register the tags.
export { OnewayRecorder } from './elements/recorder/recorder.js';
export { OnewayCountdown } from './elements/countdown/countdown.js';
export { OnewayDeviceCheck, type DeviceCheckStatus } from './elements/device-check/device-check.js';
export { OnewayUploadProgress } from './elements/upload-progress/upload-progress.js';
export { OnewayQuestion } from './elements/question/question.js';
export { OnewayInterview } from './elements/interview/interview.js';
export { OnewayReview, type MediaResolver, type ReviewAssessments } from './elements/review/review.js';
export * from './events/index.js';
// Languages: the elements follow the closest \`lang\`; hosts override messages or add languages at runtime.
export { registerMessages, shippedLanguages } from './i18n/runtime.js';
export { en } from './i18n/en.js';
export type { MessageKey, Messages } from './i18n/en.js';
export type { MessageParams } from './i18n/format.js';
export { OnewayError, type OnewayErrorCode } from './core/errors.js';
export type { AuthorizeHook, AuthorizeRequest, UploadState } from './core/streaming-upload.js';
export type { UploadedAnswer, UploadProgress } from './core/take.js';
export type { MediaKind } from './core/mime-type.js';
export { validateInterviewConfig } from './core/interview-config-validation.js';
export {
  resolveQuestion,
  resolveQuestions,
  formatConfigProblems,
  type InterviewConfig,
  type InterviewQuestion,
  type ResolvedQuestion,
  type AnswerKind,
  type ConfigProblem,
} from './core/interview-config.js';
export type { SubmittedAnswer, InterviewProgress } from './core/interview-flow.js';
export { validateReviewInput, type ReviewAnswer, type ReviewItem } from './core/review-input.js';
