import { useState, type MutableRefObject } from 'react';
import type { AppErrorShape } from '../../domain/contract/channel';
import type { Result } from '../../domain/contract/index';

/**
 * Central did not answer a debit's online authorization: nothing was posted and nothing may be paid. Retrying
 * reuses the comprobante's key, so central answers with the same hold and the posting can never happen twice.
 * If the customer gives up, Abandonar (Tab, Enter) asks central to release what it may hold under that key.
 */
export const PendingBanner = ({ message, testId, onRetry, onAbandon, busy }: { message: string | null; testId: string; onRetry: () => void; onAbandon?: () => void; busy?: boolean }) =>
  message ? (
    <div className="error-banner" role="alert" data-testid={testId}>
      Pendiente de confirmación: {message}
      <div className="actions">
        {/* The focus goes here when the banner appears, so Enter retries as the message says. */}
        <button type="button" className="primary" autoFocus onClick={onRetry} disabled={busy}>
          Reintentar <kbd>Enter</kbd>
        </button>
        {onAbandon ? (
          <button type="button" className="secondary" onClick={onAbandon} disabled={busy}>
            Abandonar y liberar los fondos
          </button>
        ) : null}
      </div>
    </div>
  ) : null;

type Abandon = (req: { idempotencyKey: string }) => Promise<Result<'withdrawal.abandon'> | Result<'transfer.abandon'>>;

/**
 * Giving up a pending debit: central releases what it may hold under the comprobante's key, and the screen
 * takes a new key, so whatever the teller does next is a new comprobante that cannot post against that hold.
 */
export const useAbandonPending = (abandon: Abandon, key: MutableRefObject<string>, on: { abandoned: () => void; error: (e: AppErrorShape) => void }) => {
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    const r = await abandon({ idempotencyKey: key.current });
    setBusy(false);
    if (!r.ok) return on.error(r.error);
    key.current = crypto.randomUUID();
    setNotice(r.data.message);
    on.abandoned();
  };
  return { notice, busy, run };
};

/** What the abandonment did, until the next comprobante starts. */
export const AbandonNotice = ({ message }: { message: string | null }) =>
  message ? (
    <p className="notice" role="status" data-testid="abandon-notice">
      {message}
    </p>
  ) : null;
