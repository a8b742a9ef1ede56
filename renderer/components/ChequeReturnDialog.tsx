import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { bankName } from '../../domain/cheque/banks';
import { RETURN_CAUSALES, type ReturnCausal } from '../../domain/cheque/causales';
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

/** The causales the teller chooses from, numbered 1..n in this order: the number is what the teller types. */
export const CHOOSABLE_CAUSALES = RETURN_CAUSALES.filter((c) => c.active);
const causalLabel = (c: ReturnCausal) => (c.code === null ? c.text : `${c.text} (código Asobancaria ${c.code})`);

/**
 * Causal de devolución (domain-co §5) and whether the returned-cheque fee is charged (cl. 4.2 h); not charging
 * it needs a supervisor, who types their own user and password here. The teller types the causal's number in the
 * list (1..n) and Enter; a confirmation then names the cheque, its bank, amount, account and causal before the
 * return is registered (Enter), because a return reverses a credit and charges a fee: Esc goes back to the choice.
 */
export const ChequeReturnDialog = ({ cheque, busy, refusal, onConfirm, onCancel }: Props) => {
  const ref = useRef<HTMLDialogElement>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const registerRef = useRef<HTMLButtonElement>(null);
  const [typed, setTyped] = useState('');
  const [chargeFee, setChargeFee] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [supUser, setSupUser] = useState('');
  const [supPassword, setSupPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  useEffect(() => {
    if (confirming) registerRef.current?.focus();
    else numberRef.current?.focus();
  }, [confirming]);
  // A refusal of the supervisor's waiver is fixed at the choice (their user and password are there); any other
  // (central's answer lost…) stays on the confirmation, where Enter tries again.
  useEffect(() => {
    if (refusal && !chargeFee) setConfirming(false);
  }, [refusal, chargeFee]);
  const index = /^[0-9]{1,3}$/.test(typed.trim()) ? Number(typed.trim()) : 0;
  const causal = index >= 1 ? CHOOSABLE_CAUSALES[index - 1] : undefined;
  const toConfirm = (e: FormEvent | KeyboardEvent) => {
    e.preventDefault();
    if (!causal) {
      return setError(
        typed.trim() === ''
          ? `Escriba el número de la causal de devolución que trae el cheque (1 a ${CHOOSABLE_CAUSALES.length}).`
          : `No hay causal número ${typed.trim()}: escriba un número de 1 a ${CHOOSABLE_CAUSALES.length}.`,
      );
    }
    if (!chargeFee && (!supUser.trim() || !supPassword)) return setError('Para no cobrar la comisión, el supervisor escribe su usuario y contraseña.');
    setError(null);
    setConfirming(true);
  };
  const register = () => {
    if (!causal || busy) return;
    if (chargeFee) onConfirm(causal.id, true);
    else onConfirm(causal.id, false, { username: supUser, password: supPassword });
  };
  const fee = cheque.returnFeeIfCharged === undefined ? '' : ` (${formatPesos(cheque.returnFeeIfCharged)})`;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="return-title"
      onKeyDown={trapTab}
      onCancel={(e) => {
        e.preventDefault();
        if (busy) return;
        if (confirming) setConfirming(false);
        else onCancel();
      }}
    >
      {confirming && causal ? (
        <div>
          {/* The same dialog, one step on: its name stays "Devolver cheque". */}
          <h2 id="return-title">Devolver cheque</h2>
          <h3>Confirme la devolución antes de registrarla</h3>
          <dl className="return-confirm" data-testid="return-confirm">
            <dt>Cheque</dt>
            <dd>{cheque.chequeNumber}</dd>
            <dt>Banco</dt>
            <dd>
              {bankName(cheque.bank)} ({cheque.city})
            </dd>
            <dt>Valor</dt>
            <dd>{formatPesos(cheque.amount)}</dd>
            <dt>Cuenta</dt>
            <dd>{cheque.accountNumber}</dd>
            <dt>Causal</dt>
            <dd>
              {index}. {causalLabel(causal)}
            </dd>
            <dt>Comisión</dt>
            <dd>{chargeFee ? `Se cobra${fee}` : `No se cobra: autoriza el supervisor ${supUser.trim()}`}</dd>
          </dl>
          <p>Se reversa el abono condicional de la cuenta.</p>
          <ErrorList error={refusal} />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={busy}>
              Volver <kbd>Esc</kbd>
            </button>
            <button type="button" className="primary" ref={registerRef} onClick={register} disabled={busy}>
              {busy ? 'Procesando…' : 'Registrar devolución'} <kbd>Enter</kbd>
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={toConfirm}>
          <h2 id="return-title">Devolver cheque</h2>
          <p>
            Cheque {cheque.chequeNumber} de {bankName(cheque.bank)} ({cheque.city}) por {formatPesos(cheque.amount)} · cuenta {cheque.accountNumber}. Se
            reversa el abono condicional.
          </p>
          <div className="field">
            <label htmlFor="return-causal">Causal de devolución (número)</label>
            <input
              id="return-causal"
              ref={numberRef}
              inputMode="numeric"
              autoComplete="off"
              aria-describedby="return-causal-chosen"
              value={typed}
              onChange={(e) => setTyped(e.target.value.replace(/[^0-9]/g, ''))}
            />
            <p id="return-causal-chosen" data-testid="return-causal-chosen" aria-live="polite">
              {causal ? `${index}. ${causalLabel(causal)}` : typed.trim() === '' ? 'Escriba el número de la lista.' : `No hay causal número ${typed.trim()}.`}
            </p>
          </div>
          <ol className="causal-list" aria-label="Causales de devolución" data-testid="causal-list">
            {CHOOSABLE_CAUSALES.map((c, i) => (
              <li key={c.id} aria-current={i + 1 === index ? 'true' : undefined}>
                <button type="button" tabIndex={-1} onClick={() => setTyped(String(i + 1))}>
                  {causalLabel(c)}
                </button>
              </li>
            ))}
          </ol>
          {/* Inline, as the other checkboxes: `.field` stacks its children and stretched the box over the label. */}
          <p>
            <label>
              <input type="checkbox" checked={chargeFee} onChange={(e) => setChargeFee(e.target.checked)} /> Cobrar comisión por cheque devuelto
              {fee}
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
              Revisar devolución <kbd>Enter</kbd>
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
};
