import { useRef, useState, type KeyboardEvent } from 'react';
import type { AccountView } from '../../../domain/contract/accounts';
import type { TellerApi } from '../../../domain/contract/client';
import { formatDocument } from '../../../domain/identity/document';
import { cashPayable } from '../../../domain/money/denominations';
import { formatPesos } from '../../../domain/money/pesos';
import '../../components/comprobante.css';
import { heldFor, takeKey, type Held } from '../../components/type-ahead';
import { NEXT_FIELD, replayOnNextFocus } from './type-ahead';

const KIND = { individual: 'Individual', colectiva: 'Colectiva ("o")', conjunta: 'Conjunta ("y")' } as const;

/**
 * `balances={false}`: another customer's account (a transfer's destination). Banking secrecy: the teller sees only
 * what the operation needs (number, kind, state and what it means, holders), never its balances or charges.
 */
export const AccountPanel = ({ view, testId = 'account-panel', balances = true }: { view: AccountView; testId?: string; balances?: boolean }) => {
  const a = view.account;
  if (!balances) {
    return (
      <section className="account-panel" aria-label={`Cuenta ${a.number}`} data-testid={testId}>
        <strong>Cuenta {a.number}</strong> · {KIND[a.kind]} · <span className={`state-pill state-${a.state}`}>{a.state}</span>
        <dl>
          <dt>Titular{a.holders.length > 1 ? 'es' : ''}</dt>
          <dd data-testid="holders">{a.holders.map((h) => h.name).join(' · ')}</dd>
        </dl>
        {view.stateNotice ? <p className="notice">{view.stateNotice}</p> : null}
        <p className="muted">Cuenta de otro cliente: sus saldos no se muestran (reserva bancaria).</p>
      </section>
    );
  }
  return (
    <section className="account-panel" aria-label={`Cuenta ${a.number}`} data-testid={testId}>
      <strong>Cuenta {a.number}</strong> · {KIND[a.kind]} · <span className={`state-pill state-${a.state}`}>{a.state}</span>
      {a.gmfExempt ? <span className="muted"> · exenta GMF</span> : null}
      <dl>
        <dt>Titular{a.holders.length > 1 ? 'es' : ''}</dt>
        <dd data-testid="holders">{a.holders.map((h) => `${h.name} (${formatDocument(h.id)})`).join(' · ')}</dd>
        <dt>Disponible</dt>
        <dd data-testid="available">{formatPesos(a.balances.available)}</dd>
        <dt>En canje o al cobro</dt>
        <dd>{formatPesos(a.balances.inCanje)}</dd>
        <dt>Retenido</dt>
        <dd>{formatPesos(a.balances.onHold)}</dd>
        {a.balances.pendingCharges ? (
          <>
            <dt>Cargo pendiente (cheque devuelto)</dt>
            <dd data-testid="pending-charges">{formatPesos(a.balances.pendingCharges)}</dd>
          </>
        ) : null}
        {view.embargoRetained > 0 ? (
          <>
            <dt>Retenido por embargo</dt>
            <dd data-testid="embargo-retained">{formatPesos(view.embargoRetained)}</dd>
          </>
        ) : null}
        {/* What a withdrawal may reach once the 4x1000 is taken: the figure the customer is told, not the balance. */}
        {view.maxWithdrawal !== null && (view.maxWithdrawal !== a.balances.available || view.withdrawalNote) ? (
          <>
            <dt>Retirable hoy</dt>
            <dd data-testid="max-withdrawal">
              {/* A blocked or cancelled account: nothing, and why, not a figure the customer cannot have. */}
              {view.maxWithdrawal === 0 && view.withdrawalNote ? view.withdrawalNote : formatPesos(view.maxWithdrawal)}
              {view.withdrawable !== null && view.maxWithdrawal < view.withdrawable ? <span className="muted"> (con el 4x1000)</span> : null}
              {/* The $ 50 coin is the smallest: in cash the customer can take only this much of it. */}
              {cashPayable(view.maxWithdrawal) !== view.maxWithdrawal ? <span className="muted"> · en efectivo {formatPesos(cashPayable(view.maxWithdrawal))}</span> : null}
              {view.maxWithdrawal > 0 && view.withdrawalNote ? <span className="notice"> · {view.withdrawalNote}</span> : null}
            </dd>
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
  /** `false`: the screen refuses this account (a transfer to its own origin); the number stays, selected, to type over. */
  onFound: (view: AccountView) => unknown;
  /** The number was edited away from the account last found: the screen must stop showing (and using) it. */
  onStale: () => void;
  onError: (message: string | null) => void;
}

/**
 * Account number, Enter looks it up; digits only. While the lookup is out, what the teller keeps typing (the
 * amount, and its Enter) is held and typed into the field that takes the focus next: a fast teller loses no key
 * and never changes the number being looked up.
 */
export const AccountNumberInput = ({ teller, label = 'Número de cuenta', id, autoFocus, onFound, onStale, onError }: Props) => {
  const [number, setNumber] = useState('');
  const foundNumber = useRef<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // From the lookup's Enter until the next field has the focus (a ref: keys come faster than renders).
  const ahead = useRef<Held | null>(null);
  const lookup = async () => {
    if (ahead.current) return;
    if (!/^\d{6,20}$/.test(number)) return onError('Escriba el número de cuenta completo (solo dígitos) y presione Enter.');
    ahead.current = heldFor(NEXT_FIELD);
    // A transport that throws instead of answering must not leave the field holding keys for ever.
    const r = await teller.accounts.lookup({ accountNumber: number }).catch(() => null);
    if (r?.ok) {
      onError(null);
      // What was typed ahead was meant for the field after an accepted account: dropped with the refused one.
      if (onFound(r.data) === false) {
        ahead.current = null;
        input.current?.select();
        return;
      }
      foundNumber.current = number;
      replayOnNextFocus(
        () => ahead.current ?? heldFor(NEXT_FIELD),
        input.current,
        () => {
          ahead.current = null;
        },
      );
    } else {
      ahead.current = null;
      onError(r ? r.error.message : 'Caja no respondió la consulta de la cuenta. Presione Enter para intentar de nuevo.');
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Digits and Enter only: the number field's other keys keep their meaning while the lookup is out.
    if (ahead.current && (/^\d$/.test(e.key) || e.key === 'Enter')) {
      e.preventDefault();
      ahead.current = takeKey(ahead.current, e).held;
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      void lookup();
    }
  };
  const onChange = (value: string) => {
    setNumber(value);
    if (foundNumber.current !== null && value !== foundNumber.current) {
      foundNumber.current = null;
      onStale();
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input ref={input} id={id} inputMode="numeric" autoComplete="off" autoFocus={autoFocus} value={number} maxLength={20} onKeyDown={onKeyDown} onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))} />
    </div>
  );
};
