import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The part of `navigator.mediaDevices` the list needs; injected for tests. */
export type DeviceListSource = Pick<MediaDevices, 'enumerateDevices' | 'addEventListener' | 'removeEventListener'>;

export interface DeviceListControllerOptions {
  /** Defaults to `navigator.mediaDevices`. */
  mediaDevices?: () => DeviceListSource | undefined;
  /** A device was plugged in or out (`devicechange`) while the host is on the page. */
  onDeviceChange?: () => void;
}

/**
 * The cameras and microphones of the device, for the pickers. Listens for devices plugged in or
 * out only while the host is on the page.
 */
export class DeviceListController implements ReactiveController {
  cameras: MediaDeviceInfo[] = [];
  microphones: MediaDeviceInfo[] = [];
  /** The source listened to, so the listener comes off the same object. */
  private listening: DeviceListSource | undefined;
  private listing = 0;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: DeviceListControllerOptions = {}) {
    host.addController(this);
  }

  hostConnected(): void {
    this.listening = this.source();
    this.listening?.addEventListener?.('devicechange', this.onDeviceChange);
  }

  hostDisconnected(): void {
    this.listening?.removeEventListener?.('devicechange', this.onDeviceChange);
    this.listening = undefined;
    this.listing++;
  }

  /** Lists the devices again. Before camera permission, browsers list none or hide their ids: those are left out. */
  async refresh(): Promise<void> {
    const source = this.source();
    if (typeof source?.enumerateDevices !== 'function') return;
    const listing = ++this.listing;
    try {
      const devices = await source.enumerateDevices();
      if (listing !== this.listing) return;
      this.cameras = devices.filter((device) => device.kind === 'videoinput' && device.deviceId);
      this.microphones = devices.filter((device) => device.kind === 'audioinput' && device.deviceId);
      this.host.requestUpdate();
    } catch {
      // Without the list the pickers stay empty; the devices in use still work.
    }
  }

  private source(): DeviceListSource | undefined {
    return this.options.mediaDevices ? this.options.mediaDevices() : globalThis.navigator?.mediaDevices;
  }

  private readonly onDeviceChange = () => this.options.onDeviceChange?.();
}
