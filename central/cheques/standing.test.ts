import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchResponseSchema, StandingChequeResponseSchema, type Operation } from '../../domain/central-api';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { batch, newKey, oneChequeDeposit, reversal, type DepositedCheque } from '../testing/ops';

const MARIA = '240000000011';
const OTHER = '240000000029';
const PAPER = { bankCode: '07', number: '1234567', drawerAccount: '11122233' };

const deposit = (account: string, workstation: string, cheque: DepositedCheque = PAPER, releaseOn?: string) =>
  oneChequeDeposit(account, workstation, cheque, releaseOn ? { releaseOn } : {});

let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const result = async (op: Operation, workstation = '001-01') => {
  const r = await batch(t, [op], workstation);
  expect(r.status).toBe(200);
  return BatchResponseSchema.parse(r.body).results[0];
};
const standing = async (workstation: string) => StandingChequeResponseSchema.parse((await t.call('standingCheque', PAPER, workstation)).body).standing;

describe('the same cheque deposited at two workstations', () => {
  it('is refused at the second while the first holds it in canje or paid; a returned one may come in again', async () => {
    const first = deposit(MARIA, '001-01');
    expect((await result(first))?.status).toBe('applied');
    // Another workstation asks before receiving it: where it stands, with the account masked.
    expect(await standing('001-02')).toEqual({ branch: '001', workstation: '001-01', account: '****0011', depositedAt: expect.any(String) });
    // Sent all the same (the workstation could not ask), central refuses to credit it a second time.
    expect(await result(deposit(OTHER, '001-02'), '001-02')).toMatchObject({ status: 'rejected', first: { reason: 'CHEQUE_ALREADY_DEPOSITED', message: expect.stringContaining('devuelva el cheque al cliente') } });
    // Paid (remesa) it still stands.
    const paid: Operation = { key: newKey(), branch: '001', workstation: '001-01', occurredAt: '2025-03-10T11:00:00-05:00', type: 'cheque_paid', account: MARIA, payload: { depositKey: first.key } };
    expect((await result(paid))?.status).toBe('applied');
    expect((await result(deposit(OTHER, '001-02'), '001-02'))?.status).toBe('rejected');
    // Returned (its deposit reversed), the paper may be deposited again.
    expect((await result(reversal(first.key)))?.status).toBe('applied');
    expect(await standing('001-02')).toBeNull();
    expect((await result(deposit(OTHER, '001-02'), '001-02'))?.status).toBe('applied');
  });

  it('another drawer account or another number is another cheque; without the drawer account nothing is compared', async () => {
    await result(deposit(MARIA, '001-01', PAPER, '2025-03-12'));
    expect((await result(deposit(OTHER, '001-02', { ...PAPER, drawerAccount: '11122299' }), '001-02'))?.status).toBe('applied');
    expect((await result(deposit(OTHER, '001-02', { ...PAPER, number: '1234568' }), '001-02'))?.status).toBe('applied');
    expect((await result(deposit(OTHER, '001-02', { bankCode: PAPER.bankCode, number: PAPER.number }), '001-02'))?.status).toBe('applied');
  });
});
