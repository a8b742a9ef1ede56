import type { TellerApi } from '../../../domain/contract/client';
import type { RejectedReversal } from '../../../domain/contract/reversal';
import { formatPesos } from '../../../domain/money/pesos';
import { useToldOnce } from '../../components/useToldOnce';

const read = async (teller: TellerApi): Promise<RejectedReversal[] | null> => {
  const r = await teller.reversal.rejections({});
  return r.ok ? r.data.reversals : null;
};
const shown = (teller: TellerApi, ids: string[]) => teller.reversal.rejectionsShown({ ids });

/** Inicio: reversals a supervisor rejected at a desk after the teller left the panel (a lapsed one: LapsedRequests). */
export const RejectedReversals = ({ teller }: { teller: TellerApi }) => {
  const rejected = useToldOnce(teller, read, shown);
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
