import { useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { afterRefusal, missingForDecision } from '../../components/supervisor-decision';
import { refreshPending } from './pending';

/**
 * The supervisor types their own user and password at this workstation (over the shoulder); the core checks
 * the role and that they did not make the request (maker ≠ checker).
 */
export const SupervisorApproval = ({
  teller,
  requestId,
  source,
  onDecided,
  allowReject = true,
  autoFocus = true,
}: {
  teller: TellerApi;
  requestId: string;
  source: 'comprobante' | 'caja' | 'central';
  /** `note`: the supervisor's reason, for the teller to read (a rejection says why). */
  onDecided: (status: string, note: string | null) => void;
  allowReject?: boolean;
  /** The supervisor types next: the form takes the focus when it appears. */
  autoFocus?: boolean;
}) => {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = requestId.slice(0, 8);
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
      setPassword('');
      // The start menu's "(n pendiente)" counts this request until the next poll (3 s) otherwise.
      refreshPending();
      onDecided(r.data.status, note.trim() || null);
    } else {
      if (afterRefusal(r.error.code).clearPassword) setPassword('');
      setError(r.error.message);
    }
  };
  return (
    <form
      className="panel"
      aria-label="Aprobación del supervisor"
      onSubmit={(e) => {
        e.preventDefault();
        void decide('aprobar');
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
            Rechazar
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          Aprobar <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
};
