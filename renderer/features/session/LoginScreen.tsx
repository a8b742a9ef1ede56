import { useState, type FormEvent } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { UnlockUserPanel } from './UnlockUserPanel';

/** Told when the sign-in is being verified and when it failed: keys typed meanwhile are held, or let go. */
interface TypeAheadOnSignIn {
  started: (username: string) => void;
  failed: () => void;
}

export const LoginScreen = ({ teller, typeAhead }: { teller: TellerApi; typeAhead?: TypeAheadOnSignIn }) => {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // F2: a supervisor frees a locked-out user (the user named in the form, or another).
  const [unlocking, setUnlocking] = useState(false);
  // Back from freeing a user, the form holds that username: the password is what is left to type, and a cursor
  // left at the end of Usuario turned a retyped name into "cajero1cajero1".
  const [passwordNext, setPasswordNext] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    typeAhead?.started(username);
    const r = await teller.session.login({ username, password });
    setBusy(false);
    if (!r.ok) {
      typeAhead?.failed();
      setError(r.error.message);
      setPassword('');
    }
  };

  if (unlocking) {
    return (
      <main className="center-card">
        <UnlockUserPanel
          teller={teller}
          lockedUsername={username}
          onCancel={() => setUnlocking(false)}
          onDone={(message, freedUsername) => {
            setUnlocking(false);
            setUsername(freedUsername);
            setPasswordNext(freedUsername !== '');
            setError(null);
            setNotice(message);
          }}
        />
      </main>
    );
  }

  return (
    <main className="center-card">
      <form
        className="card"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="login-title"
        onKeyDown={(e) => {
          if (e.key === 'F2') {
            e.preventDefault();
            setUnlocking(true);
          }
        }}
      >
        <h1 id="login-title">Caja · Ingreso</h1>
        <div className="field">
          <label htmlFor="username">Usuario</label>
          <input id="username" autoFocus={!passwordNext} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">Contraseña</label>
          <input
            id="password"
            autoFocus={passwordNext}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <ErrorBanner message={error} />
        {notice ? (
          <p className="notice" role="status">
            {notice}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setUnlocking(true)}>
            Desbloquear usuario <kbd>F2</kbd>
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Verificando…' : 'Ingresar'} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </main>
  );
};
