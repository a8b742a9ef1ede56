import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DevicePrintJob } from '../../../domain/contract/devices';
import type { DeviceStatus } from '../../../domain/contract/status';
import { PRINTER_PROBLEMS, type PrinterProblem } from '../../../domain/devices/status';
import { failedJobWording, PRINTER_READY_NOW, retrySays, testPrintSays } from './failed-job';

// As the core words them (drivers/printer/status.ts): a failure and the printer's status share the message.
const PAPER_OUT = 'Impresora sin papel: cambie el rollo y pulse Reintentar.';
const COVER_OPEN = 'Tapa de la impresora abierta: ciérrela y pulse Reintentar.';
const INTERRUPTED = 'La impresión se interrumpió (Caja o la impresora se reinició): revise el papel y pulse Reintentar.';

const printer = (state: DeviceStatus['state'], message: string, problem: PrinterProblem | null = null): DeviceStatus => ({
  id: 'printer',
  kind: 'receipt_printer',
  label: 'Impresora',
  state,
  message,
  problem,
  emulated: true,
});

describe('what a failed print row says against the printer as it is now', () => {
  it('while the printer still has the problem that made it fail: that problem with what to do, once', () => {
    expect(failedJobWording({ code: 'PRINTER_PAPER_OUT', message: PAPER_OUT }, printer('error', PAPER_OUT, 'PRINTER_PAPER_OUT'))).toEqual({ was: null, cause: PAPER_OUT, now: null });
  });

  it('failed without paper, now with the cover open: the old cause as history, what the printer has now and what to do', () => {
    expect(failedJobWording({ code: 'PRINTER_PAPER_OUT', message: PAPER_OUT }, printer('error', COVER_OPEN, 'PRINTER_COVER_OPEN'))).toEqual({
      was: 'sin papel',
      cause: null,
      now: { text: `Ahora: ${COVER_OPEN}`, ready: false },
    });
  });

  it('the printer ready again: the cause as history and Reintentar as the next step', () => {
    expect(failedJobWording({ code: 'PRINTER_COVER_OPEN', message: COVER_OPEN }, printer('ok', 'Impresora lista.'))).toEqual({
      was: 'tapa abierta',
      cause: null,
      now: { text: PRINTER_READY_NOW, ready: true },
    });
  });

  it('a failure that was not the printer condition keeps its full message, which still says what to check', () => {
    const reason = { code: 'PRINT_INTERRUPTED', message: INTERRUPTED };
    expect(failedJobWording(reason, printer('warning', 'Hay 1 documento sin imprimir: pulse Reintentar en Dispositivos (F9).'))).toEqual({
      was: null,
      cause: INTERRUPTED,
      now: { text: PRINTER_READY_NOW, ready: true },
    });
    expect(failedJobWording(reason, printer('error', PAPER_OUT, 'PRINTER_PAPER_OUT')).now).toEqual({ text: `Ahora: ${PAPER_OUT}`, ready: false });
  });

  it('a printer still connecting is said to be so, not as its placeholder', () => {
    expect(failedJobWording({ code: 'PRINTER_PAPER_OUT', message: PAPER_OUT }, printer('unknown', 'Conectando…')).now?.text).toBe(
      'Ahora: la impresora se está conectando; espere a que esté lista y pulse Reintentar.',
    );
  });

  it('the same problem is the same by its code, though the job kept the wording of an older version', () => {
    const older = 'Impresora sin papel: cambie el rollo.';
    expect(failedJobWording({ code: 'PRINTER_PAPER_OUT', message: older }, printer('error', PAPER_OUT, 'PRINTER_PAPER_OUT'))).toEqual({
      was: null,
      cause: PAPER_OUT,
      now: null,
    });
  });

  it('another problem worded alike is another problem: the old cause as history and what the printer has now', () => {
    const offline = printer('offline', PAPER_OUT, 'PRINTER_OFFLINE');
    expect(failedJobWording({ code: 'PRINTER_PAPER_OUT', message: PAPER_OUT }, offline)).toEqual({
      was: 'sin papel',
      cause: null,
      now: { text: `Ahora: ${PAPER_OUT}`, ready: false },
    });
  });

  it('never a stale instruction: whatever the cause and the printer, the row either says the current problem or the printer now', () => {
    const states = fc.constantFrom<DeviceStatus['state']>('ok', 'warning', 'error', 'offline', 'unknown');
    const codes = fc.constantFrom(...PRINTER_PROBLEMS, 'PRINT_INTERRUPTED', 'PRINTER_SLIP_TIMEOUT');
    const messages = fc.constantFrom(PAPER_OUT, COVER_OPEN, INTERRUPTED, 'Impresora desconectada: revise el cable.');
    // Code and wording drawn apart: a message may be shared by two problems or reworded while the problem stays.
    const problems = fc.constantFrom<PrinterProblem | null>(...PRINTER_PROBLEMS, null);
    fc.assert(
      fc.property(codes, messages, states, messages, problems, (code, message, state, now, problem) => {
        const w = failedJobWording({ code, message }, printer(state, now, problem));
        const condition = (PRINTER_PROBLEMS as readonly string[]).includes(code);
        const current = state !== 'ok' && state !== 'warning' && problem === code;
        // A printer condition is shown as the cause only while it is the printer's current one, in today's words.
        if (condition && w.cause !== null) expect([current, w.cause]).toEqual([true, now]);
        // Something is said about the printer now unless the cause shown is exactly it.
        expect(w.now === null).toBe(current);
        expect(w.was !== null).toBe(condition && !current);
      }),
    );
  });
});

