import { useEffect, useState } from 'react';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { TellerApi } from '../../../domain/contract/client';
import type { ChargeDifference } from '../../../domain/contract/deposit';

/**
 * Inicio: deposits and transfers whose pending charge paid at central differs from what their receipt printed, and
 * comparisons that failed, of any day until someone marks them seen (Visto: Tab to it, Enter). Central answers after
 * the receipt is out, so the teller learns it here, between customers; one that arrived overnight is not lost.
 */
export const ChargeDifferences = ({ teller, syncedAt }: { teller: TellerApi; syncedAt: string | null }) => {
  const [differences, setDifferences] = useState<ChargeDifference[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      void teller.deposit.chargeDifferences({}).then((r) => {
        if (r.ok) setDifferences(r.data.differences);
      });
    load();
    // Central's answer may arrive while Inicio is open: read again after each sync round, and now and then.
    const timer = setInterval(load, 5_000);
    return () => clearInterval(timer);
  }, [teller, syncedAt]);
  const seen = (id: string) =>
    void teller.deposit.chargeDifferenceSeen({ id }).then((r) => {
      setFailed(r.ok ? null : r.error.message);
      if (r.ok) setDifferences((old) => old.filter((d) => d.id !== id));
    });
  if (differences.length === 0) return null;
  return (
    <section className="panel" aria-label="Cargos pendientes distintos de lo impreso" data-testid="charge-differences">
      <h2>Cargos pendientes pagados distintos de lo impreso</h2>
      {failed ? (
        <p className="error-banner" role="alert">
          {failed}
        </p>
      ) : null}
      {differences.map((d) => (
        <p key={d.id} className="error-banner" role="status">
          {formatReceiptDateTime(d.at)}
          {d.account ? ` · cuenta ${d.account}` : ''}: {d.message}{' '}
          <button type="button" className="secondary" aria-label={`Visto: ${d.sequence ?? 'comparación fallida'} del ${formatReceiptDateTime(d.at)}`} onClick={() => seen(d.id)}>
            Visto <kbd>Enter</kbd>
          </button>
        </p>
      ))}
    </section>
  );
};
