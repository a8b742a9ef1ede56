import { findCausal } from '../../../domain/cheque/causales';
import { planReturnedCheque } from '../../../domain/cheque/returned';
import type { User } from '../../../domain/contract/session';
import { formatPesos } from '../../../domain/money/pesos';
import { buildChequeReturnReceipt } from '../../../domain/receipt/build-cheque-return';
import { AppError } from '../../core/errors';
import type { ComprobanteDeps } from '../comprobante/deps';
import { verificationCodeOf } from '../comprobante/posting';
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

/**
 * A returned cheque (seed 003 cl. 3.9, 4.2 d and h), inside the caller's posting transaction: the `reversal` of
 * the cheque's own central operation (with the fee when charged), the journal entries (and the supervisor's
 * waiver under their name) and the receipt. Returns the fee and the receipt as JSON for the caller to store.
 */
export const registerChequeReturn = (
  deps: ComprobanteDeps,
  user: User,
  cheque: ReturnedCheque,
  ret: AuthorizedReturn & { holdId?: string | null },
  journal: Record<string, unknown>,
): { fee: number; receipt: string } => {
  refuseReversedDeposit(cheque);
  const plan = planReturnedCheque(
    { amount: cheque.amount, heldIn: cheque.route === 'canje' ? 'inCanje' : 'onHold', causalId: ret.causalId, chargeFee: ret.chargeFee },
    deps.rules,
  );
  if (!plan.ok) throw new AppError(plan.error.code, plan.error.message);
  const fee = plan.value.fee;
  if (fee > 0 && !ret.holdId) {
    // Central charges the fee with the reversal only if the available balance covers it; say so before.
    const available = deps.accounts.get(cheque.accountNumber)?.account.balances.available ?? 0;
    if (available < fee) {
      throw new AppError(
        'RETURN_FEE_EXCEEDS_BALANCE',
        `La cuenta tiene ${formatPesos(available)} disponibles y la comisión por cheque devuelto es ${formatPesos(fee)}. Registre la devolución sin comisión, con la autorización del supervisor.`,
        { available, fee },
      );
    }
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  deps.outbox.enqueue({
    key: deps.ids.uuid(),
    branch: deps.workstation.branchCode,
    workstation: deps.workstation.id,
    occurredAt: at,
    account: cheque.accountNumber,
    type: 'reversal',
    payload: {
      reversesKey: cheque.centralKey,
      reasonCode: `CHEQUE_DEVUELTO_${plan.value.causal.id}`.slice(0, 40).toUpperCase(),
      ...(fee > 0 ? { fee } : {}),
      // A late return central already held online (see canje's holdLateReturn): the reversal consumes the hold.
      ...(ret.holdId ? { holdId: ret.holdId } : {}),
    },
  });
  const trace = { sequence: cheque.sequence, account: cheque.accountNumber };
  const document = returnReference(cheque.sequence, returnsOf(deps, cheque.sequence));
  const entry = deps.journal.record('comprobante', user.id, { ...journal, ...trace, document, amount: cheque.amount, causalId: plan.value.causal.id, returnFee: fee });
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
    plan: plan.value,
  });
  return { fee, receipt: JSON.stringify(doc) };
};
