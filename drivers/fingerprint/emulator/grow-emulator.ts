import net from 'node:net';
import { type Finger, demoTemplate } from '../../../domain/devices/demo-citizens';
import { SerialTransport } from '../../transport/serial/serial-transport';
import { CMD, CONFIRM, PID, PacketParser, encodePacket } from '../grow/packet';

/** Failure modes switchable at run time. `timeout` = module silent; unplug is `unplug()`. */
export type ReaderMode = 'ok' | 'no-finger' | 'poor-image' | 'timeout';

export interface VirtualFinger { documentNumber: string; finger: Finger }

export interface GrowEmulatorOptions {
  tcp?: { port: number; host?: string };
  serial?: { path: string; baudRate?: number };
  address?: number;
  password?: number;
  /** A finger resting on the sensor from the start. */
  finger?: VirtualFinger;
}

export interface GrowEmulator {
  readonly port: number | undefined;
  mode: ReaderMode;
  placeFinger(f: VirtualFinger): void;
  liftFinger(): void;
  setMode(m: ReaderMode): void;
  garbage(count: number): void;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  /** Commands received, by instruction code (for tests). */
  readonly commands: number[];
  stop(): Promise<void>;
}

const DATA_CHUNK = 128;

/**
 * A GROW R30x module with virtual fingers: the template uploaded by UpChar is `demoTemplate(documentNumber, finger)`
 * of the finger resting on the sensor, so central's demo matcher recognises the demo citizens.
 */
export const startGrowEmulator = async (options: GrowEmulatorOptions): Promise<GrowEmulator> => {
  const address = options.address ?? 0xffffffff;
  const password = options.password ?? 0;
  let finger: VirtualFinger | null = options.finger ?? null;
  let image: VirtualFinger | null = null;
  let charBuffer: Uint8Array | null = null;
  let mode: ReaderMode = 'ok';
  const commands: number[] = [];
  let parser = new PacketParser();
  let send: ((b: Uint8Array) => void) | null = null;
  let closeLink: (() => Promise<void>) | null = null;

  const ack = (code: number, data: number[] = []): void => send?.(encodePacket(PID.ack, Uint8Array.from([code, ...data]), address));

  const handle = (bytes: Uint8Array): void => {
    for (const p of parser.push(bytes)) {
      if (p.pid !== PID.command) continue;
      const code = p.payload[0] ?? 0;
      commands.push(code);
      if (mode === 'timeout') continue;
      switch (code) {
        case CMD.vfyPwd: {
          const pw = (((p.payload[1] ?? 0) << 24) | ((p.payload[2] ?? 0) << 16) | ((p.payload[3] ?? 0) << 8) | (p.payload[4] ?? 0)) >>> 0;
          ack(pw === password ? CONFIRM.ok : CONFIRM.wrongPassword);
          break;
        }
        case CMD.readSysPara:
          // status, system id, library size 1000, security level 3, address, packet size 128 B, baud 57600
          ack(CONFIRM.ok, [0, 0, 0, 9, 0x03, 0xe8, 0, 3, 0xff, 0xff, 0xff, 0xff, 0, 2, 0, 6]);
          break;
        case CMD.genImg:
          if (!finger || mode === 'no-finger') { ack(CONFIRM.noFinger); break; }
          image = finger;
          ack(CONFIRM.ok);
          break;
        case CMD.img2Tz:
          if (!image) { ack(CONFIRM.noPrimaryImage); break; }
          if (mode === 'poor-image') { ack(CONFIRM.tooFewFeatures); break; }
          charBuffer = demoTemplate(image.documentNumber, image.finger);
          ack(CONFIRM.ok);
          break;
        case CMD.upChar: {
          if (!charBuffer) { ack(CONFIRM.uploadFail); break; }
          ack(CONFIRM.ok);
          for (let at = 0; at < charBuffer.length; at += DATA_CHUNK) {
            const last = at + DATA_CHUNK >= charBuffer.length;
            send?.(encodePacket(last ? PID.end : PID.data, charBuffer.subarray(at, at + DATA_CHUNK), address));
          }
          break;
        }
        default:
          ack(CONFIRM.packetError);
      }
    }
  };

  let server: net.Server | null = null;
  let port: number | undefined;
  let serial: SerialTransport | null = null;
  let stopped = false;
  let plugged = true;
  let reopen: NodeJS.Timeout | null = null;

  const listen = async (): Promise<void> => {
    const tcp = options.tcp;
    if (!tcp) return;
    const srv = net.createServer((socket) => {
      void closeLink?.();
      parser = new PacketParser();
      socket.setNoDelay(true);
      send = (b) => { if (!socket.destroyed) socket.write(b); };
      closeLink = () => new Promise<void>((r) => { if (socket.destroyed) r(); else { socket.once('close', () => r()); socket.destroy(); } });
      socket.on('data', (d: Buffer) => handle(new Uint8Array(d)));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(port ?? tcp.port, tcp.host ?? '127.0.0.1', () => resolve());
    });
    server = srv;
    const a = srv.address();
    port = typeof a === 'object' && a ? a.port : tcp.port;
  };

  const openSerial = async (): Promise<void> => {
    const s = options.serial;
    if (!s) return;
    const t = new SerialTransport({ path: s.path, baudRate: s.baudRate ?? 57600, dataBits: 8, stopBits: 1, parity: 'none', flowControl: 'none' });
    await t.open();
    serial = t;
    parser = new PacketParser();
    t.onData(handle);
    send = (b) => void t.write(b).catch(() => undefined);
    closeLink = () => t.close();
    t.onClose(() => {
      if (serial === t) { serial = null; send = null; }
      if (!stopped && plugged) scheduleReopen();
    });
  };

  const scheduleReopen = (): void => {
    if (reopen || stopped) return;
    reopen = setTimeout(() => {
      reopen = null;
      if (stopped || !plugged || serial) return;
      openSerial().catch(() => scheduleReopen());
    }, 100);
  };

  await listen();
  await openSerial();

  const dropLink = async (): Promise<void> => {
    const c = closeLink;
    send = null;
    closeLink = null;
    await c?.();
  };

  // Unplug and replug (from the Devices screen or a test) may come in quick succession: one at a time, and a
  // replug of a plugged device or an unplug of an unplugged one changes nothing (a second listen on the same
  // port would fail with EADDRINUSE).
  let plugOps: Promise<void> = Promise.resolve();
  const oneAtATime = (fn: () => Promise<void>): Promise<void> => (plugOps = plugOps.then(fn, fn));

  return {
    get port() { return port; },
    get mode() { return mode; },
    set mode(m: ReaderMode) { mode = m; },
    commands,
    placeFinger: (f) => { finger = f; },
    liftFinger: () => { finger = null; image = null; },
    setMode: (m) => { mode = m; },
    garbage: (count) => {
      const g = new Uint8Array(count);
      for (let i = 0; i < count; i++) g[i] = (i * 73 + 5) & 0xff;
      send?.(g);
    },
    unplug: () => oneAtATime(async () => {
      if (!plugged) return;
      plugged = false;
      await dropLink();
      if (server) { const s = server; server = null; await new Promise<void>((r) => s.close(() => r())); }
    }),
    replug: () => oneAtATime(async () => {
      if (plugged) return;
      if (!server) await listen();
      plugged = true;
      if (!serial) await openSerial();
    }),
    stop: async () => {
      stopped = true;
      if (reopen) clearTimeout(reopen);
      await dropLink();
      if (server) { const s = server; server = null; await new Promise<void>((r) => s.close(() => r())); }
    },
  };
};
