import { useEffect, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { RejectedReversal } from '../../../domain/contract/reversal';
import { formatPesos } from '../../../domain/money/pesos';

const POLL_MS = 3000;

/**
 * Inicio: reversals a supervisor rejected at a desk after the teller left the panel. The core lists each until this
 * screen says it showed it (a list answered but never drawn, after a crash or a closed window, is listed again), so
 * what arrived stays on screen until the teller leaves Inicio.
 */
export const RejectedReversals = ({ teller }: { teller: TellerApi }) => {
  const [rejected, setRejected] = useState<RejectedReversal[]>([]);
  // The ids of the last answer: each is on screen once this render commits, and acknowledged only then.
  const [shown, setShown] = useState<string[]>([]);
  useEffect(() => {
    const load = () =>
      void teller.reversal.rejections({}).then((r) => {
        if (!r.ok || r.data.reversals.length === 0) return;
        const fresh = r.data.reversals;
        setRejected((old) => [...old, ...fresh.filter((f) => !old.some((o) => o.id === f.id))]);
        setShown(fresh.map((f) => f.id));
      });
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [teller]);
  useEffect(() => {
    // A lost acknowledgement is harmless: the next reread lists them again and this says so again.
    if (shown.length > 0) void teller.reversal.rejectionsShown({ ids: shown });
  }, [teller, shown]);
  if (rejected.length === 0) return null;
  return (
    <section className="panel" aria-label="Reversos rechazados">
      {rejected.map((r) => (
        <p key={r.id} className="error-banner" role="status">
          Reverso de {r.kind} {r.sequence} por {formatPesos(r.total)} rechazado por {r.rejectedBy}
          {r.note ? `: ${r.note}` : ''}. Si procede, solicítelo de nuevo desde el Diario (F5).
        </p>
      ))}
    </section>
  );
};
