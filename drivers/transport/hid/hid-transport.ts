import type { HIDAsync, Device } from 'node-hid';
import { type Transport, TransportError, TransportListeners, toTransportError } from '../transport';

type NodeHid = typeof import('node-hid');

let loaded: Promise<NodeHid> | null = null;

/**
 * `node-hid` is loaded on first use only: its prebuilt binary needs libusb/libudev, and a workstation with no
 * HID device configured must start without them (hardware.md §4 #5).
 */
export const loadNodeHid = async (): Promise<NodeHid> => {
  loaded ??= import('node-hid').catch((err: unknown) => {
    loaded = null;
    throw new TransportError('TRANSPORT_UNAVAILABLE', String(err));
  });
  return loaded;
};

export interface HidOptions {
  path?: string;
  vendorId?: number;
  productId?: number;
}

/** A HID device as a report stream: `onData` gets input reports, `write` sends output reports. */
export class HidTransport implements Transport {
  readonly describe: string;
  private device: HIDAsync | null = null;
  private readonly listeners = new TransportListeners();
  private closing = false;

  constructor(private readonly options: HidOptions) {
    this.describe = options.path
      ? `hid:${options.path}`
      : `hid:${(options.vendorId ?? 0).toString(16).padStart(4, '0')}:${(options.productId ?? 0).toString(16).padStart(4, '0')}`;
  }

  get isOpen(): boolean {
    return this.device !== null;
  }

  async open(): Promise<void> {
    if (this.device) return;
    const hid = await loadNodeHid();
    const { path, vendorId, productId } = this.options;
    try {
      this.device = path !== undefined
        ? await hid.HIDAsync.open(path)
        : await hid.HIDAsync.open(vendorId ?? 0, productId ?? 0);
    } catch (err) {
      throw toTransportError(err, 'TRANSPORT_NOT_FOUND');
    }
    this.closing = false;
    const device = this.device;
    device.on('data', (report: Buffer) => this.listeners.emitData(new Uint8Array(report)));
    // node-hid has no detach event; an unplug shows up as a read error (hardware.md §4 #9).
    device.on('error', (err: unknown) => {
      if (this.device !== device) return;
      this.device = null;
      void device.close().catch(() => undefined);
      this.listeners.emitClose(this.closing ? undefined : toTransportError(err, 'TRANSPORT_DISCONNECTED'));
    });
  }

  async close(): Promise<void> {
    const device = this.device;
    if (!device) return;
    this.closing = true;
    this.device = null;
    await device.close().catch(() => undefined);
    this.listeners.emitClose(undefined);
  }

  async write(data: Uint8Array): Promise<void> {
    const device = this.device;
    if (!device) throw new TransportError('TRANSPORT_NOT_OPEN');
    try {
      await device.write(Buffer.from(data));
    } catch (err) {
      throw toTransportError(err, 'TRANSPORT_WRITE_FAILED');
    }
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (error?: TransportError) => void): () => void {
    return this.listeners.onClose(listener);
  }
}

export interface HidDeviceInfo {
  path: string;
  vendorId: number;
  productId: number;
  product?: string;
  manufacturer?: string;
  usagePage?: number;
}

/** HID POS devices announce usage page 0x8C (bar code scanner) — what discovery screens filter on. */
export const HID_POS_USAGE_PAGE = 0x8c;

/** Lists HID devices; an empty list when node-hid cannot load (no libusb) rather than a crash. */
export const listHidDevices = async (): Promise<HidDeviceInfo[]> => {
  let hid: NodeHid;
  try {
    hid = await loadNodeHid();
  } catch {
    return [];
  }
  const devices: Device[] = await hid.devicesAsync();
  return devices.flatMap((d) => (d.path === undefined ? [] : [{
    path: d.path,
    vendorId: d.vendorId,
    productId: d.productId,
    ...(d.product ? { product: d.product } : {}),
    ...(d.manufacturer ? { manufacturer: d.manufacturer } : {}),
    ...(d.usagePage !== undefined ? { usagePage: d.usagePage } : {}),
  }]));
};
