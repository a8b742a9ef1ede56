import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, inTransaction, type Db } from '../db';
import { tempDir } from '../../testing/temp-core';
import { cashDeposit, keyFor, tillOpen, transfer, withdrawal } from '../../sync/testing/ops';
import { outboxRepo, OutboxError, payloadHashOf, type OutboxRepo } from './repo';
import type { Operation, Outcome } from '../../../domain/central-api';

let dir: ReturnType<typeof tempDir>;
let db: Db;
let outbox: OutboxRepo;
beforeEach(() => {
  dir = tempDir('caja-outbox-');
  db = openDatabase(join(dir.dir, 'caja.sqlite'));
  outbox = outboxRepo(db);
});
afterEach(() => {
  db.close();
  dir.remove();
});

const k = (n: number) => keyFor(1, n);
const put = (...ops: Operation[]) => inTransaction(db, () => ops.forEach((op) => outbox.enqueue(op)));
const applied: Outcome = { outcome: 'applied', reference: 'C000000001', postedAt: '2026-03-02T14:00:00.000Z' };
const rejected: Outcome = { ...applied, outcome: 'rejected', reason: 'INSUFFICIENT_FUNDS', message: 'Fondos insuficientes.' };
const AT = '2026-03-02T14:00:01.000Z';

describe('outbox', () => {
  it('refuses an enqueue outside the posting transaction', () => {
    expect(() => outbox.enqueue(cashDeposit(k(1), '240000000011', 1000))).toThrow(OutboxError);
    expect(outbox.counts().pending).toBe(0);
  });

  it('stores the canonical body and central’s payload hash; a rolled back posting leaves nothing', () => {
    const op = cashDeposit(k(1), '240000000011', 50_000);
    put(op);
    const e = outbox.byKey(k(1));
    expect(e?.body).toBe(`{"account":"240000000011","branch":"001","key":"${k(1)}","occurredAt":"2026-03-02T09:00:00-05:00","payload":{"amount":50000},"type":"cash_deposit","workstation":"001-03"}`);
    expect(e?.payloadHash).toBe(payloadHashOf(op));
    expect(() =>
      inTransaction(db, () => {
        outbox.enqueue(cashDeposit(k(2), '240000000011', 1));
        throw new Error('posting failed');
      }),
    ).toThrow('posting failed');
    expect(outbox.byKey(k(2))).toBeUndefined();
  });

  it('same key and same operation is a no-op; same key with another payload is refused', () => {
    put(cashDeposit(k(1), '240000000011', 50_000));
    put(cashDeposit(k(1), '240000000011', 50_000));
    expect(outbox.queueLength()).toBe(1);
    expect(() => put(cashDeposit(k(1), '240000000011', 50_001))).toThrow(expect.objectContaining({ code: 'OUTBOX_KEY_REUSED' }));
  });

  it('batches keep per-account order: nothing passes an account’s unknown operation', () => {
    put(
      cashDeposit(k(1), '240000000011', 1000),
      withdrawal(k(2), '240000000029', 500),
      cashDeposit(k(3), '240000000011', 2000),
      transfer(k(4), '240000000029', '240000000037', 100),
      cashDeposit(k(5), '240000000037', 7),
      tillOpen(k(6)),
    );
    expect(outbox.pendingBatch(10).map((e) => e.key)).toEqual([1, 2, 3, 4, 5, 6].map(k));
    expect(outbox.pendingBatch(2).map((e) => e.key)).toEqual([k(1), k(2)]);
    outbox.markSent([k(2)], AT);
    outbox.markUnknown([k(2)]);
    // 4 touches 029 (behind 2) and blocks 037, so 5 waits too.
    expect(outbox.pendingBatch(10).map((e) => e.key)).toEqual([k(1), k(3), k(6)]);
    outbox.requeue([k(2)]);
    expect(outbox.pendingBatch(10).map((e) => e.key)).toEqual([1, 2, 3, 4, 5, 6].map(k));
  });

  it('a crash with requests in flight leaves them unknown, never silently pending', () => {
    put(cashDeposit(k(1), '240000000011', 1000));
    outbox.markSent([k(1)], AT);
    expect(outbox.recoverInFlight()).toBe(1);
    expect(outbox.byKey(k(1))?.state).toBe('unknown');
    expect(outbox.counts()).toEqual({ pending: 0, unknown: 1, applied: 0, rejected: 0, conflict: 0 });
  });

  it('records results once; rejections and conflicts go to the supervisor queue', () => {
    put(cashDeposit(k(1), '240000000011', 1000), withdrawal(k(2), '240000000011', 900, 4), cashDeposit(k(3), '240000000029', 5));
    outbox.markResults(
      [
        { key: k(1), result: { key: k(1), status: 'applied', first: applied } },
        { key: k(2), result: { key: k(2), status: 'duplicate', first: rejected } },
        { key: k(3), result: { key: k(3), status: 'conflict', boundHash: 'a'.repeat(64), sentHash: 'b'.repeat(64), message: 'Clave usada.' } },
      ],
      AT,
    );
    expect(outbox.counts()).toEqual({ pending: 0, unknown: 0, applied: 1, rejected: 1, conflict: 1 });
    // A late answer never overwrites the first one.
    outbox.markResult(k(1), { status: 'rejected', outcome: rejected }, AT);
    expect(outbox.byKey(k(1))?.state).toBe('applied');
    const q = outbox.rejections();
    expect(q.map((r) => [r.key, r.status, r.code, r.amount])).toEqual([
      [k(2), 'rejected', 'INSUFFICIENT_FUNDS', 904],
      [k(3), 'conflict', 'KEY_CONFLICT', 5],
    ]);
  });

  it('pending effects: debits and credits not yet applied, transfers on both accounts', () => {
    put(
      cashDeposit(k(1), '240000000011', 1000),
      withdrawal(k(2), '240000000011', 300, 2),
      transfer(k(3), '240000000011', '240000000029', 100),
    );
    expect(outbox.pendingEffects('240000000011')).toEqual({ credits: 1000, debits: 402 });
    expect(outbox.pendingEffects('240000000029')).toEqual({ credits: 100, debits: 0 });
    outbox.markResult(k(2), { status: 'applied', outcome: applied }, AT);
    expect(outbox.pendingEffects('240000000011')).toEqual({ credits: 1000, debits: 100 });
    expect(outbox.pendingEffects('240000000099')).toEqual({ credits: 0, debits: 0 });
  });

  it('pending effects count the fees central will charge: cheque de gerencia on a withdrawal, returned-cheque fee on a reversal', () => {
    const gerencia = withdrawal(k(1), '240000000011', 500_000, 2_000);
    put({ ...gerencia, payload: { ...gerencia.payload, fee: 9_000 } });
    expect(outbox.pendingEffects('240000000011')).toEqual({ credits: 0, debits: 511_000 });
    // Reversing that withdrawal gives everything back, the fee included.
    put({ ...cashDeposit(k(2), '240000000011', 0), type: 'reversal', payload: { reversesKey: k(1), reasonCode: 'ERROR_DE_DIGITACION' } } as Operation);
    expect(outbox.pendingEffects('240000000011')).toEqual({ credits: 511_000, debits: 511_000 });
    // A returned remesa cheque: its deposit moved no available funds; the fee is a debit.
    put(
      { ...cashDeposit(k(3), '240000000029', 0), type: 'cheque_deposit', payload: { amount: 300_000, cheques: [{ bankCode: '13', number: '555', amount: 300_000 }] } } as Operation,
      { ...cashDeposit(k(4), '240000000029', 0), type: 'reversal', payload: { reversesKey: k(3), reasonCode: 'CHEQUE_DEVUELTO', fee: 15_000 } } as Operation,
    );
    expect(outbox.pendingEffects('240000000029')).toEqual({ credits: 0, debits: 15_000 });
  });
});
