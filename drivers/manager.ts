import { EventEmitter } from 'node:events';
import { type CedulaParseResult, encodeCedulaPdf417 } from '../domain/devices/cedula-pdf417';
import { type DeviceConfig, DeviceConfigSchema, type Link } from '../domain/devices/config';
import { DEMO_TEMPLATE_FORMAT, type DemoCitizen, type Finger } from '../domain/devices/demo-citizens';
import type { DeviceKind, DeviceState, DeviceStatus, PrintJobView } from '../domain/devices/status';
import type { ReceiptDocument } from '../domain/receipt/document';
import { AgentReader } from './fingerprint/agent/agent-reader';
import { type GrowEmulator, startGrowEmulator } from './fingerprint/emulator/grow-emulator';
import { GrowReader } from './fingerprint/grow/grow-reader';
import { type CaptureOptions, type CaptureResult, FINGERPRINT_MESSAGES, FingerprintError, type FingerprintPort } from './fingerprint/port';
import { type PrinterEmulator, startPrinterEmulator } from './printer/emulator/emulator';
import type { Ids } from './printer/queue';
import { ReceiptPrinter } from './printer/receipt-printer';
import type { SlipOptions, ValidationImprint } from './printer/slip';
import { PRINTER_MESSAGES } from './printer/status';
import { CedulaScanner, SCANNER_MESSAGES } from './scanner/cedula-scanner';
import { FakeHidTransport } from './scanner/fake-hid';
import { toReports } from './scanner/hid-pos';
import { transportFor } from './transport/open-link';
import { TcpTransport } from './transport/tcp/tcp-transport';
import type { Transport } from './transport/transport';

export interface Clock { now(): Date }

export interface DeviceManagerDeps {
  ids: Ids;
  clock: Clock;
}

/** Invalid device configuration; `issues` lists what zod refused (paths and messages). */
export class DeviceConfigError extends Error {
  readonly code = 'DEVICE_CONFIG_INVALID';
  constructor(readonly issues: string[]) {
    super('La configuración de dispositivos no es válida: pida a soporte que la revise.');
    this.name = 'DeviceConfigError';
  }
}

/** Emulator handles, present for each device whose link is `emulated` (demo controls, dev tools, e2e). */
export interface DeviceEmulators {
  printer?: PrinterEmulator;
  fingerprint?: GrowEmulator;
  scanner?: { scan(citizen: DemoCitizen): Promise<void>; unplug(): void; replug(): void };
}

interface Supervised {
  id: string;
  kind: DeviceKind;
  emulated: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  view(): { state: DeviceState; message?: string; problem?: DeviceStatus['problem']; printer?: DeviceStatus['printer'] };
}

/**
 * Builds the workstation's devices from config (emulated by default), keeps each one connected (reconnect with
 * backoff after an unplug, no restart needed) and reports live status. Events:
 *   `status` (DeviceStatus) on every change, `job` (PrintJobView), `cedula` (CedulaParseResult).
 */
export class DeviceManager extends EventEmitter {
  readonly config: DeviceConfig;
  readonly emulators: DeviceEmulators = {};
  private readonly devices: Supervised[] = [];
  private readonly statuses = new Map<string, DeviceStatus>();
  private readonly retry = new Map<string, { timer: NodeJS.Timeout | null; delay: number }>();
  private receiptPrinter: ReceiptPrinter | null = null;
  private fingerprintPort: FingerprintPort | null = null;
  private stopped = false;

  constructor(config: unknown, private readonly deps: DeviceManagerDeps) {
    super();
    const parsed = DeviceConfigSchema.safeParse(config ?? {});
    if (!parsed.success) throw new DeviceConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    this.config = parsed.data;
  }

  /** Starts emulators and devices. Never throws for a missing device: it shows as disconnected and is retried. */
  async start(): Promise<void> {
    await this.buildPrinter();
    await this.buildFingerprint();
    this.buildScanner();
    for (const d of this.devices) {
      this.publish(d);
      await this.connect(d);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const r of this.retry.values()) if (r.timer) clearTimeout(r.timer);
    for (const d of this.devices) await d.stop().catch(() => undefined);
    await this.emulators.printer?.stop();
    await this.emulators.fingerprint?.stop();
  }

