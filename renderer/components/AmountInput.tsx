import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { formatPesos, groupDigits, MAX_AMOUNT_FIELD } from '../../domain/money/pesos';
import { AMOUNT_FIELD_TOO_LARGE, groupWhole, isTooLarge, MAX_TYPED_DIGITS, pesosOf, readTypedPesos, type TypedPesos } from './typed-pesos';

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

/** What an edit changed in the field's text: the part typed or pasted between what stayed before and after it. */
const splitEdit = (before: string, after: string) => {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p += 1;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s += 1;
  return { prefix: after.slice(0, p), inserted: after.slice(p, after.length - s), suffix: after.slice(after.length - s) };
};

const shownText = (text: string, t: TypedPesos): string =>
  t.form === 'as-typed' ? text : t.form === 'decimal-comma' ? `${groupWhole(t.whole)},${t.centavos ?? ''}` : groupWhole(t.whole);

/**
 * Pesos typed as digits and shown with es-CO separators while typing (`1.234.567`). What is typed or pasted is
 * read by readTypedPesos (typed-pesos.ts): `,00` or `.00` reads as the whole pesos; centavos, a sign, letters or an
 * ambiguous grouping are no amount and say so at the field, with the text left as it was typed. More digits than
 * the field takes (`max`, MAX_AMOUNT_FIELD) stay on screen with a message and are no amount.
 */
export const AmountInput = ({ label, value, onChange, onEnter, autoFocus, id, error, max = MAX_AMOUNT_FIELD }: Props) => {
  const generated = useId();
  const inputId = id ?? generated;
  // What the teller typed, while the field holds it; otherwise the field shows the value it is given.
  const [typed, setTyped] = useState<{ text: string; read: TypedPesos } | null>(null);
  // "1.2" on its way to "1.234" says its problem only after a paste, Enter or leaving the field.
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    // The form set another amount (or cleared it): what was typed no longer stands.
    if (typed && value !== pesosOf(typed.read, max)) setTyped(null);
  }, [value, typed, max]);
  const read = typed?.read ?? null;
  const problem = read && isTooLarge(read, max) ? (max === MAX_AMOUNT_FIELD ? AMOUNT_FIELD_TOO_LARGE : `El valor supera el máximo de ${formatPesos(max)}: revise el valor.`) : read?.problem ?? null;
  const typedError = problem && !(read?.unfinished && !settled) ? problem : null;
  const shownError = error ?? typedError;
  const shown = typed ? shownText(typed.text, typed.read) : value === null ? '' : groupDigits(value);
  // Dots the field put there to group digits are not the teller's: an edit among them reads the digits alone.
  const dotsAreOurs = !typed || typed.read.form === 'digits' || typed.read.form === 'decimal-comma';
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && onEnter) {
      e.preventDefault();
      setSettled(true);
      // The field's own message says what to fix: a review now would only say the amount is missing.
      if (!problem) onEnter();
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
          onBlur={() => setSettled(true)}
          onChange={(e) => {
            const edit = splitEdit(shown, e.target.value);
            // A paste is read as it came; a key typed among the field's own dots, with the digits alone.
            const pasted = edit.inserted.length > 1;
            const text = dotsAreOurs && !pasted ? `${edit.prefix.replace(/\./g, '')}${edit.inserted}${edit.suffix.replace(/\./g, '')}` : e.target.value;
            const next = readTypedPesos(text);
            // Past the digits shown, the rest is cut rather than the key (or a whole paste) ignored: the field
            // then shows the amount too large, with its message, instead of staying as it was.
            const t = next.form === 'digits' && next.whole.length > MAX_TYPED_DIGITS ? readTypedPesos(next.whole.slice(0, MAX_TYPED_DIGITS)) : next;
            setTyped({ text, read: t });
            setSettled(pasted);
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
