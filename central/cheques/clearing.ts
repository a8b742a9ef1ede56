import type { Operation, RejectionCode } from '../../domain/central-api';
import { applyPosting, bogotaDay, expireHolds, payAllPendingCharges, type Posting, settleRetention, settleUnkeptRetentions } from '../accounts/ledger';
import type { Sql } from '../store/db';
import { canonicalBankCode } from '../../domain/cheque/banks';

/**
 * Cheques in canje (seed 003 cl. 3.9, domain-co §5). A cheque deposit waits in `in_canje` until one of:
 * its clearing date (same-city canje: the branch sends `releaseOn`), a `cheque_paid` (remesa al cobro: the
 * drawee bank paid), or a returned-cheque reversal. Until then it is not available to withdraw.
 */
interface ClearingRow {
  deposit_key: string;
  account: string;
  amount: number;
  release_on: string | null;
  state: 'pending' | 'cleared' | 'returned';
}

export const recordChequeDeposit = (sql: Sql, op: Operation & { type: 'cheque_deposit' }): void => {
  sql.run(
    'INSERT INTO cheque_clearings (deposit_key, account, amount, release_on) VALUES (?, ?, ?, ?)',
    op.key,
    op.account,
    op.payload.amount,
    op.payload.releaseOn ?? null,
  );
  for (const c of op.payload.cheques) {
    if (c.drawerAccount !== undefined) {
      sql.run('INSERT INTO deposited_cheques (deposit_key, bank_code, number, drawer_account) VALUES (?, ?, ?, ?)', op.key, canonicalBankCode(c.bankCode), c.number, c.drawerAccount);
    }
  }
};

/**
 * The deposit, at any workstation of the bank, that holds this cheque (bank, number, drawer's account) while it is
 * in canje, in remesa or paid. A returned cheque, or one whose deposit was reversed, may come in again.
 */
export const standingCheque = (
  sql: Sql,
  c: { bankCode: string; number: string; drawerAccount: string },
): { depositKey: string; branch: string; workstation: string; account: string; receivedMs: number } | undefined =>
  sql.get(
    `SELECT d.deposit_key AS depositKey, o.branch, o.workstation, o.account, o.received_ms AS receivedMs
     FROM deposited_cheques d JOIN cheque_clearings c ON c.deposit_key = d.deposit_key JOIN operations o ON o.key = d.deposit_key
     WHERE d.bank_code = ? AND d.number = ? AND d.drawer_account = ? AND c.state <> 'returned'
       AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.reversed_key = d.deposit_key)
     LIMIT 1`,
    // "07" from a workstation of an earlier version and "007" from a newer one are the same bank.
    canonicalBankCode(c.bankCode),
    c.number,
    c.drawerAccount,
  );

/** Canje cheques whose clearing date has come (Bogotá business date of `nowMs`) become available. */
export const releaseDueCheques = (sql: Sql, nowMs: number): void => {
  const due = sql.all<ClearingRow>(
    "SELECT * FROM cheque_clearings WHERE state = 'pending' AND release_on IS NOT NULL AND release_on <= ?",
    bogotaDay(nowMs),
  );
  for (const row of due) {
    sql.run("UPDATE cheque_clearings SET state = 'cleared', settled_ms = ? WHERE deposit_key = ?", nowMs, row.deposit_key);
    applyPosting(sql, null, { account: row.account, dAvailable: row.amount, dCanje: -row.amount, dHold: 0 });
    settleRetention(sql, row.account, bogotaDay(nowMs), { creditKey: row.deposit_key });
  }
};

/**
 * What every read or write of balances runs first: an embargo whose retention was never kept gets it from its
 * balance, expired holds come back, cleared cheques become available (an embargo retains what they bring), and money
 * in the available balance of an account owing a returned cheque pays that first (never what an embargo retains).
 */
export const settleDue = (sql: Sql, nowMs: number): void => {
  settleUnkeptRetentions(sql, bogotaDay(nowMs));
  expireHolds(sql, nowMs);
  releaseDueCheques(sql, nowMs);
  payAllPendingCharges(sql, bogotaDay(nowMs));
};

type PaidEffect = { ok: true; postings: Posting[]; after: () => void } | { ok: false; reason: RejectionCode };

/** A remesa al cobro the drawee bank paid; only the branch that took the deposit may say so. */
export const chequePaidEffect = (sql: Sql, op: Operation & { type: 'cheque_paid' }, nowMs: number): PaidEffect => {
  const row = sql.get<ClearingRow & { branch: string }>(
    'SELECT c.*, o.branch FROM cheque_clearings c JOIN operations o ON o.key = c.deposit_key WHERE c.deposit_key = ?',
    op.payload.depositKey,
  );
  if (!row || row.branch !== op.branch || row.account !== op.account) return { ok: false, reason: 'CHEQUE_NOT_FOUND' };
  if (row.state !== 'pending') return { ok: false, reason: 'CHEQUE_SETTLED' };
  return {
    ok: true,
    postings: [{ account: row.account, dAvailable: row.amount, dCanje: -row.amount, dHold: 0 }],
    after: () => sql.run("UPDATE cheque_clearings SET state = 'cleared', settled_ms = ?, settled_by = ? WHERE deposit_key = ?", nowMs, op.key, row.deposit_key),
  };
};

/**
 * A remesa al cobro left for the drawee bank's city: recorded once, by any workstation of the branch that took it.
 * A canje cheque (it has a clearing date) is no remesa; a paid or returned one is past sending.
 */
export const remesaSentEffect = (sql: Sql, op: Operation & { type: 'remesa_sent' }): PaidEffect => {
  const row = sql.get<ClearingRow & { branch: string; sent_by: string | null }>(
    'SELECT c.*, o.branch FROM cheque_clearings c JOIN operations o ON o.key = c.deposit_key WHERE c.deposit_key = ?',
    op.payload.depositKey,
  );
  if (!row || row.branch !== op.branch || row.account !== op.account || row.release_on !== null) return { ok: false, reason: 'CHEQUE_NOT_FOUND' };
  if (row.state !== 'pending' || sql.get('SELECT 1 AS x FROM reversals WHERE reversed_key = ?', row.deposit_key)) return { ok: false, reason: 'CHEQUE_SETTLED' };
  if (row.sent_by !== null) return { ok: false, reason: 'REMESA_ALREADY_SENT' };
  return { ok: true, postings: [], after: () => sql.run('UPDATE cheque_clearings SET sent_by = ? WHERE deposit_key = ?', op.key, row.deposit_key) };
};

/**
 * How reversing a cheque deposit undoes its credit: from canje while it waits there, from the available
 * balance once it cleared (a late return). Undefined for any other operation.
 */
export const chequeReversal = (sql: Sql, depositKey: string): { from: 'canje' | 'available'; settle: (nowMs: number, by: string) => void } | undefined => {
  const row = sql.get<ClearingRow>('SELECT * FROM cheque_clearings WHERE deposit_key = ?', depositKey);
  if (!row) return undefined;
  return {
    from: row.state === 'cleared' ? 'available' : 'canje',
    settle: (nowMs, by) => {
      if (row.state === 'pending') sql.run("UPDATE cheque_clearings SET state = 'returned', settled_ms = ?, settled_by = ? WHERE deposit_key = ?", nowMs, by, depositKey);
    },
  };
};
