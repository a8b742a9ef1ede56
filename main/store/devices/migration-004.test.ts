import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../db';
import { allMigrations } from '../migrations';
import { devicesRepo } from './repo';

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d()));

const at = '2026-03-02T22:00:00.000Z';

it('devices/004 on a database of the old shape: every job keeps its row, kind and order, and a validation job can be owed', () => {
  const { dir, remove } = tempDir('caja-devices-004-');
  dirs.push(remove);
  const file = join(dir, 'caja.sqlite');
  const db = openDatabase(file, allMigrations.filter((m) => m.id !== 'devices/004'));
  try {
    const repo = devicesRepo(db);
    // Before: a validation job is refused by the CHECK (what a till on the previous version cannot record).
    const validation = { reference: 'VAL-001-03-000001', sequence: '001-03-000001', kind: 'validation' as const, copyNumber: 0, document: '{}', createdAt: at };
    expect(() => repo.insertJob({ id: 'v0', ...validation })).toThrow(/CHECK/);
    // Old jobs in one millisecond, inserted out of id order: only the rowid orders them.
    for (const [id, kind] of [['j3', 'close_report'], ['j1', 'receipt'], ['j2', 'constancia'], ['j4', 'test']] as const) {
      repo.insertJob({ id, reference: `R-${id}`, sequence: `R-${id}`, kind, copyNumber: 0, document: '{}', createdAt: at });
    }
    repo.updateJob('j1', { state: 'failed', attempts: 1, reason: { code: 'PRINT_INTERRUPTED', message: 'La impresión se interrumpió' }, mayHavePrinted: true, at });
    const rows = () => db.prepare('SELECT rowid, * FROM device_print_jobs ORDER BY rowid').all();
    const before = rows();

    expect(migrate(db, allMigrations)).toEqual(['devices/004']);

    expect(rows()).toEqual(before);
    expect(repo.recentJobs(10).map((j) => j.id)).toEqual(['j4', 'j2', 'j1', 'j3']);
    expect(repo.job('j1')).toMatchObject({ kind: 'receipt', state: 'failed', mayHavePrinted: true, reason: { code: 'PRINT_INTERRUPTED' } });
    expect(repo.insertJob({ id: 'v1', ...validation }).kind).toBe('validation');
    expect(repo.job('v1')).toMatchObject({ kind: 'validation', state: 'queued', sequence: '001-03-000001' });
    // Still one job per (reference, copy), and no kind outside the list.
    expect(() => repo.insertJob({ id: 'v2', ...validation })).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE device_print_jobs SET kind = 'cheque' WHERE id = 'v1'").run()).toThrow(/CHECK/);
  } finally {
    db.close();
  }
  const again = openDatabase(file);
  try {
    expect(migrate(again, allMigrations)).toEqual([]);
    expect(again.prepare("SELECT kind FROM device_print_jobs WHERE id = 'v1'").pluck().get()).toBe('validation');
  } finally {
    again.close();
  }
});
