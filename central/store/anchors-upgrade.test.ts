import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { anchor, latestAnchor } from '../journal/anchors';
import { openCentralDb } from './db';
import { migrations } from './migrations';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('keeps the anchors taken before installations existed, as the legacy installation’s, append-only', () => {
  dir = mkdtempSync(join(tmpdir(), 'central-anchors-'));
  const file = join(dir, 'central.db');
  // A central database as it was before journal anchors per installation, with one workstation's anchor.
  const before = migrations.findIndex((m) => m.name === 'journal anchors per installation');
  const old = new Database(file);
  for (const m of migrations.slice(0, before)) {
    old.exec(m.sql);
    old.pragma(`user_version = ${m.version}`);
  }
  old.prepare('INSERT INTO anchors (workstation, sequence, head_hash, anchored_ms) VALUES (?, ?, ?, ?)').run('001-03', 40, 'a'.repeat(64), 1_000);
  old.close();

  const sql = openCentralDb(file);
  try {
    expect(latestAnchor(sql, { workstation: '001-03', installation: 'legacy' }).anchor).toMatchObject({ sequence: 40, headHash: 'a'.repeat(64) });
    // An upgraded store (legacy) goes on from its anchor; a new installation of the same workstation starts its own.
    expect(anchor(sql, { workstation: '001-03', installation: 'legacy', firstHash: '1'.repeat(64), sequence: 39, headHash: 'b'.repeat(64) }, 2_000)).toMatchObject({ ok: false, code: 'SEQUENCE_BACKWARDS' });
    expect(anchor(sql, { workstation: '001-03', installation: 'legacy', firstHash: '1'.repeat(64), sequence: 41, headHash: 'b'.repeat(64) }, 2_000)).toMatchObject({ ok: true });
    expect(anchor(sql, { workstation: '001-03', installation: 'c'.repeat(32), firstHash: '2'.repeat(64), sequence: 3, headHash: 'd'.repeat(64) }, 3_000)).toMatchObject({ ok: true });
    expect(latestAnchor(sql, { workstation: '001-03', installation: 'c'.repeat(32) })).toMatchObject({ anchor: { sequence: 3 }, previous: { installation: 'legacy', sequence: 41 } });
    expect(() => sql.run('DELETE FROM anchors')).toThrow(/append-only/);
  } finally {
    sql.close();
  }
});
