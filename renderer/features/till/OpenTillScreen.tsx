import { useEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { TillSession } from '../../../domain/contract/till';
import { totalOfCount, type DenominationCount } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import { formatReceiptDate } from '../../../domain/calendar/bogota-time';
import { AmountInput } from '../../components/AmountInput';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DenominationGrid } from '../../components/DenominationGrid';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLeaveUnsaved } from '../../components/LeaveUnsaved';
import { useWindowKeyDown } from '../../components/useWindowKeyDown';
import { afterRefusal, focusAfterRefusal, missingForDecision } from '../../components/supervisor-decision';

/**
 * Till opening: count by denomination, then type the total as a check, then confirm. The idempotency key is
 * fixed for this screen, so a double Enter or a retry after a lost answer opens the till only once.
 */
export const OpenTillScreen = ({ teller, onOpened, onCancel }: { teller: TellerApi; onOpened: (t: TillSession) => void; onCancel: () => void }) => {
  const [count, setCount] = useState<DenominationCount>({});
  const [declared, setDeclared] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lastClose, setLastClose] = useState<{ businessDate: string; total: number } | null>(null);
  // No close here and central silent (a reinstall while central is down): the count cannot be compared.
  const [lastCloseUnknown, setLastCloseUnknown] = useState<string | null>(null);
  // A count that differs from the last close: the motivo, the request to the supervisor and their credentials.
  const [difference, setDifference] = useState<{ reason: string; approvalId: string | null; username: string; password: string } | null>(null);
  const key = useRef(crypto.randomUUID());
  const total = totalOfCount(count);
  const declaredRef = useRef<HTMLDivElement>(null);
  // QA F5: the refusal left the focus in the verification total, so the motivo, the user and the password went
  // one field off each and the password showed in clear in the user field. Moved after the form has rendered.
  const reasonRef = useRef<HTMLInputElement>(null);
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  const [focusReason, setFocusReason] = useState(0);
  useEffect(() => {
    if (focusReason > 0) reasonRef.current?.focus();
  }, [focusReason]);

  // A till this teller already closed today reopens only through F6: said now, before minutes of counting.
  useEffect(() => {
    void teller.till.current({ askCentral: true }).then((r) => {
      if (r.ok && r.data.openRefusal) setError(r.data.openRefusal);
      if (r.ok && r.data.lastClose) setLastClose(r.data.lastClose);
      if (r.ok && r.data.lastCloseUnknown) setLastCloseUnknown(r.data.lastCloseUnknown);
    });
  }, [teller]);

  // F10 refused from a row of the grid left the focus there, and the next digits went into that row's count.
  // The refusal is about the verification total: the focus goes to it, selected, so typing replaces it.
  const refuse = (message: string) => {
    setError(message);
    const field = declaredRef.current?.querySelector('input');
    field?.focus();
    field?.select();
  };
  const review = () => {
    if (declared === null) return refuse('Escriba el total contado para verificar el conteo.');
    if (declared !== total) {
      return refuse(`El conteo suma ${formatPesos(total)} y usted escribió ${formatPesos(declared)}. Revise el conteo.`);
    }
    // Known since F2 opened: confirming "Se abrirá la caja con …" only for the core to refuse it misled the teller.
    if (lastCloseUnknown) return askForApproval(lastCloseUnknown);
    setError(null);
    setConfirming(true);
  };
  /** The count needs the supervisor: the form opens (once) and the keyboard goes to its motivo, not left behind. */
  const askForApproval = (message: string) => {
    setError(message);
    setDifference((d) => d ?? { reason: '', approvalId: null, username: '', password: '' });
    setFocusReason((n) => n + 1);
  };

  useWindowKeyDown((e) => {
    if (e.key === 'F10' && !confirming) {
      e.preventDefault();
      review();
    }
  });

  // Esc took the teller to Inicio and dropped a half-typed count, while Cierre and Bóveda ask first: ask here too.
  const leaving = useLeaveUnsaved({
    dirty: !confirming && (total > 0 || declared !== null),
    what: 'el conteo',
    lost: 'el efectivo contado por denominación',
    leave: onCancel,
  });

  const open = async () => {
    if (busy || declared === null) return;
    setBusy(true);
    const r = await teller.till.open({ idempotencyKey: key.current, count, declaredTotal: declared });
    setBusy(false);
    setConfirming(false);
    if (r.ok) onOpened(r.data.till);
    else {
      if (r.error.code === 'OPENING_DIFFERENCE' || r.error.code === 'OPENING_UNVERIFIED') askForApproval(r.error.message);
      else setError(r.error.message);
    }
  };

  /** The supervisor (never the teller: the core refuses it) approves the count here; the till then opens with it. */
  const askSupervisor = async () => {
    if (busy || !difference || declared === null) return;
    // Enter from any field of the form asks: what is missing is said at its field, as the approval dialog does.
    if (!difference.approvalId && difference.reason.trim().length < 3) {
      setError('Escriba el motivo para el supervisor (al menos 3 caracteres).');
      return reasonRef.current?.focus();
    }
    const missing = missingForDecision({ username: difference.username, password: difference.password, note: '' }, 'aprobar');
    if (missing) {
      setError(missing.message);
      return (missing.field === 'password' ? passRef : userRef).current?.focus();
    }
    setBusy(true);
    let approvalId = difference.approvalId;
    if (!approvalId) {
      const asked = await teller.till.requestOpeningApproval({ count, reasonText: difference.reason });
      if (!asked.ok) {
        setBusy(false);
        return setError(asked.error.message);
      }
      approvalId = asked.data.approvalId;
      // Functional: what was typed while the request was in flight stays (a stale copy put the old user back).
      const id = approvalId;
      setDifference((d) => (d ? { ...d, approvalId: id } : d));
    }
    const decided = await teller.supervisor.decide({ id: approvalId, source: 'caja', decision: 'aprobar', username: difference.username, password: difference.password });
    if (!decided.ok) {
      setBusy(false);
      const next = afterRefusal(decided.error.code);
      const sent = { username: difference.username, password: difference.password };
      const retyped = userRef.current?.value !== sent.username || passRef.current?.value !== sent.password;
      setError(decided.error.message);
      // Credentials typed again while the refusal was on its way are the new ones: neither cleared nor jumped from.
      if (retyped) return;
      if (next.clearPassword) setDifference((d) => (d ? { ...d, password: '' } : d));
      return focusAfterRefusal((next.field === 'password' ? passRef : userRef).current, next.select);
    }
    const r = await teller.till.open({ idempotencyKey: crypto.randomUUID(), count, declaredTotal: declared, approvalId });
    setBusy(false);
    if (r.ok) onOpened(r.data.till);
    else setError(r.error.message);
  };

  return (
    <main className="screen" aria-labelledby="open-till-title">
      <h1 id="open-till-title">Apertura de caja</h1>
      {leaving.dialog}
      <p className="hint">
        Cuente el efectivo recibido por denominación. <kbd>Enter</kbd> o <kbd>↓</kbd> pasa a la siguiente fila.
      </p>
      {lastClose ? (
        // What the close counted stays in the till: a different count is a difference the supervisor approves.
        <p className="notice" data-testid="open-last-close">
          Último cierre de la caja: {formatReceiptDate(lastClose.businessDate)} con <strong>{formatPesos(lastClose.total)}</strong> en efectivo. Ese efectivo es el que se cuenta ahora.
        </p>
      ) : null}
      {lastCloseUnknown ? (
        <p className="notice" data-testid="open-last-close-unknown">
          {lastCloseUnknown}
        </p>
      ) : null}
      <div className="two-col">
        <DenominationGrid
          caption="Conteo de apertura"
          value={count}
          onChange={setCount}
          autoFocus
          onDone={() => declaredRef.current?.querySelector('input')?.focus()}
        />
        <div className="side" ref={declaredRef}>
          <AmountInput id="declared-total" label="Total contado (verificación)" value={declared} onChange={setDeclared} onEnter={review} />
          <p className="big-total">
            Total del conteo: <strong data-testid="open-total">{formatPesos(total)}</strong>
          </p>
          <ErrorBanner message={error} />
          {difference ? (
            // A form, so Enter in any of its fields (the password above all) approves, as "Aprobar Enter" does elsewhere.
            <form
              className="approval"
              data-testid="open-difference"
              onSubmit={(e) => {
                e.preventDefault();
                void askSupervisor();
              }}
            >
              <label>
                {lastCloseUnknown ? 'Motivo de la apertura sin comparar' : 'Motivo de la diferencia'}
                <input ref={reasonRef} value={difference.reason} onChange={(e) => setDifference({ ...difference, reason: e.target.value })} disabled={difference.approvalId !== null} />
              </label>
              <label>
                Usuario del supervisor
                <input ref={userRef} value={difference.username} onChange={(e) => setDifference({ ...difference, username: e.target.value })} autoComplete="off" />
              </label>
              <label>
                Contraseña del supervisor
                <input ref={passRef} type="password" value={difference.password} onChange={(e) => setDifference({ ...difference, password: e.target.value })} autoComplete="off" />
              </label>
              <button type="submit" className="primary" disabled={busy}>
                Aprobar y abrir con este conteo <kbd>Enter</kbd>
              </button>
            </form>
          ) : null}
          <div className="actions">
            <button type="button" className="secondary" onClick={leaving.leave}>
              Volver <kbd>Esc</kbd>
            </button>
            <button type="button" className="primary" onClick={review}>
              Abrir caja <kbd>F10</kbd>
            </button>
          </div>
        </div>
      </div>
      {confirming ? (
        <ConfirmDialog title="Confirmar apertura" confirmLabel="Abrir caja" onConfirm={() => void open()} onCancel={() => setConfirming(false)} busy={busy}>
          <p>
            Se abrirá la caja con <strong>{formatPesos(total)}</strong> en efectivo.
          </p>
        </ConfirmDialog>
      ) : null}
    </main>
  );
};
