import { useEffect, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { RejectedReversal } from '../../../domain/contract/reversal';
import { formatPesos } from '../../../domain/money/pesos';

const POLL_MS = 3000;

/**
 * Inicio: reversals a supervisor rejected at a desk after the teller left the panel. The core tells each once (its
 * answer counts as told), so what arrived stays on screen until the teller leaves Inicio.
 */
export const RejectedReversals = ({ teller }: { teller: TellerApi }) => {
  const [rejected, setRejected] = useState<RejectedReversal[]>([]);
  useEffect(() => {
    const load = () => void teller.reversal.rejections({}).then((r) => r.ok && r.data.reversals.length > 0 && setRejected((old) => [...old, ...r.data.reversals]));
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [teller]);
  if (rejected.length === 0) return null;
  return (
    <section className="panel" aria-label="Reversos rechazados">
      {rejected.map((r, i) => (
        <p key={`${r.sequence}-${i}`} className="error-banner" role="status">
          Reverso de {r.kind} {r.sequence} por {formatPesos(r.total)} rechazado por {r.rejectedBy}
          {r.note ? `: ${r.note}` : ''}. Si procede, solicítelo de nuevo desde el Diario (F5).
        </p>
      ))}
    </section>
  );
};
