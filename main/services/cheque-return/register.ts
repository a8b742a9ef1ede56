import { findCausal } from '../../../domain/cheque/causales';
import { planReturnedCheque, type ReturnedChequePlan } from '../../../domain/cheque/returned';
import type { User } from '../../../domain/contract/session';
import { buildChequeReturnReceipt } from '../../../domain/receipt/build-cheque-return';
import { AppError } from '../../core/errors';
import type { ComprobanteDeps } from '../comprobante/deps';
import { verificationCodeOf } from '../comprobante/posting';
import type { BookedCharge, ReturnOperation } from './booking';
import type { AuthorizedReturn } from './waiver';

/** A deposited cheque as the return needs it, whichever route (remesa or canje) it travelled. */
export interface ReturnedCheque {
  route: 'remesa' | 'canje';
  /** The store's id of the cheque, journaled so the return can be traced to it. */
  id: string;
  /** Comprobante that received it. */
  sequence: string;
  accountNumber: string;
  holderName: string;
  bank: string;
  chequeNumber: string;
  city: string;
  amount: number;
  /** Key of the central `cheque_deposit` of this cheque alone, the one the reversal undoes. */
  centralKey: string;
  depositReversed: boolean;
  /** The workstation of the branch that took it, when not this one. */
  takenAt: string | null;
}

/** The deposit was reversed the same day: its credit is already undone and the cheque went back to the customer. */
export const refuseReversedDeposit = (cheque: { sequence: string; depositReversed: boolean }): void => {
  if (!cheque.depositReversed) return;
  throw new AppError(
    'DEPOSIT_REVERSED',
    `La consignación ${cheque.sequence} fue reversada: el cheque ya no está abonado a la cuenta y se entrega al cliente contra firma. No registre envío, pago ni devolución de este cheque.`,
  );
};

/**
 * What a return receipt is numbered and printed under: the deposit's sequence plus `-DEV`, and from the deposit's
 * second returned cheque on `-DEV2`, `-DEV3`…, so each return prints and is copied as its own paper.
 */
export const returnReference = (sequence: string, earlierReturns = 0): string => `${sequence}-DEV${earlierReturns === 0 ? '' : earlierReturns + 1}`;

/** Cheques of the deposit already returned, by either route; the one being returned is not marked yet. */
const returnsOf = (deps: Pick<ComprobanteDeps, 'canje' | 'remittances'>, sequence: string): number =>
  deps.canje.ofDeposit(sequence).filter((c) => c.status === 'devuelta').length +
  deps.remittances.ofDeposit(sequence).filter((r) => r.remesa.status === 'devuelta').length;

/** What the teller tells the customer, for the causal the cheque came back with. */
export const customerNoticeOf = (causalId: string | undefined) => {
  const causal = causalId ? findCausal(causalId) : undefined;
  return causal ? { causalText: causal.text, customerNotice: `Su cheque fue devuelto por "${causal.text}". Reclámelo en la oficina donde tiene la cuenta (cláusula 3.9).` } : {};
};

/** The return's plan (causal, fee, sanction) once the cheque may still be returned; refusals say what to do. */
export const planReturn = (deps: Pick<ComprobanteDeps, 'rules'>, cheque: ReturnedCheque, ret: AuthorizedReturn): ReturnedChequePlan => {
  refuseReversedDeposit(cheque);
  const plan = planReturnedCheque(
    { amount: cheque.amount, heldIn: cheque.route === 'canje' ? 'inCanje' : 'onHold', causalId: ret.causalId, chargeFee: ret.chargeFee },
    deps.rules,
  );
  if (!plan.ok) throw new AppError(plan.error.code, plan.error.message);
  return plan.value;
};

/** A return ready to post: its plan, its central operation and what central took and left owed (booking.ts). */
export interface PreparedReturn {
  plan: ReturnedChequePlan;
  op: ReturnOperation;
  /** `owedTotal`: all the account owes after the return, when central booked it now. */
  charge: BookedCharge;
}

/**
 * A returned cheque (seed 003 cl. 3.9, 4.2 d and h), inside the caller's posting transaction: the `reversal` of
 * the cheque's own central operation (with the fee when charged; already booked at central when it answered),
 * the journal entries (and the supervisor's waiver under their name) and the receipt, which says what was debited
 * and what stays owed, with its print job owed. Returns the fee, the pending charge and the receipt as JSON for
 * the caller to store.
 */
export const registerChequeReturn = (
  deps: ComprobanteDeps,
  user: User,
  cheque: ReturnedCheque,
  ret: AuthorizedReturn & { prepared: PreparedReturn },
  journal: Record<string, unknown>,
): { fee: number; pending: number; receipt: string } => {
  refuseReversedDeposit(cheque);
  const { plan, op, charge } = ret.prepared;
  const fee = plan.fee;
  const at = deps.clock.now().toISOString();
  deps.outbox.enqueue(op);
  const trace = { sequence: cheque.sequence, account: cheque.accountNumber };
  const document = returnReference(cheque.sequence, returnsOf(deps, cheque.sequence));
  const entry = deps.journal.record('comprobante', user.id, {
    ...journal,
    ...trace,
    document,
    amount: cheque.amount,
    causalId: plan.causal.id,
    returnFee: fee,
    debited: charge.debited,
    pendingCharge: charge.pending,
    ...(charge.owedTotal === undefined ? {} : { owedTotal: charge.owedTotal }),
  });
  if (ret.waivedBy !== null) {
    const { action: _action, ...ids } = journal;
    deps.journal.record('approval', ret.waivedBy, {
      action: 'aprobada',
      reasons: ['RETURNED_CHEQUE_FEE_WAIVER'],
      makerId: user.id,
      checkerId: ret.waivedBy,
      ...ids,
      ...trace,
      amount: deps.rules.returnedChequeFee,
    });
  }
  const ws = deps.workstation;
  const doc = buildChequeReturnReceipt({
    route: cheque.route,
    header: {
      sequence: document,
      branch: { code: ws.branchCode, name: ws.branchName },
      till: ws.tillCode,
      teller: deps.users.findById(user.id)?.displayName ?? user.displayName,
      postedAt: at,
      verificationCode: verificationCodeOf(entry.hash),
    },
    accountNumber: cheque.accountNumber,
    holderName: cheque.holderName,
    bank: cheque.bank,
    chequeNumber: cheque.chequeNumber,
    city: cheque.city,
    amount: cheque.amount,
    depositSequence: cheque.sequence,
    plan,
    credit: charge.credit,
    feeWaivedBy: ret.waivedBy === null ? undefined : (deps.users.findById(ret.waivedBy)?.displayName ?? ret.waivedBy),
    charge,
  });
  deps.printer.owe(doc);
  return { fee, pending: charge.pending, receipt: JSON.stringify(doc) };
};
