import { applyRemesaEvent, type RemesaEvent, type RemesaStatus } from '../../../domain/cheque/remesa';
import type { RemittanceView } from '../../../domain/contract/remittance';
import type { PostedComprobante } from '../../../domain/contract/receipt';
import type { User } from '../../../domain/contract/session';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { AppError } from '../../core/errors';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import type { RemittanceRecord } from '../../store/remittance/repo';
import type { ComprobanteDeps } from '../comprobante/deps';
import { printReturnReceipt } from '../cheque-return/print';
import { chargeReturn, returnOperation } from '../cheque-return/booking';
import { owingReturn, returnChargesNow } from '../cheque-return/owed-now';
import { branchReturnsOf, customerNoticeOf, planReturn, refuseReversedDeposit, registerChequeReturn, type PreparedReturn, type ReturnedCheque } from '../cheque-return/register';
import { authorizeFeeWaiver, type AuthorizedReturn, type ReturnRequest } from '../cheque-return/waiver';
import type { Db } from '../../store/db';
import type { BranchCheque } from '../../../domain/central-api';
import type { Remesa } from '../../../domain/cheque/remesa';
import { moveOperation, refusedMove, sendMoveNow, type MoveOperation } from './central-move';
import { idempotencyRepo } from '../../store/idempotency/repo';
import { inTransaction } from '../../store/db';
import { chequeOfBranch, depositKeyOfRemote, fateOf, fetchBranchCheques, newestFirst, remoteId } from '../cheque-return/branch-list';

type AdvanceEvent = { type: 'enviar' } | { type: 'pagar' } | ({ type: 'devolver' } & ReturnRequest);
type StoredEvent = Exclude<AdvanceEvent, { type: 'devolver' }> | ({ type: 'devolver' } & AuthorizedReturn);

export interface AdvanceResult {
  remittance: RemittanceView;
  /** Only for a return: the receipt handed to the printer, and its job. */
  receipt?: ReceiptDocument;
  printJob?: NonNullable<PostedComprobante['printJob']>;
}

/**
 * Remesas al cobro (seed 003 cl. 3.9): sent to the drawee bank's city, then paid or returned. A return goes
 * through the shared cheque return (cheque-return/): reversal for central, fee, receipt, journal.
 */
const chequeOf = (rec: RemittanceRecord): ReturnedCheque => {
  const q = rec.remesa;
  return { route: 'remesa', id: q.id, sequence: rec.sequence, accountNumber: q.accountNumber, holderName: rec.holderName, bank: rec.bank, chequeNumber: rec.chequeNumber, city: rec.city, amount: q.amount, centralKey: rec.centralKey, depositReversed: rec.depositReversed, takenAt: rec.takenAt };
};

