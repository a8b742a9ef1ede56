import type { CanjeChequeView } from '../../../domain/contract/canje';
import type { PostedComprobante } from '../../../domain/contract/receipt';
import type { User } from '../../../domain/contract/session';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { AppError } from '../../core/errors';
import { bogotaDate } from '../../core/runtime';
import type { CanjeRecord } from '../../store/canje/repo';
import type { ComprobanteDeps } from '../comprobante/deps';
import type { Db } from '../../store/db';
import { owingReturn, returnChargesNow } from '../cheque-return/owed-now';
import { printReturnReceipt } from '../cheque-return/print';
import { chargeReturn, returnOperation } from '../cheque-return/booking';
import { customerNoticeOf, planReturn, registerChequeReturn, type PreparedReturn } from '../cheque-return/register';
import { authorizeFeeWaiver, type AuthorizedReturn, type ReturnRequest } from '../cheque-return/waiver';

export interface CanjeReturnResult {
  cheque: CanjeChequeView;
  receipt: ReceiptDocument;
  printJob: NonNullable<PostedComprobante['printJob']>;
}

/**
 * Same-city cheques in canje (seed 003 cl. 3.9). The clearing house may return one unpaid, even after its release
 * date and after the customer spent it (central then takes what the available balance has and keeps the rest as a
 * pending charge): the shared cheque return reverses that cheque's own central operation, charges or waives the
 * fee, journals it and prints the receipt with what was debited and what stays owed.
 */
export const createCanjeService = (deps: ComprobanteDeps & { db: Db }) => {
  const view = (r: CanjeRecord, today: string): CanjeChequeView => ({
    id: r.id,
    sequence: r.sequence,
    accountNumber: r.accountNumber,
    holderName: r.holderName,
    bank: r.bank,
    chequeNumber: r.chequeNumber,
    city: r.city,
    amount: r.amount,
    depositReversed: r.depositReversed,
    status: r.status === 'devuelta' ? 'devuelta' : r.releaseOn <= today ? 'abonado' : 'en_canje',
    receivedOn: r.receivedOn,
    releaseOn: r.releaseOn,
    ...(r.returnedOn ? { returnedOn: r.returnedOn } : {}),
    ...(r.causalId ? { causalId: r.causalId } : {}),
    ...customerNoticeOf(r.causalId ?? undefined),
    returnFee: r.returnFee,
    returnPending: r.returnPending,
    returnFeeIfCharged: deps.rules.returnedChequeFee,
  });
  const today = () => bogotaDate(deps.clock.now());

  /**
   * Before the posting (central is asked online): the plan, the central reversal and what it took and left owed.
   * Null when the store has the last word: an unknown or already returned cheque (refused, or a replay).
   */
  const prepare = async (req: { chequeId: string } & AuthorizedReturn): Promise<PreparedReturn | null> => {
    const rec = deps.canje.findById(req.chequeId);
    if (!rec || rec.status === 'devuelta') return null;
    const plan = planReturn(deps, { route: 'canje', ...rec }, req);
    const op = returnOperation(deps, rec, plan.causal.id, plan.fee);
    // Past its release date the credit may have been spent; before it, it still waits in canje.
    return { plan, op, charge: await chargeReturn(deps, rec, op, rec.releaseOn <= today()) };
  };

  /** `prepared` stays out of the replayed request: a replay answers from the store. */
  const returnInStore = (user: User, req: { idempotencyKey: string; chequeId: string } & AuthorizedReturn, prepared: PreparedReturn | null): CanjeRecord =>
    deps.idempotent('canje.return', req.idempotencyKey, req, () => {
      const rec = deps.canje.findById(req.chequeId);
      if (!rec) throw new AppError('CANJE_CHEQUE_NOT_FOUND', 'No existe ese cheque en canje. Actualice la lista (F5) e intente de nuevo.');
      if (rec.status === 'devuelta' || !prepared) {
        throw new AppError('CANJE_ALREADY_RETURNED', `El cheque ${rec.chequeNumber} ya está registrado como devuelto. Elija otro cheque de la lista.`);
      }
      const now = deps.clock.now();
      const { fee, pending, receipt } = registerChequeReturn(deps, user, { route: 'canje', ...rec }, { ...req, prepared }, { action: 'canje_devuelta', canjeChequeId: rec.id });
      if (!deps.canje.markReturned(rec.id, { on: bogotaDate(now), causalId: req.causalId, fee, pending, receipt, at: now.toISOString() })) {
        throw new AppError('CANJE_ALREADY_RETURNED', 'Otro usuario registró la devolución de este cheque al mismo tiempo. Actualice la lista.');
      }
      const saved = deps.canje.findById(rec.id);
      if (!saved) throw new AppError('CANJE_CHEQUE_NOT_FOUND', 'El cheque desapareció mientras se actualizaba. Informe a soporte.');
      return saved;
    });

  return {
    /**
     * A return that left a charge says what central says is still owed of it now, not the figure of the day it came
     * back: the account's later credits pay it (at any workstation). One question per account owing.
     */
    list: async () => {
      const on = today();
      const records = deps.canje.list();
      const now = await returnChargesNow(deps, records.map(owingReturn));
      return records.map((r, i) => ({ ...view(r, on), ...now[i] }));
    },
    returnCheque: async (user: User, req: { idempotencyKey: string; chequeId: string } & ReturnRequest): Promise<CanjeReturnResult> => {
      const { idempotencyKey, chequeId, ...ret } = req;
      const authorized = await authorizeFeeWaiver(deps, user, ret, { canjeChequeId: chequeId });
      const saved = returnInStore(user, { idempotencyKey, chequeId, ...authorized }, await prepare({ chequeId, ...authorized }));
      if (saved.returnReceipt === null) throw new AppError('CANJE_CHEQUE_NOT_FOUND', 'La devolución quedó sin comprobante. Informe a soporte.');
      return { cheque: view(saved, today()), ...(await printReturnReceipt(deps, saved.returnReceipt)) };
    },
  };
};
export type CanjeService = ReturnType<typeof createCanjeService>;
