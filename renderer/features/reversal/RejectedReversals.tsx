import type { TellerApi } from '../../../domain/contract/client';
import type { RejectedReversal } from '../../../domain/contract/reversal';
import { formatPesos } from '../../../domain/money/pesos';
import { ToldOnceNotices } from '../../components/ToldOnceNotices';

const read = async (teller: TellerApi): Promise<RejectedReversal[] | null> => {
  const r = await teller.reversal.rejections({});
  return r.ok ? r.data.reversals : null;
};
const shown = (teller: TellerApi, ids: string[]) => teller.reversal.rejectionsShown({ ids });
const say = (r: RejectedReversal) =>
  `Reverso de ${r.kind} ${r.sequence} por ${formatPesos(r.total)} rechazado por ${r.rejectedBy}${r.note ? `: ${r.note}` : ''}. Si procede, solicítelo de nuevo desde el Diario (F5).`;

/** Inicio: reversals a supervisor rejected at a desk after the teller left the panel (a lapsed one: LapsedRequests). */
export const RejectedReversals = ({ teller }: { teller: TellerApi }) => (
  <ToldOnceNotices teller={teller} label="Reversos rechazados" read={read} shown={shown} say={say} />
);
