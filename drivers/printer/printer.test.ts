import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterConfigSchema } from '../../domain/devices/config';
import type { PrintJobView } from '../../domain/devices/status';
import { counterIds, sampleReceipt, waitUntil } from '../testing/fixtures';
import { createPtyPair, type PtyPair } from '../testing/pty-pair';
import { SerialTransport } from '../transport/serial/serial-transport';
import { TcpTransport } from '../transport/tcp/tcp-transport';
import type { Transport } from '../transport/transport';
import { startPrinterEmulator, type PrinterEmulator } from './emulator/emulator';
import { encodeReceipt } from './layout';
import { EscPosPrinter, type PrinterLiveStatus, type Timers } from './printer';
import { ReceiptPrinter } from './receipt-printer';
import { PRINTER_MESSAGES } from './status';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const outDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caja-printer-out-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};

const serial = (p: string, baudRate = 115200): SerialTransport =>
  new SerialTransport({ path: p, baudRate, dataBits: 8, stopBits: 1, parity: 'none', flowControl: 'none' });

interface Rig { pty: PtyPair; emu: PrinterEmulator; printer: ReceiptPrinter; jobs: PrintJobView[]; out: string }

const ptyRig = async (o: { baud?: number; throttle?: boolean; slip?: boolean } = {}): Promise<Rig> => {
  const pty = await createPtyPair('caja-printer');
  cleanups.push(() => pty.dispose());
  const out = outDir();
  const baud = o.baud ?? 115200;
  const emu = await startPrinterEmulator({
    serial: { path: pty.device, baudRate: baud },
    ...(o.throttle === false ? { baudRate: 0 } : {}),
    outDir: out,
    autoSlipMs: 50,
  });
  cleanups.push(() => emu.stop());
  const config = PrinterConfigSchema.parse({ heartbeatMs: 250, slip: o.slip ?? false, link: { kind: 'serial', path: pty.app, baudRate: baud } });
  const printer = new ReceiptPrinter(serial(pty.app, baud), config, counterIds());
  const jobs: PrintJobView[] = [];
  printer.on('job', (j: PrintJobView) => jobs.push(j));
  await printer.start();
  cleanups.push(() => printer.stop());
  return { pty, emu, printer, jobs, out };
};

const finished = (p: ReceiptPrinter, id: string): Promise<PrintJobView> => waitUntil(() => {
  const s = p.queue.get(id)?.state;
  return s === 'printed' || s === 'failed';
}, 10_000, `job ${id}`).then(() => p.queue.get(id) as PrintJobView);

