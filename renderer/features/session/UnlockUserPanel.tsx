import { useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import { ErrorBanner } from '../../components/ErrorBanner';

/**
 * "Desbloquear usuario" at the log-in screen: a user locked out by failed passwords cannot sign in, so a
 * supervisor frees them here with their own user and password (never their own: another supervisor does).
 */
export const UnlockUserPanel = ({ teller, lockedUsername, onDone, onCancel }: { teller: TellerApi; lockedUsername: string; onDone: (message: string, freedUsername: string) => void; onCancel: () => void }) => {
  const [locked, setLocked] = useState(lockedUsername);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const r = await teller.session.unlockUser({ lockedUsername: locked, supervisor: { username, password } });
    setBusy(false);
    setPassword('');
    if (r.ok) onDone(`El usuario de ${r.data.displayName} quedó desbloqueado. Ingrese con su contraseña.`, locked.trim());
    else setError(r.error.message);
  };
  return (
    <form
      className="card"
      aria-label="Desbloquear usuario"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h1>Desbloquear usuario</h1>
      <div className="field">
        <label htmlFor="unlock-user">Usuario bloqueado</label>
        <input id="unlock-user" autoComplete="off" value={locked} onChange={(e) => setLocked(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="unlock-sup-user">Usuario del supervisor</label>
        <input id="unlock-sup-user" autoFocus autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="unlock-sup-pass">Contraseña del supervisor</label>
        <input id="unlock-sup-pass" type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <ErrorBanner message={error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Volver <kbd>Esc</kbd>
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Desbloquear <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
};
