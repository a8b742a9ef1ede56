import type { Pesos } from '../../domain/money/pesos';
import { formatPesos } from '../../domain/money/pesos';
import { ESC, QUERY_SLIP, RELEASE_SLIP, type Station, selectStation } from './escpos';
import { encodeCp858 } from './codepages';
import { formatReceiptDateTime } from '../../domain/calendar/bogota-time';
import { CP858_NUMBER, type EncodeOptions } from './layout';
import type { EscPosPrinter } from './printer';
import { PrinterError, parseSlipStatus, problemOf } from './status';

/** What one validation imprint on the customer's CUT slip carries. */
export interface ValidationImprint {
  sequence: string;
  /** ISO date-time as posted at the branch. */
  postedAt: string;
  amount: Pesos;
  verificationCode: string;
}

export type SlipStage = 'select' | 'waitInsert' | 'print' | 'eject' | 'waitRemoval' | 'done';

/** Prompts the UI shows at each stage; the teller handles the paper, so every wait says what to do. */
export const SLIP_PROMPTS: Record<SlipStage, string> = {
  select: 'Preparando la estación de validación…',
  waitInsert: 'Inserte el comprobante en la ranura de validación.',
  print: 'Validando el comprobante…',
  eject: 'Liberando el comprobante…',
  waitRemoval: 'Retire el comprobante validado.',
  done: 'Comprobante validado.',
};

export interface SlipOptions {
  station?: Station;
  pollMs?: number;
  insertTimeoutMs?: number;
  removalTimeoutMs?: number;
  signal?: AbortSignal;
  onStage?: (stage: SlipStage, prompt: string) => void;
  /** Characters per slip line (TM-H6000 slip, 7×9 font: about 60 on a CUT form) [K: verify per model]. */
  columns?: number;
}

/** One line: `sequence  DD/MM/YYYY HH:mm:ss  $ 1.234.567  CODE`. */
export const validationLine = (v: ValidationImprint): string =>
  `${v.sequence} ${formatReceiptDateTime(v.postedAt)} ${formatPesos(v.amount)} ${v.verificationCode}`;

const sleep = (ms: number, signal?: AbortSignal): Promise<void> => new Promise((resolve, reject) => {
  if (signal?.aborted) { reject(new PrinterError('PRINTER_CANCELLED')); return; }
  const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
  const onAbort = (): void => { clearTimeout(t); reject(new PrinterError('PRINTER_CANCELLED')); };
  signal?.addEventListener('abort', onAbort, { once: true });
});

/**
 * Validation on a TM-H6000-class slip station: select → waitInsert → print → eject → waitRemoval → done
 * (hardware.md §1.3). Never blocks: every wait is a poll of DLE EOT 5 with a deadline and an abort signal.
 * The roll station is selected again whatever happens, so the next receipt does not go to the slip.
 */
export const printValidation = async (printer: EscPosPrinter, imprint: ValidationImprint, encode: EncodeOptions, o: SlipOptions = {}): Promise<void> => {
  const poll = o.pollMs ?? 200;
  const stage = (s: SlipStage): void => o.onStage?.(s, SLIP_PROMPTS[s]);
  const waitFor = async (check: (byte: number) => boolean, timeoutMs: number): Promise<void> => {
    const end = performance.now() + timeoutMs;
    for (;;) {
      const [byte] = await printer.realtimeQuery(QUERY_SLIP, 1);
      if (byte !== undefined && check(byte)) return;
      if (performance.now() > end) throw new PrinterError('PRINTER_SLIP_TIMEOUT');
      await sleep(poll, o.signal);
    }
  };
  // Cover open, offline or no roll: the slip would wait for a printer that cannot print, until a timeout that says
  // nothing of why. Asked first, as a receipt print does, so the teller reads the printer's own reason.
  const problem = problemOf(await printer.queryStatus());
  if (problem) throw new PrinterError(problem);
  try {
    stage('select');
    await printer.writeAndWait(selectStation(o.station ?? 'slip'));
    stage('waitInsert');
    await waitFor((b) => { const s = parseSlipStatus(b); return s.selected && !s.waitingInsertion && s.paperPresent; }, o.insertTimeoutMs ?? 60_000);
    stage('print');
    // The encoder only knows roll widths (32–48 columns); the slip line is built by hand, CP858 selected explicitly.
    const text = validationLine(imprint).slice(0, o.columns ?? 60);
    const line = Uint8Array.from([ESC, 0x74, encode.cp858Number ?? CP858_NUMBER[encode.model], ...encodeCp858(text), 0x0a]);
    await printer.writeAndWait(line);
    stage('eject');
    await printer.writeAndWait(RELEASE_SLIP);
    stage('waitRemoval');
    await waitFor((b) => !parseSlipStatus(b).paperPresent, o.removalTimeoutMs ?? 60_000);
    stage('done');
  } finally {
    if (printer.transport.isOpen) await printer.write(selectStation('roll')).catch(() => undefined);
  }
};
