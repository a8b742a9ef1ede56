import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../testing/temp-core';
import { migrate, openDatabase } from '../db';
import { allMigrations } from '../migrations';
import { approvalsRepo } from './repo';

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d()));

const request = (id: string) => ({
  id,
  subject: `withdrawal:${id}`,
  reasons: [{ code: 'VISACION' as const, message: 'Visación' }],
  makerId: 'u-1',
  requestedAt: '2026-03-02T14:00:00.000Z',
  expiresAt: '2026-03-02T14:15:00.000Z',
  status: 'pendiente' as const,
});

it('a request asked before the amount was stored keeps no amount (none rather than one read from its wording); a new one keeps its own', () => {
  const { dir, remove } = tempDir('caja-approvals-');
  dirs.push(remove);
  const db = openDatabase(join(dir, 'caja.sqlite'), allMigrations.filter((m) => m.id !== 'approvals/003'));
  try {
    db.prepare(
      "INSERT INTO approvals (id, idempotency_key, kind, subject, summary, reasons, maker_id, requested_at, expires_at, status) VALUES ('a-old', 'k-old', 'withdrawal', 's', 'Retiro $ 6.000.000 de la cuenta ****0029', '[]', 'u-1', 't', 't', 'pendiente')",
    ).run();
    expect(migrate(db, allMigrations)).toEqual(['approvals/003']);
    const repo = approvalsRepo(db);
    expect(repo.findById('a-old')?.amount).toBeNull();
    repo.insert({ request: request('a-new'), kind: 'withdrawal', summary: 'Retiro $ 6.000.000 de la cuenta ****0029', amount: 6_000_000, account: '240000000029', idempotencyKey: 'k-new' });
    expect(repo.findById('a-new')).toMatchObject({ amount: 6_000_000, account: '240000000029', summary: 'Retiro $ 6.000.000 de la cuenta ****0029' });
    expect(() => repo.insert({ request: request('a-neg'), kind: 'withdrawal', summary: 'x', amount: -1, account: null, idempotencyKey: 'k-neg' })).toThrow(/CHECK/);
  } finally {
    db.close();
  }
});

it('a request asked before its account was stored keeps none (its journal entries then carry none, as before)', () => {
  const { dir, remove } = tempDir('caja-approvals-');
  dirs.push(remove);
  const db = openDatabase(join(dir, 'caja.sqlite'), allMigrations.filter((m) => m.id !== 'approvals/005'));
  try {
    db.prepare(
      "INSERT INTO approvals (id, idempotency_key, kind, subject, summary, reasons, maker_id, requested_at, expires_at, status) VALUES ('a-old', 'k-old', 'withdrawal', 's', 'Retiro $ 6.000.000 de la cuenta ****0029', '[]', 'u-1', 't', 't', 'pendiente')",
    ).run();
    expect(migrate(db, allMigrations)).toEqual(['approvals/005']);
    expect(approvalsRepo(db).findById('a-old')).toMatchObject({ account: null, summary: 'Retiro $ 6.000.000 de la cuenta ****0029' });
  } finally {
    db.close();
  }
});
