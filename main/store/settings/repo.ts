import type { Db } from '../db';

/** Small key/value facts about this workstation (seeded flag, workstation id). */
export const settingsRepo = (db: Db) => {
  const get = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck();
  const set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  return {
    get: (key: string): string | undefined => get.get(key),
    set: (key: string, value: string): void => {
      set.run(key, value);
    },
  };
};
export type SettingsRepo = ReturnType<typeof settingsRepo>;
