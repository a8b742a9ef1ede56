import type { TellerApi } from '../../../domain/contract/client';
import { lapsedRequestNotice, type LapsedRequest } from '../../../domain/approval/lapsed';
import { ToldOnceNotices } from '../../components/ToldOnceNotices';

const read = async (teller: TellerApi): Promise<LapsedRequest[] | null> => {
  const r = await teller.supervisor.lapsed({});
  return r.ok ? r.data.requests : null;
};
const shown = (teller: TellerApi, ids: string[]) => teller.supervisor.lapsedShown({ ids });

/**
 * Inicio: the teller's own requests to a supervisor, of any kind, that lapsed with no decision (typically overnight,
 * or while the teller was away from the screen that waited on it), each told once.
 */
export const LapsedRequests = ({ teller }: { teller: TellerApi }) => (
  <ToldOnceNotices teller={teller} label="Solicitudes vencidas" read={read} shown={shown} say={lapsedRequestNotice} testId="request-lapsed" />
);
