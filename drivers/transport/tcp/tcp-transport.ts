import net from 'node:net';
import { type Transport, TransportError, TransportListeners, toTransportError } from '../transport';

export interface TcpOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  /** Known wire speed behind the socket (an emulator throttled to a baud rate), for drivers' timeout budgets. */
  wireBytesPerSecond?: number;
}

/** Raw TCP link (port 9100 on network printers; also how the app reaches in-process emulators). */
export class TcpTransport implements Transport {
  readonly describe: string;
  readonly wireBytesPerSecond: number | undefined;
  private socket: net.Socket | null = null;
  private readonly listeners = new TransportListeners();
  private closing = false;

  constructor(private readonly options: TcpOptions) {
    this.describe = `tcp:${options.host}:${options.port}`;
    this.wireBytesPerSecond = options.wireBytesPerSecond;
  }

  get isOpen(): boolean {
    return this.socket !== null && !this.socket.destroyed;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect({ host: this.options.host, port: this.options.port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new TransportError('TRANSPORT_TIMEOUT', `connect ${this.describe}`));
      }, this.options.connectTimeoutMs ?? 3000);
      s.once('connect', () => { clearTimeout(timer); resolve(s); });
      s.once('error', (err) => { clearTimeout(timer); reject(toTransportError(err, 'TRANSPORT_REFUSED')); });
    });
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 5000);
    this.closing = false;
    this.socket = socket;
    let failure: TransportError | undefined;
    socket.on('data', (chunk: Buffer) => this.listeners.emitData(new Uint8Array(chunk)));
    socket.on('error', (err) => { failure = toTransportError(err, 'TRANSPORT_DISCONNECTED'); });
    socket.once('close', () => {
      this.socket = null;
      this.listeners.emitClose(this.closing ? undefined : (failure ?? new TransportError('TRANSPORT_DISCONNECTED', 'peer closed')));
    });
  }

  async close(): Promise<void> {
    const s = this.socket;
    if (!s) return;
    this.closing = true;
    await new Promise<void>((resolve) => {
      s.once('close', () => resolve());
      s.end();
      // A peer that never answers FIN must not hold the close forever.
      setTimeout(() => s.destroy(), 500).unref();
    });
  }

  async write(data: Uint8Array): Promise<void> {
    const s = this.socket;
    if (!s || s.destroyed) throw new TransportError('TRANSPORT_NOT_OPEN');
    await new Promise<void>((resolve, reject) => {
      s.write(data, (err) => (err ? reject(toTransportError(err, 'TRANSPORT_WRITE_FAILED')) : resolve()));
    });
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (error?: TransportError) => void): () => void {
    return this.listeners.onClose(listener);
  }
}
