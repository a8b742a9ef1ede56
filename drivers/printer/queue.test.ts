import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PrintJobView } from '../../domain/devices/status';
import { counterIds } from '../testing/fixtures';
import { PrintQueue } from './queue';
import { PrinterError } from './status';

describe('print job queue state machine', () => {
  it('every job walks queued → printing → printed|failed; retry only re-queues failed jobs (property)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), async (outcomes) => {
      const plan = [...outcomes];
      const printedOrder: number[] = [];
      const queue = new PrintQueue({
        printBytes: async (b) => {
          await Promise.resolve();
          if (plan.shift() === false) throw new PrinterError('PRINTER_PAPER_OUT');
          printedOrder.push(b[0] ?? -1);
        },
      }, counterIds());
      const events: PrintJobView[] = [];
      queue.on('job', (j: PrintJobView) => events.push(j));
      const jobs = outcomes.map((_, i) => queue.submit(`seq-${i}`, Uint8Array.of(i)));
      await queue.idle();
      // submission order is printing order
      expect(printedOrder).toEqual([...printedOrder].sort((a, b) => a - b));
      for (const [i, job] of jobs.entries()) {
        const states = events.filter((e) => e.id === job.id).map((e) => e.state);
        expect(states).toEqual(['queued', 'printing', outcomes[i] ? 'printed' : 'failed']);
        const final = queue.get(job.id);
        if (!outcomes[i]) expect(final?.reason).toEqual({ code: 'PRINTER_PAPER_OUT', message: 'Impresora sin papel: cambie el rollo y pulse Reintentar.' });
      }
      // retry: failed jobs print now (plan is empty → success); printed jobs are untouched
      for (const job of jobs) {
        const before = queue.get(job.id)?.state;
        const after = queue.retry(job.id);
        expect(after?.state).toBe(before === 'failed' ? 'queued' : before);
      }
      await queue.idle();
      expect(queue.list().every((j) => j.state === 'printed')).toBe(true);
      expect(queue.list().filter((j) => j.attempts === 2)).toHaveLength(outcomes.filter((o) => !o).length);
    }), { numRuns: 50 });
  });
});
