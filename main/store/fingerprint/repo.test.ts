import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkWithdrawalFingerprints } from '../../../domain/withdrawal/fingerprint';
import { type Db, migrate, openDatabase } from '../db';
import { allMigrations } from '../migrations';
import { withdrawalComprobanteRepo } from './comprobantes';
import { tempDir } from '../../testing/temp-core';
import { fingerprintRepo } from './repo';

/**
 * The core's record of central's 1:1 answers (domain-co §7), on a real SQLite file: what the withdrawal's
 * fingerprint check (seed 003 cl. 4 c) reads instead of trusting the screen.
 */
const CC = (number: string) => ({ type: 'CC' as const, number });
const rules = { fingerprintFrom: 10_000_000 };

let cleanup = () => {};
afterEach(() => cleanup());
const open = () => {
  const t = tempDir();
  const db = openDatabase(join(t.dir, 'caja.sqlite'));
  cleanup = () => {
    db.close();
    t.remove();
  };
  return { db, repo: fingerprintRepo(db) };
};
const answer = (reference: string, number: string, result: 'match' | 'no_match' | 'poor_quality', at: string) => ({
  reference,
  purpose: 'withdrawal' as const,
  document: CC(number),
  result,
  tellerId: 'cajero1',
  at,
});

describe('fingerprint matches kept by the core', () => {
  it('keeps reference, document, result, teller and time, and no template column exists', () => {
    const { db, repo } = open();
    repo.record(answer('FP-1', '900000001', 'match', '2026-03-02T14:00:05.000Z'));
    expect(repo.get('FP-1')).toEqual(answer('FP-1', '900000001', 'match', '2026-03-02T14:00:05.000Z'));
    const columns = db.prepare("SELECT name FROM pragma_table_info('fingerprint_matches')").pluck().all();
    expect(columns.join(' ')).not.toMatch(/template|score|image/);
  });

  it('is append-only, and recording the same reference again neither fails nor counts twice', () => {
    const { db, repo } = open();
    repo.record(answer('FP-1', '900000001', 'no_match', '2026-03-02T14:00:05.000Z'));
    repo.record(answer('FP-1', '900000001', 'no_match', '2026-03-02T14:00:05.000Z'));
    expect(repo.attempts([CC('900000001')], '2026-03-02T14:00:00.000Z')).toHaveLength(1);
    expect(() => db.prepare("UPDATE fingerprint_matches SET result = 'match'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM fingerprint_matches').run()).toThrow(/append-only/);
  });

  it('gives the people’s answers since the comprobante started, plus the ones the evidence names', () => {
    const { repo } = open();
    repo.record(answer('OLD', '900000001', 'match', '2026-03-02T13:00:00.000Z'));
    repo.record(answer('NEW', '900000001', 'no_match', '2026-03-02T14:00:01.000Z'));
    repo.record(answer('OTHER', '900000002', 'match', '2026-03-02T14:00:02.000Z'));
    const since = '2026-03-02T14:00:00.000Z';
    expect(repo.attempts([CC('900000001')], since).map((a) => a.reference)).toEqual(['NEW']);
    expect(repo.attempts([CC('900000001')], since, ['OLD', 'OTHER', 'UNKNOWN']).map((a) => a.reference).sort()).toEqual(['NEW', 'OLD', 'OTHER']);
  });

  it('feeds the withdrawal check: a match passes; stale, another person’s and three "no coincide" are refused', () => {
    const { repo } = open();
    const since = '2026-03-02T14:00:00.000Z';
    repo.record(answer('OLD', '900000001', 'match', '2026-03-02T13:59:59.000Z'));
    repo.record(answer('THEIRS', '900000002', 'match', '2026-03-02T14:00:01.000Z'));
    repo.record(answer('OK', '900000001', 'match', '2026-03-02T14:00:02.000Z'));
    const check = (reference: string) =>
      checkWithdrawalFingerprints(
        {
          amount: 10_000_000,
          presenters: [CC('900000001')],
          evidence: [{ kind: 'match', person: CC('900000001'), reference }],
          attempts: repo.attempts([CC('900000001')], since, [reference]),
          comprobanteStartedAt: since,
        },
        rules,
      );
    expect(check('OK')).toMatchObject({ ok: true, value: { verified: [{ reference: 'OK' }] } });
    expect(check('OLD')).toMatchObject({ ok: false, errors: [{ code: 'FINGERPRINT_STALE' }] });
    expect(check('THEIRS')).toMatchObject({ ok: false, errors: [{ code: 'FINGERPRINT_OTHER_DOCUMENT' }] });
    for (const [i, ref] of ['N1', 'N2', 'N3'].entries()) repo.record(answer(ref, '900000001', 'no_match', `2026-03-02T14:00:1${i}.000Z`));
    expect(check('OK')).toMatchObject({ ok: false, errors: [{ code: 'FINGERPRINT_REFUSED' }] });
  });
});

describe('what central told of the other workstations', () => {
  it('keeps the largest count of the day with where the last one was; a later smaller answer does not lower it, another day is apart', () => {
    const { repo } = open();
    const day = '2026-03-10T05:00:00.000Z';
    const last = { workstation: '001-02', at: '2026-03-10T14:40:00.000Z' };
    expect(repo.centralFailures([CC('900000001')], day)).toEqual([]);
    repo.recordCentralFailures({ person: CC('900000001'), failures: 1, dayFrom: day, toldAt: '2026-03-10T14:30:00.000Z' });
    repo.recordCentralFailures({ person: CC('900000001'), failures: 3, last, dayFrom: day, toldAt: '2026-03-10T14:41:00.000Z' });
    // An answer that arrives late (a slower window's) says fewer: still three, still where the last one was.
    repo.recordCentralFailures({ person: CC('900000001'), failures: 2, dayFrom: day, toldAt: '2026-03-10T14:42:00.000Z' });
    expect(repo.centralFailures([CC('900000001'), CC('900000002')], day)).toEqual([{ person: CC('900000001'), failures: 3, last }]);
    expect(repo.centralFailures([CC('900000001')], '2026-03-11T05:00:00.000Z')).toEqual([]);
  });
});

describe('fingerprint/005: the customer’s refusal as a ground of the exception', () => {
  it('rebuilds fingerprint_unavailable keeping every row recorded before, and takes CONSENT_REFUSED (and nothing else new)', () => {
    const t = tempDir();
    const file = join(t.dir, 'caja.sqlite');
    const before = openDatabase(file, allMigrations.filter((m) => m.id !== 'fingerprint/005'));
    cleanup = () => t.remove();
    before.prepare("INSERT INTO withdrawal_comprobantes (id, teller_id, started_at) VALUES ('c-1', 'u-1', '2026-03-10T15:00:00.000Z')").run();
    const ground = (db: Db, reason: string) =>
      db.prepare("INSERT INTO fingerprint_unavailable (comprobante_id, document_type, document_number, reason, at) VALUES ('c-1', 'CC', '900000002', ?, '2026-03-10T15:01:00.000Z')").run(reason);
    ground(before, 'READER_UNAVAILABLE');
    expect(() => ground(before, 'CONSENT_REFUSED')).toThrow(/CHECK constraint/);
    expect(migrate(before, allMigrations)).toEqual(['fingerprint/005']);
    ground(before, 'CONSENT_REFUSED');
    expect(() => ground(before, 'CUSTOMER_IN_A_HURRY')).toThrow(/CHECK constraint/);
    const comprobantes = withdrawalComprobanteRepo(before);
    expect(comprobantes.unavailable('c-1', CC('900000002'))).toEqual(['READER_UNAVAILABLE', 'CONSENT_REFUSED']);
    expect(before.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'fingerprint_unavailable'").pluck().all()).toEqual(['fingerprint_unavailable_comprobante']);
    before.close();
  });
});
