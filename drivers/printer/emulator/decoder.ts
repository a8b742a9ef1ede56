import { type CodePageName, decodeByte } from '../codepages';

/** What the print stage does with one decoded command. */
export type DecodedEvent =
  | { kind: 'line'; text: string }
  | { kind: 'cut' }
  | { kind: 'queued-status'; n: number }
  | { kind: 'select-station'; mask: number }
  | { kind: 'release-slip' }
  | { kind: 'form-feed' }
  | { kind: 'init' }
  | { kind: 'unknown'; byte: number };

/**
 * Print-stage ESC/POS decoder: consumes complete commands from a byte buffer and turns them into text lines, cuts
 * and queued replies. Incomplete commands wait for more bytes; unknown bytes are skipped one at a time so garbage
 * can never wedge the emulator. Real-time commands (DLE EOT/ENQ/DC4) are removed before bytes reach this stage.
 */
export class EscPosDecoder {
  private buf: number[] = [];
  private line = '';
  codePage: CodePageName = 'cp858';

  constructor(private readonly pageFor: (n: number) => CodePageName) {}

  get pending(): number {
    return this.buf.length;
  }

  /** Whether the next byte puts ink on paper (text, LF, FF), as opposed to a command. */
  nextIsPrintData(): boolean {
    const b = this.buf[0];
    return b !== undefined && ((b >= 0x20 && b !== 0x7f) || b === 0x0a || b === 0x0c);
  }

  push(bytes: Uint8Array): void {
    for (const b of bytes) this.buf.push(b);
  }

  /** Drops everything not yet printed (DLE DC4 8 / DLE ENQ 2). Returns the unfinished line, if any. */
  clear(): string {
    this.buf = [];
    const rest = this.line;
    this.line = '';
    return rest;
  }

  /** Decodes one command; null when the buffer is empty or holds an incomplete command. */
  next(): DecodedEvent | null | 'continue' {
    const b = this.buf;
    const b0 = b[0];
    if (b0 === undefined) return null;
    const need = (n: number): boolean => b.length >= n;
    const take = (n: number): void => { b.splice(0, n); };
    if (b0 >= 0x20 && b0 !== 0x7f) {
      this.line += decodeByte(b0, this.codePage);
      take(1);
      return 'continue';
    }
    switch (b0) {
      case 0x0a: {
        take(1);
        const text = this.line.trimEnd();
        this.line = '';
        return { kind: 'line', text };
      }
      case 0x0d:
      case 0x09:
        take(1);
        return 'continue';
      case 0x0c:
        take(1);
        return { kind: 'form-feed' };
      case 0x1b:
        return this.esc(need, take);
      case 0x1d:
        return this.gs(need, take);
      case 0x1c: {
        if (!need(2)) return null;
        const c = b[1] ?? 0;
        const params: Record<number, number> = { 0x2e: 0, 0x26: 0, 0x43: 1, 0x70: 2, 0x21: 1, 0x2d: 1 };
        const n = params[c];
        if (n === undefined) { take(1); return { kind: 'unknown', byte: b0 }; }
        if (!need(2 + n)) return null;
        take(2 + n);
        return 'continue';
      }
      default:
        take(1);
        return { kind: 'unknown', byte: b0 };
    }
  }

  private esc(need: (n: number) => boolean, take: (n: number) => void): DecodedEvent | null | 'continue' {
    const b = this.buf;
    if (!need(2)) return null;
    const c = b[1] ?? 0;
    switch (c) {
      case 0x40: // ESC @
        take(2);
        this.codePage = this.pageFor(0);
        return { kind: 'init' };
      case 0x74: // ESC t n
        if (!need(3)) return null;
        this.codePage = this.pageFor(b[2] ?? 0);
        take(3);
        return 'continue';
      case 0x64: { // ESC d n: feed n lines
        if (!need(3)) return null;
        const n = b[2] ?? 0;
        take(3);
        if (n > 0) this.buf.unshift(...new Array<number>(n).fill(0x0a));
        return 'continue';
      }
      case 0x63: { // ESC c x n
        if (!need(4)) return null;
        const sub = b[2] ?? 0;
        const n = b[3] ?? 0;
        take(4);
        return sub === 0x30 ? { kind: 'select-station', mask: n } : 'continue';
      }
      case 0x71: // ESC q: release slip
        take(2);
        return { kind: 'release-slip' };
      case 0x70: // ESC p m t1 t2: drawer
        if (!need(5)) return null;
        take(5);
        return 'continue';
      case 0x32: case 0x3c: case 0x69: case 0x6d: case 0x0c:
        take(2);
        return 'continue';
      case 0x21: case 0x2d: case 0x33: case 0x34: case 0x45: case 0x47: case 0x4a: case 0x4d: case 0x52: case 0x53:
      case 0x54: case 0x56: case 0x61: case 0x72: case 0x7b: case 0x20: case 0x55: case 0x4c: case 0x65:
        if (!need(3)) return null;
        take(3);
        return 'continue';
      default:
        take(1);
        return { kind: 'unknown', byte: 0x1b };
    }
  }

  private gs(need: (n: number) => boolean, take: (n: number) => void): DecodedEvent | null | 'continue' {
    const b = this.buf;
    if (!need(2)) return null;
    const c = b[1] ?? 0;
    switch (c) {
      case 0x56: { // GS V m [n]
        if (!need(3)) return null;
        const m = b[2] ?? 0;
        const len = m >= 0x41 ? 4 : 3;
        if (!need(len)) return null;
        take(len);
        return { kind: 'cut' };
      }
      case 0x72: { // GS r n
        if (!need(3)) return null;
        const n = b[2] ?? 0;
        take(3);
        return { kind: 'queued-status', n };
      }
      case 0x28: { // GS ( fn pL pH data
        if (!need(5)) return null;
        const len = (b[3] ?? 0) + (b[4] ?? 0) * 256;
        if (!need(5 + len)) return null;
        take(5 + len);
        return 'continue';
      }
      case 0x76: { // GS v 0 m xL xH yL yH data (raster)
        if (!need(8)) return null;
        const len = ((b[4] ?? 0) + (b[5] ?? 0) * 256) * ((b[6] ?? 0) + (b[7] ?? 0) * 256);
        if (!need(8 + len)) return null;
        take(8 + len);
        return 'continue';
      }
      case 0x6b: { // GS k m ...
        if (!need(3)) return null;
        const m = b[2] ?? 0;
        if (m <= 6) {
          const end = b.indexOf(0, 3);
          if (end < 0) return null;
          take(end + 1);
        } else {
          if (!need(4)) return null;
          const len = b[3] ?? 0;
          if (!need(4 + len)) return null;
          take(4 + len);
        }
        return 'continue';
      }
      case 0x4c: case 0x57: case 0x50:
        if (!need(4)) return null;
        take(4);
        return 'continue';
      case 0x21: case 0x42: case 0x62: case 0x68: case 0x77: case 0x48: case 0x66: case 0x61: case 0x49:
        if (!need(3)) return null;
        take(3);
        return 'continue';
      default:
        take(1);
        return { kind: 'unknown', byte: 0x1d };
    }
  }
}
