import { useRef, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { afterRefusal, focusAfterRefusal, missingForDecision, rejectOnF4 } from '../../components/supervisor-decision';
import { usePendingPoll } from '../../components/usePendingPoll';
import { refreshPending } from './pending';

/** Refusals that say the request is no longer anyone's to decide: the desk drops it from its queue. */
const GONE: ReadonlySet<string> = new Set(['APPROVAL_ALREADY_DECIDED', 'APPROVAL_EXPIRED', 'APPROVAL_WITHDRAWN']);

export type DeskDecision = { status: string; checkerName: string | null; note: string | null };

/**
 * A decision taken at another workstation's desk, said on the teller's screen that waited on it: the screen moves on
 * by itself, and without this line the teller would not know who decided, or why a request came back.
 */
export const DeskDecisionLine = ({ decision }: { decision: DeskDecision }) => {
  const by = decision.checkerName ? ` por ${decision.checkerName}` : '';
  const approved = decision.status === 'aprobada';
  return (
    <p className={approved ? 'notice' : 'error-banner'} role={approved ? 'status' : 'alert'} data-testid="desk-decision">
      {approved
        ? `Aprobada${by} desde el escritorio del supervisor.`
        : decision.status === 'rechazada'
          ? `Rechazada${by} desde el escritorio del supervisor${decision.note ? `: ${decision.note}` : ''}.`
          : 'La solicitud venció sin decisión del supervisor.'}
    </p>
  );
};

/**
 * The supervisor types their own user and password at this workstation (over the shoulder); the core checks
 * the role and that they did not make the request (maker ≠ checker). A till request (source 'caja') also waits on
 * the branch's desks: one decided at another workstation comes in here, and the credential fields go.
 */
export const SupervisorApproval = ({
  teller,
  requestId,
  source,
  onDecided,
  allowReject = true,
  autoFocus = true,
  onGone,
}: {
  teller: TellerApi;
  requestId: string;
  source: 'comprobante' | 'caja' | 'central';
  /**
   * `note`: the supervisor's reason, for the teller to read (a rejection says why); `checkerName`: who decided, when
   * it was at a desk elsewhere (over the shoulder the teller saw who typed).
   */
  onDecided: (status: string, note: string | null, checkerName?: string | null) => void;
  allowReject?: boolean;
  /** The supervisor types next: the form takes the focus when it appears. */
  autoFocus?: boolean;
  /**
   * The request can no longer be decided here (decided at another desk, expired, withdrawn), with the refusal's
   * message; without it the refusal stays on the form, as a screen that has nowhere else to go shows it.
   */
  onGone?: (message: string) => void;
}) => {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [desk, setDesk] = useState<DeskDecision | null>(null);
  const id = requestId.slice(0, 8);
  // Decided here or at a desk: the screen moves on once, whichever answer comes second.
  const settled = useRef(false);
  usePendingPoll(
    source === 'caja' && !desk ? requestId : null,
    async (asked) => {
      const r = await teller.supervisor.request({ id: asked });
      return r.ok && r.data.status !== 'pendiente' ? r.data : null;
    },
    (d) => {
      if (settled.current) return;
      settled.current = true;
      setPassword('');
      setDesk(d);
      refreshPending();
      onDecided(d.status, d.note, d.checkerName);
    },
  );
  const decide = async (decision: 'aprobar' | 'rechazar') => {
    if (busy) return;
    const missing = missingForDecision({ username, password, note }, decision);
    if (missing) {
      setError(missing.message);
      document.getElementById(`sup-${{ username: 'user', password: 'pass', note: 'note' }[missing.field]}-${id}`)?.focus();
      return;
    }
    setBusy(true);
    const r = await teller.supervisor.decide({ id: requestId, source, decision, username, password, ...(note.trim() ? { note } : {}) });
    setBusy(false);
    if (r.ok) {
      if (settled.current) return;
      settled.current = true;
      setPassword('');
      // The start menu's "(n pendiente)" counts this request until the next poll (3 s) otherwise.
      refreshPending();
      onDecided(r.data.status, note.trim() || null);
    } else if (onGone && GONE.has(r.error.code)) {
      setPassword('');
      refreshPending();
      onGone(r.error.message);
    } else {
      const next = afterRefusal(r.error.code);
      if (next.clearPassword) setPassword('');
      setError(r.error.message);
      const field = document.getElementById(`sup-${{ username: 'user', password: 'pass', note: 'note' }[next.field]}-${id}`);
      focusAfterRefusal(field instanceof HTMLInputElement ? field : null, next.select);
    }
  };
  if (desk) {
    // No fields left to type into: the screen around offers the next step (close, count again, ask again).
    return (
      <section className="panel" aria-label="Aprobación del supervisor">
        <h3>Aprobación del supervisor</h3>
        <DeskDecisionLine decision={desk} />
      </section>
    );
  }
  return (
    <form
      className="panel"
      aria-label="Aprobación del supervisor"
      onSubmit={(e) => {
        e.preventDefault();
        void decide('aprobar');
      }}
      onKeyDown={(e) => {
        if (allowReject) rejectOnF4(e, () => void decide('rechazar'));
      }}
    >
      <h3>Aprobación del supervisor</h3>
      <div className="field">
        <label htmlFor={`sup-user-${id}`}>Usuario del supervisor</label>
        <input id={`sup-user-${id}`} autoComplete="off" autoFocus={autoFocus} value={username} onChange={(e) => setUsername(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`sup-pass-${id}`}>Contraseña del supervisor</label>
        <input id={`sup-pass-${id}`} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`sup-note-${id}`}>Motivo de la decisión</label>
        <input id={`sup-note-${id}`} autoComplete="off" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorBanner message={error} />
      <div className="actions">
        {allowReject ? (
          <button type="button" className="secondary" disabled={busy} onClick={() => void decide('rechazar')}>
            Rechazar <kbd>F4</kbd>
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          Aprobar <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
};
