import { useEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { ErrorBanner } from '../../components/ErrorBanner';
import { copySentNotice, PrintStatus, type PrintJobRef } from '../../components/PrintStatus';
import { approvedBySupervisor } from '../../components/supervisor-decision';
import type { HeldKeys } from '../../components/useHeldKeys';
import { SupervisorApproval } from '../supervisor/SupervisorApproval';
import { ReceiptView } from './ReceiptView';

/** The contract's bound on the reopening's reason (till.requestReopen): what is held for its field keeps as much. */
export const REOPEN_REASON_MAX = 300;

/** The last closed till: its report, and a supervised reopening (a new session; the closed one is never edited). */
/** `onReopened`'s line says who approved it when nobody typed here (a desk elsewhere decided): Inicio shows it. */
export const ClosedTillPanel = ({
  teller,
  reason,
  onReopened,
  onCancel,
}: {
  teller: TellerApi;
  /** Keys held for the reason field until the closed till is read (CloseTill holds them from Continuar on). */
  reason: HeldKeys;
  onReopened: (line: string | null) => void;
  onCancel: () => void;
}) => {
  const [last, setLast] = useState<{ report: ReceiptDocument | null; reopenable: boolean } | null>(null);
  const [reasonText, setReasonText] = useState('');
  const [approvalId, setApprovalId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // undefined while unknown; null when the report never reached the printer.
  const [printJob, setPrintJob] = useState<PrintJobRef | null | undefined>(undefined);
  // What "Imprimir de nuevo" sent, said as the journal's reprint says it: without it the status below reads as the
  // original's "Impresión terminada" and the teller cannot tell the copy went out.
  const [sent, setSent] = useState<string | null>(null);
  const key = useRef(crypto.randomUUID());
  useEffect(() => {
    // Typed before the closed till is read (the reason field shows only then), here or since Continuar on the close
    // report: the teller types the reason at once, and under load those keys went nowhere. Held, given to the field.
    reason.hold();
    void teller.till.lastReport({}).then(async (r) => {
      const held = reason.take();
      if (!r.ok) return setError(r.error.message);
      setLast(r.data);
      if (r.data.reopenable && held?.text) {
        setReasonText(held.text);
        if (held.end === 'Enter') void ask(held.text);
      }
      if (!r.data.report) return;
      // The close answers before the paper is out: the report's original job says whether it printed.
      const jobs = await teller.devices.jobs({ reference: r.data.report.sequence });
      const original = jobs.ok ? jobs.data.jobs.find((j) => j.copyNumber === 0) : undefined;
      setPrintJob(original ? { jobId: original.jobId, state: original.state } : null);
    });
  }, [teller, reason]);
  const printAgain = async () => {
    const r = await teller.till.printReport({});
    if (r.ok) {
      setPrintJob(r.data.printJob);
      const seq = last?.report?.sequence ?? '';
      setSent(r.data.copyNumber > 0 ? `${copySentNotice(seq, r.data.copyNumber)}.` : `${seq}: reporte enviado a la impresora.`);
      setError(null);
    } else setError(r.error.message);
  };
  const ask = async (why = reasonText) => {
    const r = await teller.till.requestReopen({ reason: why });
    if (!r.ok) return setError(r.error.message);
    // Already approved (on the supervisor's desk): reopen at once rather than ask the supervisor again, and say by whom.
    if (r.data.status === 'aprobada') {
      const d = await teller.supervisor.request({ id: r.data.approvalId });
      return reopen(r.data.approvalId, d.ok ? d.data.checkerName : null);
    }
    setApprovalId(r.data.approvalId);
  };
  // Rejected (or lapsed), here or at a desk elsewhere: the reason field comes back, with the focus, for a new request.
  const refused = (status: string, note: string | null, by: string | null) => {
    setApprovalId(null);
    setError(`Reapertura ${status}${by ? ` por ${by}` : ''}${note ? `: ${note}` : ''}. Puede solicitarla de nuevo.`);
  };
  const reopen = async (id: string, atDesk: string | null = null) => {
    const r = await teller.till.reopen({ idempotencyKey: key.current, approvalId: id });
    if (r.ok) onReopened(atDesk === null ? null : `Caja reabierta. ${approvedBySupervisor(atDesk, true)}.`);
    else setError(r.error.message);
  };
  return (
    <main className="screen" aria-labelledby="closed-title">
      <h1 id="closed-title">Caja cerrada</h1>
      {last?.report ? (
        <ReceiptView doc={last.report} testId="close-report" />
      ) : last?.reopenable ? (
        // A workstation reinstalled the same day: the close is central's, its paper stayed at the old machine.
        <p className="hint" data-testid="closed-at-central">
          Central tiene el cierre de hoy de esta caja: su reporte quedó en el equipo donde se cerró.
        </p>
      ) : (
        <p className="hint">No hay una caja cerrada hoy en esta estación.</p>
      )}
      {sent ? (
        <p className="notice" role="status">
          {sent}
        </p>
      ) : null}
      {last?.report && printJob ? <PrintStatus teller={teller} job={printJob} paper="el reporte de fin de día" /> : null}
      {last?.report && printJob === null ? (
        <p className="field-error" role="alert">
          El reporte no llegó a la impresora. Queda guardado aquí: pulse Imprimir de nuevo.
        </p>
      ) : null}
      {last?.report ? (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void printAgain()}>
            Imprimir de nuevo
          </button>
        </div>
      ) : null}
      {last?.reopenable && !approvalId ? (
        <section className="panel">
          <h2>Reabrir la caja</h2>
          <p className="hint">La reapertura necesita un supervisor y abre una sesión nueva con el saldo del cierre.</p>
          <div className="field">
            <label htmlFor="reopen-reason">Motivo de la reapertura</label>
            {/* The reopening is what this panel is for: the teller arriving from the report (or F6) types its reason at once. */}
            <input
              id="reopen-reason"
              autoFocus
              value={reasonText}
              onChange={(e) => setReasonText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void ask();
              }}
            />
          </div>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void ask()}>
              Solicitar reapertura
            </button>
          </div>
        </section>
      ) : null}
      {approvalId ? <SupervisorApproval teller={teller} requestId={approvalId} source="caja" onDecided={(s, note, by) => (s === 'aprobada' ? void reopen(approvalId, by ?? null) : refused(s, note, by ?? null))} /> : null}
      <ErrorBanner message={error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Volver <kbd>Esc</kbd>
        </button>
      </div>
    </main>
  );
};
