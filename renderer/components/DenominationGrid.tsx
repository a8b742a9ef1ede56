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
export const PIECES_ONLY_DIGITS = 'La cantidad es de piezas enteras: escriba solo dígitos, sin puntos, comas, signos ni letras.';
type RowProblem = { d: Denomination; message: string };

/**
 * Count by denomination, keyboard only: type the pieces, Enter or ↓ moves down, ↑ moves up; subtotals and the
 * total update as the teller types. A row holds at most 999.999 pieces and only digits: a key or a paste past that,
 * or with anything but digits, is refused and the row says so, keeping its count.
 */
export const DenominationGrid = ({ value, onChange, onDone, caption, autoFocus }: Props) => {
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  // The row whose last key or paste was refused (past MAX_PIECES, or not digits): the row keeps its count and says why.
  const [problem, setProblem] = useState<RowProblem | null>(null);
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
    // QA F9: non-digits were dropped, so "1,5" counted 15 pieces, "2.0" 20, "-1" 1 and "1e2" 12. A count is whole
    // pieces: anything else is refused at the row, never read (fullwidth digits and spaces around are digits still).
    const digits = text.normalize('NFKC').trim();
    if (!/^\d*$/.test(digits)) return setProblem({ d, message: PIECES_ONLY_DIGITS });
    const n = digits === '' ? 0 : Number(digits);
    // Clamping turned 123.456 and one more digit into 999.999 without a word; the row keeps what it had instead.
    if (n > MAX_PIECES) return setProblem({ d, message: `Máximo ${groupDigits(MAX_PIECES)} piezas` });
    setProblem(null);
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
                  aria-invalid={problem?.d === d ? true : undefined}
                  aria-describedby={problem?.d === d ? `denom-${d}-err` : undefined}
                  onKeyDown={onKeyDown(i)}
                  onFocus={(e) => e.target.select()}
                  onChange={(e) => set(d, e.target.value)}
                  onBlur={() => setProblem((p) => (p?.d === d ? null : p))}
                />
                {problem?.d === d ? (
                  <p className="field-error" id={`denom-${d}-err`} role="alert">
                    {problem.message}
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
