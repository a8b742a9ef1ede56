import { SerialPort } from 'serialport';
import type { SerialLink } from '../../../domain/devices/config';
import { type Transport, TransportError, TransportListeners, toTransportError } from '../transport';

export type SerialOptions = Omit<SerialLink, 'kind'>;

/** RS-232 / USB-serial / pty link. The only place that touches `serialport`. */
export class SerialTransport implements Transport {
  readonly describe: string;
  readonly wireBytesPerSecond: number;
  private port: SerialPort | null = null;
  private readonly listeners = new TransportListeners();
  private closing = false;

  constructor(private readonly options: SerialOptions) {
    this.describe = `serial:${options.path}@${options.baudRate}`;
    // start + data + parity + stop bits per byte; 8N1 gives the usual baud / 10.
    const bitsPerByte = 1 + options.dataBits + (options.parity === 'none' ? 0 : 1) + options.stopBits;
    this.wireBytesPerSecond = options.baudRate / bitsPerByte;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const o = this.options;
    const port = new SerialPort({
      path: o.path,
      baudRate: o.baudRate,
      dataBits: o.dataBits,
      stopBits: o.stopBits,
      parity: o.parity,
      rtscts: o.flowControl === 'rtscts',
      xon: o.flowControl === 'xonxoff',
      xoff: o.flowControl === 'xonxoff',
      autoOpen: false,
      // Another process holding the port is a teller-visible condition, not something to share silently.
      lock: true,
    });
    await new Promise<void>((resolve, reject) => {
      port.open((err) => (err ? reject(toTransportError(err, 'TRANSPORT_NOT_FOUND')) : resolve()));
    });
    this.closing = false;
    this.port = port;
    // A data listener must always be attached: Linux only reports an unplug while a read is pending (hardware.md §4 #10).
    port.on('data', (chunk: Buffer) => this.listeners.emitData(new Uint8Array(chunk)));
    port.on('error', () => { /* surfaced through 'close' or the failing write */ });
    port.once('close', (err?: Error & { disconnected?: boolean }) => {
      this.port = null;
      const asked = this.closing && !err;
      this.listeners.emitClose(asked ? undefined : new TransportError('TRANSPORT_DISCONNECTED', err?.message));
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return;
    this.closing = true;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  async write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new TransportError('TRANSPORT_NOT_OPEN');
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(data), (err) => (err ? reject(toTransportError(err, 'TRANSPORT_WRITE_FAILED')) : resolve()));
    });
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (error?: TransportError) => void): () => void {
    return this.listeners.onClose(listener);
  }
}

export interface SerialPortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

/**
 * Lists serial ports. On Linux this spawns `udevadm`, which is missing in containers: an empty list is returned
 * instead of a rejection so discovery screens keep working (ptys are never listed anyway).
 */
export const listSerialPorts = async (): Promise<SerialPortInfo[]> => {
  try {
    const ports = await SerialPort.list();
    return ports.map((p) => ({
      path: p.path,
      ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
      ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
      ...(p.vendorId ? { vendorId: p.vendorId } : {}),
      ...(p.productId ? { productId: p.productId } : {}),
    }));
  } catch {
    return [];
  }
};
