import { EventEmitter } from 'node:events';
import type { PrintJobState, PrintJobView } from '../../domain/devices/status';
import { PrinterError } from './status';

export interface Ids { uuid(): string }

interface Job {
  id: string;
  sequence: string;
  payload: Uint8Array;
  state: PrintJobState;
  attempts: number;
  reason?: { code: string; message: string; mayHavePrinted?: boolean };
}

/** The sink a queue prints to (EscPosPrinter.printBytes in production, a stub in unit tests). */
export interface PrintSink { printBytes(bytes: Uint8Array): Promise<void> }

const KEEP_FINISHED = 50;

/**
 * Serial job queue: `queued → printing → printed | failed(reason)`; `retry` puts a failed job back in the queue.
 * Emits `job` (PrintJobView) on every state change. One job prints at a time, in submission order.
 */
export class PrintQueue extends EventEmitter {
  private readonly jobs = new Map<string, Job>();
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly sink: PrintSink, private readonly ids: Ids) {
    super();
  }

  private view(j: Job): PrintJobView {
    return { id: j.id, state: j.state, sequence: j.sequence, attempts: j.attempts, ...(j.reason ? { reason: j.reason } : {}) };
  }

  private set(j: Job, state: PrintJobState, reason?: Job['reason']): void {
    j.state = state;
    if (reason) j.reason = reason; else delete j.reason;
    this.emit('job', this.view(j));
  }

  submit(sequence: string, payload: Uint8Array): PrintJobView {
    const job: Job = { id: this.ids.uuid(), sequence, payload, state: 'queued', attempts: 0 };
    this.jobs.set(job.id, job);
    this.emit('job', this.view(job));
    this.prune();
    const view = this.view(job);
    void this.run();
    return view;
  }

  /** Re-queues a failed job ("Reintentar"); anything else is returned unchanged. */
  retry(id: string): PrintJobView | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (job.state !== 'failed') return this.view(job);
    this.set(job, 'queued');
    const view = this.view(job);
    void this.run();
    return view;
  }

  get(id: string): PrintJobView | undefined {
    const j = this.jobs.get(id);
    return j ? this.view(j) : undefined;
  }

  list(): PrintJobView[] {
    return [...this.jobs.values()].map((j) => this.view(j));
  }

  /** Resolves when nothing is queued or printing. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const job = [...this.jobs.values()].find((j) => j.state === 'queued');
        if (!job) break;
        job.attempts++;
        this.set(job, 'printing');
        try {
          await this.sink.printBytes(job.payload);
          this.set(job, 'printed');
        } catch (err) {
          const reason = err instanceof PrinterError
            ? { code: err.code, message: err.message, ...(err.mayHavePrinted ? { mayHavePrinted: true } : {}) }
            : { code: 'PRINTER_ERROR', message: new PrinterError('PRINTER_ERROR').message };
          this.set(job, 'failed', reason);
        }
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state === 'printed');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.id);
  }
}
