import type { CanjeChequeView } from '../../../domain/contract/canje';
import type { PostedComprobante } from '../../../domain/contract/receipt';
import type { User } from '../../../domain/contract/session';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { AppError } from '../../core/errors';
import { bogotaDate } from '../../core/runtime';
import type { CanjeRecord } from '../../store/canje/repo';
import type { ComprobanteDeps } from '../comprobante/deps';
import type { Db } from '../../store/db';
import { printReturnReceipt } from '../cheque-return/print';
import { customerNoticeOf, registerChequeReturn } from '../cheque-return/register';
import { authorizeFeeWaiver, type AuthorizedReturn, type ReturnRequest } from '../cheque-return/waiver';
import { authorizeDebit, postAuthorized } from '../comprobante/authorize';
import { planReturnedCheque } from '../../../domain/cheque/returned';

export interface CanjeReturnResult {
  cheque: CanjeChequeView;
  receipt: ReceiptDocument;
  printJob: NonNullable<PostedComprobante['printJob']>;
}

/**
 * Same-city cheques in canje (seed 003 cl. 3.9). The clearing house may return one unpaid, even after its release
 * date (central then takes it from the available balance): the shared cheque return reverses that cheque's own
 * central operation, charges or waives the fee, journals it and prints the receipt.
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
  });
  const today = () => bogotaDate(deps.clock.now());

  /**
   * A cheque that already cleared was spendable: its credit and fee come back out of the available balance, which
   * central holds first (under the return's key), so a refusal leaves the cheque abonado and nothing registered.
   * The return is not taken offline: the teller keeps the cheque and retries. Null when nothing needs holding.
   */
  const holdLateReturn = async (req: { idempotencyKey: string; chequeId: string } & AuthorizedReturn): Promise<string | null> => {
    const rec = deps.canje.findById(req.chequeId);
    // Anything the return itself refuses (unknown, returned, reversed, not yet cleared) is left to it.
    if (!rec || rec.status === 'devuelta' || rec.depositReversed || rec.releaseOn > today()) return null;
    const plan = planReturnedCheque({ amount: rec.amount, heldIn: 'inCanje', causalId: req.causalId, chargeFee: req.chargeFee }, deps.rules);
    if (!plan.ok) return null;
    const auth = await authorizeDebit(
      deps,
      { key: req.idempotencyKey, account: rec.accountNumber, amount: rec.amount + plan.value.fee },
      `la devolución del cheque ${rec.chequeNumber}, ya abonado`,
      'La devolución no quedó registrada: conserve el cheque e informe al supervisor para el cobro al cliente.',
    );
    if (auth.status === 'authorized') return auth.holdId;
    throw new AppError(
      'CENTRAL_UNAVAILABLE',
      `Central no responde. El cheque ${rec.chequeNumber} ya fue abonado y su devolución se autoriza en línea: conserve el cheque e intente de nuevo cuando vuelva la conexión.`,
    );
  };

  /** `holdId` stays out of the replayed request: a replay after the return finds nothing left to hold. */
  const returnInStore = (user: User, req: { idempotencyKey: string; chequeId: string } & AuthorizedReturn, holdId: string | null): CanjeRecord =>
    deps.idempotent('canje.return', req.idempotencyKey, req, () => {
      const rec = deps.canje.findById(req.chequeId);
      if (!rec) throw new AppError('CANJE_CHEQUE_NOT_FOUND', 'No existe ese cheque en canje. Actualice la lista (F5) e intente de nuevo.');
      if (rec.status === 'devuelta') {
        throw new AppError('CANJE_ALREADY_RETURNED', `El cheque ${rec.chequeNumber} ya está registrado como devuelto. Elija otro cheque de la lista.`);
      }
      const now = deps.clock.now();
      const { fee, receipt } = registerChequeReturn(deps, user, { route: 'canje', ...rec }, { ...req, holdId }, { action: 'canje_devuelta', canjeChequeId: rec.id });
      if (!deps.canje.markReturned(rec.id, { on: bogotaDate(now), causalId: req.causalId, fee, receipt, at: now.toISOString() })) {
        throw new AppError('CANJE_ALREADY_RETURNED', 'Otro usuario registró la devolución de este cheque al mismo tiempo. Actualice la lista.');
      }
      const saved = deps.canje.findById(rec.id);
      if (!saved) throw new AppError('CANJE_CHEQUE_NOT_FOUND', 'El cheque desapareció mientras se actualizaba. Informe a soporte.');
      return saved;
    });

  return {
    list: () => {
      const on = today();
      return deps.canje.list().map((r) => view(r, on));
    },
    returnCheque: async (user: User, req: { idempotencyKey: string; chequeId: string } & ReturnRequest): Promise<CanjeReturnResult> => {
      const { idempotencyKey, chequeId, ...ret } = req;
      const authorized = await authorizeFeeWaiver(deps, user, ret, { canjeChequeId: chequeId });
      const holdId = await holdLateReturn({ idempotencyKey, chequeId, ...authorized });
      const store = () => returnInStore(user, { idempotencyKey, chequeId, ...authorized }, holdId);
      const saved = holdId === null ? store() : postAuthorized(deps, holdId, store);
      if (saved.returnReceipt === null) throw new AppError('CANJE_CHEQUE_NOT_FOUND', 'La devolución quedó sin comprobante. Informe a soporte.');
      return { cheque: view(saved, today()), ...(await printReturnReceipt(deps, saved.returnReceipt)) };
    },
  };
};
export type CanjeService = ReturnType<typeof createCanjeService>;
