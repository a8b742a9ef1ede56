import { useEffect, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { RejectedReactivation } from '../../../domain/contract/reactivation';

const POLL_MS = 3000;

/**
 * Inicio: reactivations a supervisor rejected at a desk (here or at another workstation) after the teller left the
 * screen that waited on them, as Inicio tells rejected reversals: who rejected it and why. The core lists each until
 * this screen says it showed it, so what arrived stays on screen until the teller leaves Inicio.
 */
export const RejectedReactivations = ({ teller }: { teller: TellerApi }) => {
  const [rejected, setRejected] = useState<RejectedReactivation[]>([]);
  // The ids of the last answer: each is on screen once this render commits, and acknowledged only then.
  const [shown, setShown] = useState<string[]>([]);
  useEffect(() => {
    const load = () =>
      void teller.reactivation.rejections({}).then((r) => {
        if (!r.ok || r.data.reactivations.length === 0) return;
        const fresh = r.data.reactivations;
        setRejected((old) => [...old, ...fresh.filter((f) => !old.some((o) => o.id === f.id))]);
        setShown(fresh.map((f) => f.id));
      });
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [teller]);
  useEffect(() => {
    // A lost acknowledgement is harmless: the next read lists them again and this says so again.
    if (shown.length > 0) void teller.reactivation.rejectionsShown({ ids: shown });
  }, [teller, shown]);
  if (rejected.length === 0) return null;
  return (
    <section className="panel" aria-label="Reactivaciones rechazadas">
      {rejected.map((r) => (
        <p key={r.id} className="error-banner" role="status">
          {r.summary} rechazada por {r.rejectedBy}
          {r.note ? `: ${r.note}` : ''}. Si procede, solicítela de nuevo (A).
        </p>
      ))}
    </section>
  );
};