describe('printer over a real pty pair (socat) against the emulator', () => {
  it('happy path: prints, reports queued → printing → printed, and the emulator writes the receipt file', async () => {
    const { emu, printer, jobs, out } = await ptyRig();
    const paper = emu.nextPaper();
    const job = printer.print(sampleReceipt({ copyNumber: 1 }));
    const done = await finished(printer, job.id);
    expect(done.state).toBe('printed');
    expect(jobs.map((j) => j.state)).toEqual(['queued', 'printing', 'printed']);
    const p = await paper;
    expect(p.complete).toBe(true);
    expect(p.lines.some((l) => l.trim() === 'COPIA No. 1')).toBe(true);
    expect(p.lines.some((l) => /^Total consignado +\$ 1\.234\.567$/.test(l))).toBe(true);
    expect(p.lines.some((l) => l.includes('PATIÑO'))).toBe(true);
    const files = fs.readdirSync(out);
    expect(files).toEqual(['receipt-0001.txt']);
    expect(fs.readFileSync(path.join(out, 'receipt-0001.txt'), 'utf8')).toContain('CONSIGNACIÓN EN EFECTIVO');
    expect(printer.status.problem).toBeNull();
  });

  it('paper out in the middle of a job: fails with the Spanish instruction, buffers cleared, retry prints it whole', async () => {
    const { emu, printer, jobs } = await ptyRig();
    emu.paperOutAfterLines(6);
    const interrupted = emu.nextPaper();
    const job = printer.print(sampleReceipt());
    const failed = await finished(printer, job.id);
    expect(failed.state).toBe('failed');
    // It ran out after bytes had left: the core is told the paper may be out, so its retry is marked.
    expect(failed.reason).toEqual({ code: 'PRINTER_PAPER_OUT', message: 'Impresora sin papel: cambie el rollo y pulse Reintentar.', mayHavePrinted: true });
    // the driver cleared the printer's buffers, so the torn piece is all that came out
    const torn = await interrupted;
    expect(torn.complete).toBe(false);
    expect(torn.lines.length).toBeLessThan(10);
    await waitUntil(() => printer.status.problem === 'PRINTER_PAPER_OUT', 2000, 'status paper out');

    emu.setCondition('ok');
    await waitUntil(() => printer.status.problem === null, 2000, 'status ok');
    const whole = emu.nextPaper();
    printer.retry(job.id);
    const again = await finished(printer, job.id);
    expect(again.state).toBe('printed');
    expect(again.attempts).toBe(2);
    expect((await whole).complete).toBe(true);
    expect(jobs.map((j) => j.state)).toEqual(['queued', 'printing', 'failed', 'queued', 'printing', 'printed']);
    expect(emu.printed.filter((p) => p.complete)).toHaveLength(1);
  });

  it('cable pulled (socat killed): job fails as disconnected, status says so, and a new cable works after restart', async () => {
    const { pty, emu, printer } = await ptyRig({ baud: 9600 });
    const statuses: PrinterLiveStatus[] = [];
    printer.on('status', (s: PrinterLiveStatus) => statuses.push(s));
    // a slow wire keeps the job in flight while the cable is pulled
    const job = printer.print(sampleReceipt());
    await waitUntil(() => printer.queue.get(job.id)?.state === 'printing', 2000, 'printing');
    await new Promise((r) => setTimeout(r, 100));
    await pty.unplug();
    const failed = await finished(printer, job.id);
    expect(failed.state).toBe('failed');
    expect(failed.reason?.code).toBe('PRINTER_DISCONNECTED');
    expect(failed.reason?.message).toBe(PRINTER_MESSAGES.PRINTER_DISCONNECTED);
    expect(failed.reason?.mayHavePrinted).toBe(true);
    await waitUntil(() => !printer.status.connected, 3000, 'disconnected status');
    expect(statuses.at(-1)?.problem).toBe('PRINTER_DISCONNECTED');

    await pty.replug();
    await waitUntil(() => emu.core.listenerCount('reply') > 0 && fs.existsSync(pty.app), 3000, 'replug');
    await new Promise((r) => setTimeout(r, 300)); // emulator reopens its end
    await printer.start();
    printer.retry(job.id);
    expect((await finished(printer, job.id)).state).toBe('printed');
  });

  it('garbage bytes from the device are ignored and do not break status or printing', async () => {
    const { emu, printer } = await ptyRig();
    emu.garbage(64);
    await waitUntil(() => printer.device.garbageBytes >= 64, 2000, 'garbage received');
    const job = printer.print(sampleReceipt());
    emu.garbage(32);
    expect((await finished(printer, job.id)).state).toBe('printed');
    expect(printer.status.problem).toBeNull();
  });

  it('garbage bytes to the device are skipped by the emulator, which still prints the next receipt', async () => {
    const { pty, emu, printer } = await ptyRig();
    const raw = serial(pty.app);
    // write junk straight onto the same line the driver uses
    await printer.device.write(Uint8Array.from([0x1b, 0xff, 0x1d, 0x99, 0x07, 0x00, 0xfe, 0x0a]));
    const job = printer.print(sampleReceipt());
    expect((await finished(printer, job.id)).state).toBe('printed');
    expect(emu.printed.at(-1)?.lines.some((l) => l.includes('$ 1.234.567'))).toBe(true);
    expect(raw.isOpen).toBe(false);
  });

  it('slow device: at 9600 baud the job takes wire time and the heartbeat does not raise a false alarm', async () => {
    const { printer, jobs } = await ptyRig({ baud: 9600 });
    const bytes = encodeReceipt(sampleReceipt(), printer.encode).length + 3;
    const problems: (string | null)[] = [];
    printer.on('status', (s: PrinterLiveStatus) => problems.push(s.problem));
    const t0 = performance.now();
    const job = printer.print(sampleReceipt());
    const done = await finished(printer, job.id);
    const ms = performance.now() - t0;
    expect(done.state).toBe('printed');
    const wireMs = (bytes * 10 * 1000) / 9600;
    expect(ms).toBeGreaterThanOrEqual(wireMs * 0.95);
    expect(problems.filter((p) => p !== null)).toEqual([]);
    expect(jobs.at(-1)?.state).toBe('printed');
  });

  it('slip validation: select, wait for insertion, print one line, eject, wait for removal', async () => {
    const { emu, printer } = await ptyRig({ slip: true });
    const stages: string[] = [];
    const slip = emu.nextPaper();
    await printer.validate(
      { sequence: '001-03-000124', postedAt: '2025-03-14T10:25:00-05:00', amount: 2_500_000, verificationCode: 'Q2W3' },
      { pollMs: 20, insertTimeoutMs: 3000, onStage: (s) => stages.push(s) },
    );
    expect(stages).toEqual(['select', 'waitInsert', 'print', 'eject', 'waitRemoval', 'done']);
    const p = await slip;
    expect(p.kind).toBe('slip');
    expect(p.lines).toEqual(['001-03-000124 14/03/2025 10:25:00 $ 2.500.000 Q2W3']);
  });
});

