import { AmountInput } from '../../components/AmountInput';
import { OFFICE_CITY } from './bogota';

export interface ChequeRow {
  bank: string;
  number: string;
  drawerAccount: string;
  amount: number | null;
  city: string;
}
export const emptyCheque = (): ChequeRow => ({ bank: '', number: '', drawerAccount: '', amount: null, city: OFFICE_CITY });

/** One row per cheque of the Comprobante Único: bank code, number, drawer account, value and plaza. */
export const ChequeRows = ({ rows, onChange }: { rows: ChequeRow[]; onChange: (rows: ChequeRow[]) => void }) => {
  const set = (i: number, patch: Partial<ChequeRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  if (rows.length === 0) return <p className="muted">Sin cheques. <kbd>F8</kbd> agrega un cheque.</p>;
  return (
    <fieldset className="field">
      <legend>Cheques</legend>
      {rows.map((r, i) => (
        <div key={i} className="inline" data-testid={`cheque-${i + 1}`}>
          <div className="field">
            <label htmlFor={`chq-bank-${i}`}>Banco (código)</label>
            <input id={`chq-bank-${i}`} autoFocus={i === rows.length - 1 && r.bank === ''} size={4} value={r.bank} onChange={(e) => set(i, { bank: e.target.value.replace(/\D/g, '').slice(0, 4) })} />
          </div>
          <div className="field">
            <label htmlFor={`chq-number-${i}`}>No. cheque</label>
            <input id={`chq-number-${i}`} size={10} value={r.number} onChange={(e) => set(i, { number: e.target.value.replace(/\D/g, '') })} />
          </div>
          <div className="field">
            <label htmlFor={`chq-drawer-${i}`}>Cuenta girador</label>
            <input id={`chq-drawer-${i}`} size={12} value={r.drawerAccount} onChange={(e) => set(i, { drawerAccount: e.target.value.replace(/\D/g, '') })} />
          </div>
          <AmountInput id={`chq-amount-${i}`} label="Valor" value={r.amount} onChange={(v) => set(i, { amount: v })} />
          <div className="field">
            <label htmlFor={`chq-city-${i}`}>Plaza</label>
            <input id={`chq-city-${i}`} size={12} value={r.city} onChange={(e) => set(i, { city: e.target.value })} />
          </div>
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Quitar
          </button>
        </div>
      ))}
    </fieldset>
  );
};
