import fs from 'node:fs';
import { type Transport, TransportError, TransportListeners, toTransportError } from '../transport';

export interface FileOptions {
  path: string;
  /** How often to poll for bytes the device sends back (usblp supports reads on bidirectional printers). */
  readPollMs?: number;
}

/**
 * Device-file link such as `/dev/usb/lp0` (Linux usblp). Writes go straight to the node; reads are polled because
 * usblp has no readiness notification through Node streams. A printer without a back channel simply never
 * answers, which the printer driver reports as "sin respuesta de estado".
 */
export class FileTransport implements Transport {
  readonly describe: string;
  private handle: fs.promises.FileHandle | null = null;
  private readonly listeners = new TransportListeners();
  private poll: NodeJS.Timeout | null = null;
  private reading = false;

  constructor(private readonly options: FileOptions) {
    this.describe = `file:${options.path}`;
  }

  get isOpen(): boolean {
    return this.handle !== null;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    try {
      // O_NONBLOCK so a read with nothing pending returns EAGAIN instead of hanging the poll.
      this.handle = await fs.promises.open(this.options.path, fs.constants.O_RDWR | fs.constants.O_NONBLOCK);
    } catch (err) {
      throw toTransportError(err, 'TRANSPORT_NOT_FOUND');
    }
    this.poll = setInterval(() => void this.readOnce(), this.options.readPollMs ?? 100);
  }

  private async readOnce(): Promise<void> {
    const h = this.handle;
    if (!h || this.reading) return;
    this.reading = true;
    try {
      const buf = Buffer.alloc(256);
      const { bytesRead } = await h.read(buf, 0, buf.length, null);
      if (bytesRead > 0) this.listeners.emitData(new Uint8Array(buf.subarray(0, bytesRead)));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK' && code !== 'EINVAL') this.fail(toTransportError(err, 'TRANSPORT_DISCONNECTED'));
    } finally {
      this.reading = false;
    }
  }

  private fail(error?: TransportError): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    const h = this.handle;
    this.handle = null;
    if (h) void h.close().catch(() => undefined);
    this.listeners.emitClose(error);
  }

  async close(): Promise<void> {
    if (!this.handle) return;
    this.fail(undefined);
  }

  async write(data: Uint8Array): Promise<void> {
    const h = this.handle;
    if (!h) throw new TransportError('TRANSPORT_NOT_OPEN');
    try {
      let offset = 0;
      while (offset < data.length) {
        try {
          const { bytesWritten } = await h.write(data, offset, data.length - offset, null);
          offset += bytesWritten;
        } catch (err) {
          // Non-blocking node: a full device buffer is back-pressure, not a failure.
          if ((err as { code?: string }).code !== 'EAGAIN') throw err;
          await new Promise((r) => setTimeout(r, 10));
        }
      }
    } catch (err) {
      const e = toTransportError(err, 'TRANSPORT_WRITE_FAILED');
      if (e.code === 'TRANSPORT_DISCONNECTED' || e.code === 'TRANSPORT_NOT_FOUND') this.fail(e);
      throw e;
    }
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (error?: TransportError) => void): () => void {
    return this.listeners.onClose(listener);
  }
}
