import type { TellerApi } from '../../../domain/contract/client';
import { lapsedRequestNotice, type LapsedRequest } from '../../../domain/approval/lapsed';
import { useToldOnce } from '../../components/useToldOnce';

const read = async (teller: TellerApi): Promise<LapsedRequest[] | null> => {
  const r = await teller.supervisor.lapsed({});
  return r.ok ? r.data.requests : null;
};
const shown = (teller: TellerApi, ids: string[]) => teller.supervisor.lapsedShown({ ids });

/**
 * Inicio: the teller's own requests to a supervisor, of any kind, that lapsed with no decision (typically overnight,
 * or while the teller was away from the screen that waited on it), each told once.
 */
export const LapsedRequests = ({ teller }: { teller: TellerApi }) => {
  const lapsed = useToldOnce(teller, read, shown);
  if (lapsed.length === 0) return null;
  return (
    <section className="panel" aria-label="Solicitudes vencidas">
      {lapsed.map((r) => (
        <p key={r.id} className="error-banner" role="status" data-testid="request-lapsed">
          {lapsedRequestNotice(r)}
        </p>
      ))}
    </section>
  );
};
