import { AmountInput } from '../../components/AmountInput';
import { resolveBank, searchBanks, unknownBankMessage } from '../../../domain/cheque/banks';
import { findPlaza, resolvePlaza, searchPlazas, unknownPlazaMessage } from '../../../domain/cheque/plaza-match';
import { OFFICE_PLAZA } from './bogota';
import { PickField } from './PickField';

export interface ChequeRow {
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
export const emptyCheque = (): ChequeRow => ({ bank: '', number: '', drawerAccount: '', amount: null, city: OFFICE_PLAZA?.code ?? '', cityText: OFFICE_PLAZA?.name ?? '' });

const plazaOptions = (typed: string) => searchPlazas(typed).map((p) => ({ key: p.code, label: p.name, detail: p.department }));
const bankOptions = (typed: string) => searchBanks(typed).map((b) => ({ key: b.code, label: `${b.code} ${b.name}` }));

/**
 * One row per cheque of the Comprobante Único: bank, number, drawer account, value and plaza. Bank and plaza
 * come from their lists (type to filter, Enter to take, Tab only when sure); the row shows whether the cheque goes to canje
 * (the office's plaza) or remesa al cobro, as the core will decide from the plaza's code.
 */
export const ChequeRows = ({ rows, onChange }: { rows: ChequeRow[]; onChange: (rows: ChequeRow[]) => void }) => {
  const set = (i: number, patch: Partial<ChequeRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  if (rows.length === 0) return <p className="muted">Sin cheques. <kbd>F8</kbd> agrega un cheque.</p>;
  return (
    <fieldset className="field">
      <legend>Cheques</legend>
      {rows.map((r, i) => {
        const bank = resolveBank(r.bank);
        const plaza = findPlaza(r.city);
        return (
          <div key={i} className="inline" data-testid={`cheque-${i + 1}`}>
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
            <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              Quitar
            </button>
          </div>
        );
      })}
    </fieldset>
  );
};
