import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DeviceListController } from '../../src/controllers/device-list-controller.js';
import { fakeMediaDevices } from '../support/media-devices.js';
import { mountHost, removeHosts } from '../support/controller-host.js';

class ListHost extends LitElement {
  devices = fakeMediaDevices();
  changes = 0;
  readonly list = new DeviceListController(this, {
    mediaDevices: () => this.devices,
    onDeviceChange: () => this.changes++,
  });
}
customElements.define('test-device-list-host', ListHost);

const listHost = (setUp?: (host: ListHost) => void) => mountHost<ListHost>('test-device-list-host', setUp);

const ids = (devices: MediaDeviceInfo[]) => devices.map((device) => device.deviceId);

describe('DeviceListController', () => {
  afterEach(() => removeHosts('test-device-list-host'));

  it('lists cameras and microphones apart, leaving out devices whose ids the browser hides', async () => {
    const host = await listHost((h) => h.devices.devices.push({ kind: 'videoinput', deviceId: '' }));
    await host.list.refresh();
    expect(ids(host.list.cameras)).to.deep.equal(['camera-1']);
    expect(ids(host.list.microphones)).to.deep.equal(['microphone-1', 'microphone-2']);
  });

  it('tells the host of a device plugged in or out, and lists it when asked again', async () => {
    const host = await listHost();
    await host.list.refresh();
    host.devices.plug({ kind: 'videoinput', deviceId: 'camera-2' });
    host.devices.unplug('microphone-2');
    expect(host.changes).to.equal(2);
    await host.list.refresh();
    expect(ids(host.list.cameras)).to.deep.equal(['camera-1', 'camera-2']);
    expect(ids(host.list.microphones)).to.deep.equal(['microphone-1']);
  });

  it('listens only while the host is on the page, and drops a listing that ends after it left', async () => {
    const host = await listHost();
    expect(host.devices.listeners).to.equal(1);
    const listing = host.list.refresh();
    host.remove();
    expect(host.devices.listeners).to.equal(0);
    host.devices.plug({ kind: 'videoinput', deviceId: 'camera-2' });
    expect(host.changes).to.equal(0);
    await listing;
    expect(host.list.cameras).to.deep.equal([]);

    document.body.append(host);
    expect(host.devices.listeners).to.equal(1);
  });

  it('a browser that cannot list devices leaves the lists empty', async () => {
    const host = await listHost((h) => {
      h.devices.enumerateDevices = () => Promise.reject(new DOMException('no', 'NotAllowedError'));
    });
    await host.list.refresh();
    expect(host.list.cameras).to.deep.equal([]);
    expect(host.list.microphones).to.deep.equal([]);
  });
});