describe('heartbeat with injected timers', () => {
  it('each tick polls DLE EOT 1–4 and emits status changes', async () => {
    const emu = await startPrinterEmulator({ tcp: { port: 0 } });
    cleanups.push(() => emu.stop());
    let tick: (() => void) | null = null;
    let period = 0;
    const timers: Timers = { setInterval: (fn, ms) => { tick = fn; period = ms; return 1; }, clearInterval: () => { tick = null; } };
    const printer = new EscPosPrinter(new TcpTransport({ host: '127.0.0.1', port: emu.port ?? 0 }), { heartbeatMs: 1500, timers });
    const seen: (string | null)[] = [];
    printer.on('status', (s: PrinterLiveStatus) => seen.push(s.problem));
    await printer.start();
    cleanups.push(() => printer.stop());
    expect(period).toBe(1500);
    emu.setCondition('cover-open');
    expect(printer.current.problem).toBeNull(); // nothing polled yet
    await printer.tick();
    expect(printer.current.problem).toBe('PRINTER_COVER_OPEN');
    emu.setCondition('ok');
    (tick as (() => void) | null)?.();
    await waitUntil(() => printer.current.problem === null, 1000, 'ok again');
    expect(seen.filter((p, i) => p !== seen[i - 1])).toEqual([null, 'PRINTER_COVER_OPEN', null]);
  });

  it('a silent device is reported as not responding, not as a crash', async () => {
    const server = net.createServer((s) => s.on('data', () => undefined));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const port = (server.address() as net.AddressInfo).port;
    const transport: Transport = new TcpTransport({ host: '127.0.0.1', port });
    const printer = new EscPosPrinter(transport, { heartbeatMs: 5000, queryTimeoutMs: 100 });
    await printer.start();
    cleanups.push(() => printer.stop());
    expect(printer.current).toEqual({ connected: true, status: null, problem: 'PRINTER_NO_RESPONSE' });
    await expect(printer.printBytes(Uint8Array.of(0x41, 0x0a))).rejects.toMatchObject({ code: 'PRINTER_NO_RESPONSE' });
  });
});

describe('emulator as a separate process (tsx cli.ts --tcp) with the stdin control channel', () => {
  it('prints over TCP 9100-style, then cover open via control makes the next job fail', async () => {
    const out = outDir();
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'drivers/printer/emulator/cli.ts', '--tcp', '0', '--out', out], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    cleanups.push(() => { if (child.exitCode === null) child.kill('SIGKILL'); });
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const messages: Record<string, unknown>[] = [];
    lines.on('line', (l) => messages.push(JSON.parse(l) as Record<string, unknown>));
    await waitUntil(() => messages.some((m) => m.event === 'ready'), 15_000, 'emulator ready');
    const port = messages.find((m) => m.event === 'ready')?.tcpPort as number;

    const config = PrinterConfigSchema.parse({ heartbeatMs: 250, link: { kind: 'tcp', host: '127.0.0.1', port } });
    const printer = new ReceiptPrinter(new TcpTransport({ host: '127.0.0.1', port }), config, counterIds());
    await printer.start();
    cleanups.push(() => printer.stop());
    const first = printer.print(sampleReceipt());
    expect((await finished(printer, first.id)).state).toBe('printed');
    await waitUntil(() => messages.some((m) => m.event === 'paper'), 3000, 'paper event');
    expect(fs.readdirSync(out)).toEqual(['receipt-0001.txt']);

    child.stdin?.write(JSON.stringify({ cmd: 'condition', value: 'cover-open' }) + '\n');
    await waitUntil(() => messages.some((m) => m.ok === true && m.condition === 'cover-open'), 3000, 'control ack');
    const second = printer.print(sampleReceipt({ sequence: '001-03-000125' }));
    const failed = await finished(printer, second.id);
    expect(failed.reason?.code).toBe('PRINTER_COVER_OPEN');
    expect(failed.reason?.message).toBe('Tapa de la impresora abierta: ciérrela y pulse Reintentar.');
    // Refused by the status check before a byte of it left: nothing can be on paper.
    expect(failed.reason?.mayHavePrinted).toBeUndefined();

    child.stdin?.write(JSON.stringify({ cmd: 'stop' }) + '\n');
    await waitUntil(() => child.exitCode !== null, 5000, 'emulator exit');
    expect(child.exitCode).toBe(0);
  });
});
