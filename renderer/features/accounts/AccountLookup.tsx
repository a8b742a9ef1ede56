import { useState, type KeyboardEvent } from 'react';
import type { AccountView } from '../../../domain/contract/accounts';
import type { TellerApi } from '../../../domain/contract/client';
import { formatDocument } from '../../../domain/identity/document';
import { formatPesos } from '../../../domain/money/pesos';
import '../../components/comprobante.css';

const KIND = { individual: 'Individual', colectiva: 'Colectiva ("o")', conjunta: 'Conjunta ("y")' } as const;

export const AccountPanel = ({ view, testId = 'account-panel' }: { view: AccountView; testId?: string }) => {
  const a = view.account;
  return (
    <section className="account-panel" aria-label={`Cuenta ${a.number}`} data-testid={testId}>
      <strong>Cuenta {a.number}</strong> · {KIND[a.kind]} · <span className={`state-pill state-${a.state}`}>{a.state}</span>
      {a.gmfExempt ? <span className="muted"> · exenta GMF</span> : null}
      <dl>
        <dt>Titular{a.holders.length > 1 ? 'es' : ''}</dt>
        <dd data-testid="holders">{a.holders.map((h) => `${h.name} (${formatDocument(h.id)})`).join(' · ')}</dd>
        <dt>Disponible</dt>
        <dd data-testid="available">{formatPesos(a.balances.available)}</dd>
        <dt>En canje</dt>
        <dd>{formatPesos(a.balances.inCanje)}</dd>
        <dt>Retenido</dt>
        <dd>{formatPesos(a.balances.onHold)}</dd>
        {view.withdrawable !== null && view.withdrawable !== a.balances.available ? (
          <>
            <dt>Retirable</dt>
            <dd>{formatPesos(view.withdrawable)}</dd>
          </>
        ) : null}
      </dl>
      {view.notices.map((n) => (
        <p key={n} className="notice">
          {n}
        </p>
      ))}
    </section>
  );
};

interface Props {
  teller: TellerApi;
  label?: string;
  id: string;
  autoFocus?: boolean;
  onFound: (view: AccountView) => void;
  onError: (message: string | null) => void;
}

/** Account number, Enter looks it up; digits only. */
export const AccountNumberInput = ({ teller, label = 'Número de cuenta', id, autoFocus, onFound, onError }: Props) => {
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const lookup = async () => {
    if (busy) return;
    if (!/^\d{6,20}$/.test(number)) return onError('Escriba el número de cuenta completo (solo dígitos) y presione Enter.');
    setBusy(true);
    const r = await teller.accounts.lookup({ accountNumber: number });
    setBusy(false);
    if (r.ok) {
      onError(null);
      onFound(r.data);
    } else onError(r.error.message);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void lookup();
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} inputMode="numeric" autoComplete="off" autoFocus={autoFocus} value={number} maxLength={20} onKeyDown={onKeyDown} onChange={(e) => setNumber(e.target.value.replace(/\D/g, ''))} />
    </div>
  );
};
