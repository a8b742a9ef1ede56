import type { TellerApi } from '../../../domain/contract/client';
import type { RejectedReactivation } from '../../../domain/contract/reactivation';
import { useToldOnce } from '../../components/useToldOnce';

const read = async (teller: TellerApi): Promise<RejectedReactivation[] | null> => {
  const r = await teller.reactivation.rejections({});
  return r.ok ? r.data.reactivations : null;
};
const shown = (teller: TellerApi, ids: string[]) => teller.reactivation.rejectionsShown({ ids });

/**
 * Inicio: reactivations a supervisor rejected at a desk (here or at another workstation) after the teller left the
 * screen that waited on them, told as rejected reversals are: who rejected it and why.
 */
export const RejectedReactivations = ({ teller }: { teller: TellerApi }) => {
  const rejected = useToldOnce(teller, read, shown);
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
