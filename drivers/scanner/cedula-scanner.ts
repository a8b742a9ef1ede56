import { EventEmitter } from 'node:events';
import { type CedulaParseResult, parseCedulaPdf417 } from '../../domain/devices/cedula-pdf417';
import type { Transport } from '../transport/transport';
import { ReportAssembler } from './hid-pos';

export interface ScannerLiveStatus {
  connected: boolean;
  problem: 'SCANNER_DISCONNECTED' | null;
}

export const SCANNER_MESSAGES = {
  SCANNER_DISCONNECTED: 'Lector de cédula desconectado: revise el cable; puede digitar los datos mientras tanto.',
} as const;

/** A continuation that never completes is abandoned after this long, so the next scan starts clean. */
const ASSEMBLY_TIMEOUT_MS = 1000;

/**
 * Reads the cédula's PDF417 from a HID POS scanner. Events: `cedula` (CedulaParseResult — personal data, for the
 * caller only; never logged), `status` (ScannerLiveStatus), `disconnected`.
 */
export class CedulaScanner extends EventEmitter {
  private readonly assembler = new ReportAssembler();
  private live: ScannerLiveStatus = { connected: false, problem: 'SCANNER_DISCONNECTED' };
  private unsubscribe: (() => void)[] = [];
  private stale: NodeJS.Timeout | null = null;

  constructor(private readonly transport: Transport) {
    super();
  }

  get status(): ScannerLiveStatus {
    return this.live;
  }

  private update(next: ScannerLiveStatus): void {
    if (JSON.stringify(next) === JSON.stringify(this.live)) return;
    this.live = next;
    this.emit('status', next);
  }

  async start(): Promise<void> {
    await this.transport.open();
    this.unsubscribe = [
      this.transport.onData((r) => this.onReport(r)),
      this.transport.onClose(() => {
        this.detach();
        this.update({ connected: false, problem: 'SCANNER_DISCONNECTED' });
        this.emit('disconnected');
      }),
    ];
    this.update({ connected: true, problem: null });
  }

  async stop(): Promise<void> {
    this.detach();
    await this.transport.close();
    this.update({ connected: false, problem: 'SCANNER_DISCONNECTED' });
  }

  private detach(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    if (this.stale) clearTimeout(this.stale);
    this.stale = null;
    this.assembler.reset();
  }

  private onReport(report: Uint8Array): void {
    if (this.stale) clearTimeout(this.stale);
    const code = this.assembler.push(report);
    if (!code) {
      this.stale = setTimeout(() => this.assembler.reset(), ASSEMBLY_TIMEOUT_MS);
      return;
    }
    this.stale = null;
    const result: CedulaParseResult = parseCedulaPdf417(code.data);
    this.emit('cedula', result);
  }
}
