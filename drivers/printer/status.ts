import type { PrinterProblem, PrinterStatus } from '../../domain/devices/status';

export type { PrinterProblem };

/** Parses the four DLE EOT 1..4 replies (hardware.md §1.2 table). */
export const parseRealtimeStatus = (r1: number, r2: number, r3: number, r4: number): PrinterStatus => ({
  online: (r1 & 0x08) === 0,
  coverOpen: (r2 & 0x04) !== 0,
  paperOut: (r2 & 0x20) !== 0 || (r4 & 0x60) === 0x60,
  paperNearEnd: (r4 & 0x0c) === 0x0c,
  error: (r2 & 0x40) !== 0 || (r3 & 0x6c) !== 0,
});

/** Parses a GS r 1 (paper sensor) reply. */
export const parsePaperSensor = (byte: number): Pick<PrinterStatus, 'paperNearEnd' | 'paperOut'> => ({
  paperNearEnd: (byte & 0x03) !== 0,
  paperOut: (byte & 0x0c) !== 0,
});

export interface SlipSensor {
  selected: boolean;
  waitingInsertion: boolean;
  /** Paper under the top-of-form or bottom-of-form sensor. */
  paperPresent: boolean;
}

/** Parses DLE EOT 5 (slip): b2 not selected, b3 waiting for insertion, b5 TOF no paper, b6 BOF no paper. */
export const parseSlipStatus = (byte: number): SlipSensor => ({
  selected: (byte & 0x04) === 0,
  waitingInsertion: (byte & 0x08) !== 0,
  paperPresent: (byte & 0x60) !== 0x60,
});


export const PRINTER_MESSAGES: Record<PrinterProblem | 'PRINTER_PAPER_NEAR_END' | 'PRINTER_TIMEOUT' | 'PRINTER_SLIP_TIMEOUT' | 'PRINTER_NO_SLIP' | 'PRINTER_CANCELLED', string> = {
  PRINTER_DISCONNECTED: 'Impresora desconectada: revise el cable y que esté encendida; se reconectará sola.',
  PRINTER_NO_RESPONSE: 'La impresora no responde: apáguela y enciéndala, y pulse Reintentar.',
  PRINTER_COVER_OPEN: 'Tapa de la impresora abierta: ciérrela y pulse Reintentar.',
  PRINTER_PAPER_OUT: 'Impresora sin papel: cambie el rollo y pulse Reintentar.',
  PRINTER_OFFLINE: 'Impresora fuera de línea: revise que no tenga la tapa abierta ni falte papel y pulse Reintentar.',
  PRINTER_ERROR: 'Error en la impresora (cortador o mecanismo): apáguela, retire el papel atascado, enciéndala y pulse Reintentar.',
  PRINTER_PAPER_NEAR_END: 'Papel por acabarse: tenga un rollo a la mano.',
  PRINTER_TIMEOUT: 'La impresión no terminó a tiempo: revise la impresora y pulse Reintentar.',
  PRINTER_SLIP_TIMEOUT: 'No se insertó el comprobante a tiempo: insértelo en la ranura de validación y pulse Reintentar.',
  PRINTER_NO_SLIP: 'Esta impresora no tiene estación de validación: use la impresora de validación configurada.',
  PRINTER_CANCELLED: 'Impresión cancelada.',
};

/** The one problem to show for a status, most urgent first; null when the printer can print. */
export const problemOf = (s: PrinterStatus): PrinterProblem | null => {
  if (s.coverOpen) return 'PRINTER_COVER_OPEN';
  if (s.paperOut) return 'PRINTER_PAPER_OUT';
  if (s.error) return 'PRINTER_ERROR';
  if (!s.online) return 'PRINTER_OFFLINE';
  return null;
};

export type PrinterErrorCode = keyof typeof PRINTER_MESSAGES;

/** Typed printer failure with the teller-facing Spanish message. */
export class PrinterError extends Error {
  readonly code: PrinterErrorCode;
  /** The failure came after the job's bytes began to leave: the paper may be out, whole or in part. */
  mayHavePrinted = false;
  constructor(code: PrinterErrorCode, readonly detail?: string) {
    super(PRINTER_MESSAGES[code]);
    this.name = 'PrinterError';
    this.code = code;
  }

  static whilePrinting(err: PrinterError): PrinterError {
    const e = new PrinterError(err.code, err.detail);
    e.mayHavePrinted = true;
    return e;
  }
}
