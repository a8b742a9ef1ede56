import type { Db } from '../db';

/** A charge difference journaled (`journal:<sequence>`) or a comparison that failed (`failure:<id>`), not yet seen. */
export type UnseenChargeItem =
  | { item: string; kind: 'difference'; at: string; payload: string }
  | { item: string; kind: 'failure'; at: string; centralKey: string; account: string | null; error: string };

/** Inicio's list of charge differences: what nobody marked seen yet, of any day. */
export const chargeDifferenceRepo = (db: Db) => {
  const fail = db.prepare('INSERT INTO charge_check_failures (central_key, account, at, error) VALUES (?, ?, ?, ?)');
  const seen = db.prepare('INSERT INTO charge_difference_seen (item, seen_by, seen_at) VALUES (?, ?, ?) ON CONFLICT(item) DO NOTHING');
  const seenOf = db.prepare<[string], { seen_by: string; seen_at: string }>('SELECT seen_by, seen_at FROM charge_difference_seen WHERE item = ?');
  const exists = db.prepare<[string, string], number>(
    `SELECT 1 FROM journal WHERE 'journal:' || sequence = ? AND type = 'pending_charge_difference'
     UNION ALL SELECT 1 FROM charge_check_failures WHERE 'failure:' || id = ?`,
  );
  const differences = db.prepare<[number], { sequence: number; at: string; payload: string }>(
    `SELECT j.sequence, j.at, j.payload FROM journal j WHERE j.type = 'pending_charge_difference'
       AND NOT EXISTS (SELECT 1 FROM charge_difference_seen s WHERE s.item = 'journal:' || j.sequence)
     ORDER BY j.sequence DESC LIMIT ?`,
  );
  const failures = db.prepare<[number], { id: number; central_key: string; account: string | null; at: string; error: string }>(
    `SELECT f.id, f.central_key, f.account, f.at, f.error FROM charge_check_failures f
     WHERE NOT EXISTS (SELECT 1 FROM charge_difference_seen s WHERE s.item = 'failure:' || f.id)
     ORDER BY f.id DESC LIMIT ?`,
  );
  return {
    recordFailure: (f: { centralKey: string; account: string | null; at: string; error: string }): void => void fail.run(f.centralKey, f.account, f.at, f.error),
    /** Newest first, at most `limit` of each kind. */
    unseen: (limit: number): UnseenChargeItem[] =>
      [
        ...differences.all(limit).map((r) => ({ item: `journal:${r.sequence}`, kind: 'difference' as const, at: r.at, payload: r.payload })),
        ...failures.all(limit).map((r) => ({ item: `failure:${r.id}`, kind: 'failure' as const, at: r.at, centralKey: r.central_key, account: r.account, error: r.error })),
      ].sort((a, b) => b.at.localeCompare(a.at)),
    exists: (item: string): boolean => exists.get(item, item) !== undefined,
    /** False when someone had already marked it seen: the first mark stands. */
    markSeen: (item: string, userId: string, at: string): boolean => seen.run(item, userId, at).changes === 1,
    seenOf: (item: string) => seenOf.get(item),
  };
};
export type ChargeDifferenceRepo = ReturnType<typeof chargeDifferenceRepo>;
