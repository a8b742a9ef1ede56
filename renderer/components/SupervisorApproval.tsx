import { useEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../domain/contract/client';
import { decidableAtDesks } from '../../domain/approval/request';
import type { ApprovalOperationInput, ApprovalView } from '../../domain/contract/approval';
import { formatLeft, useSecondsLeft, type DeadlineRead } from './approval-countdown';
import { afterRefusal, focusAfterRefusal, missingForDecision, rejectOnF4, type DecisionField } from './supervisor-decision';
import './comprobante.css';
import { trapTab } from './focus-trap';
import { usePendingPoll } from './usePendingPoll';

interface Props {
  teller: TellerApi;
  operation: ApprovalOperationInput;
  /** The request as approved: its id and who approved it, for the confirmation; `atDesk` when at another workstation's desk. */
  onApproved: (approval: ApprovalView, atDesk: boolean) => void;
  onCancel: () => void;
}

/** Said the moment the request lapses in the dialog, before anyone types a decision the core would refuse. */
export const LAPSED_IN_DIALOG = 'La solicitud venció: pídala de nuevo.';

/**
 * The supervisor comes to the workstation and types their own user and password; the core checks them and
 * refuses the teller's own credentials (maker ≠ checker). Enter approves; F4 rejects with a reason. The time left
 * runs on the core's clock; once it is out the fields lock, and Enter asks again (a new request) or Esc closes.
 */
export const SupervisorApproval = ({ teller, operation, onApproved, onCancel }: Props) => {
  const ref = useRef<HTMLDialogElement>(null);
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const input = (field: DecisionField) => ({ username: userRef, password: passRef, note: noteRef })[field].current;
  const focus = (field: DecisionField) => input(field)?.focus();
  const askAgainRef = useRef<HTMLButtonElement>(null);
  const key = useRef(crypto.randomUUID());
  const [approval, setApproval] = useState<ApprovalView | null>(null);
  // The latest read of the request's deadline against the core's clock (each poll refreshes it).
  const [deadline, setDeadline] = useState<DeadlineRead | null>(null);
  // Lapsed, for good: the count reached zero, or the core refused a decision as lapsed a moment before it did. A
  // later read (a poll answered just then) must not bring the decision back.
  const [out, setOut] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Asked once per dialog. The screen builds `operation` anew on every render (a status push re-renders it):
  // asking again refocused the user field while the supervisor typed the password, showing its last
  // characters in clear, and the replayed request brought a rejection back as "pendiente".
  const asked = useRef(operation);
  const ask = async () => {
    const r = await teller.approval.request({ idempotencyKey: key.current, operation: asked.current });
    if (r.ok) {
      setApproval(r.data.approval);
      setDeadline({ expiresAt: r.data.approval.expiresAt, readAt: r.data.approval.readAt });
      userRef.current?.focus();
    } else setError(r.error.message);
  };
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    void ask();
  }, [teller]);

  const left = useSecondsLeft(approval?.status === 'pendiente' ? deadline : null);
  // Out of time while nobody's decision is on its way (one in flight gets the core's own answer).
  const lapsed = approval?.status === 'pendiente' && !busy && (left === 0 || out);
  useEffect(() => {
    if (lapsed) setOut(true);
  }, [lapsed]);
  // A visación also waits on the supervisors' desks of the branch (through central): one decided there comes in here,
  // until it lapsed (central lapses its copy at the same moment).
  const decided = useRef(false);
  usePendingPoll(
    approval?.status === 'pendiente' && !lapsed ? approval.id : null,
    async (approvalId) => {
      const r = await teller.approval.get({ approvalId });
      if (!r.ok) return null;
      // Still pending: central may have taken it since (or lost it), which the line about the desks follows.
      const now = r.data.approval;
      setDeadline((old) => (old?.expiresAt === now.expiresAt && old.readAt === now.readAt ? old : { expiresAt: now.expiresAt, readAt: now.readAt }));
      if (now.status === 'pendiente') setApproval((old) => (old && old.status === 'pendiente' && old.relayed !== now.relayed ? now : old));
      return now.status !== 'pendiente' ? now : null;
    },
    (a) => settled(a, true),
  );
  const settled = (a: ApprovalView, atDesk: boolean) => {
    // A poll answered after the decision taken here: the operation moves on once.
    if (decided.current) return;
    decided.current = true;
    setPassword('');
    setApproval(a);
    if (a.status === 'aprobada') onApproved(a, atDesk);
  };
  const decidedAlready = (approval !== null && approval.status !== 'pendiente') || lapsed;
  // Refused or lapsed, here or at a desk: nothing is left to type (the fields lock); the way on is Cancelar, back to
  // the operation. After the render, when Cancelar is no longer disabled by the decision in flight.
  const refused = decidedAlready && approval?.status !== 'aprobada' && !lapsed;
  useEffect(() => {
    if (refused) cancelRef.current?.focus();
  }, [refused]);
  useEffect(() => {
    if (lapsed) {
      setPassword('');
      setError(null);
      askAgainRef.current?.focus();
    }
  }, [lapsed]);

  // Leaving before a decision withdraws the request, so it does not wait on the supervisor's desk to lapse; a lapsed
  // one left the desks by itself.
  const cancel = () => {
    if (approval?.status === 'pendiente' && !lapsed) void teller.approval.withdraw({ approvalId: approval.id });
    onCancel();
  };
  /** A new request for the same operation (the lapsed one stays lapsed): the dialog starts over with it. */
  const askAgain = () => {
    key.current = crypto.randomUUID();
    decided.current = false;
    setApproval(null);
    setDeadline(null);
    setOut(false);
    setError(null);
    setPassword('');
    setNote('');
    void ask();
  };
  const decide = async (decision: 'aprobar' | 'rechazar') => {
    if (approval?.status !== 'pendiente' || busy || lapsed) return;
    const missing = missingForDecision({ username, password, note }, decision);
    if (missing) {
      setError(missing.message);
      focus(missing.field);
      return;
    }
    setBusy(true);
    setError(null);
    const r = await teller.approval.decide({ approvalId: approval.id, decision, username, password, ...(note.trim() ? { note } : {}) });
    setBusy(false);
    if (!r.ok) {
      // Decided at another workstation's desk meanwhile: the dialog shows that decision instead.
      if (r.error.code === 'APPROVAL_ALREADY_DECIDED') {
        const now = await teller.approval.get({ approvalId: approval.id });
        if (now.ok && now.data.approval.status !== 'pendiente') return settled(now.data.approval, true);
      }
      // Lapsed by the core's clock a moment before the count here reached zero: said the same way.
      if (r.error.code === 'APPROVAL_EXPIRED') {
        setOut(true);
        return;
      }
      const next = afterRefusal(r.error.code);
      if (next.clearPassword) setPassword('');
      setError(r.error.message);
      focusAfterRefusal(input(next.field), next.select);
      return;
    }
    settled(r.data.approval, false);
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="approval-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) cancel();
      }}
      onKeyDown={(e) => {
        trapTab(e);
        if (!lapsed) rejectOnF4(e, () => void decide('rechazar'));
      }}
    >
      <h2 id="approval-title">Aprobación del supervisor</h2>
      {approval ? (
        <>
          <p>
            <strong>{approval.summary}</strong> · solicitada por {approval.makerName}
          </p>
          <ul className="reasons" data-testid="approval-reasons">
            {approval.reasons.map((r) => (
              <li key={r.code}>{r.message}</li>
            ))}
          </ul>
          {lapsed ? (
            <p className="error-banner" role="alert" data-testid="approval-lapsed">
              {LAPSED_IN_DIALOG} Presione Enter para pedirla de nuevo o Esc para cerrar.
            </p>
          ) : approval.status === 'pendiente' && left !== null ? (
            <p className="hint" data-testid="approval-time-left">
              Vence en <strong>{formatLeft(left)}</strong>
            </p>
          ) : null}
          {approval.status === 'pendiente' && !lapsed && decidableAtDesks(approval.kind, approval.reasons) ? (
            <p className="hint" data-testid="approval-at-desks">
              {approval.relayed
                ? 'También puede decidirla un supervisor desde su escritorio (F1) en otra estación de la oficina; esta ventana se actualiza sola.'
                : 'Central no ha recibido esta solicitud: por ahora solo puede decidirla un supervisor en esta estación.'}
            </p>
          ) : null}
          {approval.status === 'rechazada' ? (
            <p className="error-banner" role="alert">
              Rechazada por {approval.checkerName}: {approval.note}.{' '}
              {approval.reasons.some((r) => r.code === 'STRUCTURING_ALERT')
                ? 'No reciba el efectivo: devuélvalo al cliente sin mencionarle la alerta. El rechazo rige para esta cuenta y para quien consigna mientras dure la ventana de la alerta; solo un supervisor puede reconsiderarlo (Escritorio del supervisor, F7).'
                : 'No registre la operación.'}{' '}
              Presione Esc para volver.
            </p>
          ) : null}
        </>
      ) : error ? null : (
        <p>Preparando la solicitud…</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (lapsed) askAgain();
          else void decide('aprobar');
        }}
      >
        <div className="inline">
          <div className="field">
            <label htmlFor="sup-user">Usuario del supervisor</label>
            <input id="sup-user" ref={userRef} autoComplete="off" disabled={decidedAlready} value={username} onChange={(e) => setUsername(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="sup-pass">Contraseña del supervisor</label>
            <input id="sup-pass" ref={passRef} type="password" autoComplete="off" disabled={decidedAlready} value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="sup-note">Observación (obligatoria para rechazar)</label>
          <input id="sup-note" ref={noteRef} autoComplete="off" disabled={decidedAlready} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {error ? (
          <div className="error-banner" role="alert">
            {error}
          </div>
        ) : null}
        <div className="actions">
          <button type="button" className="secondary" ref={cancelRef} onClick={cancel} disabled={busy}>
            Cancelar <kbd>Esc</kbd>
          </button>
          {lapsed ? (
            <button type="submit" className="primary" ref={askAgainRef}>
              Pedir de nuevo <kbd>Enter</kbd>
            </button>
          ) : (
            <>
              <button type="button" onClick={() => void decide('rechazar')} disabled={busy || approval?.status !== 'pendiente'}>
                Rechazar <kbd>F4</kbd>
              </button>
              <button type="submit" className="primary" disabled={busy || approval?.status !== 'pendiente'}>
                {busy ? 'Verificando…' : 'Aprobar'} <kbd>Enter</kbd>
              </button>
            </>
          )}
        </div>
      </form>
    </dialog>
  );
};
