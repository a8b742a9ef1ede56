import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatPesos } from '../../../domain/money/pesos';
import { AmountInput } from '../../components/AmountInput';
import { resolveBank, searchBanks, unknownBankMessage } from '../../../domain/cheque/banks';
import { findPlaza, resolvePlaza, searchPlazas, unknownPlazaMessage } from '../../../domain/cheque/plaza-match';
import { OFFICE_PLAZA } from './bogota';
import { PickField } from './PickField';

export interface ChequeRow {
  /** The row's own React key: with the index as key, removing a row handed its pickers' state to the next one. */
  key: string;
  /** The compensation code picked or typed. */
  bank: string;
  number: string;
  drawerAccount: string;
  amount: number | null;
  /** The plaza's DANE code once picked (or typed in full); otherwise what was typed, which the core refuses. */
  city: string;
  /** What the plaza field shows. */
  cityText: string;
}
export const emptyCheque = (): ChequeRow => ({ key: crypto.randomUUID(), bank: '', number: '', drawerAccount: '', amount: null, city: OFFICE_PLAZA?.code ?? '', cityText: OFFICE_PLAZA?.name ?? '' });

const plazaOptions = (typed: string) => searchPlazas(typed).map((p) => ({ key: p.code, label: p.name, detail: p.department }));
const bankOptions = (typed: string) => searchBanks(typed).map((b) => ({ key: b.code, label: `${b.code} ${b.name}` }));

const described = (r: ChequeRow): string => [r.bank, r.number && `No. ${r.number}`, r.amount !== null && formatPesos(r.amount)].filter(Boolean).join(' · ');

/**
 * Shift+Tab from the slip's total: back to the last row's plaza, the mirror of Tab from it to the total. The
 * total sits after the cash in the page, so the browser went back to the last cash row instead. False without rows.
 */
export const focusLastPlaza = (rows: readonly ChequeRow[]): boolean => {
  const plaza = document.getElementById(`chq-city-${rows.length - 1}`);
  if (rows.length === 0 || !(plaza instanceof HTMLInputElement)) return false;
  plaza.focus();
  // Selected as a Tab into it leaves it: typing replaces the city.
  plaza.select();
  return true;
};

/**
 * One row per cheque of the Comprobante Único: bank, number, drawer account, value and plaza. Bank and plaza
 * come from their lists (type to filter; Enter or Tab takes only a sure choice); the row shows whether the
 * cheque goes to canje (the office's plaza) or remesa al cobro, as the core will decide from the plaza's code.
 *
 * Tab runs through the rows and from the last plaza to `onLeave` (the slip's total); Shift+Tab comes back the
 * same way (`focusLastPlaza`). "Quitar" is out of the Tab order and Ctrl+Supr removes the row being typed: Tab
 * out of the plaza landed on it, and a stray Enter there deleted the cheque just typed.
 */
export const ChequeRows = ({ rows, onChange, onLeave }: { rows: ChequeRow[]; onChange: (rows: ChequeRow[]) => void; onLeave: () => void }) => {
  const [removed, setRemoved] = useState<string | null>(null);
  // After a removal the focus goes to the row that took its place, or on to the total: never left on a button.
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    const i = refocus.current;
    if (i === null) return;
    refocus.current = null;
    const next = document.getElementById(`chq-bank-${i}`);
    if (next) next.focus();
    else onLeave();
  }, [rows, onLeave]);
  const set = (i: number, patch: Partial<ChequeRow>) => {
    setRemoved(null);
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const remove = (i: number) => {
    const r = rows[i];
    if (!r) return;
    refocus.current = i;
    setRemoved(`Se quitó el cheque de la fila ${i + 1}${described(r) ? ` (${described(r)})` : ''}.`);
    onChange(rows.filter((_, j) => j !== i));
  };
  const onRowKeyDown = (i: number) => (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Delete' && e.ctrlKey) {
      e.preventDefault();
      remove(i);
    } else if (e.key === 'Tab' && !e.shiftKey && i === rows.length - 1 && (e.target as HTMLElement).id === `chq-city-${i}`) {
      e.preventDefault();
      onLeave();
    }
  };
  const notice = removed ? (
    <p className="notice" role="status" data-testid="cheque-removed">
      {removed}
    </p>
  ) : null;
  if (rows.length === 0) {
    return (
      <>
        {notice}
        <p className="muted">
          Sin cheques. <kbd>F8</kbd> agrega un cheque.
        </p>
      </>
    );
  }
  return (
    <fieldset className="field">
      <legend>Cheques</legend>
      <p className="muted" data-testid="cheque-keys">
        <kbd>F8</kbd> agrega un cheque. <kbd>Tab</kbd> pasa de campo en campo y, después de la última plaza, al total. <kbd>Ctrl</kbd>+<kbd>Supr</kbd> quita el cheque
        de la fila donde está el cursor.
      </p>
      {notice}
      {rows.map((r, i) => {
        const bank = resolveBank(r.bank);
        const plaza = findPlaza(r.city);
        return (
          <div key={r.key} className="inline" data-testid={`cheque-${i + 1}`} onKeyDown={onRowKeyDown(i)}>
            <PickField
              id={`chq-bank-${i}`}
              label="Banco (código)"
              listLabel="Bancos de canje"
              size={6}
              autoFocus={i === rows.length - 1 && r.bank === ''}
              text={r.bank}
              onText={(bank) => set(i, { bank })}
              options={bank && bank.code === r.bank ? [] : bankOptions(r.bank)}
              exact={bank?.code ?? null}
              onPick={(o) => set(i, { bank: o.key })}
              invalid={r.bank.trim() !== '' && !bank ? unknownBankMessage(r.bank, i + 1) : null}
            />
            <p className="muted" data-testid={`chq-bank-name-${i}`}>
              {bank?.name ?? ''}
            </p>
            <div className="field">
              <label htmlFor={`chq-number-${i}`}>No. cheque</label>
              <input id={`chq-number-${i}`} size={10} value={r.number} onChange={(e) => set(i, { number: e.target.value.replace(/\D/g, '') })} />
            </div>
            <div className="field">
              <label htmlFor={`chq-drawer-${i}`}>Cuenta girador</label>
              <input id={`chq-drawer-${i}`} size={12} value={r.drawerAccount} onChange={(e) => set(i, { drawerAccount: e.target.value.replace(/\D/g, '') })} />
            </div>
            <AmountInput id={`chq-amount-${i}`} label="Valor" value={r.amount} onChange={(v) => set(i, { amount: v })} />
            <PickField
              id={`chq-city-${i}`}
              label="Plaza"
              listLabel="Ciudades"
              size={16}
              text={r.cityText}
              // A name typed in full is that plaza already; anything else waits for a pick and is never guessed.
              onText={(cityText) => set(i, { cityText, city: resolvePlaza(cityText)?.code ?? cityText })}
              options={plaza && plaza.name === r.cityText ? [] : plazaOptions(r.cityText)}
              exact={plaza?.code ?? null}
              onPick={(o) => set(i, { city: o.key, cityText: o.label })}
              invalid={plaza ? null : unknownPlazaMessage(r.cityText)}
            />
            <p className="muted" data-testid={`chq-route-${i}`}>
              {plaza ? (plaza.code === OFFICE_PLAZA?.code ? 'Canje (misma plaza)' : 'Remesa al cobro (otra plaza)') : ''}
            </p>
            <button type="button" tabIndex={-1} aria-keyshortcuts="Control+Delete" onClick={() => remove(i)}>
              Quitar <kbd>Ctrl+Supr</kbd>
            </button>
          </div>
        );
      })}
    </fieldset>
  );
};
