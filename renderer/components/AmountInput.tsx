import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { groupDigits } from '../../domain/money/pesos';
import { CENTAVOS_MESSAGE, pesosOf, readTypedPesos, type TypedPesos } from './typed-pesos';

interface Props {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  onEnter?: () => void;
  autoFocus?: boolean;
  id?: string;
  error?: string | null;
  max?: number;
}

/**
 * Pesos typed as digits and shown with es-CO separators while typing (`1.234.567`). No decimals exist: a comma
 * is kept on screen with what follows it, `,00` reads as the whole pesos and other centavos as no amount yet.
 */
export const AmountInput = ({ label, value, onChange, onEnter, autoFocus, id, error, max = 999_999_999_999 }: Props) => {
  const generated = useId();
  const inputId = id ?? generated;
  // Only while a comma is in the field; otherwise the field shows the value it is given.
  const [typed, setTyped] = useState<TypedPesos | null>(null);
  useEffect(() => {
    // The form set another amount (or cleared it): what was typed no longer stands.
    if (typed && value !== pesosOf(typed)) setTyped(null);
  }, [value, typed]);
  const centavosError = typed && pesosOf(typed) === null && typed.whole !== '' ? CENTAVOS_MESSAGE : null;
  const shownError = error ?? centavosError;
  const shown = typed ? `${typed.whole === '' ? '' : groupDigits(Number(typed.whole))},${typed.centavos ?? ''}` : value === null ? '' : groupDigits(value);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && onEnter) {
      e.preventDefault();
      onEnter();
    }
  };
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <div className="amount">
        <span aria-hidden="true">$</span>
        <input
          id={inputId}
          inputMode="numeric"
          autoComplete="off"
          autoFocus={autoFocus}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? `${inputId}-err` : undefined}
          value={shown}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            const t = readTypedPesos(e.target.value);
            const n = t.whole === '' ? null : Number(t.whole);
            if (n !== null && !(Number.isSafeInteger(n) && n <= max)) return;
            setTyped(t.centavos === null ? null : t);
            onChange(pesosOf(t));
          }}
        />
      </div>
      {shownError ? (
        <p className="field-error" id={`${inputId}-err`} role="alert">
          {shownError}
        </p>
      ) : null}
    </div>
  );
};
