import { useState } from 'react';
import { trapTab } from '../../components/focus-trap';

/** Quick reasons a teller picks with one key; anything else is typed. */
const REASONS = ['El cliente se retiró', 'El cliente no trae el documento', 'Se inició por error'];

/**
 * The reason for closing an open security-code flow (journaled with it). Enter confirms, Esc goes back; the
 * digits 1–3 fill in a frequent reason when the field is empty.
 */
export const CancelReasonForm = ({ what, busy, onConfirm, onBack }: { what: string; busy: boolean; onConfirm: (reason: string) => void; onBack: () => void }) => {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      data-testid="cancel-reason"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        if (reason.trim().length < 3) {
          setError('Escriba el motivo de la cancelación.');
          return;
        }
        onConfirm(reason.trim());
      }}
    >
      <p>
        Cancelar: <strong>{what}</strong>. La solicitud queda cerrada con el motivo en el diario electrónico; no se borra.
      </p>
      <div className="field">
        <label htmlFor="sc-cancel-reason">Motivo de la cancelación</label>
        <input
          id="sc-cancel-reason"
          autoFocus
          autoComplete="off"
          maxLength={200}
          value={reason}
          aria-invalid={error ? true : undefined}
          onKeyDown={(e) => {
            const quick = REASONS[Number(e.key) - 1];
            if (reason === '' && quick) {
              e.preventDefault();
              setReason(quick);
            }
          }}
          onChange={(e) => {
            setReason(e.target.value);
            setError(null);
          }}
        />
      </div>
      <p className="hint">
        {REASONS.map((r, i) => (
          <span key={r}>
            {i > 0 ? ' · ' : ''}
            <kbd>{i + 1}</kbd> {r}
          </span>
        ))}
      </p>
      {error ? (
        <p className="error-banner" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack} disabled={busy}>
          Volver <kbd>Esc</kbd>
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Cancelando…' : 'Cancelar la solicitud'} <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
};

/** The reason form as a modal of its own (the wizard's "Cancelar solicitud"); Esc goes back to the flow. */
export const CancelReasonDialog = (props: { what: string; busy: boolean; onConfirm: (reason: string) => void; onBack: () => void }) => (
  <dialog
    ref={(d) => {
      if (d && !d.open) d.showModal();
    }}
    className="dialog"
    onKeyDown={trapTab}
    aria-label="Cancelar solicitud"
    onClose={props.onBack}
    onCancel={(e) => {
      e.preventDefault();
      if (!props.busy) props.onBack();
    }}
  >
    <CancelReasonForm {...props} />
  </dialog>
);
