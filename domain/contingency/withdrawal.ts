import { z } from 'zod';
import type { Account } from '../accounts/account';
import { formatPesos, PesosSchema, type Pesos } from '../money/pesos';

/**
 * Offline contingency (issue "Central services and exactly-once sync"). When central cannot be reached,
 * deposits are accepted and queued; a withdrawal is paid only after a supervisor has switched the branch to
 * contingency, within caps per transaction, per customer per business day and per till per business day,
 * and against the last balance central reported minus the debits this branch still owes central.
 */
export const BranchModeSchema = z.enum(['normal', 'contingencia']);
export type BranchMode = z.infer<typeof BranchModeSchema>;

export const ContingencyCapsSchema = z.object({
  perTransaction: PesosSchema.default(2_000_000),
  perCustomerPerDay: PesosSchema.default(3_000_000),
  perTill: PesosSchema.default(20_000_000),
});
export type ContingencyCaps = z.infer<typeof ContingencyCapsSchema>;
export const DEFAULT_CONTINGENCY_CAPS: ContingencyCaps = ContingencyCapsSchema.parse({});

export interface OfflineWithdrawalCase {
  mode: BranchMode;
  /** Cash handed out: what the caps limit. */
  amount: Pesos;
  /** What the account is debited: amount + GMF. */
  debit: Pesos;
  /** The account as central last reported it; undefined when the branch has never received it. */
  account: Account | undefined;
  /** Debits on this account the branch has posted and central has not applied yet. */
  pendingDebits: Pesos;
  /** Contingency withdrawals already paid today to this customer (all accounts). */
  customerToday: Pesos;
  /** Contingency withdrawals already paid today by this till. */
  tillToday: Pesos;
}

export type ContingencyRefusalCode =
  | 'CONTINGENCY_NOT_ACTIVE'
  | 'ACCOUNT_UNKNOWN_OFFLINE'
  | 'ACCOUNT_NOT_AVAILABLE_OFFLINE'
  | 'OVER_TRANSACTION_CAP'
  | 'OVER_CUSTOMER_DAY_CAP'
  | 'OVER_TILL_CAP'
  | 'INSUFFICIENT_FUNDS_OFFLINE';

export type OfflineWithdrawalDecision =
  | { ok: true; value: { availableBefore: Pesos; availableAfter: Pesos } }
  | { ok: false; error: { code: ContingencyRefusalCode; message: string; limit?: Pesos; remaining?: Pesos } };

const refuse = (code: ContingencyRefusalCode, message: string, extra: { limit?: Pesos; remaining?: Pesos } = {}): OfflineWithdrawalDecision => ({
  ok: false,
  error: { code, message, ...extra },
});

/** Available for an offline debit: last known available, less the embargoed part, less what is still owed. */
export const offlineAvailable = (account: Account, pendingDebits: Pesos): Pesos => {
  const frozen = account.state === 'embargada' ? (account.embargo?.amount ?? 0) : 0;
  return Math.max(0, account.balances.available - frozen - pendingDebits);
};

export const decideOfflineWithdrawal = (c: OfflineWithdrawalCase, caps: ContingencyCaps): OfflineWithdrawalDecision => {
  if (c.mode !== 'contingencia') {
    return refuse(
      'CONTINGENCY_NOT_ACTIVE',
      'Sin comunicación con central no se pagan retiros. Solicite al supervisor activar la contingencia de la oficina.',
    );
  }
  if (!c.account) {
    return refuse('ACCOUNT_UNKNOWN_OFFLINE', 'La oficina no tiene datos de esta cuenta sin central. No se puede pagar el retiro en contingencia.');
  }
  if (c.account.state !== 'activa' && c.account.state !== 'embargada') {
    return refuse('ACCOUNT_NOT_AVAILABLE_OFFLINE', `La cuenta está ${c.account.state}. En contingencia solo se pagan retiros de cuentas activas.`);
  }
  if (c.amount > caps.perTransaction) {
    return refuse('OVER_TRANSACTION_CAP', `En contingencia el retiro máximo por transacción es ${formatPesos(caps.perTransaction)}.`, {
      limit: caps.perTransaction,
      remaining: caps.perTransaction,
    });
  }
  const customerLeft = Math.max(0, caps.perCustomerPerDay - c.customerToday);
  if (c.amount > customerLeft) {
    return refuse('OVER_CUSTOMER_DAY_CAP', `En contingencia este cliente puede retirar hoy como máximo ${formatPesos(customerLeft)} más.`, {
      limit: caps.perCustomerPerDay,
      remaining: customerLeft,
    });
  }
  const tillLeft = Math.max(0, caps.perTill - c.tillToday);
  if (c.amount > tillLeft) {
    return refuse('OVER_TILL_CAP', `La caja alcanzó el tope de retiros en contingencia: quedan ${formatPesos(tillLeft)}. Informe al supervisor.`, {
      limit: caps.perTill,
      remaining: tillLeft,
    });
  }
  const availableBefore = offlineAvailable(c.account, c.pendingDebits);
  if (c.debit > availableBefore) {
    return refuse('INSUFFICIENT_FUNDS_OFFLINE', `Saldo disponible conocido insuficiente: ${formatPesos(availableBefore)} (incluye el GMF del retiro).`, {
      remaining: availableBefore,
    });
  }
  return { ok: true, value: { availableBefore, availableAfter: availableBefore - c.debit } };
};