describe('the status line after Prueba de impresión or Reintentar', () => {
  const job = (state: DevicePrintJob['state'], reason: DevicePrintJob['reason'] = null): DevicePrintJob => ({
    jobId: 'j1',
    reference: 'PRUEBA-1',
    sequence: 'PRUEBA-1',
    kind: 'test',
    copyNumber: 0,
    state,
    attempts: 1,
    reason,
    mayHavePrinted: false,
    createdAt: '2026-12-06T15:00:00.000Z',
    updatedAt: '2026-12-06T15:00:00.000Z',
  });

  it('follows the page until it is out, or says why not and what to do, as the printer is now', () => {
    const ok = printer('ok', 'Impresora lista.');
    expect(testPrintSays(job('queued'), ok)).toBe('Prueba de impresión: imprimiendo…');
    expect(testPrintSays(job('printed'), ok)).toBe('Prueba de impresión: impresa.');
    const noPaper = job('failed', { code: 'PRINTER_PAPER_OUT', message: PAPER_OUT });
    expect(testPrintSays(noPaper, printer('error', PAPER_OUT, 'PRINTER_PAPER_OUT'))).toBe(`Prueba de impresión: no se imprimió. ${PAPER_OUT}`);
    expect(testPrintSays(noPaper, printer('error', COVER_OPEN, 'PRINTER_COVER_OPEN'))).toBe(`Prueba de impresión: no se imprimió (sin papel). Ahora: ${COVER_OPEN}`);
    expect(testPrintSays(noPaper, ok)).toBe(`Prueba de impresión: no se imprimió (sin papel). ${PRINTER_READY_NOW}`);
  });

  it('after Reintentar, follows the document by its name until it is out or failed again, with the new reason', () => {
    const receipt = { ...job('queued'), reference: '001-03-000124', kind: 'receipt' as const };
    expect(retrySays('001-03-000124', undefined, printer('ok', 'Impresora lista.'))).toBe('001-03-000124: imprimiendo…');
    expect(retrySays('001-03-000124', { ...receipt, state: 'printed' }, printer('ok', 'Impresora lista.'))).toBe('001-03-000124: se imprimió.');
    const again = { ...receipt, state: 'failed' as const, reason: { code: 'PRINTER_COVER_OPEN', message: COVER_OPEN } };
    expect(retrySays('001-03-000124', again, printer('error', COVER_OPEN, 'PRINTER_COVER_OPEN'))).toBe(`001-03-000124: no se imprimió. ${COVER_OPEN}`);
  });
});
