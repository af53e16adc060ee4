export interface DeviceCheckCompleteDetail {
  /** The camera in use (`MediaTrackSettings.deviceId`), for `getUserMedia({ video: { deviceId } })`. */
  videoDeviceId: string | undefined;
  /** The microphone in use (`MediaTrackSettings.deviceId`). */
  audioDeviceId: string | undefined;
  /** A video bitrate the connection keeps up with, for MediaRecorder; undefined when the connection was not measured. */
  videoBitsPerSecond: number | undefined;
  /** The measured upload throughput in bits per second; undefined when it was not measured. */
  throughputBps: number | undefined;
  /** How long (ms) the connection test had run when it was still running: it goes on, and its result follows as `oneway-connection-measured`. */
  measuringForMs: number | undefined;
  /** The candidate chose to answer with audio only because the connection is too slow for video. */
  audioOnly: boolean;
}

/** The candidate pressed "Continue" after the device check: the devices and bitrate to record with. */
export class DeviceCheckCompleteEvent extends Event {
  static readonly eventName = 'oneway-device-check-complete';
  constructor(readonly detail: DeviceCheckCompleteDetail) {
    super(DeviceCheckCompleteEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'oneway-device-check-complete': DeviceCheckCompleteEvent;
  }
}
