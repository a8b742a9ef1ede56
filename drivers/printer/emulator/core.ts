import { EventEmitter } from 'node:events';
import { EscPosDecoder } from './decoder';
import { type CodePageName, EPSON_PAGES } from '../codepages';

export type EmulatorCondition = 'ok' | 'near-end' | 'paper-out' | 'cover-open' | 'offline';

/** A printed piece of paper: a receipt ended by a cut, a slip ended by release, or paper torn by a clear. */
export interface PrintedPaper {
  kind: 'receipt' | 'slip';
  lines: string[];
  /** false when the job was interrupted (paper end, cover) and the buffers were cleared. */
  complete: boolean;
}

export interface EmulatorCoreOptions {
  /** Wire speed to imitate: each received chunk is handled only after bytes × 10 / baud seconds. */
  baudRate?: number;
  /** ESC t number of CP858 on the emulated model (19 Epson, 2 Citizen, 6 HP). */
  cp858Number?: number;
  /** Insert the slip this long after the slip station is selected, and remove it this long after release. */
  autoSlipMs?: number;
}

/** DLE EOT 1..4 replies per condition (hardware.md §1.2 reference triples). */
const REALTIME: Record<EmulatorCondition, [number, number, number, number]> = {
  ok: [0x12, 0x12, 0x12, 0x12],
  'near-end': [0x12, 0x12, 0x12, 0x1e],
  'paper-out': [0x1a, 0x32, 0x12, 0x7e],
  'cover-open': [0x1a, 0x16, 0x12, 0x12],
  offline: [0x1a, 0x12, 0x12, 0x12],
};
const PAPER_SENSOR: Record<EmulatorCondition, number> = { ok: 0, 'near-end': 0x03, 'paper-out': 0x0f, 'cover-open': 0, offline: 0 };

/**
 * The printer without a link: bytes in through `receive`, replies out through the `reply` event. Events:
 * `reply` (Uint8Array), `paper` (PrintedPaper), `condition` (EmulatorCondition).
 */
