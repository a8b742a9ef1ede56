import { beforeEach, describe, expect, it } from 'vitest';
import { OperationSchema } from '../../domain/central-api';
import { seedDemo } from '../demo/seed';
import { applyBatch } from '../operations/apply';
import { openCentralDb, type Sql } from '../store/db';
import { withdrawal } from '../testing/ops';

/**
 * A withdrawal paid by cheque de gerencia carries the paper cheque's number: central keeps it with the debit, so
 * the cheque can be reconciled and stopped (orden de no pago) by its number. A branch that predates the number
 * still has its withdrawals applied.
 */
const NOW = Date.parse('2025-03-10T15:00:00Z');
const JUAN = '240000000029';

const byCheque = (w: ReturnType<typeof withdrawal>, number: string) => ({ ...w, payload: { ...w.payload, chequeGerencia: { number } } });
const cheques = (sql: Sql) => sql.all<Record<string, unknown>>('SELECT * FROM cheques_gerencia ORDER BY rowid');

describe('cheques de gerencia at central', () => {
  let sql: Sql;
  beforeEach(() => {
    sql = openCentralDb(':memory:');
    seedDemo(sql, NOW);
  });

  it('keeps the number with the debit once, whatever the replays', () => {
    const w = byCheque(withdrawal(JUAN, 1_000_000, { gmf: 4_000 }), '0007001234');
    expect(applyBatch(sql, [w], NOW, '001-01')[0]?.status).toBe('applied');
    expect(applyBatch(sql, [w], NOW, '001-01')[0]?.status).toBe('duplicate');
    expect(cheques(sql)).toEqual([
      { op_key: w.key, number: '0007001234', branch: '001', workstation: '001-01', account: JUAN, amount: 1_000_000, business_date: '2025-03-10' },
    ]);
    // The number is part of the body the key is bound to: the same key with another cheque is a conflict.
    expect(applyBatch(sql, [byCheque({ ...w }, '7001235')], NOW, '001-01')[0]?.status).toBe('conflict');
    expect(cheques(sql)).toHaveLength(1);
  });

  it('a rejected withdrawal issued no cheque: nothing is recorded', () => {
    const w = byCheque(withdrawal(JUAN, 99_000_000), '7001236');
    expect(applyBatch(sql, [w], NOW, '001-01')[0]).toMatchObject({ status: 'rejected' });
    expect(cheques(sql)).toEqual([]);
  });

  it('a withdrawal from a branch that predates the number still applies, with no cheque recorded', () => {
    const old = withdrawal(JUAN, 200_000, { gmf: 800 });
    expect(OperationSchema.safeParse(old).success).toBe(true);
    expect(applyBatch(sql, [old], NOW, '001-01')[0]?.status).toBe('applied');
    expect(cheques(sql)).toEqual([]);
  });

  it('refuses a number that is no cheque number (digits only, up to 12)', () => {
    for (const number of ['', '12345678901234', '7001-234', ' 7001234']) {
      expect(OperationSchema.safeParse(byCheque(withdrawal(JUAN, 1_000), number)).success).toBe(false);
    }
    expect(OperationSchema.safeParse(byCheque(withdrawal(JUAN, 1_000), '123456789012')).success).toBe(true);
  });
});