  /** Live status of every device. */
  status(): DeviceStatus[] {
    return [...this.statuses.values()];
  }

  // ---- features ------------------------------------------------------------------------------------------------

  printReceipt(document: ReceiptDocument): PrintJobView {
    return this.requirePrinter().print(document);
  }

  retryJob(jobId: string): PrintJobView | undefined {
    return this.requirePrinter().retry(jobId);
  }

  jobs(): PrintJobView[] {
    return this.requirePrinter().queue.list();
  }

  validateSlip(imprint: ValidationImprint, options?: SlipOptions): Promise<void> {
    return this.requirePrinter().validate(imprint, options);
  }

  captureFingerprint(finger: Finger, options?: CaptureOptions): Promise<CaptureResult> {
    if (!this.fingerprintPort) throw new FingerprintError('FINGER_DISCONNECTED');
    return this.fingerprintPort.capture(finger, options);
  }

  private requirePrinter(): ReceiptPrinter {
    if (!this.receiptPrinter) throw new Error('printer not built: call start() first');
    return this.receiptPrinter;
  }

  // ---- building ------------------------------------------------------------------------------------------------

  private async buildPrinter(): Promise<void> {
    const c = this.config.printer;
    let transport: Transport;
    if (c.link.kind === 'emulated') {
      const link = c.link;
      const emu = await startPrinterEmulator({
        tcp: { port: 0 },
        ...(link.baudRate !== undefined ? { baudRate: link.baudRate } : {}),
        ...(link.outDir !== undefined ? { outDir: link.outDir } : {}),
        ...(c.cp858Number !== undefined ? { cp858Number: c.cp858Number } : {}),
        ...(link.autoSlipMs === null ? {} : { autoSlipMs: link.autoSlipMs ?? 500 }),
      });
      this.emulators.printer = emu;
      transport = new TcpTransport({
        host: '127.0.0.1', port: emu.port ?? 0,
        ...(link.baudRate !== undefined ? { wireBytesPerSecond: link.baudRate / 10 } : {}),
      });
    } else {
      transport = transportFor(c.link);
    }
    const printer = new ReceiptPrinter(transport, c, this.deps.ids);
    this.receiptPrinter = printer;
    const d: Supervised = {
      id: c.id, kind: 'printer', emulated: c.link.kind === 'emulated',
      start: () => printer.start(),
      stop: () => printer.stop(),
      view: () => {
        const s = printer.status;
        const printing = printer.queue.list().some((j) => j.state === 'printing');
        const base = s.status ? { printer: s.status } : {};
        if (!s.connected) return { state: 'disconnected', message: PRINTER_MESSAGES.PRINTER_DISCONNECTED, problem: 'PRINTER_DISCONNECTED', ...base };
        if (s.problem) return { state: 'attention', message: PRINTER_MESSAGES[s.problem], problem: s.problem, ...base };
        const nearEnd = s.status?.paperNearEnd ? { message: PRINTER_MESSAGES.PRINTER_PAPER_NEAR_END } : {};
        return { state: printing ? 'busy' : 'ready', ...nearEnd, ...base };
      },
    };
    printer.on('status', () => this.publish(d));
    printer.on('job', (j: PrintJobView) => { this.emit('job', j); this.publish(d); });
    printer.on('disconnected', () => this.scheduleReconnect(d));
    this.devices.push(d);
  }

