import { useCallback, useEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../domain/contract/client';
import type { DevicePrintJob } from '../../domain/contract/devices';
import type { DeviceStatus, WorkstationStatus } from '../../domain/contract/status';
import { focusIsNowhere } from './focus-trap';
import { RetryButton } from './RetryButton';

/** The job an operation answered with: its id, and its state at that moment when the answer gave one. */
export interface PrintJobRef {
  jobId: string;
  state?: string;
}

type Shown = Pick<DevicePrintJob, 'state' | 'reason' | 'mayHavePrinted'> | { state: string; reason: null; mayHavePrinted: false };

/** A print cut while its bytes were leaving: the teller must look at the paper before handing anything over. */
export const MAY_HAVE_PRINTED =
  'Se cortó mientras imprimía: pudo haber salido, total o parcialmente. Revise el papel; Reintentar imprime otro marcado «REIMPRESIÓN».';

/** What a reprint says once sent, on every screen that offers one (journal, closed till): its PrintStatus follows it. */
export const copySentNotice = (document: string, copyNumber: number, what = ''): string =>
  `${document}: COPIA No. ${copyNumber}${what} enviada a la impresora`;

/** The paper and what is done with it once printed. */
const PAPERS = {
  'el recibo': 'Entregue el recibo al cliente.',
  'la constancia': 'Entregue la constancia al cliente.',
  'el reporte de fin de día': 'Firme el reporte y entréguelo al supervisor con el arqueo.',
  // A reversed comprobante's copy proves an operation that no longer stands: it is never handed over as a receipt.
  'la copia del comprobante reversado':
    'Es la copia de un comprobante reversado y sale marcada REVERSADO: no la entregue como recibo de la operación.',
} as const;
export type Paper = keyof typeof PAPERS;

/** Whether the printer can print now (a warning is a ready printer with something to say, e.g. papers left). */
export const printerReadyAmong = (devices: DeviceStatus[]): boolean =>
  devices.some((d) => (d.kind === 'receipt_printer' || d.kind === 'slip_printer') && (d.state === 'ok' || d.state === 'warning'));
const printerReady = (s: WorkstationStatus): boolean => printerReadyAmong(s.devices);

const says = (state: string, paper: Paper): string =>
  ({
    queued: 'Impresión: en cola para la impresora…',
    printing: 'Impresión: imprimiendo…',
    printed: `Impresión terminada. ${PAPERS[paper]}`,
    failed: `Impresión: ${paper} no se imprimió.`,
  })[state] ?? `Impresión: ${state}`;

/**
 * The receipt's own print job, followed until it printed or failed: the posting answers while the paper is
 * still queued, and a teller who hands over no receipt must know at this screen, not later at Dispositivos.
 * Every job change pushes `status.changed`, so the job is reread then instead of polled.
 */
export const PrintStatus = ({
  teller,
  job,
  paper = 'el recibo',
  onPrinted,
}: {
  teller: TellerApi;
  job: PrintJobRef | null;
  paper?: Paper;
  /** Once the paper is out: a screen that offers copies of printed papers only (the journal) can offer this one. */
  onPrinted?: () => void;
}) => {
  const jobId = job?.jobId ?? null;
  const answered = job?.state ?? null;
  // What the operation's answer said, until the job is reread; nothing when it did not say.
  const fromAnswer = (): Shown | null => (jobId && answered ? { state: answered, reason: null, mayHavePrinted: false } : null);
  const [shown, setShown] = useState<Shown | null>(fromAnswer);
  const [busy, setBusy] = useState(false);
  // The failure's reason describes the printer as it was; once it is back, the next step is Reintentar.
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A late answer about a job no longer on screen must not overwrite the current one.
  const current = useRef(jobId);
  current.current = jobId;

  const reread = useCallback(async () => {
    if (!jobId) return;
    const r = await teller.devices.job({ jobId });
    if (r.ok && current.current === jobId) setShown(r.data.job);
  }, [teller, jobId]);

  useEffect(() => {
    // Another job on the same screen (a second return, another copy) starts over from its own answer.
    setShown(fromAnswer());
    setError(null);
    if (!jobId) return undefined;
    void reread();
    void teller.status.get({}).then((r) => r.ok && setReady(printerReady(r.data)));
    return teller.on('status.changed', (s) => {
      setReady(printerReady(s));
      void reread();
    });
  }, [teller, jobId, answered, reread]);

  // A failure takes the focus to Reintentar: the message says to press it, and the Enter the teller presses next
  // must not start the next operation (the posted screen's button) with the paper still owed.
  const failed = shown?.state === 'failed';
  const retryButton = useRef<HTMLButtonElement>(null);
  // What held the focus when the failure took it: the screen's next action ("Nueva operación", "Continuar"…).
  const before = useRef<Element | null>(null);
  // Again after a retry that failed too: the button, disabled while it ran, had lost the focus.
  useEffect(() => {
    if (!failed || busy) return;
    if (!focusIsNowhere() && document.activeElement !== retryButton.current) before.current = document.activeElement;
    retryButton.current?.focus();
  }, [failed, busy]);
  // A retry that went through takes Reintentar away and the focus with it to <body>, where no key reaches: it goes
  // back to the screen's next action, as after a first print. Focus the teller put elsewhere stays where it is.
  useEffect(() => {
    if (failed) return;
    const back = before.current;
    before.current = null;
    if (back instanceof HTMLElement && back.isConnected && focusIsNowhere()) back.focus();
  }, [failed]);

  const printedState = shown?.state === 'printed';
  const told = useRef<string | null>(null);
  useEffect(() => {
    if (!printedState || !jobId || told.current === jobId) return;
    told.current = jobId;
    onPrinted?.();
  }, [printedState, jobId, onPrinted]);

  if (!job || !shown) return null;

  const retry = async () => {
    setBusy(true);
    setError(null);
    const r = await teller.devices.retryJob({ jobId: job.jobId });
    setBusy(false);
    if (r.ok) setShown(r.data.job);
    else setError(r.error.message);
  };

  return (
    <div className={failed ? 'print-status print-failed' : 'print-status muted'} data-testid="print-status" data-state={shown.state} role={failed ? 'alert' : 'status'}>
      <p>
        {failed && shown.mayHavePrinted ? `Impresión: ${MAY_HAVE_PRINTED}` : says(shown.state, paper)}
        {failed && ready ? ' La impresora ya está lista: pulse Reintentar impresión.' : failed && shown.reason ? ` ${shown.reason.message}` : ''}
      </p>
      {failed ? (
        <RetryButton ref={retryButton} busy={busy} onRetry={() => void retry()}>
          Reintentar impresión
        </RetryButton>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
};
