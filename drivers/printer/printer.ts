import { EventEmitter } from 'node:events';
import type { PrinterStatus } from '../../domain/devices/status';
import type { Transport, TransportError } from '../transport/transport';
import { CLEAR_BUFFERS, DONE_MARKER, QUERY_STATUS, classifyReply } from './escpos';
import { PrinterError, type PrinterProblem, parseRealtimeStatus, problemOf } from './status';

/** Timer functions, injected so tests can drive the heartbeat. */
export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}
const realTimers: Timers = {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

export interface EscPosPrinterOptions {
  /** Status poll period (1–2 s keeps unplug detection under the teller's patience, hardware.md §4 #10). */
  heartbeatMs: number;
  /** How long a real-time query may take once the wire ahead of it is clear. */
  queryTimeoutMs?: number;
  /** How long printing may take once all bytes crossed the wire (head speed, cutter). */
  printTimeoutMs?: number;
  timers?: Timers;
}

/** Live view of the printer: the parsed status plus whether the link is up and what the teller should do. */
export interface PrinterLiveStatus {
  connected: boolean;
  /** Last parsed DLE EOT status; null before the first answer or while not answering. */
  status: PrinterStatus | null;
  problem: PrinterProblem | null;
}

interface PendingReplies { promise: Promise<number[]>; arm(): void; cancel(): void }
interface Waiter { resolve(byte: number): void; expired: boolean; dropAt: number }

/** Late replies to timed-out queries are absorbed for this long, so they are not taken as answers to newer ones. */
const GRACE_MS = 3000;

/**
 * ESC/POS printer over any transport: real-time status (DLE EOT 1–4), heartbeat, and printing with the GS r 1
 * "done" marker. Events: `status` (PrinterLiveStatus, on change), `garbage` (count of bytes that match no reply
 * pattern).
 */
export class EscPosPrinter extends EventEmitter {
  private realtime: Waiter[] = [];
  private queued: Waiter[] = [];
  private wireBusyUntil = 0;
  private heartbeat: unknown = null;
  private querying: Promise<PrinterStatus> | null = null;
  private live: PrinterLiveStatus = { connected: false, status: null, problem: 'PRINTER_DISCONNECTED' };
  private readonly timers: Timers;
  private readonly queryTimeoutMs: number;
  private readonly printTimeoutMs: number;
  private unsubscribe: (() => void)[] = [];
  garbageBytes = 0;

  constructor(readonly transport: Transport, private readonly options: EscPosPrinterOptions) {
    super();
    this.timers = options.timers ?? realTimers;
    this.queryTimeoutMs = options.queryTimeoutMs ?? 500;
    this.printTimeoutMs = options.printTimeoutMs ?? 15_000;
  }

  get current(): PrinterLiveStatus {
    return this.live;
  }

  /** Opens the link, asks for status once and starts the heartbeat. Throws TransportError when it cannot open. */
  async start(): Promise<void> {
    await this.transport.open();
    this.realtime = [];
    this.queued = [];
    this.unsubscribe = [
      this.transport.onData((d) => this.onBytes(d)),
      this.transport.onClose((e) => this.onClosed(e)),
    ];
    this.update({ connected: true, status: null, problem: null });
    this.heartbeat = this.timers.setInterval(() => void this.tick(), this.options.heartbeatMs);
    await this.tick();
  }

  async stop(): Promise<void> {
    this.stopHeartbeat();
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    await this.transport.close();
    this.update({ connected: false, status: this.live.status, problem: 'PRINTER_DISCONNECTED' });
  }

  private stopHeartbeat(): void {
    if (this.heartbeat !== null) this.timers.clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private onClosed(_error?: TransportError): void {
    this.stopHeartbeat();
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.realtime = [];
    this.queued = [];
    this.update({ connected: false, status: this.live.status, problem: 'PRINTER_DISCONNECTED' });
    this.emit('disconnected');
  }

  /** Heartbeat: one status query at a time; a missing answer is reported, not thrown. */
  async tick(): Promise<void> {
    if (!this.transport.isOpen) return;
    try {
      const status = await this.queryStatus();
      this.update({ connected: true, status, problem: problemOf(status) });
    } catch (err) {
      if (err instanceof PrinterError && err.code === 'PRINTER_NO_RESPONSE' && this.transport.isOpen) {
        this.update({ connected: true, status: null, problem: 'PRINTER_NO_RESPONSE' });
      }
    }
  }

  private update(next: PrinterLiveStatus): void {
    const prev = this.live;
    this.live = next;
    if (JSON.stringify(prev) !== JSON.stringify(next)) this.emit('status', next);
  }

  private onBytes(data: Uint8Array): void {
    const now = performance.now();
    for (const byte of data) {
      const cls = classifyReply(byte);
      const fifo = cls === 'realtime' ? this.realtime : cls === 'queued' ? this.queued : null;
      if (!fifo) {
        if (cls === 'unknown') { this.garbageBytes++; this.emit('garbage', this.garbageBytes); }
        continue;
      }
      while (fifo[0]?.expired && fifo[0].dropAt < now) fifo.shift();
      const w = fifo.shift();
      if (!w) { this.garbageBytes++; continue; }
      if (!w.expired) w.resolve(byte);
    }
  }

  /** Writes and books wire time, so later deadlines start when the bytes have actually left (slow serial). */
  private async send(bytes: Uint8Array): Promise<void> {
    const bps = this.transport.wireBytesPerSecond;
    if (bps) {
      const start = Math.max(performance.now(), this.wireBusyUntil);
      this.wireBusyUntil = start + (bytes.length * 1000) / bps;
    }
    try {
      await this.transport.write(bytes);
    } catch {
      throw new PrinterError('PRINTER_DISCONNECTED');
    }
  }

  private wireClearIn(): number {
    return Math.max(0, this.wireBusyUntil - performance.now());
  }

  /**
   * Registers waiters for `count` reply bytes in a FIFO. `arm` starts the deadline after the write, so the wire
   * estimate includes the query itself; `cancel` expires the waiters (late replies are then absorbed).
   */
  private waitReplies(fifo: Waiter[], count: number, timeoutFromWire: number, code: 'PRINTER_NO_RESPONSE' | 'PRINTER_TIMEOUT'): PendingReplies {
    const waiters: Waiter[] = [];
    const bytes: number[] = [];
    let timer: NodeJS.Timeout | undefined;
    let rejectFn: (e: Error) => void = () => undefined;
    const expire = (): void => {
      const dropAt = performance.now() + GRACE_MS;
      for (const w of waiters) { w.expired = true; w.dropAt = dropAt; }
    };
    const promise = new Promise<number[]>((resolve, reject) => {
      rejectFn = reject;
      for (let i = 0; i < count; i++) {
        const w: Waiter = {
          expired: false,
          dropAt: Infinity,
          resolve: (b) => {
            bytes.push(b);
            if (bytes.length === count) { clearTimeout(timer); resolve(bytes); }
          },
        };
        waiters.push(w);
        fifo.push(w);
      }
    });
    return {
      promise,
      arm: () => {
        timer = setTimeout(() => { expire(); rejectFn(new PrinterError(code)); }, this.wireClearIn() + timeoutFromWire);
      },
      cancel: () => { clearTimeout(timer); expire(); },
    };
  }

  /** DLE EOT 1..4 → parsed status. Concurrent callers share one query. */
  queryStatus(): Promise<PrinterStatus> {
    this.querying ??= (async () => {
      try {
        const [r1 = 0, r2 = 0, r3 = 0, r4 = 0] = await this.realtimeQuery(QUERY_STATUS, 4);
        return parseRealtimeStatus(r1, r2, r3, r4);
      } finally {
        this.querying = null;
      }
    })();
    return this.querying;
  }

  /** Sends a real-time query and waits for `replies` bytes (also used for DLE EOT 5 by the slip station). */
  async realtimeQuery(query: Uint8Array, replies: number): Promise<number[]> {
    if (!this.transport.isOpen) throw new PrinterError('PRINTER_DISCONNECTED');
    const w = this.waitReplies(this.realtime, replies, this.queryTimeoutMs, 'PRINTER_NO_RESPONSE');
    try {
      await this.send(query);
    } catch (err) {
      w.cancel();
      throw err;
    }
    w.arm();
    return w.promise;
  }

  /**
   * Prints raw ESC/POS and resolves when the printer reports the data done (GS r 1 answered). Rejects with a
   * PrinterError as soon as the heartbeat sees paper out, cover open or offline, or the link drops; the printer's
   * buffers are then cleared so the rest of the job is not printed later on top of a retry.
   */
  async printBytes(bytes: Uint8Array): Promise<void> {
    if (!this.transport.isOpen) throw new PrinterError('PRINTER_DISCONNECTED');
    const before = await this.queryStatus();
    const problem = problemOf(before);
    if (problem) throw new PrinterError(problem);

    const done = this.waitReplies(this.queued, 1, this.printTimeoutMs, 'PRINTER_TIMEOUT');
    let onStatus: ((s: PrinterLiveStatus) => void) | undefined;
    const watch = new Promise<never>((_, reject) => {
      onStatus = (s) => {
        if (s.problem && s.problem !== 'PRINTER_NO_RESPONSE') reject(new PrinterError(s.problem));
      };
      this.on('status', onStatus);
    });
    let sending = false;
    try {
      sending = true;
      await this.send(Uint8Array.from([...bytes, ...DONE_MARKER]));
      done.arm();
      await Promise.race([done.promise, watch]);
    } catch (err) {
      done.cancel();
      if (this.transport.isOpen) {
        await this.transport.write(CLEAR_BUFFERS).catch(() => undefined);
        // The cleared GS r 1 will never be answered; a stale waiter would otherwise eat the retry's "done" reply.
        // (Printers without DLE DC4 8 must be switched off and on before Reintentar; the UI message says so.)
        this.queued = this.queued.filter((w) => !w.expired);
      }
      const e = err instanceof PrinterError ? err : new PrinterError('PRINTER_DISCONNECTED');
      throw sending ? PrinterError.whilePrinting(e) : e;
    } finally {
      if (onStatus) this.off('status', onStatus);
      watch.catch(() => undefined);
    }
  }

  /** Raw write for station commands (slip select/eject). */
  async write(bytes: Uint8Array): Promise<void> {
    if (!this.transport.isOpen) throw new PrinterError('PRINTER_DISCONNECTED');
    await this.send(bytes);
  }

  /** Writes bytes followed by GS r 1 and waits until the printer processed them. */
  async writeAndWait(bytes: Uint8Array): Promise<void> {
    const done = this.waitReplies(this.queued, 1, this.printTimeoutMs, 'PRINTER_TIMEOUT');
    try {
      await this.write(Uint8Array.from([...bytes, ...DONE_MARKER]));
    } catch (err) {
      done.cancel();
      throw err;
    }
    done.arm();
    await done.promise;
  }
}
