import { expect } from '@open-wc/testing';
import {
  applyDevicePreferences,
  DEVICE_PREFERENCES_KEY,
  loadDevicePreferences,
  saveDevicePreferences,
  type PreferenceStorage,
} from '../../src/core/device-preferences.js';

function memoryStorage(initial: Record<string, string> = {}): PreferenceStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => (key in data ? data[key] : null),
    setItem: (key, value) => void (data[key] = value),
  };
}

const throwing: PreferenceStorage = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
};

describe('device preferences', () => {
  it('round-trips device ids, and only them', () => {
    const storage = memoryStorage();
    const extra = { videoDeviceId: 'cam-1', audioDeviceId: 'mic-2', label: 'Jane’s camera' } as never;
    expect(saveDevicePreferences(extra, storage)).to.equal(true);
    expect(JSON.parse(storage.data[DEVICE_PREFERENCES_KEY])).to.deep.equal({ videoDeviceId: 'cam-1', audioDeviceId: 'mic-2' });
    expect(loadDevicePreferences(storage)).to.deep.equal({ videoDeviceId: 'cam-1', audioDeviceId: 'mic-2' });
  });

  const unreadable: [string, string | undefined][] = [
    ['nothing saved', undefined],
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['a string', '"cam-1"'],
    ['ids that are not strings', '{"videoDeviceId": 5, "audioDeviceId": {"exact": "x"}}'],
    ['empty ids', '{"videoDeviceId": "", "audioDeviceId": ""}'],
    ['an absurdly long id', JSON.stringify({ videoDeviceId: 'x'.repeat(10_000) })],
  ];
  for (const [name, raw] of unreadable) {
    it(`${name} → {}`, () => {
      const storage = memoryStorage(raw === undefined ? {} : { [DEVICE_PREFERENCES_KEY]: raw });
      expect(loadDevicePreferences(storage)).to.deep.equal({});
    });
  }

  it('keeps the valid id when the other is not', () => {
    const storage = memoryStorage({ [DEVICE_PREFERENCES_KEY]: '{"videoDeviceId": 5, "audioDeviceId": "mic"}' });
    expect(loadDevicePreferences(storage)).to.deep.equal({ audioDeviceId: 'mic' });
  });

  it('survives storage that throws (sandboxed iframes, storage disabled, quota full)', () => {
    expect(loadDevicePreferences(throwing)).to.deep.equal({});
    expect(saveDevicePreferences({ videoDeviceId: 'cam' }, throwing)).to.equal(false);
  });

  it('uses localStorage by default', () => {
    try {
      saveDevicePreferences({ audioDeviceId: 'mic-default' });
      expect(JSON.parse(localStorage.getItem(DEVICE_PREFERENCES_KEY)!)).to.deep.equal({ audioDeviceId: 'mic-default' });
      expect(loadDevicePreferences()).to.deep.equal({ audioDeviceId: 'mic-default' });
    } finally {
      localStorage.removeItem(DEVICE_PREFERENCES_KEY);
    }
  });

  describe('applyDevicePreferences', () => {
    const constraints: MediaStreamConstraints = {
      audio: { echoCancellation: true, noiseSuppression: true },
      video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'user' },
    };

    it('asks for exactly the preferred devices, dropping facingMode for an explicit camera', () => {
      expect(applyDevicePreferences(constraints, { videoDeviceId: 'cam', audioDeviceId: 'mic' })).to.deep.equal({
        audio: { echoCancellation: true, noiseSuppression: true, deviceId: { exact: 'mic' } },
        video: { width: { ideal: 1280 }, height: { ideal: 720 }, deviceId: { exact: 'cam' } },
      });
      expect(constraints.video).to.have.property('facingMode', 'user');
    });

    it('applies one preference alone', () => {
      const applied = applyDevicePreferences(constraints, { audioDeviceId: 'mic' });
      expect(applied.video).to.equal(constraints.video);
      expect(applied.audio).to.deep.equal({ echoCancellation: true, noiseSuppression: true, deviceId: { exact: 'mic' } });
    });

    it('turns `true` into constraints with the device', () => {
      expect(applyDevicePreferences({ audio: true, video: true }, { videoDeviceId: 'cam', audioDeviceId: 'mic' })).to.deep.equal({
        audio: { deviceId: { exact: 'mic' } },
        video: { deviceId: { exact: 'cam' } },
      });
    });

    it('returns the constraints themselves when there is nothing to apply', () => {
      expect(applyDevicePreferences(constraints, {})).to.equal(constraints);
      const audioOnly = { audio: true, video: false };
      expect(applyDevicePreferences(audioOnly, { videoDeviceId: 'cam' })).to.equal(audioOnly);
    });
  });
});
