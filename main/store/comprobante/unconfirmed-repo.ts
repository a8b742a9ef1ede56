import type { Db } from '../db';

export type UnconfirmedKind = 'retiro' | 'traslado';
export type UnconfirmedPayout = 'efectivo' | 'cheque-gerencia';

export interface UnconfirmedDebit {
  key: string;
  kind: UnconfirmedKind;
  account: string;
  /** The whole debit central was asked to hold (amount + GMF + fees). */
  amount: number;
  tellerId: string;
  tillCode: string;
  askedAt: string;
  /** A withdrawal's payout form; null for a transfer (or a row from before it was kept). */
  payout: UnconfirmedPayout | null;
}

/** Debits asked of central and not yet settled here (main/services/comprobante/unconfirmed.ts). */
export const unconfirmedDebitsRepo = (db: Db) => {
  const insert = db.prepare(
    `INSERT INTO unconfirmed_debits (key, kind, account, amount, teller_id, till_code, asked_at, payout) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(key) DO NOTHING`,
  );
  const remove = db.prepare('DELETE FROM unconfirmed_debits WHERE key = ?');
  const list = db.prepare<[string], { key: string; kind: UnconfirmedKind; account: string; amount: number; teller_id: string; till_code: string; asked_at: string; payout: UnconfirmedPayout | null }>(
    'SELECT key, kind, account, amount, teller_id, till_code, asked_at, payout FROM unconfirmed_debits WHERE till_code = ? ORDER BY asked_at, key',
  );
  const one = db.prepare<[string], { key: string; kind: UnconfirmedKind; account: string; amount: number; teller_id: string; till_code: string; asked_at: string; payout: UnconfirmedPayout | null }>(
    'SELECT key, kind, account, amount, teller_id, till_code, asked_at, payout FROM unconfirmed_debits WHERE key = ?',
  );
  const toDebit = (r: { key: string; kind: UnconfirmedKind; account: string; amount: number; teller_id: string; till_code: string; asked_at: string; payout: UnconfirmedPayout | null }): UnconfirmedDebit => ({
    key: r.key, kind: r.kind, account: r.account, amount: r.amount, tellerId: r.teller_id, tillCode: r.till_code, askedAt: r.asked_at, payout: r.payout,
  });
  return {
    get: (key: string): UnconfirmedDebit | undefined => {
      const r = one.get(key);
      return r ? toDebit(r) : undefined;
    },
    /** Before the request leaves; a retry with the same key keeps the first row. */
    ask: (d: UnconfirmedDebit): void => void insert.run(d.key, d.kind, d.account, d.amount, d.tellerId, d.tillCode, d.askedAt, d.payout),
    settle: (key: string): void => void remove.run(key),
    list: (tillCode: string): UnconfirmedDebit[] => list.all(tillCode).map(toDebit),
  };
};
export type UnconfirmedDebitsRepo = ReturnType<typeof unconfirmedDebitsRepo>;