export class PrinterEmulatorCore extends EventEmitter {
  condition: EmulatorCondition = 'ok';
  readonly printed: PrintedPaper[] = [];
  bytesReceived = 0;
  private readonly decoder: EscPosDecoder;
  private lines: string[] = [];
  private station: 'roll' | 'slip' = 'roll';
  private slipInserted = false;
  private slipPresent = false;
  private carry: number[] = [];
  private wireFreeAt = 0;
  private readonly wireQueue: { at: number; chunk: Uint8Array }[] = [];
  private wireTimer: NodeJS.Timeout | null = null;
  private paperOutAfter: number | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: EmulatorCoreOptions = {}) {
    super();
    const cp858 = options.cp858Number ?? 19;
    const pages: Record<number, CodePageName> = { ...EPSON_PAGES, [cp858]: 'cp858' };
    this.decoder = new EscPosDecoder((n) => pages[n] ?? 'cp437');
  }

  /** Bytes from the host. With a baud rate they are delayed to when the last byte would have crossed the wire. */
  receive(chunk: Uint8Array): void {
    const baud = this.options.baudRate;
    if (!baud) {
      this.ingest(chunk);
      return;
    }
    const now = performance.now();
    const start = Math.max(now, this.wireFreeAt);
    this.wireFreeAt = start + (chunk.length * 10 * 1000) / baud;
    this.wireQueue.push({ at: this.wireFreeAt, chunk });
    this.armWire();
  }

  private armWire(): void {
    if (this.wireTimer) return;
    const head = this.wireQueue[0];
    if (!head) return;
    this.wireTimer = setTimeout(() => {
      this.wireTimer = null;
      const now = performance.now();
      for (let head = this.wireQueue[0]; head && head.at <= now + 0.5; head = this.wireQueue[0]) {
        this.wireQueue.shift();
        this.ingest(head.chunk);
      }
      this.armWire();
    }, Math.max(0, head.at - performance.now()));
  }

  /** Pulls real-time commands out of the stream (answered at once, even offline) and queues the rest for printing. */
  private ingest(chunk: Uint8Array): void {
    this.bytesReceived += chunk.length;
    const bytes = this.carry.length ? [...this.carry, ...chunk] : Array.from(chunk);
    this.carry = [];
    const rest: number[] = [];
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i] ?? 0;
      if (b !== 0x10) { rest.push(b); i++; continue; }
      const c = bytes[i + 1];
      if (c === undefined) { this.carry = bytes.slice(i); break; }
      if (c === 0x04 || c === 0x05) {
        const n = bytes[i + 2];
        if (n === undefined) { this.carry = bytes.slice(i); break; }
        if (c === 0x04) this.answerRealtime(n); else if (n === 2) this.clearBuffers();
        i += 3;
        continue;
      }
      if (c === 0x14) {
        const fn = bytes[i + 2];
        if (fn === undefined) { this.carry = bytes.slice(i); break; }
        const len = fn === 8 ? 10 : 5;
        if (i + len > bytes.length) { this.carry = bytes.slice(i); break; }
        if (fn === 8) this.clearBuffers();
        i += len;
        continue;
      }
      rest.push(b);
      i++;
    }
    if (rest.length) this.decoder.push(Uint8Array.from(rest));
    this.pump();
  }

  private answerRealtime(n: number): void {
    const r = REALTIME[this.condition];
    const byte = n >= 1 && n <= 4 ? r[n - 1] : undefined;
    if (byte !== undefined) { this.send(Uint8Array.of(byte)); return; }
    if (n === 5) {
      const notSelected = this.station !== 'slip' ? 0x04 : 0;
      const waiting = this.station === 'slip' && !this.slipInserted ? 0x08 : 0;
      const noPaper = this.slipPresent ? 0 : 0x60;
      this.send(Uint8Array.of(0x12 | notSelected | waiting | noPaper));
    }
  }

  private send(bytes: Uint8Array): void {
    this.emit('reply', bytes);
  }

  private canPrint(): boolean {
    if (this.condition !== 'ok' && this.condition !== 'near-end') return false;
    // Without a slip in the slot only printing waits; commands (GS r, ESC c, ESC q) still run.
    return this.station === 'roll' || this.slipInserted || !this.decoder.nextIsPrintData();
  }

  /** Runs the print stage until it must wait (condition, slip not inserted) or the buffer is empty. */
  pump(): void {
    while (this.canPrint()) {
      const ev = this.decoder.next();
      if (ev === null) return;
      if (ev === 'continue') continue;
      switch (ev.kind) {
        case 'line':
          this.lines.push(ev.text);
          if (this.station === 'roll' && this.paperOutAfter !== null && --this.paperOutAfter <= 0) {
            this.paperOutAfter = null;
            this.setCondition('paper-out');
          }
          break;
        case 'cut':
          if (this.station === 'roll') this.finish('receipt', true);
          break;
        case 'queued-status':
          this.send(Uint8Array.of(ev.n === 1 ? PAPER_SENSOR[this.condition] : 0));
          break;
        case 'select-station':
          this.selectStation(ev.mask);
          break;
        case 'release-slip':
        case 'form-feed':
          if (this.station === 'slip' && this.slipInserted) this.releaseSlip();
          break;
        default:
          break;
      }
    }
  }

  private selectStation(mask: number): void {
    if (mask & 0x0c) {
      this.station = 'slip';
      if (this.options.autoSlipMs !== undefined && !this.slipInserted) this.later(this.options.autoSlipMs, () => this.insertSlip());
    } else {
      this.station = 'roll';
    }
  }

  private releaseSlip(): void {
    this.finish('slip', true);
    this.slipInserted = false;
    if (this.options.autoSlipMs !== undefined) this.later(this.options.autoSlipMs, () => this.removeSlip());
  }

  private finish(kind: PrintedPaper['kind'], complete: boolean): void {
    const paper: PrintedPaper = { kind, lines: this.lines, complete };
    this.lines = [];
    this.printed.push(paper);
    this.emit('paper', paper);
  }

  private clearBuffers(): void {
    const partial = this.decoder.clear();
    if (partial) this.lines.push(partial);
    if (this.lines.length) this.finish(this.station === 'slip' ? 'slip' : 'receipt', false);
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => { this.timers.delete(t); fn(); }, ms);
    this.timers.add(t);
  }

  // ---- control -------------------------------------------------------------------------------------------------

  setCondition(c: EmulatorCondition): void {
    this.condition = c;
    this.emit('condition', c);
    this.pump();
  }

  /** Runs out of paper after `n` more printed roll lines (deterministic "paper out in the middle of a job"). */
  paperOutAfterLines(n: number): void {
    this.paperOutAfter = n;
  }

  /** Teller puts a slip into the validation slot. */
  insertSlip(): void {
    this.slipPresent = true;
    if (this.station === 'slip') this.slipInserted = true;
    this.pump();
  }

  /** Teller takes the slip out. */
  removeSlip(): void {
    this.slipPresent = false;
    this.slipInserted = false;
  }

  /** Bytes with the high bit set: never a valid status reply, so a correct host ignores them. */
  garbage(count: number): Uint8Array {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) out[i] = 0x80 | ((i * 37 + 11) & 0x7f);
    this.send(out);
    return out;
  }

  /** Forgets a half-received stream (a new connection starts clean, like a power cycle of the interface). */
  resetLink(): void {
    this.carry = [];
    this.wireQueue.length = 0;
    if (this.wireTimer) clearTimeout(this.wireTimer);
    this.wireTimer = null;
    this.wireFreeAt = 0;
  }

  dispose(): void {
    this.resetLink();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
