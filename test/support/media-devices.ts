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

/** A camera or microphone of `fakeMediaDevices`. */
export interface FakeDevice {
  kind: 'videoinput' | 'audioinput';
  deviceId: string;
  label?: string;
}

/** A track of a fake stream: `stop()` ends it, `getSettings()` names its device. */
export class FakeTrack extends EventTarget {
  readyState: MediaStreamTrackState = 'live';
  constructor(readonly kind: 'video' | 'audio', private readonly deviceId: string) {
    super();
  }
  stop(): void {
    this.readyState = 'ended';
  }
  getSettings(): MediaTrackSettings {
    return { deviceId: this.deviceId };
  }
}

function fakeStream(tracks: FakeTrack[]): MediaStream {
  const stream = {
    getTracks: () => [...tracks],
    getVideoTracks: () => tracks.filter((track) => track.kind === 'video'),
    getAudioTracks: () => tracks.filter((track) => track.kind === 'audio'),
  };
  return stream as unknown as MediaStream;
}

/** The device a constraint asks for: its exact id, else the first of `kind`; undefined when that id is not plugged in. */
function pick(devices: readonly FakeDevice[], kind: FakeDevice['kind'], constraint: boolean | MediaTrackConstraints | undefined) {
  const exact = typeof constraint === 'object' ? (constraint.deviceId as ConstrainDOMStringParameters | undefined)?.exact : undefined;
  return devices.find((device) => device.kind === kind && (exact === undefined || device.deviceId === exact));
}

/**
 * `navigator.mediaDevices` for a controller under test, injected rather than patched in: the
 * devices plugged in (`devices`, changed with `plug`/`unplug`, which fire `devicechange`), every
 * `getUserMedia` call's constraints in `calls`, the streams it handed out in `streams`, and how
 * many `devicechange` listeners are on it. A call for a device that is not there fails as browsers
 * do (OverconstrainedError for an exact id, NotFoundError when there is none of a kind).
 */
export function fakeMediaDevices(initial: FakeDevice[] = [
  { kind: 'videoinput', deviceId: 'camera-1', label: 'Front camera' },
  { kind: 'audioinput', deviceId: 'microphone-1', label: 'Built-in microphone' },
  { kind: 'audioinput', deviceId: 'microphone-2', label: 'Headset' },
]) {
  const events = new EventTarget();
  let listeners = 0;
  const fake = {
    devices: [...initial],
    calls: [] as MediaStreamConstraints[],
    streams: [] as MediaStream[],
    /** When set, getUserMedia waits for it (a permission prompt nobody answers yet). */
    answer: undefined as Promise<void> | undefined,
    get listeners() {
      return listeners;
    },
    async getUserMedia(constraints: MediaStreamConstraints = {}): Promise<MediaStream> {
      fake.calls.push(constraints);
      await fake.answer;
      const tracks: FakeTrack[] = [];
      for (const [kind, constraint] of [['video', constraints.video], ['audio', constraints.audio]] as const) {
        if (!constraint) continue;
        const device = pick(fake.devices, kind === 'video' ? 'videoinput' : 'audioinput', constraint);
        if (!device) {
          const exact = typeof constraint === 'object' && constraint.deviceId !== undefined;
          throw new DOMException(`no ${kind} device`, exact ? 'OverconstrainedError' : 'NotFoundError');
        }
        tracks.push(new FakeTrack(kind, device.deviceId));
      }
      const stream = fakeStream(tracks);
      fake.streams.push(stream);
      return stream;
    },
    async enumerateDevices(): Promise<MediaDeviceInfo[]> {
      return fake.devices.map((device) => ({ groupId: '', label: '', ...device, toJSON: () => device }) as MediaDeviceInfo);
    },
    addEventListener(type: string, listener: EventListenerOrEventListenerObject) {
      if (type === 'devicechange') listeners++;
      events.addEventListener(type, listener);
    },
    removeEventListener(type: string, listener: EventListenerOrEventListenerObject) {
      if (type === 'devicechange') listeners--;
      events.removeEventListener(type, listener);
    },
    plug(device: FakeDevice) {
      fake.devices.push(device);
      events.dispatchEvent(new Event('devicechange'));
    },
    unplug(deviceId: string) {
      fake.devices = fake.devices.filter((device) => device.deviceId !== deviceId);
      events.dispatchEvent(new Event('devicechange'));
    },
  };
  return fake;
}