  private async buildFingerprint(): Promise<void> {
    const c = this.config.fingerprint;
    let port: FingerprintPort & EventEmitter;
    let emulated = false;
    if (c.driver === 'agent') {
      port = new AgentReader({ url: c.url, captureTimeoutMs: c.captureTimeoutMs });
    } else {
      let transport: Transport;
      if (c.link.kind === 'emulated') {
        emulated = true;
        const emu = await startGrowEmulator({ tcp: { port: 0 }, address: c.address, password: c.password });
        this.emulators.fingerprint = emu;
        transport = new TcpTransport({ host: '127.0.0.1', port: emu.port ?? 0 });
      } else {
        transport = transportFor(c.link as Link);
      }
      port = new GrowReader(transport, {
        address: c.address, password: c.password, captureTimeoutMs: c.captureTimeoutMs,
        ...(emulated ? { templateFormat: DEMO_TEMPLATE_FORMAT } : {}),
      });
    }
    this.fingerprintPort = port;
    const d: Supervised = {
      id: c.id, kind: 'fingerprint', emulated,
      start: () => port.start(),
      stop: () => port.stop(),
      view: () => {
        const s = port.status;
        if (!s.connected) return { state: 'disconnected', message: FINGERPRINT_MESSAGES[s.problem ?? 'FINGER_DISCONNECTED'] };
        if (s.busy) return { state: 'busy' };
        if (s.problem) return { state: 'attention', message: FINGERPRINT_MESSAGES[s.problem] };
        return { state: 'ready' };
      },
    };
    port.on('status', () => this.publish(d));
    port.on('disconnected', () => this.scheduleReconnect(d));
    this.devices.push(d);
  }

  private buildScanner(): void {
    const c = this.config.scanner;
    let transport: Transport;
    if (c.link.kind === 'emulated') {
      const fake = new FakeHidTransport();
      transport = fake;
      this.emulators.scanner = {
        scan: (p) => fake.play(toReports(encodeCedulaPdf417({
          documentNumber: p.documentNumber, firstSurname: p.firstSurname, secondSurname: p.secondSurname,
          firstName: p.names.split(' ')[0] ?? '', otherNames: p.names.split(' ').slice(1).join(' '),
          sex: p.sex, birthDate: p.birthDate, bloodType: p.bloodType,
        }))),
        unplug: () => fake.unplug(),
        replug: () => fake.replug(),
      };
    } else {
      transport = transportFor(c.link);
    }
    const scanner = new CedulaScanner(transport);
    const d: Supervised = {
      id: c.id, kind: 'scanner', emulated: c.link.kind === 'emulated',
      start: () => scanner.start(),
      stop: () => scanner.stop(),
      view: () => (scanner.status.connected ? { state: 'ready' } : { state: 'disconnected', message: SCANNER_MESSAGES.SCANNER_DISCONNECTED }),
    };
    scanner.on('cedula', (r: CedulaParseResult) => this.emit('cedula', r));
    scanner.on('status', () => this.publish(d));
    scanner.on('disconnected', () => this.scheduleReconnect(d));
    this.devices.push(d);
  }

  // ---- supervision ---------------------------------------------------------------------------------------------

  private publish(d: Supervised): void {
    const v = d.view();
    const prev = this.statuses.get(d.id);
    const same =
      prev && prev.state === v.state && prev.message === v.message && prev.problem === v.problem && JSON.stringify(prev.printer) === JSON.stringify(v.printer);
    if (same) return;
    const status: DeviceStatus = {
      id: d.id, kind: d.kind, state: v.state, emulated: d.emulated,
      ...(v.message !== undefined ? { message: v.message } : {}),
      ...(v.problem !== undefined ? { problem: v.problem } : {}),
      ...(v.printer !== undefined ? { printer: v.printer } : {}),
      since: this.deps.clock.now().toISOString(),
    };
    this.statuses.set(d.id, status);
    this.emit('status', status);
  }

  private async connect(d: Supervised): Promise<void> {
    if (this.stopped) return;
    try {
      await d.start();
      this.retry.set(d.id, { timer: null, delay: this.config.reconnect.initialMs });
      this.publish(d);
    } catch {
      this.publish(d);
      this.scheduleReconnect(d);
    }
  }

  private scheduleReconnect(d: Supervised): void {
    if (this.stopped) return;
    const r = this.retry.get(d.id) ?? { timer: null, delay: this.config.reconnect.initialMs };
    if (r.timer) return;
    r.timer = setTimeout(() => {
      r.timer = null;
      r.delay = Math.min(r.delay * 2, this.config.reconnect.maxMs);
      void this.connect(d);
    }, r.delay);
    this.retry.set(d.id, r);
  }
}
