import { useRef, useState, type KeyboardEvent } from 'react';
import { BILLS, COINS, countOf, totalOfCount, type Denomination, type DenominationCount } from '../../domain/money/denominations';
import { formatPesos, groupDigits } from '../../domain/money/pesos';

interface Props {
  value: DenominationCount;
  onChange: (value: DenominationCount) => void;
  /** Enter on the last row. */
  onDone?: () => void;
  caption: string;
  autoFocus?: boolean;
}

const ROWS: readonly Denomination[] = [...BILLS, ...COINS];
const MAX_PIECES = 999_999;

/**
 * Count by denomination, keyboard only: type the pieces, Enter or ↓ moves down, ↑ moves up; subtotals and the
 * total update as the teller types. A row holds at most 999.999 pieces: a key past that is refused and the row says so.
 */
export const DenominationGrid = ({ value, onChange, onDone, caption, autoFocus }: Props) => {
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  // The row whose last key went past MAX_PIECES: the key is refused and the row says why.
  const [capped, setCapped] = useState<Denomination | null>(null);
  const focus = (i: number) => inputs.current[i]?.select();
  const onKeyDown = (i: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      if (i < ROWS.length - 1) focus(i + 1);
      else if (e.key === 'Enter') onDone?.();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (i > 0) focus(i - 1);
    }
  };
  const set = (d: Denomination, text: string) => {
    const digits = text.replace(/\D/g, '');
    const n = digits === '' ? 0 : Number(digits);
    // Clamping turned 123.456 and one more digit into 999.999 without a word; the row keeps what it had instead.
    if (n > MAX_PIECES) return setCapped(d);
    setCapped(null);
    const key: `${Denomination}` = `${d}`;
    onChange(Object.fromEntries(Object.entries({ ...value, [key]: n }).filter(([, v]) => v > 0)));
  };
  const pieces = ROWS.reduce((s, d) => s + countOf(value, d), 0);
  return (
    <table className="denoms">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Denominación</th>
          <th scope="col">Cantidad</th>
          <th scope="col">Subtotal</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((d, i) => {
          const n = countOf(value, d);
          const kind = i < BILLS.length ? 'Billetes' : 'Monedas';
          return (
            <tr key={d} className={i === BILLS.length ? 'first-coin' : undefined}>
              <th scope="row">
                <label htmlFor={`denom-${d}`}>
                  {formatPesos(d)} <span className="muted">{kind === 'Billetes' ? 'billete' : 'moneda'}</span>
                </label>
              </th>
              <td>
                <input
                  id={`denom-${d}`}
                  ref={(el) => {
                    inputs.current[i] = el;
                  }}
                  inputMode="numeric"
                  autoComplete="off"
                  autoFocus={autoFocus && i === 0}
                  value={n === 0 ? '' : String(n)}
                  placeholder="0"
                  aria-invalid={capped === d ? true : undefined}
                  aria-describedby={capped === d ? `denom-${d}-err` : undefined}
                  onKeyDown={onKeyDown(i)}
                  onFocus={(e) => e.target.select()}
                  onChange={(e) => set(d, e.target.value)}
                  onBlur={() => setCapped((c) => (c === d ? null : c))}
                />
                {capped === d ? (
                  <p className="field-error" id={`denom-${d}-err`} role="alert">
                    Máximo {groupDigits(MAX_PIECES)} piezas
                  </p>
                ) : null}
              </td>
              <td className="num">{n === 0 ? '—' : formatPesos(d * n)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="num" data-testid="count-pieces">
            {groupDigits(pieces)} {pieces === 1 ? 'pieza' : 'piezas'}
          </td>
          <td className="num total" data-testid="count-total" aria-live="polite">
            {formatPesos(totalOfCount(value))}
          </td>
        </tr>
      </tfoot>
    </table>
  );
};
