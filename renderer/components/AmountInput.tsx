import { useId, type KeyboardEvent } from 'react';
import { groupDigits } from '../../domain/money/pesos';

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

/** Pesos typed as digits and shown with es-CO separators while typing (`1.234.567`); no decimals exist. */
export const AmountInput = ({ label, value, onChange, onEnter, autoFocus, id, error, max = 999_999_999_999 }: Props) => {
  const generated = useId();
  const inputId = id ?? generated;
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
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-err` : undefined}
          value={value === null ? '' : groupDigits(value)}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            const digits = e.target.value.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
            if (digits === '') return onChange(null);
            const n = Number(digits);
            if (Number.isSafeInteger(n) && n <= max) onChange(n);
          }}
        />
      </div>
      {error ? (
        <p className="field-error" id={`${inputId}-err`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
};
