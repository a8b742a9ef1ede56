import { useEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import { REVERSAL_REASONS } from '../../../domain/contract/reversal';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { formatPesos } from '../../../domain/money/pesos';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PrintStatus, type PrintJobRef } from '../../components/PrintStatus';
import { DeskDecisionLine, SupervisorApproval, type DeskDecision } from '../supervisor/SupervisorApproval';
import { ReceiptView } from '../till/ReceiptView';

type Reason = keyof typeof REVERSAL_REASONS;
type Candidate = Extract<Awaited<ReturnType<TellerApi['reversal']['check']>>, { ok: true }>['data'];

/** Same-day reversal of one comprobante: reason, supervisor approval at this workstation, posting, own receipt. */
/** `onDone` names the reversal's receipt, once registered and again once printed (from then on it can be copied). */
export const ReversalPanel = ({ teller, sequence, onDone }: { teller: TellerApi; sequence: string; onDone: (document: string) => void }) => {
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [reason, setReason] = useState<Reason>('VALOR_ERRADO');
  const [text, setText] = useState('');
  const [approvalId, setApprovalId] = useState<string | null>(null);
  // Approved and not yet posted: the panel offers to register it (again, after an error).
  const [approved, setApproved] = useState(false);
  const [desk, setDesk] = useState<DeskDecision | null>(null);
  const [receipt, setReceipt] = useState<ReceiptDocument | null>(null);
  const [printJob, setPrintJob] = useState<PrintJobRef | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(crypto.randomUUID());
  useEffect(() => {
    void teller.reversal.check({ sequence }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setCandidate(r.data);
      // A request left open (the panel was closed before the decision, or approved at the desk) is picked up.
      if (r.data.approval) {
        setApprovalId(r.data.approval.id);
        setApproved(r.data.approval.status === 'aprobada');
      }
    });
  }, [teller, sequence]);
  // Said at the field, before the core's generic "Datos inválidos", and gone once the teller writes it.
  const [textError, setTextError] = useState<string | null>(null);
  const textInput = useRef<HTMLInputElement>(null);
  const ask = async () => {
    if (text.trim() === '') {
      setTextError('Escriba la explicación del reverso.');
      textInput.current?.focus();
      return;
    }
    const r = await teller.reversal.request({ sequence, reasonCode: reason, reasonText: text });
    if (r.ok) {
      setWithdrawn(null);
      setApprovalId(r.data.approvalId);
      setError(null);
    } else setError(r.error.message);
  };
  // The approval form says how the request ended, here or at another workstation's desk (through central).
  const decided = (status: string, note: string | null, by?: string | null) => {
    if (status === 'aprobada' && approvalId) {
      // `by` comes only with a desk's decision: the panel goes on saying who approved it, while it posts and after.
      if (by !== undefined) setDesk({ status, checkerName: by, note });
      setApproved(true);
      return void post(approvalId);
    }
    // Rejected or expired: the request is spent; the form comes back for a new one.
    setApprovalId(null);
    setError(
      status === 'vencida'
        ? 'La solicitud de reverso venció sin decisión del supervisor. Puede solicitarlo de nuevo.'
        : `Reverso rechazado por ${by ?? 'el supervisor'}${note ? `: ${note}` : ''}. Puede solicitarlo de nuevo.`,
    );
  };
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  const withdraw = async () => {
    const r = await teller.reversal.withdraw({ sequence });
    if (r.ok) {
      // The form comes back, for a new request if one is due after all.
      setApprovalId(null);
      setError(null);
      setWithdrawn('Solicitud de reverso retirada: el supervisor ya no puede aprobarla. El comprobante sigue vigente.');
    } else setError(r.error.message);
  };
  // The form answers once; this keeps a second Enter on Registrar from racing the first.
  const posting = useRef(false);
  const post = async (id: string) => {
    if (posting.current) return;
    posting.current = true;
    setError(null);
    const r = await teller.reversal.post({ idempotencyKey: key.current, sequence, approvalId: id });
    posting.current = false;
    if (r.ok) {
      setReceipt(r.data.receipt);
      // The answer names the job only; PrintStatus reads its state at once.
      setPrintJob(r.data.printJobId ? { jobId: r.data.printJobId } : null);
      onDone(r.data.receipt.sequence);
    } else {
      // Central refused (its answer is bound to the key) or the till could not pay: the next try is a new
      // request. Without central's answer the same key goes again, so a hold it may have placed is reused; and
      // without the core's (the link dropped after the request left) the reversal may be posted: the same key
      // then answers it instead of reversing twice.
      if (r.error.code !== 'CENTRAL_UNAVAILABLE' && r.error.code !== 'CORE_NO_ANSWER') key.current = crypto.randomUUID();
      setError(r.error.message);
    }
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
      {/* What changes hands when the reversal is registered: the core words it, the receipt prints the same. */}
      {candidate?.reversible && candidate.moves.length > 0 && !receipt ? (
        <dl aria-label="En la ventanilla" data-testid="reversal-moves">
          {candidate.moves.map((m, i) => (
            <div key={i}>
              <dt>{m.label}</dt>
              <dd>{m.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {candidate?.reversible && !approvalId && !receipt ? (
        <>
          <div className="field">
            <label htmlFor="rev-reason">Motivo del reverso</label>
            {/* The panel opens below the journal's rows: the focus takes the teller (and the scroll) to it. */}
            <select id="rev-reason" autoFocus value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
              {(Object.keys(REVERSAL_REASONS) as Reason[]).map((k) => (
                <option key={k} value={k}>
                  {REVERSAL_REASONS[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="rev-text">Explicación del reverso</label>
            <input
              id="rev-text"
              ref={textInput}
              value={text}
              aria-invalid={textError !== null}
              aria-describedby={textError ? 'rev-text-error' : undefined}
              onChange={(e) => {
                setText(e.target.value);
                if (e.target.value.trim() !== '') setTextError(null);
              }}
              onKeyDown={(e) => e.key === 'Enter' && void ask()}
            />
            {textError ? (
              <p id="rev-text-error" className="field-error" role="alert">
                {textError}
              </p>
            ) : null}
          </div>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void ask()}>
              Solicitar aprobación del reverso (Enter)
            </button>
          </div>
        </>
      ) : null}
      {approvalId && !approved && !receipt ? (
        <>
          <SupervisorApproval teller={teller} requestId={approvalId} source="caja" onDecided={decided} />
          {/* Asked by mistake: the teller takes the request back while no supervisor has decided it. */}
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void withdraw()}>
              Desistir del reverso
            </button>
          </div>
        </>
      ) : null}
      {withdrawn ? (
        <p className="notice" role="status">
          {withdrawn}
        </p>
      ) : null}
      {desk ? <DeskDecisionLine decision={desk} /> : null}
      {approvalId && approved && !receipt ? (
        <div className="actions">
          {desk ? null : <p className="notice">Reverso aprobado por el supervisor.</p>}
          <button type="button" className="primary" autoFocus onClick={() => void post(approvalId)}>
            Registrar el reverso
          </button>
        </div>
      ) : null}
      {receipt ? <ReceiptView doc={receipt} testId="reversal-receipt" /> : null}
      {receipt ? <PrintStatus teller={teller} job={printJob} onPrinted={() => onDone(receipt.sequence)} /> : null}
      <ErrorBanner message={error} />
    </section>
  );
};
