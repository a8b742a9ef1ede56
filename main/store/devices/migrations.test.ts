import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../db';
import { allMigrations } from '../migrations';
import { devicesRepo } from './repo';

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d()));

// Print jobs as a till recorded them before devices/003: 'receipt' for every paper but the test page, the paper's
// name only in its document's title, as the builders of that version worded it.
const OLD_JOBS: [id: string, reference: string, copy: number, kind: 'receipt' | 'test', document: string, expected: string][] = [
  ['j1', '001-03-000001', 0, 'receipt', JSON.stringify({ title: 'CONSIGNACIÓN CUENTA DE AHORROS' }), 'receipt'],
  ['j2', 'R-001-03-000001', 0, 'receipt', JSON.stringify({ title: 'REVERSO DE COMPROBANTE' }), 'receipt'],
  ['j3', 'RA-001-03-000001', 0, 'receipt', JSON.stringify({ title: 'CONSTANCIA DE REACTIVACIÓN DE CUENTA' }), 'constancia'],
  ['j4', 'RAD-20260302-000001', 0, 'receipt', JSON.stringify({ title: 'CONSTANCIA DE RADICACIÓN' }), 'constancia'],
  ['j5', 'RAD-20260302-000001', 1, 'receipt', JSON.stringify({ title: 'CONSTANCIA DE RADICACIÓN', copyNumber: 1 }), 'constancia'],
  ['j6', '001-03-CIERRE-2026-03-02-aaaaaaaa', 0, 'receipt', JSON.stringify({ title: 'CIERRE DE CAJA - REPORTE DE FIN DE DÍA' }), 'close_report'],
  ['j7', '001-03-CIERRE-2026-03-02-bbbbbbbb', 0, 'receipt', JSON.stringify({ title: 'CIERRE DE CAJA - REPORTE DE REAPERTURA' }), 'reopening_report'],
  ['j8', 'PRUEBA-1', 0, 'test', JSON.stringify({ title: 'Prueba de impresión' }), 'test'],
  // A document no builder wrote (not JSON, no title, a title in lower case): a receipt, as F5 called it before.
  ['j9', '001-03-000002', 0, 'receipt', 'not json', 'receipt'],
  ['j10', '001-03-000003', 0, 'receipt', JSON.stringify({ lines: [] }), 'receipt'],
  ['j11', '001-03-000004', 0, 'receipt', JSON.stringify({ title: 'constancia de algo' }), 'receipt'],
];

it('devices/003 on a database of the old shape: every job keeps its row and order and gets the paper its title named', () => {
  const { dir, remove } = tempDir('caja-devices-003-');
  dirs.push(remove);
  const file = join(dir, 'caja.sqlite');
  const db = openDatabase(file, allMigrations.filter((m) => m.id !== 'devices/003' && m.id !== 'devices/004'));
  try {
    const insert = db.prepare(`INSERT INTO device_print_jobs
      (id, reference, sequence, kind, copy_number, state, attempts, reason_code, reason_message, document, created_at, updated_at, may_have_printed)
      VALUES (?, ?, ?, ?, ?, 'failed', 1, 'PRINT_INTERRUPTED', 'La impresión se interrumpió', ?, '2026-03-02T22:00:00.000Z', '2026-03-02T22:00:01.000Z', ?)`);
    // All in one millisecond, inserted out of id order: only the rowid orders them (F9's list, the unfinished jobs).
    for (const [id, reference, copy, kind, document] of [...OLD_JOBS].reverse()) insert.run(id, reference, reference, kind, copy, document, id === 'j3' ? 1 : 0);
    const rows = () => db.prepare('SELECT rowid, * FROM device_print_jobs ORDER BY rowid').all() as Record<string, unknown>[];
    const before = rows();

    expect(migrate(db, allMigrations)).toEqual(['devices/003', 'devices/004']);

    const after = rows();
    expect(after.map(({ kind: _kind, ...rest }) => rest)).toEqual(before.map(({ kind: _kind, ...rest }) => rest));
    expect(Object.fromEntries(after.map((r) => [r.id, r.kind]))).toEqual(Object.fromEntries(OLD_JOBS.map(([id, , , , , kind]) => [id, kind])));
    const repo = devicesRepo(db);
    expect(repo.recentJobs(50).map((j) => j.id)).toEqual(OLD_JOBS.map(([id]) => id));
    expect(repo.job('j3')).toMatchObject({ kind: 'constancia', mayHavePrinted: true, reason: { code: 'PRINT_INTERRUPTED' } });

    // The new kinds are accepted, anything else is not, and (reference, copy) is still one paper.
    expect(repo.insertJob({ id: 'n1', reference: 'RA-001-03-000002', sequence: 'RA-001-03-000002', kind: 'constancia', copyNumber: 0, document: '{}', createdAt: '2026-03-03T14:00:00.000Z' }).kind).toBe(
      'constancia',
    );
    expect(() => db.prepare("UPDATE device_print_jobs SET kind = 'cheque' WHERE id = 'n1'").run()).toThrow(/CHECK/);
    expect(() => repo.insertJob({ id: 'n2', reference: 'RA-001-03-000002', sequence: 'RA-001-03-000002', kind: 'constancia', copyNumber: 0, document: '{}', createdAt: '2026-03-03T14:00:00.000Z' })).toThrow(
      /UNIQUE/,
    );
  } finally {
    db.close();
  }
  // A reopened database applies nothing again.
  const again = openDatabase(file);
  try {
    expect(migrate(again, allMigrations)).toEqual([]);
    expect(again.prepare("SELECT kind FROM device_print_jobs WHERE id = 'j6'").pluck().get()).toBe('close_report');
  } finally {
    again.close();
  }
});
