import { useCallback, useEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { CountResult } from '../../../domain/contract/till';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { countOf, DENOMINATIONS, totalOfCount, type DenominationCount } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import { DIFFERENCE_REASONS, DIFFERENCE_REASON_CODES, type DifferenceReasonCode } from '../../../domain/till/arqueo';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useLeaveUnsaved } from '../../components/LeaveUnsaved';
import { DenominationGrid } from '../../components/DenominationGrid';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PrintStatus, type PrintJobRef } from '../../components/PrintStatus';
import { reviewOnEnter } from '../../components/ReviewActions';
import { DeskDecisionLine, SupervisorApproval, type DeskDecision } from '../supervisor/SupervisorApproval';
import { ReceiptView } from './ReceiptView';
import { useWindowKeyDown } from '../../components/useWindowKeyDown';
import { useRetryKeys } from '../../components/useRetryKeys';

const GATE_POLL_MS = 2_000;

type Gate = { canClose: boolean; items: { code: string; message: string; resolveAt: string }[]; last?: { count: DenominationCount; result: CountResult } | null };

/**
 * Till close: pre-close gate, blind arqueo (the expected amount is never shown before the count is final), a
 * second blind count when the difference is large, the difference booked with a reason and approved by a
 * supervisor at this workstation, then the end-of-day report.
 */
