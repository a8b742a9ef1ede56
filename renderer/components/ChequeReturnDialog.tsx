import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { bankName } from '../../domain/cheque/banks';
import { RETURN_CAUSALES } from '../../domain/cheque/causales';
import type { AppErrorShape } from '../../domain/contract/channel';
import { formatPesos } from '../../domain/money/pesos';
import { ErrorList } from './ErrorList';
import { trapTab } from './focus-trap';

/** The returned cheque as the dialog names it, whether it came through canje or remesa al cobro. */
export interface ReturnedChequeSummary {
  chequeNumber: string;
  bank: string;
  city: string;
  amount: number;
  accountNumber: string;
  /** The fee the return charges unless waived, when the list knows the tariff. */
  returnFeeIfCharged?: number | undefined;
}

interface Props {
  cheque: ReturnedChequeSummary;
  busy: boolean;
  /** The core's refusal (bad supervisor credentials, fee above the balance…): shown here, the dialog stays. */
  refusal: AppErrorShape | null;
  onConfirm: (causalId: string, chargeFee: boolean, waiver?: { username: string; password: string }) => void;
  onCancel: () => void;
}

/**
 * Causal de devolución (domain-co §5) and whether the returned-cheque fee is charged (cl. 4.2 h); not charging
 * it needs a supervisor, who types their own user and password here. Enter registers.
 */
export const ChequeReturnDialog = ({ cheque, busy, refusal, onConfirm, onCancel }: Props) => {
  const ref = useRef<HTMLDialogElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const [causalId, setCausalId] = useState('');
  const [chargeFee, setChargeFee] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [supUser, setSupUser] = useState('');
  const [supPassword, setSupPassword] = useState('');
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    selectRef.current?.focus();
  }, []);
  const submit = (e: FormEvent | KeyboardEvent) => {
    e.preventDefault();
    if (!causalId) return setError('Seleccione la causal de devolución que trae el cheque.');
    if (chargeFee) return onConfirm(causalId, true);
    if (!supUser.trim() || !supPassword) return setError('Para no cobrar la comisión, el supervisor escribe su usuario y contraseña.');
    setError(null);
    onConfirm(causalId, false, { username: supUser, password: supPassword });
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="return-title"
      onKeyDown={trapTab}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2 id="return-title">Devolver cheque</h2>
        <p>
          Cheque {cheque.chequeNumber} de {bankName(cheque.bank)} ({cheque.city}) por {formatPesos(cheque.amount)} · cuenta {cheque.accountNumber}. Se
          reversa el abono condicional.
        </p>
        <div className="field">
          <label htmlFor="return-causal">Causal de devolución</label>
          <select
            id="return-causal"
            ref={selectRef}
            value={causalId}
            onChange={(e) => setCausalId(e.target.value)}
            // A select does not submit its form on Enter; the teller's Enter registers here too.
            onKeyDown={(e) => {
              if (e.key === 'Enter') submit(e);
            }}
          >
            <option value="">Seleccione…</option>
            {RETURN_CAUSALES.filter((c) => c.active).map((c) => (
              <option key={c.id} value={c.id}>
                {c.code === null ? c.text : `${c.code} · ${c.text}`}
              </option>
            ))}
          </select>
        </div>
        {/* Inline, as the other checkboxes: `.field` stacks its children and stretched the box over the label. */}
        <p>
          <label>
            <input type="checkbox" checked={chargeFee} onChange={(e) => setChargeFee(e.target.checked)} /> Cobrar comisión por cheque devuelto
            {cheque.returnFeeIfCharged === undefined ? '' : ` (${formatPesos(cheque.returnFeeIfCharged)})`}
          </label>
        </p>
        {chargeFee ? null : (
          <fieldset className="field">
            <legend>Autorización del supervisor para no cobrar la comisión</legend>
            <label htmlFor="waiver-user">Usuario del supervisor</label>
            <input id="waiver-user" autoComplete="off" value={supUser} onChange={(e) => setSupUser(e.target.value)} />
            <label htmlFor="waiver-password">Contraseña del supervisor</label>
            <input id="waiver-password" type="password" autoComplete="off" value={supPassword} onChange={(e) => setSupPassword(e.target.value)} />
          </fieldset>
        )}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : (
          <ErrorList error={refusal} />
        )}
        <div className="actions">
          <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
            Cancelar <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Procesando…' : 'Registrar devolución'} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </dialog>
  );
};
