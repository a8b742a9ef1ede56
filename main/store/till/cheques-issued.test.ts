import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHEQUE_GERENCIA_NUMBER_LABEL } from '../../../domain/receipt/build-withdrawal';
import { openDatabase, type Db } from '../db';
import { tempDir } from '../../testing/temp-core';
import { gateFactsRepo } from './lifecycle';

// A withdrawal's stored receipt, reduced to the lines the query reads: the one that carries the cheque's number.
const receiptWith = (chequeNumber: string | null) =>
  JSON.stringify({ lines: chequeNumber ? [{ kind: 'field', label: 'Forma de pago', value: 'Cheque de gerencia a JUAN' }, { kind: 'field', label: CHEQUE_GERENCIA_NUMBER_LABEL, value: chequeNumber }] : [{ kind: 'amount', label: 'Retiro', amount: 1 }] });

const post = (db: Db, n: number, kind: string, total: number, session: string, chequeNumber: string | null) =>
  db
    .prepare(
      `INSERT INTO comprobantes (id, sequence, till_code, n, idempotency_key, kind, account_number, customer_doc, transactor_doc, teller_id, till_session_id,
         business_date, posted_at, total, journal_sequence, verification_code, receipt, details)
       VALUES (?, ?, '03', ?, ?, ?, '240000000029', 'CC:1', 'CC:1', 't', ?, '2026-12-05', '2026-12-05T15:00:00.000Z', ?, ?, 'X', ?, '{}')`,
    )
    .run(`c${n}`, `001-03-00000${n}`, n, `k${n}`, kind, session, total, n, receiptWith(chequeNumber));

describe('cheque de gerencia forms issued by a till session (close report)', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('lists the session\'s withdrawals paid by cheque with their number and amount, and the reversal that voided one', () => {
    const t = tempDir();
    cleanup = t.remove;
    const db = openDatabase(join(t.dir, 'caja.sqlite'));
    post(db, 1, 'retiro', 1_000_000, 's1', '7700123');
    post(db, 2, 'retiro', 200_000, 's1', null);
    post(db, 3, 'retiro', 300_000, 's1', '7700200');
    post(db, 4, 'retiro', 500_000, 's0', '7700100');
    db.prepare(
      `INSERT INTO reversals (id, original_sequence, reason_code, reason_text, approval_id, teller_id, till_session_id, business_date, posted_at, amount, central_keys, journal_sequence, receipt)
       VALUES ('r1', '001-03-000003', 'ERROR', 'x', 'a', 't', 's1', '2026-12-05', '2026-12-05T16:00:00.000Z', 300000, '[]', 5, '{}')`,
    ).run();
    expect(gateFactsRepo(db).chequesIssued('s1')).toEqual([
      { sequence: '001-03-000001', number: '7700123', amount: 1_000_000, reversal: null },
      { sequence: '001-03-000003', number: '7700200', amount: 300_000, reversal: 'R-001-03-000003' },
    ]);
    db.close();
  });
});

describe('cheques received by a till session (close report, QA s36 F7)', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  const cheque = (db: Db, table: 'canje_cheques' | 'remittances', id: string, sequence: string, number: string, amount: number, takenAt: string | null = null) =>
    table === 'canje_cheques'
      ? db
          .prepare(
            `INSERT INTO canje_cheques (id, comprobante_sequence, account_number, holder_name, bank, cheque_number, drawer_account, city, amount, status, received_on, release_on, central_key, updated_at, taken_at)
             VALUES (?, ?, '240000000029', 'JUAN', 'BANCOLOMBIA', ?, '1', 'BOGOTÁ', ?, 'en_canje', '2026-12-05', '2026-12-07', ?, '2026-12-05T15:00:00.000Z', ?)`,
          )
          .run(id, sequence, number, amount, `k-${id}`, takenAt)
      : db
          .prepare(
            `INSERT INTO remittances (id, comprobante_sequence, account_number, holder_name, bank, cheque_number, drawer_account, city, amount, status, received_on, expected_on, central_key, updated_at)
             VALUES (?, ?, '240000000029', 'JUAN', 'DAVIVIENDA', ?, '1', 'CALI', ?, 'recibida', '2026-12-05', '2026-12-20', ?, '2026-12-05T15:00:00.000Z')`,
          )
          .run(id, sequence, number, amount, `k-${id}`);

  it('lists the canje and remesa cheques of the session\'s deposits, the reversal that handed one back, and not another session\'s or workstation\'s', () => {
    const t = tempDir();
    cleanup = t.remove;
    const db = openDatabase(join(t.dir, 'caja.sqlite'));
    post(db, 1, 'deposito', 1_500_000, 's1', null);
    post(db, 2, 'deposito', 700_000, 's1', null);
    post(db, 3, 'deposito', 100_000, 's0', null);
    cheque(db, 'canje_cheques', 'a', '001-03-000001', '1234567', 1_500_000);
    cheque(db, 'remittances', 'b', '001-03-000002', '555', 700_000);
    cheque(db, 'canje_cheques', 'c', '001-03-000003', '9', 100_000);
    cheque(db, 'canje_cheques', 'd', '001-03-000001', '77', 50_000, '001-02');
    db.prepare(
      `INSERT INTO reversals (id, original_sequence, reason_code, reason_text, approval_id, teller_id, till_session_id, business_date, posted_at, amount, central_keys, journal_sequence, receipt)
       VALUES ('r1', '001-03-000002', 'ERROR', 'x', 'a', 't', 's1', '2026-12-05', '2026-12-05T16:00:00.000Z', 700000, '[]', 5, '{}')`,
    ).run();
    expect(gateFactsRepo(db).chequesReceived('s1')).toEqual([
      { route: 'canje', bank: 'BANCOLOMBIA', number: '1234567', accountNumber: '240000000029', city: 'BOGOTÁ', amount: 1_500_000, reversal: null },
      { route: 'remesa', bank: 'DAVIVIENDA', number: '555', accountNumber: '240000000029', city: 'CALI', amount: 700_000, reversal: 'R-001-03-000002' },
    ]);
    db.close();
  });
});
