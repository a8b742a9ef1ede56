import type { PendingCharge, PendingChargesPaid } from '../../domain/central-api';
import { payPendingCharges as allocate } from '../../domain/deposit/pending-charges';
import { payPendingCharges } from '../accounts/ledger';
import { iso } from '../runtime';
import type { Sql } from '../store/db';

/**
 * Which returned cheques an account's pending charge is made of. The ledger keeps one owed amount per account
 * (accounts.pending_charges); each applied return that left something owed is one charge, and credits pay the
 * oldest first, so what is owed now is the newest charges' last pesos. A credit reversed later owes its payment
 * again: the amount grows back and the allocation follows it.
 */
interface ChargeRow {
  key: string;
  received_ms: number;
  pending: number;
  target: string;
}

/** Every return that left a charge on the account, oldest first, with the whole amount it left owed. */
const chargesOf = (sql: Sql, account: string): PendingCharge[] =>
  sql
    .all<ChargeRow>(
      `SELECT o.key, o.received_ms, json_extract(o.outcome, '$.charge.pending') AS pending, t.body AS target
       FROM operations o JOIN operations t ON t.key = json_extract(o.body, '$.payload.reversesKey')
       WHERE o.type = 'reversal' AND o.status = 'applied' AND o.account = ? AND json_extract(o.outcome, '$.charge.pending') > 0
       ORDER BY o.rowid`,
      account,
    )
    .map((r) => {
      const body = JSON.parse(r.target) as { payload?: { cheques?: { bankCode: string; number: string }[] } };
      const cheques = (body.payload?.cheques ?? []).map((c) => ({ bankCode: c.bankCode, number: c.number }));
      return { returnKey: r.key, returnedAt: iso(r.received_ms), cheques, amount: r.pending };
    });

/** What the account owes now, charge by charge, oldest first. */
export const outstandingCharges = (sql: Sql, account: string): PendingCharge[] => {
  let left = sql.get<{ pending_charges: number }>('SELECT pending_charges FROM accounts WHERE number = ?', account)?.pending_charges ?? 0;
  const owed: PendingCharge[] = [];
  for (const c of chargesOf(sql, account).reverse()) {
    if (left <= 0) break;
    const amount = Math.min(left, c.amount);
    owed.unshift({ ...c, amount });
    left -= amount;
  }
  return owed;
};

/** Pays the account's pending charges out of its available balance under `opKey`, and says which it paid. */
export const payChargesNaming = (sql: Sql, account: string, opKey: string): PendingChargesPaid | null => {
  const before = outstandingCharges(sql, account);
  const amount = payPendingCharges(sql, account, opKey);
  return amount > 0 ? { amount, charges: allocate(amount, before).charges } : null;
};
