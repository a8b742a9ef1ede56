import { useState, type FormEvent } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import { ErrorBanner } from '../../components/ErrorBanner';

export const LoginScreen = ({ teller }: { teller: TellerApi }) => {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await teller.session.login({ username, password });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      setPassword('');
    }
  };

  return (
    <main className="center-card">
      <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">Caja · Ingreso</h1>
        <div className="field">
          <label htmlFor="username">Usuario</label>
          <input id="username" autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">Contraseña</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <ErrorBanner message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Verificando…' : 'Ingresar'} <kbd>Enter</kbd>
        </button>
      </form>
    </main>
  );
};
