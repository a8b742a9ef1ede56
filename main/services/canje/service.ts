import type { CanjeChequeView } from '../../../domain/contract/canje';
import type { PostedComprobante } from '../../../domain/contract/receipt';
import type { User } from '../../../domain/contract/session';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { AppError } from '../../core/errors';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import type { CanjeRecord } from '../../store/canje/repo';
import type { ComprobanteDeps } from '../comprobante/deps';
import type { Db } from '../../store/db';
import { owingReturn, returnChargesNow } from '../cheque-return/owed-now';
import { printReturnReceipt } from '../cheque-return/print';
import { chargeReturn, returnOperation } from '../cheque-return/booking';
import { branchReturnsOf, customerNoticeOf, planReturn, registerChequeReturn, type PreparedReturn } from '../cheque-return/register';
import { authorizeFeeWaiver, type AuthorizedReturn, type ReturnRequest } from '../cheque-return/waiver';
import { chequeOfBranch, depositKeyOfRemote, fateOf, fetchBranchCheques, newestFirst, remoteId } from '../cheque-return/branch-list';
import type { BranchCheque } from '../../../domain/central-api';

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
type Clearing = BranchCheque['clearing'];

/**
 * Only central's word makes a cheque "abonado": the workstation's date past its release date says no more than that
 * it is due (central may not have released it yet, or this clock runs ahead), and a teller who read "Abonado" would
 * tell the customer the money is there while central refuses the withdrawal.
 */
const standing = (releaseOn: string, today: string, clearing: Clearing | undefined): 'en_canje' | 'por_abonar' | 'abonado' =>
  clearing === 'cleared' ? 'abonado' : releaseOn <= today ? 'por_abonar' : 'en_canje';

