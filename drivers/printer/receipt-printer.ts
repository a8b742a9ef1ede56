import { EventEmitter } from 'node:events';
import type { PrinterConfig } from '../../domain/devices/config';
import type { PrintJobView } from '../../domain/devices/status';
import { ReceiptDocumentSchema, type ReceiptDocument } from '../../domain/receipt/document';
import type { Transport } from '../transport/transport';
import { type EncodeOptions, encodeReceipt } from './layout';
import { EscPosPrinter, type PrinterLiveStatus, type Timers } from './printer';
import { type Ids, PrintQueue } from './queue';
import { type SlipOptions, type ValidationImprint, printValidation } from './slip';
import { PrinterError } from './status';

/**
 * The printer feature as the core sees it: print a ReceiptDocument (queued, retryable), validate a slip, live
 * status. Events: `status` (PrinterLiveStatus), `job` (PrintJobView).
 */
export class ReceiptPrinter extends EventEmitter {
  readonly device: EscPosPrinter;
  readonly queue: PrintQueue;
  readonly encode: EncodeOptions;

  constructor(transport: Transport, readonly config: PrinterConfig, ids: Ids, timers?: Timers) {
    super();
    this.encode = {
      paper: config.paperWidth,
      model: config.model,
      ...(config.cp858Number !== undefined ? { cp858Number: config.cp858Number } : {}),
    };
    this.device = new EscPosPrinter(transport, { heartbeatMs: config.heartbeatMs, ...(timers ? { timers } : {}) });
    this.queue = new PrintQueue(this.device, ids);
    this.device.on('status', (s: PrinterLiveStatus) => this.emit('status', s));
    this.device.on('disconnected', () => this.emit('disconnected'));
    this.queue.on('job', (j: PrintJobView) => this.emit('job', j));
  }

  get status(): PrinterLiveStatus {
    return this.device.current;
  }

  start(): Promise<void> {
    return this.device.start();
  }

  stop(): Promise<void> {
    return this.device.stop();
  }

  /** Validates the document at the boundary, lays it out and queues it. */
  print(document: ReceiptDocument): PrintJobView {
    const doc = ReceiptDocumentSchema.parse(document);
    return this.queue.submit(doc.sequence, encodeReceipt(doc, this.encode));
  }

  retry(jobId: string): PrintJobView | undefined {
    return this.queue.retry(jobId);
  }

  async validate(imprint: ValidationImprint, options: SlipOptions = {}): Promise<void> {
    if (!this.config.slip) throw new PrinterError('PRINTER_NO_SLIP');
    // Slip work waits for the receipt queue so the two stations never interleave bytes.
    await this.queue.idle();
    await printValidation(this.device, imprint, this.encode, options);
  }
}
