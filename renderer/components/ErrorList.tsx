import type { AppErrorShape } from '../../domain/contract/channel';
import './comprobante.css';

/** A refused comprobante: every problem at once, in the core's Spanish, each saying what to do next. */
export const ErrorList = ({ error }: { error: AppErrorShape | string | null }) => {
  if (error === null) return null;
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