export const createCanjeService = (deps: ComprobanteDeps & { db: Db }) => {
  const view = (r: CanjeRecord, today: string, clearing?: Clearing): CanjeChequeView => ({
    id: r.id,
    sequence: r.sequence,
    accountNumber: r.accountNumber,
    holderName: r.holderName,
    bank: r.bank,
    chequeNumber: r.chequeNumber,
    city: r.city,
    amount: r.amount,
    depositReversed: r.depositReversed,
    status: r.status === 'devuelta' ? 'devuelta' : standing(r.releaseOn, today, clearing),
    receivedOn: r.receivedOn,
    releaseOn: r.releaseOn,
    ...(r.returnedOn ? { returnedOn: r.returnedOn } : {}),
    ...(r.causalId ? { causalId: r.causalId } : {}),
    ...customerNoticeOf(r.causalId ?? undefined),
    returnFee: r.returnFee,
    returnPending: r.returnPending,
    returnFeeIfCharged: deps.rules.returnedChequeFee,
    ...(r.takenAt ? { takenAt: r.takenAt } : {}),
  });
  const today = () => bogotaDate(deps.clock.now());

  /** A canje cheque of central's branch list that this workstation has no row for, as the list shows it. */
  const remoteView = (c: BranchCheque & { releaseOn: string }, on: string): CanjeChequeView => {
    const { returned, depositReversed } = fateOf(c);
    const x = chequeOfBranch(c);
    return {
      id: remoteId(c.depositKey),
      sequence: x.sequence,
      accountNumber: x.accountNumber,
      holderName: x.holderName,
      bank: x.bank,
      chequeNumber: x.chequeNumber,
      city: x.city,
      amount: x.amount,
      depositReversed,
      status: returned ? 'devuelta' : standing(c.releaseOn, on, c.clearing),
      receivedOn: x.receivedOn,
      releaseOn: c.releaseOn,
      ...(returned ? { returnedOn: returned.on, causalId: returned.causalId } : {}),
      ...customerNoticeOf(returned?.causalId),
      returnFee: returned?.fee ?? 0,
      returnPending: 0,
      returnFeeIfCharged: deps.rules.returnedChequeFee,
      takenAt: c.workstation,
    };
  };
  const canjeOf = (branch: readonly BranchCheque[]) => branch.flatMap((c) => (c.route === 'canje' && c.releaseOn !== undefined ? [{ ...c, releaseOn: c.releaseOn }] : []));

  /** Rows here whose cheque another workstation returned since follow central (the receipt was printed there). */
  const follow = (branch: readonly BranchCheque[]): void => {
    const at = deps.clock.now().toISOString();
    for (const c of canjeOf(branch)) {
      const { returned } = fateOf(c);
      if (returned) deps.canje.markReturnedElsewhere(c.depositKey, { on: returned.on, causalId: returned.causalId, fee: returned.fee, at });
    }
  };

  /**
   * The store's id of a cheque the list named: a row of this workstation, or one of central's list copied in now
   * (taken at another workstation) so that its return is booked, journaled and printed here like any other.
   */
  const resolve = async (chequeId: string): Promise<string> => {
    const depositKey = depositKeyOfRemote(chequeId);
    if (depositKey === null) return chequeId;
    const known = deps.canje.findByCentralKey(depositKey);
    if (known) return known.id;
    const branch = await fetchBranchCheques(deps);
    if (branch === null) {
      throw new AppError('CENTRAL_UNAVAILABLE', 'Central no responde: el cheque lo recibió otra estación y su devolución se registra con central en línea. Intente de nuevo cuando vuelva la conexión.');
    }
    const c = canjeOf(branch).find((x) => x.depositKey === depositKey);
    if (!c) throw new AppError('CANJE_CHEQUE_NOT_FOUND', 'Central ya no tiene ese cheque en canje. Actualice la lista (F5) e intente de nuevo.');
    const { takenAt, ...x } = chequeOfBranch(c);
    deps.canje.insert({ ...x, id: deps.ids.uuid(), releaseOn: c.releaseOn, takenAt }, deps.clock.now().toISOString());
    follow([c]);
    const saved = deps.canje.findByCentralKey(depositKey);
    if (!saved) throw new AppError('CANJE_CHEQUE_NOT_FOUND', 'No se pudo registrar el cheque de la otra estación. Informe a soporte.');
    return saved.id;
  };

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
    const charge = await chargeReturn(deps, rec, op, rec.releaseOn <= today());
    return { plan, op, charge, branchReturns: await branchReturnsOf(deps, rec) };
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
    list: async (): Promise<{ cheques: CanjeChequeView[]; branchWide: boolean }> => {
      const on = today();
      // Central first: what other workstations of the branch took and did, so this one's rows follow it.
      const branch = await fetchBranchCheques(deps);
      if (branch) follow(branch);
      const records = deps.canje.list();
      const now = await returnChargesNow(deps, records.map(owingReturn));
      const here = new Set(records.map((r) => r.centralKey));
      const clearingOf = new Map(canjeOf(branch ?? []).map((c) => [c.depositKey, c.clearing]));
      // A row here that central does not have yet (its deposit still in the outbox) stays; central's rows this
      // workstation has are shown from its own row, never twice.
      const views = [...records.map((r, i) => ({ ...view(r, on, clearingOf.get(r.centralKey)), ...now[i] })), ...canjeOf(branch ?? []).filter((c) => !here.has(c.depositKey)).map((c) => remoteView(c, on))];
      views.sort(newestFirst);
      return { cheques: views, branchWide: branch !== null };
    },
    returnCheque: async (user: User, req: { idempotencyKey: string; chequeId: string } & ReturnRequest): Promise<CanjeReturnResult> => {
      const { idempotencyKey, chequeId: listed, ...ret } = req;
      const chequeId = await resolve(listed);
      const authorized = await authorizeFeeWaiver(deps, user, ret, { canjeChequeId: chequeId });
      const saved = returnInStore(user, { idempotencyKey, chequeId, ...authorized }, await prepare({ chequeId, ...authorized }));
      if (saved.returnReceipt === null) throw new AppError('CANJE_CHEQUE_NOT_FOUND', 'La devolución quedó sin comprobante. Informe a soporte.');
      return { cheque: view(saved, today()), ...(await printReturnReceipt(deps, saved.returnReceipt)) };
    },
  };
};
export type CanjeService = ReturnType<typeof createCanjeService>;
