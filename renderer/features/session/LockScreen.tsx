import { useState, type FormEvent } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { User } from '../../../domain/contract/session';
import { ErrorBanner } from '../../components/ErrorBanner';

/** Shown over whatever was on screen; the work in progress stays in memory and returns after unlocking. */
export const LockScreen = ({ teller, user }: { teller: TellerApi; user: User }) => {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await teller.session.unlock({ password });
    setBusy(false);
    setPassword('');
    if (!r.ok) setError(r.error.message);
  };
  return (
    <div
      className="lock-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      // Keys typed here stay here: the screen kept behind the lock must not act on an F10 or an Enter.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form className="card" onSubmit={(e) => void submit(e)}>
        <h1 id="lock-title">Sesión bloqueada</h1>
        <p>
          {user.displayName}, escriba su contraseña para continuar. Lo que estaba haciendo se conserva.
        </p>
        <div className="field">
          <label htmlFor="unlock-password">Contraseña</label>
          <input
            id="unlock-password"
            type="password"
            autoFocus
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <ErrorBanner message={error} />
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void teller.session.logout({}).then((r) => {
                if (!r.ok) setError(r.error.message);
              })
            }
          >
            Cerrar sesión
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Desbloquear <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </div>
  );
};
