import { findCausal } from '../../../domain/cheque/causales';
import { planReturnedCheque, type ReturnedChequePlan } from '../../../domain/cheque/returned';
import type { User } from '../../../domain/contract/session';
import { buildChequeReturnReceipt } from '../../../domain/receipt/build-cheque-return';
import { AppError } from '../../core/errors';
import type { ComprobanteDeps } from '../comprobante/deps';
import { verificationCodeOf } from '../comprobante/posting';
import type { BookedCharge, ReturnOperation } from './booking';
import { fetchBranchCheques, returnedOfDeposit } from './branch-list';
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
 *
 * The cheques of one deposit may be returned at different workstations of the branch, online or not. A plain number
 * is only ever given by the workstation that took the deposit; any other adds its own id (`…-DEV2-001-02`). Each
 * workstation counts the deposit's returns it knows (its rows and, when central answers, central's list), a count
 * that grows with each of its own returns, so no two papers share a number even when a workstation could not
 * know what another did (offline, or central's answer missing).
 */
export const returnReference = (sequence: string, earlierReturns = 0, returnedAt: string | null = null): string =>
  `${sequence}-DEV${earlierReturns === 0 ? '' : earlierReturns + 1}${returnedAt === null ? '' : `-${returnedAt}`}`;

/** The workstation that took the cheque's deposit: this one unless the row was copied from central's list. */
const takerOf = (deps: Pick<ComprobanteDeps, 'workstation'>, cheque: Pick<ReturnedCheque, 'takenAt'>): string => cheque.takenAt ?? deps.workstation.id;

/**
 * The deposit's other cheques central has as returned (at any workstation of the branch); empty when central did
 * not answer: the count is then this workstation's own and the number stays unique by who gives it.
 */
export const branchReturnsOf = async (deps: Pick<ComprobanteDeps, 'central' | 'workstation'>, cheque: Pick<ReturnedCheque, 'centralKey'>): Promise<string[]> =>
  returnedOfDeposit((await fetchBranchCheques(deps)) ?? [], cheque.centralKey);

/** The place of a return among its deposit's (`…-DEV` 1, `…-DEV2` 2…), read back from a number `returnReference` gave. */
export const ordinalOf = (reference: string): number => {
  const m = /-DEV(\d*)(?:-|$)/.exec(reference);
  return m ? Number(m[1] || '1') : 0;
};

/**
 * How many returns of the deposit the next one comes after: all this workstation knows of (`known`), and never fewer
 * than the places of the papers it already printed for the deposit (what central told it once it may not tell it
 * again), so its own numbers only grow.
 */
export const earlierReturns = (known: number, ownReferences: readonly string[]): number => Math.max(known, ...ownReferences.map(ordinalOf));

/** The receipt number a stored return was printed under (its receipt's JSON), when it was returned here. */
const referenceOf = (receipt: string | null): string[] => {
  if (receipt === null) return [];
  const doc = JSON.parse(receipt) as { sequence?: unknown };
  return typeof doc.sequence === 'string' ? [doc.sequence] : [];
};

/** Cheques of the deposit already returned, by either route, here or (`atCentral`) anywhere; not the one being returned. */
const returnsOf = (deps: Pick<ComprobanteDeps, 'canje' | 'remittances'>, cheque: Pick<ReturnedCheque, 'sequence' | 'centralKey'>, atCentral: readonly string[]): number => {
  const here = [
    ...deps.canje.ofDeposit(cheque.sequence).flatMap((c) => (c.status === 'devuelta' ? [{ key: c.centralKey, receipt: c.returnReceipt }] : [])),
    ...deps.remittances.ofDeposit(cheque.sequence).flatMap((r) => (r.remesa.status === 'devuelta' ? [{ key: r.centralKey, receipt: r.returnReceipt }] : [])),
  ];
  const returned = new Set([...atCentral, ...here.map((r) => r.key)]);
  returned.delete(cheque.centralKey);
  return earlierReturns(returned.size, here.flatMap((r) => referenceOf(r.receipt)));
};

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
  /** Central keys of the deposit's cheques central has as returned (`branchReturnsOf`), for the receipt's number. */
  branchReturns: readonly string[];
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
  const { plan, op, charge, branchReturns } = ret.prepared;
  const fee = plan.fee;
  const at = deps.clock.now().toISOString();
  deps.outbox.enqueue(op);
  const trace = { sequence: cheque.sequence, account: cheque.accountNumber };
  const taker = takerOf(deps, cheque);
  const document = returnReference(cheque.sequence, returnsOf(deps, cheque, branchReturns), taker === deps.workstation.id ? null : deps.workstation.id);
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
