import type { TellerApi } from '../../../domain/contract/client';
import type { RejectedReactivation } from '../../../domain/contract/reactivation';
import { ToldOnceNotices } from '../../components/ToldOnceNotices';

const read = async (teller: TellerApi): Promise<RejectedReactivation[] | null> => {
  const r = await teller.reactivation.rejections({});
  return r.ok ? r.data.reactivations : null;
};
const shown = (teller: TellerApi, ids: string[]) => teller.reactivation.rejectionsShown({ ids });
const say = (r: RejectedReactivation) => `${r.summary} rechazada por ${r.rejectedBy}${r.note ? `: ${r.note}` : ''}. Si procede, solicítela de nuevo (A).`;

/**
 * Inicio: reactivations a supervisor rejected at a desk (here or at another workstation) after the teller left the
 * screen that waited on them, told as rejected reversals are: who rejected it and why.
 */
export const RejectedReactivations = ({ teller }: { teller: TellerApi }) => (
  <ToldOnceNotices teller={teller} label="Reactivaciones rechazadas" read={read} shown={shown} say={say} />
);
