import type { Db } from '../db';

/** Releases of day-limit reservations central has not answered yet (comprobante/006). */
export const limitReleasesRepo = (db: Db) => {
  const insert = db.prepare('INSERT INTO limit_releases (key, owed_at) VALUES (?, ?) ON CONFLICT(key) DO NOTHING');
  const remove = db.prepare('DELETE FROM limit_releases WHERE key = ?');
  const one = db.prepare<[string], number>('SELECT 1 FROM limit_releases WHERE key = ?').pluck();
  const list = db.prepare<[number], string>('SELECT key FROM limit_releases ORDER BY owed_at, key LIMIT ?').pluck();
  return {
    /** Nothing will be paid under `key`: owed until central answers its release. */
    owe: (key: string, at: string): void => void insert.run(key, at),
    /** Central answered the release, or the key is being reserved again (the release would undo that reservation). */
    settle: (key: string): void => void remove.run(key),
    owed: (limit: number): string[] => list.all(limit),
    isOwed: (key: string): boolean => one.get(key) !== undefined,
  };
};
export type LimitReleasesRepo = ReturnType<typeof limitReleasesRepo>;
