import { useState } from 'react';
import type { ExistingRequestView } from '../../../domain/contract/security-code';

/**
 * The customer's open requests found at identification (QA: a second radicación got no warning). The safe
 * answer has the focus: resume the unfinished one, or keep the radicado (the customer waits for its code). To
 * replace them the teller types why and presses Enter; the core supersedes them.
 */
export const ExistingRequests = ({
  existing,
  busy,
  onResume,
  onKeep,
  onReplace,
}: {
  existing: readonly ExistingRequestView[];
  busy: boolean;
  onResume: (flowId: string) => void;
  onKeep: (radicado: string) => void;
  onReplace: (reason: string) => void;
}) => {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const resumable = existing.find((e) => e.canResume);
  const radicado = existing.find((e) => e.kind === 'radicado');
  return (
    <section className="sc-existing" data-testid="existing-requests" aria-label="Solicitud abierta del cliente">
      <ul>
        {existing.map((e) => (
          <li key={e.reference}>{e.description}</li>
        ))}
      </ul>
      <div className="actions">
        {resumable ? (
          <button type="button" className="primary" disabled={busy} autoFocus onClick={() => onResume(resumable.reference)}>
            Reanudar la solicitud abierta
          </button>
        ) : radicado ? (
          <button type="button" className="primary" disabled={busy} autoFocus onClick={() => onKeep(radicado.reference)}>
            Conservar el radicado {radicado.reference}
          </button>
        ) : null}
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          if (reason.trim().length < 3) {
            setError('Escriba el motivo del reemplazo (por ejemplo: el cliente perdió el celular).');
            return;
          }
          onReplace(reason.trim());
        }}
      >
        <div className="field">
          <label htmlFor="sc-replace-reason">Motivo para reemplazarla</label>
          <input
            id="sc-replace-reason"
            autoFocus={!resumable && !radicado}
            autoComplete="off"
            maxLength={200}
            value={reason}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
          />
        </div>
        {error ? (
          <p className="error-banner" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="secondary" disabled={busy}>
            Reemplazar la solicitud anterior <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </section>
  );
};
