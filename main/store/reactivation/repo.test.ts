import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { manualClock } from '../../core/runtime';
import { createJournal } from '../../services/journal/writer';
import { tempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../db';
import { journalRepo } from '../journal/repo';
import { allMigrations } from '../migrations';
import { reactivationRepo } from './repo';

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d()));

it('a till that printed constancias numbered by the journal goes on after the highest, so no RA number is printed twice', () => {
  const { dir, remove } = tempDir('caja-reactivation-');
  dirs.push(remove);
  const before = allMigrations.filter((m) => !m.id.startsWith('reactivation/'));
  const db = openDatabase(join(dir, 'caja.sqlite'), before);
  try {
    const journal = createJournal({ repo: journalRepo(db), clock: manualClock(new Date('2026-03-02T14:00:00Z')), workstation: '001-03' });
    db.transaction(() => {
      journal.record('account_reactivation', 'u-1', { account: '240000000052', document: 'RA-001-03-000010', approvalId: 'a-1', state: 'reactivada' });
      journal.record('account_reactivation', 'u-1', { account: '240000000136', document: 'RA-001-03-000004', approvalId: 'a-2', state: 'reactivada' });
    })();
    expect(migrate(db, allMigrations)).toEqual(['reactivation/001']);
    const repo = reactivationRepo(db);
    expect(repo.nextNumber('03')).toBe(11);
    // Another till of the branch starts its own sequence.
    expect(repo.nextNumber('04')).toBe(1);
    expect(() => db.prepare('DELETE FROM reactivation_constancias').run()).toThrow(/append-only/);
  } finally {
    db.close();
  }
});
