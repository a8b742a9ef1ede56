import type { CedulaParseResult } from '../../../domain/devices/cedula-pdf417';
import type { Clock } from '../../core/runtime';

/** A scan older than this belongs to someone else; it is not offered to the next customer's flow. */
export const SCAN_FRESH_MS = 60_000;

export type ScanView = { ok: true; documentType: 'CC' | 'TI'; documentNumber: string; name: string } | { ok: false; message: string };

/**
 * Holds the last cédula the scanner read until the identification step takes it, once. Only what the flow needs
 * is kept (type, number, name); birth date, blood type and the rest of the barcode are dropped at once.
 */
export const createScanInbox = (clock: Clock) => {
  let last: { view: ScanView; at: number } | null = null;
  return {
    push: (r: CedulaParseResult): void => {
      const view: ScanView = r.ok
        ? {
            ok: true,
            documentType: r.value.documentType,
            documentNumber: r.value.documentNumber,
            name: [r.value.names, r.value.firstSurname, r.value.secondSurname].filter((s) => s !== '').join(' '),
          }
        : { ok: false, message: r.error.message };
      last = { view, at: clock.now().getTime() };
    },
    take: (): ScanView | null => {
      const l = last;
      last = null;
      return l && clock.now().getTime() - l.at <= SCAN_FRESH_MS ? l.view : null;
    },
  };
};
export type ScanInbox = ReturnType<typeof createScanInbox>;
