import type { Db } from '../db';

export type ComprobanteKind = 'deposito' | 'retiro' | 'traslado';

export interface ComprobanteRecord {
  id: string;
  sequence: string;
  tillCode: string;
  n: number;
  idempotencyKey: string;
  kind: ComprobanteKind;
  accountNumber: string;
  customerDoc: string;
  transactorDoc: string;
  tellerId: string;
  tillSessionId: string | null;
  businessDate: string;
  postedAt: string;
  cashIn: number;
  cashOut: number;
  cheques: number;
  total: number;
  gmf: number;
  gmfExempt: number;
  commission: number;
  approvalId: string | null;
  journalSequence: number;
  verificationCode: string;
  /** ReceiptDocument as JSON. */
  receipt: string;
  /** Feature-specific JSON (slip, plan, holds). */
  details: string;
}

interface Row {
  id: string;
  sequence: string;
  till_code: string;
  n: number;
  idempotency_key: string;
  kind: ComprobanteKind;
  account_number: string;
  customer_doc: string;
  transactor_doc: string;
  teller_id: string;
  till_session_id: string | null;
  business_date: string;
  posted_at: string;
  cash_in: number;
  cash_out: number;
  cheques: number;
  total: number;
  gmf: number;
  gmf_exempt: number;
  commission: number;
  approval_id: string | null;
  journal_sequence: number;
  verification_code: string;
  receipt: string;
  details: string;
}

const toRecord = (r: Row): ComprobanteRecord => ({
  id: r.id,
  sequence: r.sequence,
  tillCode: r.till_code,
  n: r.n,
  idempotencyKey: r.idempotency_key,
  kind: r.kind,
  accountNumber: r.account_number,
  customerDoc: r.customer_doc,
  transactorDoc: r.transactor_doc,
  tellerId: r.teller_id,
  tillSessionId: r.till_session_id,
  businessDate: r.business_date,
  postedAt: r.posted_at,
  cashIn: r.cash_in,
  cashOut: r.cash_out,
  cheques: r.cheques,
  total: r.total,
  gmf: r.gmf,
  gmfExempt: r.gmf_exempt,
  commission: r.commission,
  approvalId: r.approval_id,
  journalSequence: r.journal_sequence,
  verificationCode: r.verification_code,
  receipt: r.receipt,
  details: r.details,
});

/**
 * The accumulators (daily limits, cash topes, GMF monthly cap, UIAF) count what stands: a comprobante reversed
 * the same day (store/reversal) moved nothing in the end.
 */
const LIVE = 'sequence NOT IN (SELECT original_sequence FROM reversals)';

