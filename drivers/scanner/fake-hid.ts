import { type Transport, TransportError, TransportListeners } from '../transport/transport';

/**
 * Scripted in-memory HID transport: tests and the emulated scanner push input reports with `play`, pull the cable
 * with `unplug`. Same interface as HidTransport, so the scanner cannot tell the difference.
 */
export class FakeHidTransport implements Transport {
  readonly describe = 'hid:fake';
  private open_ = false;
  private readonly listeners = new TransportListeners();
  readonly written: Uint8Array[] = [];
  /** When false, `open` fails as if the device were missing. */
  present = true;

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (!this.present) throw new TransportError('TRANSPORT_NOT_FOUND', 'fake device absent');
    this.open_ = true;
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.listeners.emitClose(undefined);
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.open_) throw new TransportError('TRANSPORT_NOT_OPEN');
    this.written.push(data);
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (error?: TransportError) => void): () => void {
    return this.listeners.onClose(listener);
  }

  /** Delivers reports one per macrotask, like a USB interrupt endpoint. */
  async play(reports: readonly Uint8Array[]): Promise<void> {
    for (const r of reports) {
      if (!this.open_) return;
      this.listeners.emitData(r);
      await new Promise((res) => setImmediate(res));
    }
  }

  unplug(): void {
    this.present = false;
    if (!this.open_) return;
    this.open_ = false;
    this.listeners.emitClose(new TransportError('TRANSPORT_DISCONNECTED', 'could not read from HID device'));
  }

  replug(): void {
    this.present = true;
  }
}
