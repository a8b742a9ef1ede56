import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SerialTransport } from '../../transport/serial/serial-transport';
import { type EmulatorCondition, PrinterEmulatorCore, type PrintedPaper } from './core';

export interface PrinterEmulatorOptions {
  /** Listen on TCP (raw 9100 style). Port 0 picks a free port. */
  tcp?: { port: number; host?: string };
  /** Open the device end of a pty pair or a real serial port. */
  serial?: { path: string; baudRate?: number };
  /** Wire speed to imitate; defaults to the serial baud rate, none for TCP. */
  baudRate?: number;
  /** Folder where each printed paper is written as `receipt-0001.txt` / `slip-0001.txt`. */
  outDir?: string;
  cp858Number?: number;
  autoSlipMs?: number;
}

export interface PrinterEmulator {
  /** TCP port actually listened on. */
  readonly port: number | undefined;
  readonly core: PrinterEmulatorCore;
  readonly printed: readonly PrintedPaper[];
  setCondition(c: EmulatorCondition): void;
  paperOutAfterLines(n: number): void;
  insertSlip(): void;
  removeSlip(): void;
  /** Sends bytes that are not status replies to the host. */
  garbage(count: number): void;
  /** Pulls the cable: drops the connection and stops accepting (TCP) or closes the port (serial). */
  unplug(): Promise<void>;
  /** Plugs it back (same port / path). */
  replug(): Promise<void>;
  /** Resolves with the next paper printed (or the `count`-th from now). */
  nextPaper(timeoutMs?: number): Promise<PrintedPaper>;
  on(event: 'paper', listener: (p: PrintedPaper, file?: string) => void): void;
  stop(): Promise<void>;
}

/** Starts a printer emulator in this process (tests, benches and the device manager's emulated mode use this). */
export const startPrinterEmulator = async (options: PrinterEmulatorOptions): Promise<PrinterEmulator> => {
  const baudRate = options.baudRate ?? options.serial?.baudRate;
  const core = new PrinterEmulatorCore({
    ...(baudRate !== undefined ? { baudRate } : {}),
    ...(options.cp858Number !== undefined ? { cp858Number: options.cp858Number } : {}),
    ...(options.autoSlipMs !== undefined ? { autoSlipMs: options.autoSlipMs } : {}),
  });
  const events = new EventEmitter();
  const counters = { receipt: 0, slip: 0 };
  if (options.outDir) fs.mkdirSync(options.outDir, { recursive: true });
  core.on('paper', (p: PrintedPaper) => {
    let file: string | undefined;
    if (options.outDir) {
      const n = ++counters[p.kind];
      file = path.join(options.outDir, `${p.kind}-${String(n).padStart(4, '0')}${p.complete ? '' : '-interrumpido'}.txt`);
      fs.writeFileSync(file, p.lines.join('\n') + '\n', 'utf8');
    }
    events.emit('paper', p, file);
  });

  let link: { send(b: Uint8Array): void; close(): Promise<void> } | null = null;
  core.on('reply', (b: Uint8Array) => link?.send(b));

  let server: net.Server | null = null;
  let port: number | undefined;
  let serial: SerialTransport | null = null;
  let stopped = false;
  let plugged = true;
  let reopenTimer: NodeJS.Timeout | null = null;

  const listen = async (): Promise<void> => {
    const tcp = options.tcp;
    if (!tcp) return;
    const srv = net.createServer((socket) => {
      // One host at a time, like a printer's single 9100 session: a new connection replaces the old one.
      void link?.close();
      core.resetLink();
      socket.setNoDelay(true);
      const mine = {
        send: (b: Uint8Array) => { if (!socket.destroyed) socket.write(b); },
        close: () => new Promise<void>((r) => { if (socket.destroyed) r(); else { socket.once('close', () => r()); socket.destroy(); } }),
      };
      link = mine;
      socket.on('data', (d: Buffer) => core.receive(new Uint8Array(d)));
      socket.on('error', () => undefined);
      socket.on('close', () => { if (link === mine) link = null; });
    });
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(port ?? tcp.port, tcp.host ?? '127.0.0.1', () => resolve());
    });
    server = srv;
    const addr = srv.address();
    port = typeof addr === 'object' && addr ? addr.port : tcp.port;
  };

  const openSerial = async (): Promise<void> => {
    if (!options.serial) return;
    const t = new SerialTransport({
      path: options.serial.path, baudRate: options.serial.baudRate ?? 9600, dataBits: 8, stopBits: 1, parity: 'none', flowControl: 'none',
    });
    await t.open();
    serial = t;
    core.resetLink();
    t.onData((d) => core.receive(d));
    link = { send: (b) => void t.write(b).catch(() => undefined), close: () => t.close() };
    t.onClose(() => {
      if (serial === t) { serial = null; link = null; }
      if (!stopped && plugged) scheduleReopen();
    });
  };

  // The pty may vanish (socat killed = cable pulled); keep trying to reopen the same path, like a printer replugged.
  const scheduleReopen = (): void => {
    if (reopenTimer || stopped) return;
    reopenTimer = setTimeout(() => {
      reopenTimer = null;
      if (stopped || !plugged || serial) return;
      openSerial().catch(() => scheduleReopen());
    }, 100);
  };

  // Unplug and replug (from the Devices screen or a test) may come in quick succession: one at a time, and a
  // replug of a plugged device or an unplug of an unplugged one changes nothing (a second listen on the same
  // port would fail with EADDRINUSE).
  let plugOps: Promise<void> = Promise.resolve();
  const oneAtATime = (fn: () => Promise<void>): Promise<void> => (plugOps = plugOps.then(fn, fn));

  await listen();
  await openSerial();

  return {
    get port() { return port; },
    core,
    get printed() { return core.printed; },
    setCondition: (c) => core.setCondition(c),
    paperOutAfterLines: (n) => core.paperOutAfterLines(n),
    insertSlip: () => core.insertSlip(),
    removeSlip: () => core.removeSlip(),
    garbage: (n) => { core.garbage(n); },
    unplug: () => oneAtATime(async () => {
      if (!plugged) return;
      plugged = false;
      const l = link;
      link = null;
      if (server) {
        const s = server;
        server = null;
        await l?.close();
        await new Promise<void>((r) => s.close(() => r()));
      } else {
        await l?.close();
      }
      core.resetLink();
    }),
    replug: () => oneAtATime(async () => {
      if (plugged) return;
      if (options.tcp && !server) await listen();
      plugged = true;
      if (options.serial && !serial) await openSerial();
    }),
    nextPaper: (timeoutMs = 5000) => new Promise<PrintedPaper>((resolve, reject) => {
      const timer = setTimeout(() => { events.off('paper', on); reject(new Error('no paper printed in time')); }, timeoutMs);
      const on = (p: PrintedPaper): void => { clearTimeout(timer); events.off('paper', on); resolve(p); };
      events.on('paper', on);
    }),
    on: (event, listener) => { events.on(event, listener); },
    stop: async () => {
      stopped = true;
      if (reopenTimer) clearTimeout(reopenTimer);
      core.dispose();
      await link?.close();
      link = null;
      if (server) { const s = server; server = null; await new Promise<void>((r) => s.close(() => r())); }
    },
  };
};
