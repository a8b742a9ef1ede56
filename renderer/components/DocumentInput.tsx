import { useId } from 'react';

export const DOCUMENT_TYPES = [
  { code: 'CC', label: 'Cédula de ciudadanía' },
  { code: 'CE', label: 'Cédula de extranjería' },
  { code: 'TI', label: 'Tarjeta de identidad' },
  { code: 'PA', label: 'Pasaporte' },
  { code: 'PPT', label: 'Permiso por protección temporal' },
  { code: 'NIT', label: 'NIT' },
] as const;
export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]['code'];

export interface DocumentValue {
  type: DocumentTypeCode;
  number: string;
}

interface Props {
  label: string;
  value: DocumentValue;
  onChange: (v: DocumentValue) => void;
  error?: string | null;
  autoFocus?: boolean;
  /** Enter in the type or the number: the screen's next step (review), as in every other field of a comprobante. */
  onEnter?: () => void;
}

/** Document type and number; the number keeps only what the type allows (digits, or letters for passports). */
export const DocumentInput = ({ label, value, onChange, error, autoFocus, onEnter }: Props) => {
  const id = useId();
  const clean = (type: DocumentTypeCode, text: string) =>
    type === 'PA' || type === 'CE' || type === 'PPT' ? text.toUpperCase().replace(/[^0-9A-Z]/g, '') : text.replace(/[^0-9-]/g, '');
  return (
    <fieldset className="field document">
      <legend>{label}</legend>
      <label htmlFor={`${id}-type`} className="sr-only">
        Tipo de documento
      </label>
      <select
        id={`${id}-type`}
        value={value.type}
        onChange={(e) => {
          const type = e.target.value as DocumentTypeCode;
          onChange({ type, number: clean(type, value.number) });
        }}
        // Enter on the list is the number's Enter, never Chromium's opening of the options (the arrows choose): the
        // screen's next step, or in a form its submit, as Enter in the number submits it.
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (onEnter) onEnter();
          else e.currentTarget.form?.requestSubmit();
        }}
      >
        {DOCUMENT_TYPES.map((t) => (
          <option key={t.code} value={t.code}>
            {t.code} — {t.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-number`} className="sr-only">
        Número de documento
      </label>
      <input
        id={`${id}-number`}
        autoComplete="off"
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        value={value.number}
        maxLength={20}
        onChange={(e) => onChange({ ...value, number: clean(value.type, e.target.value) })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter) {
            e.preventDefault();
            onEnter();
          }
        }}
      />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
};