export const createRemittanceService = (deps: ComprobanteDeps & { db: Db }) => {
  const view = (r: RemittanceRecord): RemittanceView => {
    const q = r.remesa;
    return {
      id: q.id,
      sequence: r.sequence,
      accountNumber: q.accountNumber,
      holderName: r.holderName,
      bank: r.bank,
      chequeNumber: r.chequeNumber,
      city: r.city,
      amount: q.amount,
      depositReversed: r.depositReversed,
      status: q.status,
      receivedOn: q.receivedOn,
      expectedOn: r.expectedOn,
      beforeExpected: bogotaDate(deps.clock.now()) < r.expectedOn,
      ...(q.sentOn ? { sentOn: q.sentOn } : {}),
      ...(q.paidOn ? { paidOn: q.paidOn } : {}),
      ...(q.returnedOn ? { returnedOn: q.returnedOn } : {}),
      ...(q.causalId ? { causalId: q.causalId } : {}),
      ...customerNoticeOf(q.causalId),
      returnFee: r.returnFee,
      returnPending: r.returnPending,
      returnFeeIfCharged: deps.rules.returnedChequeFee,
      ...(r.takenAt ? { takenAt: r.takenAt } : {}),
    };
  };

  /** A remesa of central's branch list as its state machine has it: what any workstation of the branch did since. */
  const remesaOf = (c: BranchCheque, id: string): Remesa => {
    const { returned } = fateOf(c);
    const x = chequeOfBranch(c);
    const status = returned ? 'devuelta' : c.clearing === 'cleared' ? 'pagada' : c.sent ? 'enviada' : 'recibida';
    return {
      id,
      accountNumber: x.accountNumber,
      amount: x.amount,
      status,
      receivedOn: x.receivedOn,
      ...(c.sent ? { sentOn: c.sent.on } : {}),
      ...(c.paid ? { paidOn: c.paid.on } : {}),
      ...(returned ? { returnedOn: returned.on, causalId: returned.causalId } : {}),
    };
  };
  const remesasOf = (branch: readonly BranchCheque[]) => branch.filter((c) => c.route === 'remesa');
  const recordOf = (c: BranchCheque, id: string): RemittanceRecord => {
    const { takenAt, accountNumber: _a, amount: _m, receivedOn, ...x } = chequeOfBranch(c);
    const { returned, depositReversed } = fateOf(c);
    return { ...x, remesa: remesaOf(c, id), expectedOn: c.expectedOn ?? receivedOn, returnFee: returned?.fee ?? 0, returnPending: 0, returnReceipt: null, depositReversed, takenAt };
  };
  const RANK: Record<RemesaStatus, number> = { recibida: 0, enviada: 1, pagada: 2, devuelta: 2 };

  /**
   * Rows here that another workstation moved on since follow central (compare-and-set on the state read): what this
   * one then does starts from where the remesa really is. A return's receipt was printed where it was booked.
   */
  const follow = (branch: readonly BranchCheque[]): void => {
    const at = deps.clock.now().toISOString();
    for (const c of remesasOf(branch)) {
      const rec = deps.remittances.findByCentralKey(c.depositKey);
      if (!rec) continue;
      const there = remesaOf(c, rec.remesa.id);
      if (RANK[there.status] <= RANK[rec.remesa.status]) continue;
      deps.remittances.save({ ...there, ...(there.sentOn || !rec.remesa.sentOn ? {} : { sentOn: rec.remesa.sentOn }) }, rec.remesa.status, fateOf(c).returned?.fee ?? 0, at);
    }
  };

  /** The store's id of a remesa the list named: one of this workstation's, or one of central's list copied in now. */
  const resolve = async (remittanceId: string): Promise<string> => {
    const depositKey = depositKeyOfRemote(remittanceId);
    if (depositKey === null) return remittanceId;
    const known = deps.remittances.findByCentralKey(depositKey);
    if (known) return known.remesa.id;
    const branch = await fetchBranchCheques(deps);
    if (branch === null) {
      throw new AppError('CENTRAL_UNAVAILABLE', 'Central no responde: la remesa la recibió otra estación y se actualiza con central en línea. Intente de nuevo cuando vuelva la conexión.');
    }
    const c = remesasOf(branch).find((x) => x.depositKey === depositKey);
    if (!c) throw new AppError('REMITTANCE_NOT_FOUND', 'Central ya no tiene esa remesa. Actualice la lista e intente de nuevo.');
    const rec = recordOf(c, deps.ids.uuid());
    deps.remittances.insert({ ...rec, takenAt: c.workstation }, deps.clock.now().toISOString());
    const saved = deps.remittances.findByCentralKey(depositKey);
    if (!saved) throw new AppError('REMITTANCE_NOT_FOUND', 'No se pudo registrar la remesa de la otra estación. Informe a soporte.');
    return saved.remesa.id;
  };

  /**
   * A return, before the posting: the plan, the central reversal and what central took and left owed (a remesa's
   * credit waits in canje until paid, so only the fee can lack funds). Null when the store has the last word: an
   * unknown remesa, or one the return cannot move (refused there, or a replay).
   */
  const prepareReturn = async (remittanceId: string, ret: AuthorizedReturn): Promise<PreparedReturn | null> => {
    const rec = deps.remittances.findById(remittanceId);
    if (!rec || !applyRemesaEvent(rec.remesa, { type: 'devolver', on: bogotaDate(deps.clock.now()), causalId: ret.causalId }).ok) return null;
    const cheque = chequeOf(rec);
    const plan = planReturn(deps, cheque, ret);
    const op = returnOperation(deps, cheque, plan.causal.id, plan.fee);
    const charge = await chargeReturn(deps, cheque, op, false);
    return { plan, op, charge, branchReturns: await branchReturnsOf(deps, cheque) };
  };

  /**
   * A sent or paid remesa, before the posting: its central operation (sent to central after the local save). Null when
   * the store has the last word (an unknown remesa, or one the event cannot move: refused there, or a replay).
   */
  const prepareMove = (remittanceId: string, event: 'enviar' | 'pagar', idempotencyKey: string): { op: MoveOperation; before: RemittanceRecord } | null => {
    const rec = deps.remittances.findById(remittanceId);
    if (!rec || rec.depositReversed || !applyRemesaEvent(rec.remesa, { type: event, on: bogotaDate(deps.clock.now()) }).ok) return null;
    return { op: moveOperation(deps, rec, event, idempotencyKey), before: rec };
  };

  /**
   * Central refused a move this workstation had saved (another one sent, paid or returned the remesa first): the save
   * is undone in one transaction, so this workstation shows what central has: the remesa back as it was, the outbox
   * message taken back if it has not left, the request's answer forgotten (asked again, it is worked anew) and the
   * journal saying why the move it recorded did not stand.
   */
  const undoMove = (user: User, idempotencyKey: string, move: { op: MoveOperation; before: RemittanceRecord }, reason: string): void =>
    inTransaction(deps.db, () => {
      const { before, op } = move;
      const now = deps.remittances.findById(before.remesa.id);
      if (!now || now.remesa.status === before.remesa.status) return;
      if (!deps.remittances.save(before.remesa, now.remesa.status, before.returnFee, deps.clock.now().toISOString(), before.returnReceipt, before.returnPending)) return;
      deps.outbox.withdrawUnsent(op.key);
      idempotencyRepo(deps.db).forget(idempotencyKey, 'remittance.advance');
      deps.journal.record('comprobante', user.id, {
        action: 'remesa_no_registrada',
        remittanceId: before.remesa.id,
        sequence: before.sequence,
        account: before.remesa.accountNumber,
        amount: before.remesa.amount,
        causalId: null,
        returnFee: 0,
        centralKey: op.key,
        refusedBy: reason,
      });
    });

  /** One transaction: the remesa's new state, what central must learn, the journal and the receipt. */
  const advanceInStore = (
    user: User,
    req: { idempotencyKey: string; remittanceId: string; event: StoredEvent },
    prepared: PreparedReturn | null,
    move: MoveOperation | null,
  ): RemittanceRecord =>
    deps.idempotent('remittance.advance', req.idempotencyKey, req, () => {
      const rec = deps.remittances.findById(req.remittanceId);
      if (!rec) throw new AppError('REMITTANCE_NOT_FOUND', 'No existe esa remesa. Actualice la lista e intente de nuevo.');
      refuseReversedDeposit(rec);
      const now = deps.clock.now();
      const on = bogotaDate(now);
      const at = now.toISOString();
      const event: RemesaEvent = req.event.type === 'devolver' ? { type: 'devolver', on, causalId: req.event.causalId } : { type: req.event.type, on };
      const next = applyRemesaEvent(rec.remesa, event);
      if (!next.ok) throw new AppError(next.error.code, next.error.message, next.error.details);
      let fee = 0;
      let pending = 0;
      let receipt: string | null = null;
      if (req.event.type === 'devolver') {
        if (!prepared) throw new AppError('REMESA_INVALID_TRANSITION', 'La remesa cambió mientras se registraba la devolución. Actualice la lista e intente de nuevo.');
        ({ fee, pending, receipt } = registerChequeReturn(deps, user, chequeOf(rec), { ...req.event, prepared }, { action: 'remesa_devuelta', remittanceId: rec.remesa.id }));
      } else {
        // Central records a sent remesa so every workstation of the branch lists it as sent; a paid one (the drawee
        // bank paid) moves the remesa's own cheque deposit from canje to available. Online it was sent already.
        if (!move) throw new AppError('REMESA_INVALID_TRANSITION', 'La remesa cambió mientras se registraba. Actualice la lista e intente de nuevo.');
        deps.outbox.enqueue(move);
        deps.journal.record('comprobante', user.id, {
          action: `remesa_${next.value.status}`,
          remittanceId: rec.remesa.id,
          sequence: rec.sequence,
          account: rec.remesa.accountNumber,
          amount: rec.remesa.amount,
          causalId: null,
          returnFee: 0,
        });
      }
      if (!deps.remittances.save(next.value, rec.remesa.status, fee, at, receipt, pending)) {
        throw new AppError('REMESA_INVALID_TRANSITION', 'Otro usuario cambió esta remesa al mismo tiempo. Actualice la lista e intente de nuevo.');
      }
      const saved = deps.remittances.findById(rec.remesa.id);
      if (!saved) throw new AppError('REMITTANCE_NOT_FOUND', 'La remesa desapareció mientras se actualizaba. Informe a soporte.');
      return saved;
    });

  return {
    /** A return that left a charge says what central says is still owed of it now, as the canje list does. */
    list: async (status?: RemesaStatus): Promise<{ remittances: RemittanceView[]; branchWide: boolean }> => {
      // Central first: what other workstations of the branch took and did, so this one's rows follow it.
      const branch = await fetchBranchCheques(deps);
      if (branch) follow(branch);
      const records = deps.remittances.list(status);
      const now = await returnChargesNow(
        deps,
        records.map(({ remesa: q, ...r }) => owingReturn({ ...r, status: q.status, causalId: q.causalId, accountNumber: q.accountNumber })),
      );
      // A row here that central does not have yet stays; central's rows this workstation has are shown once, from its own.
      const here = new Set(deps.remittances.list().map((r) => r.centralKey));
      const remote = remesasOf(branch ?? [])
        .filter((c) => !here.has(c.depositKey))
        .map((c) => recordOf(c, remoteId(c.depositKey)))
        .filter((r) => status === undefined || r.remesa.status === status);
      const views = [...records.map((r, i) => ({ ...view(r), ...now[i] })), ...remote.map(view)];
      views.sort(newestFirst);
      return { remittances: views, branchWide: branch !== null };
    },

    advance: async (user: User, listed: { idempotencyKey: string; remittanceId: string; event: AdvanceEvent }): Promise<AdvanceResult> => {
      const req = { ...listed, remittanceId: await resolve(listed.remittanceId) };
      const event: StoredEvent =
        req.event.type === 'devolver' ? { type: 'devolver', ...(await authorizeFeeWaiver(deps, user, req.event, { remittanceId: req.remittanceId })) } : req.event;
      const prepared = event.type === 'devolver' ? await prepareReturn(req.remittanceId, event) : null;
      const move = event.type === 'devolver' ? null : prepareMove(req.remittanceId, event.type, req.idempotencyKey);
      // Saved here first (new state and outbox message in one transaction), then told to central at once.
      const saved = advanceInStore(user, { idempotencyKey: req.idempotencyKey, remittanceId: req.remittanceId, event }, prepared, move?.op ?? null);
      if (move) {
        const refusal = await sendMoveNow(deps, saved, move.op);
        if (refusal) {
          undoMove(user, req.idempotencyKey, move, refusal.reason);
          throw refusedMove(saved, move.op, refusal);
        }
      }
      const remittance = view(saved);
      if (saved.remesa.status !== 'devuelta' || saved.returnReceipt === null) return { remittance };
      return { remittance, ...(await printReturnReceipt(deps, saved.returnReceipt)) };
    },
  };
};
export type RemittanceService = ReturnType<typeof createRemittanceService>;
