import { useEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import { REVERSAL_REASONS } from '../../../domain/contract/reversal';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { formatPesos } from '../../../domain/money/pesos';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PrintStatus, type PrintJobRef } from '../../components/PrintStatus';
import { SupervisorApproval } from '../supervisor/SupervisorApproval';
import { ReceiptView } from '../till/ReceiptView';

type Reason = keyof typeof REVERSAL_REASONS;
type Candidate = Extract<Awaited<ReturnType<TellerApi['reversal']['check']>>, { ok: true }>['data'];

/** Same-day reversal of one comprobante: reason, supervisor approval at this workstation, posting, own receipt. */
export const ReversalPanel = ({ teller, sequence, onDone }: { teller: TellerApi; sequence: string; onDone: () => void }) => {
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [reason, setReason] = useState<Reason>('VALOR_ERRADO');
  const [text, setText] = useState('');
  const [approvalId, setApprovalId] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ReceiptDocument | null>(null);
  const [printJob, setPrintJob] = useState<PrintJobRef | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(crypto.randomUUID());
  useEffect(() => {
    void teller.reversal.check({ sequence }).then((r) => (r.ok ? setCandidate(r.data) : setError(r.error.message)));
  }, [teller, sequence]);
  const ask = async () => {
    const r = await teller.reversal.request({ sequence, reasonCode: reason, reasonText: text });
    if (r.ok) setApprovalId(r.data.approvalId);
    else setError(r.error.message);
  };
  const post = async (id: string) => {
    const r = await teller.reversal.post({ idempotencyKey: key.current, sequence, approvalId: id });
    if (r.ok) {
      setReceipt(r.data.receipt);
      // The answer names the job only; PrintStatus reads its state at once.
      setPrintJob(r.data.printJobId ? { jobId: r.data.printJobId } : null);
      onDone();
    } else setError(r.error.message);
  };
  return (
    <section className="panel" aria-label="Reverso de comprobante">
      <h2>Reverso del comprobante {sequence}</h2>
      {candidate ? (
        <p>
          {candidate.kind} · cuenta {candidate.account} · {formatPesos(candidate.total)} · {formatReceiptDateTime(candidate.postedAt)} · {candidate.teller}
        </p>
      ) : null}
      {candidate && !candidate.reversible ? <p className="error-banner">{candidate.why}</p> : null}
      {candidate?.reversible && !approvalId && !receipt ? (
        <>
          <div className="field">
            <label htmlFor="rev-reason">Motivo del reverso</label>
            <select id="rev-reason" value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
              {(Object.keys(REVERSAL_REASONS) as Reason[]).map((k) => (
                <option key={k} value={k}>
                  {REVERSAL_REASONS[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="rev-text">Explicación del reverso</label>
            <input id="rev-text" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void ask()}>
              Solicitar aprobación del reverso
            </button>
          </div>
        </>
      ) : null}
      {approvalId && !receipt ? (
        <SupervisorApproval teller={teller} requestId={approvalId} source="caja" onDecided={(s) => (s === 'aprobada' ? void post(approvalId) : setError(`Reverso ${s} por el supervisor.`))} />
      ) : null}
      {receipt ? <ReceiptView doc={receipt} testId="reversal-receipt" /> : null}
      {receipt ? <PrintStatus teller={teller} job={printJob} /> : null}
      <ErrorBanner message={error} />
    </section>
  );
};
