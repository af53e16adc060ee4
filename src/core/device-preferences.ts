/** The camera and microphone a candidate chose, remembered for the next visit. Device ids only. */
export interface DevicePreferences {
  videoDeviceId?: string;
  audioDeviceId?: string;
}

/** The part of `Storage` the preferences need; injected so tests and sandboxed pages can stand in. */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The localStorage key the preferences are kept under. */
export const DEVICE_PREFERENCES_KEY = 'oneway-interview:devices';

/** Device ids are opaque strings of a few dozen characters; anything else is not ours. */
const MAX_ID_LENGTH = 512;

/**
 * `localStorage`, or undefined where reading it throws (sandboxed iframes, storage disabled by
 * the user, some private modes).
 */
export function defaultPreferenceStorage(): PreferenceStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function validId(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH ? value : undefined;
}

/** The remembered devices, or `{}` when none were saved or storage cannot be read. */
export function loadDevicePreferences(storage: PreferenceStorage | undefined = defaultPreferenceStorage()): DevicePreferences {
  try {
    const raw = storage?.getItem(DEVICE_PREFERENCES_KEY);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { videoDeviceId, audioDeviceId } = parsed as Record<string, unknown>;
    const prefs: DevicePreferences = {};
    if (validId(videoDeviceId)) prefs.videoDeviceId = videoDeviceId as string;
    if (validId(audioDeviceId)) prefs.audioDeviceId = audioDeviceId as string;
    return prefs;
  } catch {
    return {};
  }
}

/** Remembers the devices; returns false when storage cannot be written (the choice then lasts for this page only). */
export function saveDevicePreferences(
  prefs: DevicePreferences,
  storage: PreferenceStorage | undefined = defaultPreferenceStorage(),
): boolean {
  const clean: DevicePreferences = {};
  if (validId(prefs.videoDeviceId)) clean.videoDeviceId = prefs.videoDeviceId;
  if (validId(prefs.audioDeviceId)) clean.audioDeviceId = prefs.audioDeviceId;
  try {
    if (!storage) return false;
    storage.setItem(DEVICE_PREFERENCES_KEY, JSON.stringify(clean));
    return true;
  } catch {
    return false;
  }
}

/**
 * `getUserMedia` constraints that ask for the preferred devices (`deviceId: { exact }`). Returns
 * `constraints` itself when there is nothing to apply, so callers can tell whether a fallback
 * without the preference is worth trying (a remembered device may have been unplugged since).
 */
export function applyDevicePreferences(
  constraints: MediaStreamConstraints,
  prefs: DevicePreferences,
): MediaStreamConstraints {
  let changed = false;
  const next: MediaStreamConstraints = { ...constraints };
  if (prefs.videoDeviceId && constraints.video) {
    // An explicit camera replaces "the one facing the user".
    const video: MediaTrackConstraints = { ...(typeof constraints.video === 'object' ? constraints.video : {}) };
    delete video.facingMode;
    next.video = { ...video, deviceId: { exact: prefs.videoDeviceId } };
    changed = true;
  }
  if (prefs.audioDeviceId && constraints.audio) {
    const audio = typeof constraints.audio === 'object' ? constraints.audio : {};
    next.audio = { ...audio, deviceId: { exact: prefs.audioDeviceId } };
    changed = true;
  }
  return changed ? next : constraints;
}
