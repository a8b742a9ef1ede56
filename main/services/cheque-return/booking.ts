import type { Operation, ReturnCharge } from '../../../domain/central-api';
import type { ReturnCredit } from '../../../domain/receipt/build-cheque-return';
import { AppError } from '../../core/errors';
import { derivedKey } from '../../core/hash';
import type { ComprobanteDeps } from '../comprobante/deps';

export type ReturnOperation = Extract<Operation, { type: 'reversal' }>;

/** Central's key of a cheque's return: also the key central names the return's pending charge by. */
export const returnKeyOf = (centralKey: string, causalId: string, fee: number): string => derivedKey('cheque_return', centralKey, causalId, String(fee));

/**
 * The reversal that books a returned cheque at central. Its key and time derive from the cheque, the causal and
 * the fee, so a retry with the same data (a lost answer, a second attempt from the dialog) is the same operation
 * at central and is applied once.
 */
export const returnOperation = (
  deps: Pick<ComprobanteDeps, 'idempotent' | 'clock' | 'workstation'>,
  cheque: { centralKey: string; accountNumber: string },
  causalId: string,
  fee: number,
): ReturnOperation => {
  const key = returnKeyOf(cheque.centralKey, causalId, fee);
  const first = deps.idempotent('cheque-return.prepare', key, { centralKey: cheque.centralKey, causalId, fee }, () => ({ at: deps.clock.now().toISOString() }));
  return {
    key,
    branch: deps.workstation.branchCode,
    workstation: deps.workstation.id,
    occurredAt: first.at,
    account: cheque.accountNumber,
    type: 'reversal',
    payload: { reversesKey: cheque.centralKey, reasonCode: `CHEQUE_DEVUELTO_${causalId}`.slice(0, 40).toUpperCase(), ...(fee > 0 ? { fee } : {}) },
  };
};

/** What the return took, where the cheque's credit stood, and (`owedTotal`) all the account owes after it. */
export type BookedCharge = ReturnCharge & { credit: ReturnCredit; owedTotal?: number };

/**
 * What the return takes from the account and what stays owed (cargo pendiente). Central never refuses a return
 * for lack of balance: it debits what is available and keeps the rest as a charge the next credits pay. When the
 * cheque's deposit is at central and central answers, the return is booked there now, so the screen and the paper
 * say exactly what central did. A deposit still in the outbox was never spendable (its credit waits in canje), so
 * only the fee can lack funds: estimated from the balance the workstation knows, the reversal follows the deposit.
 * `late`: the cheque already cleared; its return is only booked online (the paper must say what was taken).
 */
export const chargeReturn = async (
  deps: Pick<ComprobanteDeps, 'central' | 'outbox' | 'accounts'>,
  cheque: { centralKey: string; accountNumber: string; amount: number; chequeNumber: string; takenAt?: string | null },
  op: ReturnOperation,
  late: boolean,
): Promise<BookedCharge> => {
  const fee = op.payload.fee ?? 0;
  // A cheque another workstation took came from central's list: its deposit is at central.
  const atCentral = deps.outbox.byKey(cheque.centralKey)?.state === 'applied' || (cheque.takenAt ?? null) !== null;
  if (atCentral && deps.central) {
    const r = await deps.central.call('postOperations', { operations: [op] });
    const result = r.ok ? r.data.results[0] : undefined;
    if (result && result.status !== 'conflict' && result.first.outcome === 'applied') {
      // Central's balances after the return carry everything the account owes, older returns' charges included.
      const owed = result.first.balances ? { owedTotal: result.first.balances.pendingCharges ?? 0 } : {};
      const charge = result.first.charge ?? { debited: cheque.amount + fee, pending: 0 };
      // A central that does not say what left canje: a cheque past its release date had cleared.
      const credit: ReturnCredit = charge.fromCanje === undefined ? (late ? 'available' : 'canje') : charge.fromCanje > 0 ? 'canje' : 'available';
      return { debited: charge.debited, pending: charge.pending, credit, ...owed };
    }
    const why = result?.status === 'conflict' ? result.message : result?.first.outcome === 'rejected' ? result.first.message : !r.ok && r.kind === 'rejected' ? r.error.message : null;
    if (why !== null) {
      throw new AppError('CENTRAL_REFUSED', `Central no registró la devolución del cheque ${cheque.chequeNumber}: ${why} Conserve el cheque e informe al supervisor.`);
    }
  }
  if (late && atCentral) {
    throw new AppError(
      'CENTRAL_UNAVAILABLE',
      `Central no responde. El cheque ${cheque.chequeNumber} ya fue abonado y su devolución se registra en línea, para decir cuánto se debitó y cuánto queda pendiente: conserve el cheque e intente de nuevo cuando vuelva la conexión.`,
    );
  }
  const available = deps.accounts.get(cheque.accountNumber)?.account.balances.available ?? 0;
  const feeTaken = Math.min(fee, available);
  // The deposit is not at central yet: its credit waits in canje there, never available.
  return { debited: cheque.amount + feeTaken, pending: fee - feeTaken, credit: 'canje' };
};

