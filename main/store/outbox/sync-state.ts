import type { Db } from '../db';

/** Small named values of the sync loop that must survive a restart (last successful exchange with central). */
export const syncStateRepo = (db: Db) => {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE name = ?');
  const set = db.prepare('INSERT INTO sync_state (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value');
  return {
    get: (name: string): string | null => get.get(name)?.value ?? null,
    set: (name: string, value: string): void => void set.run(name, value),
  };
};
export type SyncStateRepo = ReturnType<typeof syncStateRepo>;
