import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { User } from '../../../domain/contract/session';
import { ErrorBanner } from '../../components/ErrorBanner';
import { trapTab, useRestoreFocus } from '../../components/focus-trap';

/**
 * Shown over whatever was on screen; the work in progress stays in memory and returns after unlocking, with the
 * focus where it was. A modal <dialog> opened last, so it sits above a dialog the screen had open (Descartar…)
 * and that dialog is usable again once unlocked.
 */
export const LockScreen = ({ teller, user, onSignOut }: { teller: TellerApi; user: User; onSignOut: () => Promise<string | null> }) => {
  const ref = useRef<HTMLDialogElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useRestoreFocus();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    passwordRef.current?.focus();
  }, []);
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
    <dialog
      ref={ref}
      className="lock-overlay"
      aria-labelledby="lock-title"
      // Keys typed here stay here: the screen kept behind the lock must not act on an F10 or an Enter.
      onKeyDown={(e) => {
        e.stopPropagation();
        // Only the password lifts the lock: Esc must not close it.
        if (e.key === 'Escape') e.preventDefault();
        trapTab(e);
      }}
      onCancel={(e) => e.preventDefault()}
      // Closed by any other way while still locked, it comes back at once.
      onClose={() => ref.current?.isConnected && ref.current.showModal()}
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
            ref={passwordRef}
            type="password"
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
            // With the till open, the same warning as F12 comes first (App); only a failure is said here.
            onClick={() => void onSignOut().then((message) => message && setError(message))}
          >
            Cerrar sesión
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Desbloquear <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </dialog>
  );
};
