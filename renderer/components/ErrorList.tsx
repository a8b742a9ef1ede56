import type { AppErrorShape } from '../../domain/contract/channel';
import './comprobante.css';

/**
 * A refused comprobante: every problem at once, in the core's Spanish, each saying what to do next. `outdated`:
 * the teller changed the comprobante since (see useInputError), so instead of old errors it asks for a new review.
 */
export const ErrorList = ({ error, outdated = false }: { error: AppErrorShape | string | null; outdated?: boolean }) => {
  if (error === null) {
    return outdated ? (
      <p className="muted" data-testid="errors-outdated">
        Cambió lo digitado después de la revisión: presione Revisar (Enter) para ver si queda algo por corregir.
      </p>
    ) : null;
  }
  const items = typeof error === 'string' ? [error] : ((error.details?.errors as { message: string }[] | undefined)?.map((e) => e.message) ?? [error.message]);
  return (
    <div className="error-banner error-list" role="alert">
      {items.length === 1 ? items[0] : (
        <ol>
          {items.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ol>
      )}
    </div>
  );
};
