import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { formatPesos, groupDigits, MAX_AMOUNT_FIELD } from '../../domain/money/pesos';
import { AMOUNT_FIELD_TOO_LARGE, CENTAVOS_MESSAGE, isTooLarge, MAX_TYPED_DIGITS, pesosOf, readTypedPesos, type TypedPesos } from './typed-pesos';

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
 * More digits than the field takes (`max`, MAX_AMOUNT_FIELD) stay on screen with a message and are no amount.
 */
export const AmountInput = ({ label, value, onChange, onEnter, autoFocus, id, error, max = MAX_AMOUNT_FIELD }: Props) => {
  const generated = useId();
  const inputId = id ?? generated;
  // Only while a comma or too many digits are in the field; otherwise the field shows the value it is given.
  const [typed, setTyped] = useState<TypedPesos | null>(null);
  useEffect(() => {
    // The form set another amount (or cleared it): what was typed no longer stands.
    if (typed && value !== pesosOf(typed, max)) setTyped(null);
  }, [value, typed, max]);
  const typedError = typed && isTooLarge(typed, max) ? (max === MAX_AMOUNT_FIELD ? AMOUNT_FIELD_TOO_LARGE : `El valor supera el máximo de ${formatPesos(max)}: revise el valor.`) : typed && pesosOf(typed, max) === null && typed.whole !== '' ? CENTAVOS_MESSAGE : null;
  const shownError = error ?? typedError;
  const shown = typed ? `${typed.whole === '' ? '' : groupDigits(Number(typed.whole))}${typed.centavos === null ? '' : `,${typed.centavos}`}` : value === null ? '' : groupDigits(value);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && onEnter) {
      e.preventDefault();
      // The field's own message says what to fix: a review now would only say the amount is missing.
      if (!typedError) onEnter();
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
            const read = readTypedPesos(e.target.value);
            // Past the digits shown, the rest is cut rather than the key (or a whole paste) ignored: the field
            // then shows the amount too large, with its message, instead of staying as it was.
            const t = read.whole.length > MAX_TYPED_DIGITS ? { ...read, whole: read.whole.slice(0, MAX_TYPED_DIGITS) } : read;
            setTyped(t.centavos === null && !isTooLarge(t, max) ? null : t);
            onChange(pesosOf(t, max));
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
