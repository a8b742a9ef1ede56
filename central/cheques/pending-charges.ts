import type { PaidCharge, PendingCharge, PendingChargesPaid } from '../../domain/central-api';
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

interface PayingRow {
  key: string;
  workstation: string;
  occurred_at: string;
  outcome: string;
}

/**
 * The account's charges no longer owed, each with the credit that paid its last pesos: the last credit still standing
 * whose outcome named it (a reversed credit owed its payment again, so it paid nothing). A charge the credits did
 * not pay whole (the ledger took the rest when a cheque cleared, under no operation) names none.
 */
export const paidCharges = (sql: Sql, account: string): PaidCharge[] => {
  const owed = new Set(outstandingCharges(sql, account).map((c) => c.returnKey));
  // A transfer pays the charges of the account it credits, not of its own (source) account.
  const paying = sql.all<PayingRow>(
    `SELECT o.key, o.workstation, json_extract(o.body, '$.occurredAt') AS occurred_at, o.outcome
     FROM operations o
     WHERE o.status = 'applied' AND json_extract(o.outcome, '$.pendingChargesPaid') IS NOT NULL
       AND (CASE WHEN o.type = 'transfer' THEN json_extract(o.body, '$.payload.toAccount') ELSE o.account END) = ?
       AND NOT EXISTS (SELECT 1 FROM operations r WHERE r.type = 'reversal' AND r.status = 'applied' AND json_extract(r.body, '$.payload.reversesKey') = o.key)
     ORDER BY o.rowid`,
    account,
  );
  const last = new Map<string, { by: PaidCharge['paidBy']; total: number }>();
  for (const r of paying) {
    const outcome = JSON.parse(r.outcome) as { reference: string; pendingChargesPaid: PendingChargesPaid };
    for (const c of outcome.pendingChargesPaid.charges) {
      const total = (last.get(c.returnKey)?.total ?? 0) + c.amount;
      last.set(c.returnKey, { by: { key: r.key, workstation: r.workstation, occurredAt: r.occurred_at, reference: outcome.reference }, total });
    }
  }
  return chargesOf(sql, account).flatMap((c) => {
    const paid = owed.has(c.returnKey) ? undefined : last.get(c.returnKey);
    return paid && paid.total >= c.amount ? [{ returnKey: c.returnKey, paidBy: paid.by }] : [];
  });
};

/** Pays the account's pending charges out of what its available balance may pay on `on` under `opKey`, and says which it paid. */
export const payChargesNaming = (sql: Sql, account: string, opKey: string, on: string): PendingChargesPaid | null => {
  const before = outstandingCharges(sql, account);
  const amount = payPendingCharges(sql, account, opKey, on);
  return amount > 0 ? { amount, charges: allocate(amount, before).charges } : null;
};
