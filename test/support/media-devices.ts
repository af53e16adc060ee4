/**
 * Replaces getUserMedia for the duration of a test; call the returned function to restore it.
 * On the prototype, not on `navigator.mediaDevices`: WebKit can collect that object's wrapper
 * and hand out a fresh one without the replacement, so the real camera would answer instead.
 */
export function stubGetUserMedia(replacement: MediaDevices['getUserMedia']): () => void {
  const original = Object.getOwnPropertyDescriptor(MediaDevices.prototype, 'getUserMedia')!;
  Object.defineProperty(MediaDevices.prototype, 'getUserMedia', { ...original, value: replacement });
  return () => Object.defineProperty(MediaDevices.prototype, 'getUserMedia', original);
}
