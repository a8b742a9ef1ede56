import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchResponseSchema, BranchChequesResponseSchema, type Operation } from '../../domain/central-api';
import { callRoute, startTestCentral, type TestCentral } from '../testing/harness';
import { batch, newKey, oneChequeDeposit, type OpOf } from '../testing/ops';

const MARIA = '240000000011';
const OTHER = '240000000029';

const deposit = (workstation: string, cheque: { number: string; city?: string }, releaseOn?: string, account = MARIA) =>
  oneChequeDeposit(account, workstation, { bankCode: '007', number: cheque.number, drawerAccount: '11122233', ...(cheque.city ? { city: cheque.city } : {}) }, {
    ...(releaseOn ? { releaseOn } : { expectedOn: '2025-03-20' }),
    sequence: `001-01-${cheque.number}`,
  });
const sent = (depositKey: string, workstation: string, key = newKey(), account = MARIA): OpOf<'remesa_sent'> => ({
  key,
  branch: '001',
  workstation,
  occurredAt: '2025-03-11T09:00:00-05:00',
  type: 'remesa_sent',
  account,
  payload: { depositKey },
});
const paid = (depositKey: string, workstation: string): OpOf<'cheque_paid'> => ({
  key: newKey(),
  branch: '001',
  workstation,
  occurredAt: '2025-03-12T09:00:00-05:00',
  type: 'cheque_paid',
  account: MARIA,
  payload: { depositKey },
});
const returned = (depositKey: string, workstation: string): OpOf<'reversal'> => ({
  key: newKey(),
  branch: '001',
  workstation,
  occurredAt: '2025-03-11T11:00:00-05:00',
  type: 'reversal',
  account: MARIA,
  payload: { reversesKey: depositKey, reasonCode: 'CHEQUE_DEVUELTO_01', fee: 20_000 },
});

let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral({ tokens: [{ workstation: '002-01', branch: '002', token: 'token-de-la-oficina-002-estacion-01' }] });
});
afterEach(async () => {
  await t.stop();
});

const post = async (op: Operation, workstation: string) => {
  const r = await batch(t, [op], workstation);
  expect(r.status).toBe(200);
  return BatchResponseSchema.parse(r.body).results[0];
};
const list = async (workstation: string, branch = '001') => {
  const r = await t.call('branchCheques', { branch }, workstation);
  expect(r.status).toBe(200);
  return BranchChequesResponseSchema.parse(r.body).cheques;
};

describe("a branch's cheques in canje and remesa, at any of its workstations", () => {
  it('lists what 001-01 received at 001-02, with who received it and what became of each', async () => {
    const canje = deposit('001-01', { number: '100', city: 'Bogotá' }, '2025-03-12');
    const remesa = deposit('001-01', { number: '200', city: 'Pasto' });
    for (const op of [canje, remesa]) expect((await post(op, '001-01'))?.status).toBe('applied');
    const before = await list('001-02');
    expect(before).toHaveLength(2);
    expect(before.find((c) => c.depositKey === canje.key)).toMatchObject({
      route: 'canje',
      workstation: '001-01',
      account: MARIA,
      holderName: expect.stringMatching(/\S/),
      sequence: '001-01-100',
      bankCode: '007',
      number: '100',
      city: 'Bogotá',
      amount: 800_000,
      releaseOn: '2025-03-12',
      clearing: 'pending',
    });
    expect(before.find((c) => c.depositKey === remesa.key)).toMatchObject({ route: 'remesa', clearing: 'pending', city: 'Pasto', expectedOn: '2025-03-20' });
    expect(before.find((c) => c.depositKey === remesa.key)?.sent).toBeUndefined();

    // 001-02 sends the remesa, pays it; returns the canje cheque.
    expect((await post(sent(remesa.key, '001-02'), '001-02'))?.status).toBe('applied');
    expect((await post(paid(remesa.key, '001-02'), '001-02'))?.status).toBe('applied');
    expect((await post(returned(canje.key, '001-02'), '001-02'))?.status).toBe('applied');

    // 001-01 sees it all.
    const after = await list('001-01');
    expect(after.find((c) => c.depositKey === remesa.key)).toMatchObject({
      clearing: 'cleared',
      sent: { on: '2025-03-11', workstation: '001-02' },
      paid: { on: '2025-03-12', workstation: '001-02' },
    });
    expect(after.find((c) => c.depositKey === canje.key)).toMatchObject({
      clearing: 'returned',
      reversal: { reasonCode: 'CHEQUE_DEVUELTO_01', fee: 20_000, on: '2025-03-11', workstation: '001-02' },
    });
  });

  it('another branch reads nothing of it', async () => {
    await post(deposit('001-01', { number: '100' }), '001-01');
    const other = (branch: string) => callRoute(t.central.url, 'branchCheques', { branch }, 'token-de-la-oficina-002-estacion-01');
    expect((await other('001')).status).toBe(403);
    expect(BranchChequesResponseSchema.parse((await other('002')).body).cheques).toEqual([]);
  });
});

describe('remesa_sent', () => {
  it('is recorded once: a replay of its key is a duplicate, another key is refused, as is a canje cheque or a settled remesa', async () => {
    const remesa = deposit('001-01', { number: '200' });
    const canje = deposit('001-01', { number: '100' }, '2025-03-12');
    await post(remesa, '001-01');
    await post(canje, '001-01');
    const first = sent(remesa.key, '001-02');
    expect((await post(first, '001-02'))?.status).toBe('applied');
    expect(await post(first, '001-02')).toMatchObject({ status: 'duplicate', first: { outcome: 'applied' } });
    expect(await post(sent(remesa.key, '001-01'), '001-01')).toMatchObject({ status: 'rejected', first: { reason: 'REMESA_ALREADY_SENT' } });
    expect(await post(sent(canje.key, '001-01'), '001-01')).toMatchObject({ status: 'rejected', first: { reason: 'CHEQUE_NOT_FOUND' } });
    // The account must be the remesa's own.
    expect(await post(sent(remesa.key, '001-01', newKey(), OTHER), '001-01')).toMatchObject({ status: 'rejected', first: { reason: 'CHEQUE_NOT_FOUND' } });
    const other = deposit('001-01', { number: '300' });
    await post(other, '001-01');
    await post(returned(other.key, '001-01'), '001-01');
    expect(await post(sent(other.key, '001-01'), '001-01')).toMatchObject({ status: 'rejected', first: { reason: 'CHEQUE_SETTLED' } });
    expect((await list('001-01')).find((c) => c.depositKey === remesa.key)?.sent).toEqual({ on: '2025-03-11', workstation: '001-02' });
  });

  it('moves no balance', async () => {
    const remesa = deposit('001-01', { number: '200' });
    const before = await post(remesa, '001-01');
    const after = await post(sent(remesa.key, '001-01'), '001-01');
    expect(after?.status === 'applied' && after.first.outcome === 'applied' ? after.first.balances : null).toEqual(
      before?.status === 'applied' && before.first.outcome === 'applied' ? before.first.balances : undefined,
    );
  });
});
