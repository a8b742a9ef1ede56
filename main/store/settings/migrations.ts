import type { Migration } from '../migration';

export const settingsMigrations: Migration[] = [
  {
    id: 'settings/001',
    sql: `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;`,
  },
];