export const CloseTillScreen = ({ teller, onClosed, onCancel }: { teller: TellerApi; onClosed: () => void; onCancel: () => void }) => {
  const [gate, setGate] = useState<Gate | null>(null);
  const [count, setCount] = useState<DenominationCount>({});
  const [result, setResult] = useState<CountResult | null>(null);
  const [reason, setReason] = useState<DifferenceReasonCode>('NO_IDENTIFICADA');
  const [reasonText, setReasonText] = useState('');
  // `desk`: the decision taken at another workstation's desk, said once the form that waited on it is gone;
  // `refusal`: a rejection (or lapse) taken here, with who and why as the core has them.
  const [approval, setApproval] = useState<{ id: string; status: string; desk?: DeskDecision; refusal?: DeskDecision } | null>(null);
  const [report, setReport] = useState<ReceiptDocument | null>(null);
  const [reportJob, setReportJob] = useState<PrintJobRef | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [gridKey, setGridKey] = useState(0);
  const [askEmpty, setAskEmpty] = useState(false);
  const closeKey = useRef(crypto.randomUUID());
  const countAgainRef = useRef<HTMLButtonElement>(null);
  const countKeys = useRetryKeys();

  // Refused, here or at a desk: the request is spent and its credential fields gone (a rejected request cannot be
  // approved after all); the way on is a new count, which the focus waits on.
  const refused = approval !== null && approval.status !== 'pendiente' && approval.status !== 'aprobada';
  useEffect(() => {
    if (refused) countAgainRef.current?.focus();
  }, [refused]);
  // The form knows only the note typed here: the teller reads who rejected it from the core, which also has it for a
  // request found already refused.
  const refusedHere = refused && !approval.desk ? approval.id : null;
  useEffect(() => {
    if (!refusedHere) return;
    void teller.supervisor.request({ id: refusedHere }).then((r) => {
      if (r.ok) setApproval((a) => (a?.id === refusedHere ? { ...a, status: r.data.status, refusal: r.data } : a));
    });
  }, [teller, refusedHere]);

  const loadGate = useCallback(
    async (resume = false) => {
      const r = await teller.till.gate({});
      if (!r.ok) return setError(r.error.message);
      // F6 again after a registered count resumes its answer (close at once, or count again), not an empty grid;
      // set with the gate, so the grid never flashes before it.
      const last = resume ? r.data.last : null;
      if (last) {
        setResult(last.result);
        setApproval(last.result.approvalId ? { id: last.result.approvalId, status: last.result.approvalStatus ?? 'pendiente' } : null);
        if (last.result.next !== 'recontar') setCount(last.count);
      }
      setGate(r.data);
    },
    [teller],
  );
  useEffect(() => void loadGate(true), [loadGate]);
  // While it blocks, the gate re-reads itself on every status push and every two seconds: the queue drains and
  // central confirms in the background, and the teller waited on a stale list until "Revisar de nuevo" (QA s37 Q4).
  const blocking = gate !== null && !gate.canClose;
  useEffect(() => {
    if (!blocking) return;
    const reread = () =>
      void teller.till.gate({}).then((r) => {
        if (r.ok) setGate((g) => (g && !g.canClose ? r.data : g));
      });
    const off = teller.on('status.changed', reread);
    const timer = setInterval(reread, GATE_POLL_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [teller, blocking]);

  const countAgain = () => {
    setResult(null);
    setApproval(null);
    // The explanation was of the earlier result; the next one is explained on its own.
    setReasonText('');
    setCount({});
    setGridKey((k) => k + 1);
  };

  const sendCount = async (emptyConfirmed = false) => {
    if (busy) return;
    // A stray F10 or Enter on an empty grid was registered as a count of $ 0 (and then asked for a second count).
    if (totalOfCount(count) === 0 && !emptyConfirmed) return setAskEmpty(true);
    setBusy(true);
    setError(null);
    // The same count sent again after a lost answer is the one the core may have registered: with its first key the
    // core answers it, instead of taking it as the second count. A different count is a new one.
    const pieces = DENOMINATIONS.map((d) => countOf(count, d)).join(',');
    const r = await countKeys.run(pieces, (idempotencyKey) => teller.till.count({ idempotencyKey, count }));
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      if (r.error.code === 'CLOSE_BLOCKED') void loadGate();
      return;
    }
    setResult(r.data);
    // The same difference counted again keeps its request to the supervisor (perhaps approved on the desk).
    setApproval(r.data.approvalId ? { id: r.data.approvalId, status: r.data.approvalStatus ?? 'pendiente' } : null);
    if (r.data.next === 'recontar') {
      setCount({});
      setGridKey((k) => k + 1);
    }
  };

  const askApproval = async () => {
    if (!result) return;
    const r = await teller.till.requestDifferenceApproval({ closingId: result.closingId, reasonCode: reason, reasonText });
    if (!r.ok) return setError(r.error.message);
    // A refusal typed before (a reason too short) no longer applies.
    setError(null);
    setApproval({ id: r.data.approvalId, status: r.data.status });
  };

  const close = async () => {
    if (!result || busy) return;
    setBusy(true);
    const r = await teller.till.close({ idempotencyKey: closeKey.current, closingId: result.closingId });
    setBusy(false);
    if (r.ok) {
      // onClosed waits for the teller to leave the report: it refreshes the till, and a closed till swaps this
      // screen for the closed-till panel, which took the report away and left the focus on <body>.
      setReport(r.data.report);
      setReportJob(r.data.printJobId ? { jobId: r.data.printJobId } : null);
    } else {
      setError(r.error.message);
      if (r.error.code === 'CLOSE_BLOCKED') void loadGate();
    }
  };

  useWindowKeyDown((e) => {
    if (e.key !== 'F10' || document.querySelector('dialog[open]')) return;
    e.preventDefault();
    if (!result || result.next === 'recontar') void sendCount();
    else if (result.next === 'cerrar' || approval?.status === 'aprobada') void close();
  });
  // A count typed and not yet registered is minutes of the teller's work: Esc asks before dropping it.
  const leaving = useLeaveUnsaved({
    dirty: gate?.canClose === true && (!result || result.next === 'recontar') && totalOfCount(count) > 0,
    what: 'el conteo',
    lost: 'el efectivo contado por denominación',
    leave: onCancel,
  });

  if (report) {
    return (
      <main className="screen" aria-labelledby="close-title">
        <h1 id="close-title">Caja cerrada</h1>
        <p className="notice">La caja quedó cerrada y no admite cambios.{reportJob ? ' El reporte de fin de día se envió a la impresora.' : ''}</p>
        <ReceiptView doc={report} testId="close-report" />
        <PrintStatus teller={teller} job={reportJob} paper="el reporte de fin de día" />
        {!reportJob ? (
          <p className="field-error" role="alert">
            El reporte no llegó a la impresora. Pulse Continuar e Imprimir de nuevo.
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="secondary" onClick={onCancel}>
            Volver al inicio <kbd>Esc</kbd>
          </button>
          {/* The focus lands here, so the teller reads the report and goes on (reprint, reopening) from the keyboard. */}
          <button type="button" className="primary" autoFocus onClick={onClosed}>
            Continuar <kbd>Enter</kbd>
          </button>
        </div>
      </main>
    );
  }

  const blocked = gate && !gate.canClose;
  const final = result && result.next !== 'recontar';
  return (
    <main className="screen" aria-labelledby="close-title">
      <h1 id="close-title">Cierre de caja</h1>
      {leaving.dialog}
      {askEmpty ? (
        <ConfirmDialog
          title="¿Registrar un conteo de $ 0?"
          confirmLabel="Registrar $ 0"
          onCancel={() => setAskEmpty(false)}
          onConfirm={() => {
            setAskEmpty(false);
            void sendCount(true);
          }}
        >
          <p>No contó ningún billete ni moneda. Si la caja quedó sin efectivo, confirme. Si no, pulse Esc y cuente el efectivo por denominación.</p>
        </ConfirmDialog>
      ) : null}
      {blocked ? (
        <section className="panel" aria-label="Pendientes antes del cierre" data-testid="close-gate">
          <h2>No se puede cerrar todavía</h2>
          <ul>
            {gate.items.map((i) => (
              <li key={i.code}>
                <strong>{i.message}</strong> {i.resolveAt}
              </li>
            ))}
          </ul>
          <div className="actions">
            {/* Nothing else on this screen takes a key: Enter rereads the gate at once, without waiting for the next re-read. */}
            <button type="button" className="secondary" autoFocus onClick={() => void loadGate()}>
              Revisar de nuevo
            </button>
          </div>
        </section>
      ) : null}
      {!blocked && gate && !final ? (
        <>
          <p className="hint" data-testid="arqueo-hint">
            {result?.next === 'recontar'
              ? 'El conteo no coincide con el saldo de la caja por más del margen permitido. Cuente de nuevo todo el efectivo (segundo conteo ciego).'
              : 'Arqueo ciego: cuente el efectivo por denominación. El saldo esperado no se muestra hasta terminar el conteo.'}
          </p>
          <div className="two-col">
            <DenominationGrid key={gridKey} caption={result?.next === 'recontar' ? 'Segundo conteo' : 'Arqueo'} value={count} onChange={setCount} autoFocus onDone={() => void sendCount()} />
            <div className="side">
              <p className="big-total">
                Total contado: <strong>{formatPesos(totalOfCount(count))}</strong>
              </p>
              <div className="actions">
                <button type="button" className="secondary" onClick={leaving.leave}>
                  Volver <kbd>Esc</kbd>
                </button>
                <button type="button" className="primary" onClick={() => void sendCount()} disabled={busy}>
                  Registrar conteo <kbd>F10</kbd>
                </button>
              </div>
            </div>
          </div>
        </>
      ) : null}
      {final ? (
        <section className="panel" aria-label="Resultado del arqueo" data-testid="arqueo-result">
          {result.withdrewApproval ? (
            <p className="notice" role="status">
              La solicitud al supervisor por la diferencia anterior se retiró: este conteo la reemplaza.
            </p>
          ) : null}
          <p className="big-total" data-testid="arqueo-counted">
            Total contado: <strong>{formatPesos(totalOfCount(count))}</strong>
          </p>
          {result.next === 'cerrar' ? (
            <p className="notice">Caja cuadrada: el conteo coincide con el saldo.</p>
          ) : (
            <>
              {result.outcome === 'cuadrada' ? (
                // Blind close: the teller saw a difference in an earlier count of this arqueo, so squaring now is for a supervisor to accept.
                <p>
                  <strong>Conteo cuadrado.</strong> Un conteo anterior de este arqueo mostró una diferencia: el supervisor revisa todos los conteos antes de cerrar.
                </p>
              ) : (
                <p>
                  <strong>{result.outcome === 'faltante' ? 'Faltante' : 'Sobrante'} de {formatPesos(Math.abs(result.difference ?? 0))}</strong>
                </p>
              )}
              {!approval ? (
                // A form, so Enter in Explicación asks for the approval; the focus lands on Motivo when the grid goes.
                <form
                  aria-label="Justificar la diferencia"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void askApproval();
                  }}
                >
                  <div className="field">
                    <label htmlFor="diff-reason">Motivo de la diferencia</label>
                    {/* Enter asks, as the button says; on the list it also keeps Chromium from opening the options, which then took Tab and the typing. */}
                    <select
                      id="diff-reason"
                      autoFocus
                      value={reason}
                      onChange={(e) => setReason(e.target.value as DifferenceReasonCode)}
                      onKeyDown={(e) => reviewOnEnter(e, () => void askApproval())}
                    >
                      {DIFFERENCE_REASON_CODES.map((c) => (
                        <option key={c} value={c}>
                          {DIFFERENCE_REASONS[c]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="diff-text">Explicación</label>
                    <input id="diff-text" value={reasonText} onChange={(e) => setReasonText(e.target.value)} />
                  </div>
                  <div className="actions">
                    <button type="submit" className="primary">
                      Solicitar aprobación <kbd>Enter</kbd>
                    </button>
                  </div>
                </form>
              ) : approval.status === 'pendiente' ? (
                <>
                  <p data-testid="approval-status">Solicitud enviada al supervisor: {approval.status}.</p>
                  <SupervisorApproval
                    teller={teller}
                    requestId={approval.id}
                    source="caja"
                    onDecided={(status, note, by) =>
                      setApproval({
                        ...approval,
                        status,
                        ...(by === undefined ? (status === 'aprobada' ? {} : { refusal: { status, checkerName: null, note } }) : { desk: { status, checkerName: by, note } }),
                      })
                    }
                  />
                </>
              ) : refused ? (
                <>
                  <p data-testid="approval-status">Solicitud enviada al supervisor: {approval.status}.</p>
                  {approval.desk ? <DeskDecisionLine decision={approval.desk} /> : approval.refusal ? <RefusalLine refusal={approval.refusal} /> : null}
                </>
              ) : approval.desk ? (
                <DeskDecisionLine decision={approval.desk} />
              ) : (
                <p className="notice" data-testid="approval-status">
                  Diferencia aprobada por el supervisor.
                </p>
              )}
            </>
          )}
          <div className="actions">
            {/* The till closes on the last count; every count stays on the report, and a new one withdraws a request it no longer matches. */}
            <button type="button" className="secondary" ref={countAgainRef} onClick={countAgain} disabled={busy}>
              Contar de nuevo
            </button>
            {result.next === 'cerrar' || approval?.status === 'aprobada' ? (
              // The grid or the approval it replaces held the focus: without this the next key lands on the page.
              <button type="button" className="primary" autoFocus onClick={() => void close()} disabled={busy}>
                Cerrar caja <kbd>F10</kbd>
              </button>
            ) : null}
          </div>
        </section>
      ) : null}
      <ErrorBanner message={error} />
    </main>
  );
};

/** A request refused at this workstation: who and why, and what the teller does next. */
const RefusalLine = ({ refusal }: { refusal: DeskDecision }) => (
  <p className="error-banner" role="alert" data-testid="approval-refusal">
    {refusal.status === 'vencida'
      ? 'La solicitud venció sin decisión del supervisor.'
      : `Rechazada por ${refusal.checkerName ?? 'el supervisor'}${refusal.note ? `: ${refusal.note}` : ''}.`}{' '}
    Cuente el efectivo de nuevo.
  </p>
);