export const comprobanteRepo = (db: Db) => {
  const nextN = db.prepare<[string], number>('SELECT COALESCE(MAX(n), 0) + 1 FROM comprobantes WHERE till_code = ?').pluck();
  const insert = db.prepare(`INSERT INTO comprobantes (id, sequence, till_code, n, idempotency_key, kind, account_number,
    customer_doc, transactor_doc, teller_id, till_session_id, business_date, posted_at, cash_in, cash_out, cheques, total,
    gmf, gmf_exempt, commission, approval_id, journal_sequence, verification_code, receipt, details)
    VALUES (@id, @sequence, @tillCode, @n, @idempotencyKey, @kind, @accountNumber, @customerDoc, @transactorDoc, @tellerId,
    @tillSessionId, @businessDate, @postedAt, @cashIn, @cashOut, @cheques, @total, @gmf, @gmfExempt, @commission, @approvalId,
    @journalSequence, @verificationCode, @receipt, @details)`);
  const bySequence = db.prepare<[string], Row>('SELECT * FROM comprobantes WHERE sequence = ?');
  const byKey = db.prepare<[string], Row>('SELECT * FROM comprobantes WHERE idempotency_key = ?');
  const accountDay = db.prepare<[string, string, string], { count: number; cashIn: number; cashOut: number; total: number }>(
    `SELECT COUNT(*) AS count, COALESCE(SUM(cash_in), 0) AS cashIn, COALESCE(SUM(cash_out), 0) AS cashOut, COALESCE(SUM(total), 0) AS total
     FROM comprobantes WHERE account_number = ? AND business_date = ? AND kind = ? AND ${LIVE}`,
  );
  const customerCash = db.prepare<[string, string, string], number>(
    `SELECT COALESCE(SUM(cash_in + cash_out), 0) FROM comprobantes WHERE customer_doc = ? AND business_date >= ? AND business_date <= ? AND ${LIVE}`,
  ).pluck();
  // Each cash comprobante by central's key for its cash operation (the first it sent: a deposit's cash_deposit, a
  // withdrawal's withdrawal), so the UIAF accumulator merges it with central's list by key (domain/uiaf/merge.ts).
  const customerCashOps = db.prepare<[string, string, string], { key: string | null; sequence: string; amount: number; reversed: number }>(
    `SELECT json_extract(j.payload, '$.centralKeys[0]') AS key, c.sequence, c.cash_in + c.cash_out AS amount,
            c.sequence IN (SELECT original_sequence FROM reversals) AS reversed
     FROM comprobantes c JOIN journal j ON j.sequence = c.journal_sequence
     WHERE c.customer_doc = ? AND c.business_date >= ? AND c.business_date <= ? AND c.cash_in + c.cash_out > 0`,
  );
  const gmfExemptUsed = db.prepare<[string, string, string], number>(
    `SELECT COALESCE(SUM(gmf_exempt), 0) FROM comprobantes WHERE account_number = ? AND business_date >= ? AND business_date <= ? AND ${LIVE}`,
  ).pluck();
  // What one person took (or ordered) from the account on a day here: withdrawals and transfers whose journal names
  // them among who received the money (an authorized person's maximum per day, seed 003 cl. 3.5).
  const personDay = db.prepare<[string, string, string], number>(
    `SELECT COALESCE(SUM(c.total), 0) FROM comprobantes c JOIN journal j ON j.sequence = c.journal_sequence
     WHERE c.account_number = ? AND c.business_date = ? AND c.kind IN ('retiro', 'traslado') AND c.${LIVE}
       AND EXISTS (SELECT 1 FROM json_each(j.payload, '$.presenters') p WHERE p.value = ?)`,
  ).pluck();
  // In posting order: a structuring alert lists its deposits as they came (without ORDER BY, the amount index's order).
  // Reversed ones too, flagged: central may still list a deposit reversed here (domain/uiaf/merge.ts).
  const recentCash = db.prepare<
    [string, string, number, number],
    { key: string | null; sequence: string; on: string; at: string; amount: number; accountNumber: string; depositor: string; reversed: number }
  >(
    `SELECT json_extract(j.payload, '$.centralKeys[0]') AS key, c.sequence, c.business_date AS "on", c.posted_at AS at, c.cash_in AS amount,
            c.account_number AS accountNumber, c.transactor_doc AS depositor, c.sequence IN (SELECT original_sequence FROM reversals) AS reversed
     FROM comprobantes c JOIN journal j ON j.sequence = c.journal_sequence
     WHERE c.kind = 'deposito' AND c.business_date >= ? AND c.business_date <= ? AND c.cash_in >= ? AND c.cash_in < ?
     ORDER BY c.business_date, c.posted_at, c.sequence`,
  );
  // The account's comprobantes posted at that instant (the operation's occurredAt): found by index, not by a journal scan.
  const postedAt = db.prepare<[string, string, string], { sequence: string; kind: ComprobanteKind; payload: string }>(
    `SELECT c.sequence, c.kind, j.payload FROM comprobantes c JOIN journal j ON j.sequence = c.journal_sequence
     WHERE c.account_number = ? AND c.business_date = ? AND c.posted_at = ?`,
  );
  const postedAtAnyAccount = db.prepare<[string, string], { sequence: string; payload: string }>(
    `SELECT c.sequence, j.payload FROM comprobantes c JOIN journal j ON j.sequence = c.journal_sequence WHERE c.business_date = ? AND c.posted_at = ?`,
  );
  return {
    nextNumber: (tillCode: string): number => nextN.get(tillCode) ?? 1,
    /** The number of this workstation's comprobante that sent central the operation `key`, whatever its account. */
    sequenceOfCentralKey: (key: string, businessDate: string, at: string): string | undefined =>
      postedAtAnyAccount.all(businessDate, at).find((r) => {
        const keys = (JSON.parse(r.payload) as { centralKeys?: unknown }).centralKeys;
        return Array.isArray(keys) && keys.includes(key);
      })?.sequence,
    /** The comprobante that sent central the operation `key`, with its journal entry; `postedAt` is the operation's occurredAt. */
    byCentralKey: (key: string, accountNumber: string, businessDate: string, at: string) => {
      for (const r of postedAt.all(accountNumber, businessDate, at)) {
        const journal = JSON.parse(r.payload) as Record<string, unknown>;
        if (Array.isArray(journal.centralKeys) && journal.centralKeys.includes(key)) return { sequence: r.sequence, kind: r.kind, journal };
      }
      return undefined;
    },
    insert: (c: ComprobanteRecord) => {
      insert.run(c);
    },
    bySequence: (sequence: string) => {
      const r = bySequence.get(sequence);
      return r ? toRecord(r) : undefined;
    },
    byIdempotencyKey: (key: string) => {
      const r = byKey.get(key);
      return r ? toRecord(r) : undefined;
    },
    accountDay: (accountNumber: string, businessDate: string, kind: ComprobanteKind) =>
      accountDay.get(accountNumber, businessDate, kind) ?? { count: 0, cashIn: 0, cashOut: 0, total: 0 },
    /** Withdrawals and transfers from the account on the day that named `personDoc` (`CC:123`) as taking the money. */
    personDay: (accountNumber: string, businessDate: string, personDoc: string): number => personDay.get(accountNumber, businessDate, personDoc) ?? 0,
    /** Cash (in and out) of a customer between two business dates, inclusive: the UIAF monthly accumulator. */
    customerCash: (customerDoc: string, from: string, to: string): number => customerCash.get(customerDoc, from, to) ?? 0,
    /** The customer's cash comprobantes between two dates, each by central's key for its cash (reversed ones flagged). */
    customerCashOperations: (customerDoc: string, from: string, to: string) => customerCashOps.all(customerDoc, from, to),
    gmfExemptUsed: (accountNumber: string, from: string, to: string): number => gmfExemptUsed.get(accountNumber, from, to) ?? 0,
    /** Cash deposits between two dates with an amount in [min, max): the structuring window only looks at those. */
    recentCashDeposits: (from: string, to: string, min: number, max: number) => recentCash.all(from, to, min, max),
  };
};
export type ComprobanteRepo = ReturnType<typeof comprobanteRepo>;
