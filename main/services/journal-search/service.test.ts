import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { manualClock } from '../../core/runtime';
import { openDatabase } from '../../store/db';
import { journalRepo } from '../../store/journal/repo';
import { usersRepo } from '../../store/users/repo';
import { tempDir } from '../../testing/temp-core';
import { createJournal } from '../journal/writer';
import { createJournalSearch } from './service';

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d()));

it('filters by the state the screen shows: a local approval and one decided at central are both "Aprobada"', () => {
  const { dir, remove } = tempDir('caja-journal-search-');
  dirs.push(remove);
  const db = openDatabase(join(dir, 'caja.sqlite'));
  try {
    const clock = manualClock(new Date('2026-03-02T14:00:00Z'));
    const journal = createJournal({ repo: journalRepo(db), clock, workstation: '001-03' });
    db.transaction(() => {
      journal.record('approval', 'sup-1', { action: 'aprobada', approvalId: 'a-1' });
      journal.record('approval', 'sup-2', { action: 'approved', approvalId: 'a-2', via: 'central' });
      journal.record('approval', 'sup-1', { action: 'rechazada', approvalId: 'a-3' });
      journal.record('till_close', 'cajero-1', { state: 'faltante', total: 1_000 });
    })();
    const search = createJournalSearch({ repo: journalRepo(db), users: usersRepo(db) });
    const ids = (state: string) => search.search({ state, limit: 10 }).entries.map((e) => e.sequence).sort();
    expect(ids('aprobada')).toEqual([1, 2]);
    expect(ids('approved')).toEqual([1, 2]);
    expect(ids('rechazada')).toEqual([3]);
    expect(ids('faltante')).toEqual([4]);
    // A stored value this build has no name for is still found exactly.
    expect(ids('branch_mode')).toEqual([]);
    expect(search.search({ limit: 10 }).entries).toHaveLength(4);
  } finally {
    db.close();
  }
});
