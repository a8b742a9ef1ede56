import { useEffect, useState } from 'react';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { TellerApi } from '../../../domain/contract/client';

interface Difference {
  sequence: string;
  account: string;
  at: string;
  message: string;
}

/**
 * Inicio: today's deposits and transfers whose pending charge paid at central differs from what their receipt
 * printed. Central answers after the receipt is out, so the teller learns it here, between customers.
 */
export const ChargeDifferences = ({ teller, syncedAt }: { teller: TellerApi; syncedAt: string | null }) => {
  const [differences, setDifferences] = useState<Difference[]>([]);
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
  if (differences.length === 0) return null;
  return (
    <section className="panel" aria-label="Cargos pendientes distintos de lo impreso" data-testid="charge-differences">
      <h2>Cargos pendientes pagados distintos de lo impreso</h2>
      {differences.map((d) => (
        <p key={`${d.sequence}-${d.at}`} className="error-banner" role="status">
          {formatReceiptDateTime(d.at)} · cuenta {d.account}: {d.message}
        </p>
      ))}
    </section>
  );
};
