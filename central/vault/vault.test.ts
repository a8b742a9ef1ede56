import { afterEach, beforeEach, expect, it } from 'vitest';
import { BatchResponseSchema, BranchVaultResponseSchema, OperationResultSchema, TillTransferListResponseSchema, type Operation } from '../../domain/central-api';
import { DEMO_VAULT } from '../demo/seed';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { batch, newKey, type OpOf } from '../testing/ops';
import { totalOfCount } from '../../domain/money/denominations';

/** The branch vault kept at central: provisions take pieces out, a till's surplus accepted puts them in. */
let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const AT = '2025-03-10T10:00:00-05:00';
const provision = (ws: string, over: Partial<OpOf<'vault_provision'>['payload']> = {}, key = newKey()) => ({
  key,
  occurredAt: AT,
  transferId: newKey(),
  toWorkstation: '001-03',
  count: { '50000': 10, '20000': 5 },
  amount: 600_000,
  sentBy: 'supervisor1',
  sentByName: 'Marta Rojas',
  ...over,
});
const receive = (transferId: string, decision: 'accept' | 'reject', count: Record<string, number>, receivedBy = 'supervisor1') => ({
  key: newKey(),
  occurredAt: AT,
  transferId,
  decision,
  receivedBy,
  receivedByName: 'Marta Rojas',
  count,
  note: decision === 'reject' ? 'No cuadra el fajo' : null,
});
const call = async (name: 'vaultProvision' | 'vaultReceive', req: unknown, ws: string) => {
  const r = await t.call(name, req as never, ws);
  expect(r.status).toBe(200);
  return OperationResultSchema.parse(r.body);
};
const vault = async (ws = '001-01') => BranchVaultResponseSchema.parse((await t.call('branchVault', { branch: '001' }, ws)).body);
const results = async (ops: Operation[], ws: string) => BatchResponseSchema.parse((await batch(t, ops, ws)).body).results;
const list = async (ws: string) => TillTransferListResponseSchema.parse((await t.call('tillTransfers', { workstation: ws }, ws)).body).transfers;
const settle = (transferId: string, decision: 'accept' | 'reject', count: Record<string, number>, receivedBy = 'cajero1'): OpOf<'till_transfer_settle'> => ({
  key: newKey(),
  branch: '001',
  workstation: '001-03',
  occurredAt: AT,
  type: 'till_transfer_settle',
  payload: { transferId, decision, receivedBy, receivedByName: 'Ana Gómez', count, note: decision === 'reject' ? 'Faltan billetes' : null },
});

const START = totalOfCount(DEMO_VAULT);

it('the demo branch has one vault at central, seeded once', async () => {
  const v = await vault();
  expect(v.vault).toMatchObject({ branch: '001', total: START, position: DEMO_VAULT });
  expect(v.transfers).toEqual([]);
  expect((await t.call('branchVault', { branch: '002' }, '001-01')).status).toBe(403);
});

it('a provision from any workstation takes the pieces from the vault once by its key and travels to the till', async () => {
  const req = provision('001-01');
  expect(await call('vaultProvision', req, '001-01')).toMatchObject({ status: 'applied' });
  // Replayed (a lost answer): the first outcome, nothing taken twice.
  expect(await call('vaultProvision', req, '001-01')).toMatchObject({ status: 'duplicate', first: { outcome: 'applied' } });
  const v = await vault('001-02');
  expect(v.vault.total).toBe(START - 600_000);
  expect(v.vault.position['50000']).toBe(1190);
  expect(v.transfers).toMatchObject([{ id: req.transferId, fromWorkstation: '001-00', toWorkstation: '001-03', state: 'en_transito', amount: 600_000 }]);
  // The receiving workstation lists it as incoming, like a till-to-till transfer.
  expect(await list('001-03')).toMatchObject([{ id: req.transferId, fromWorkstation: '001-00', state: 'en_transito' }]);
  // The till accepts with a matching blind count; the vault does not move again.
  expect((await results([settle(req.transferId, 'accept', req.count)], '001-03'))[0]).toMatchObject({ status: 'applied' });
  expect((await vault()).vault.total).toBe(START - 600_000);
  expect((await vault()).transfers).toMatchObject([{ state: 'aceptado', receivedByName: 'Ana Gómez' }]);
});

it('a provision the vault cannot cover is refused whole: nothing is taken', async () => {
  const r = await call('vaultProvision', provision('001-01', { count: { '100000': 801 }, amount: 80_100_000 }), '001-01');
  expect(r).toMatchObject({ status: 'rejected', first: { reason: 'VAULT_SHORT' } });
  expect((await vault()).vault).toMatchObject({ total: START, position: DEMO_VAULT });
  expect((await vault()).transfers).toEqual([]);
  // Nor to the vault itself, nor outside the branch.
  expect(await call('vaultProvision', provision('001-01', { toWorkstation: '001-00' }), '001-01')).toMatchObject({ first: { reason: 'TRANSFER_INVALID' } });
  expect(await call('vaultProvision', provision('001-01', { toWorkstation: '002-03' }), '001-01')).toMatchObject({ first: { reason: 'TRANSFER_INVALID' } });
});

it('a rejected provision returns its pieces to the vault; the supervisor who sent it cannot settle it as the till', async () => {
  const req = provision('001-02');
  await call('vaultProvision', req, '001-02');
  expect((await results([settle(req.transferId, 'accept', req.count, 'supervisor1')], '001-03'))[0]).toMatchObject({ first: { reason: 'MAKER_IS_CHECKER' } });
  expect((await results([settle(req.transferId, 'reject', {})], '001-03'))[0]).toMatchObject({ status: 'applied' });
  expect((await vault()).vault).toMatchObject({ total: START, position: DEMO_VAULT });
  expect((await vault()).transfers).toMatchObject([{ state: 'rechazado', note: 'Faltan billetes' }]);
});

it("a till's surplus to the vault: maker ≠ checker, blind count, credited once; a rejection leaves the vault as it was", async () => {
  const send = (transferId = newKey()): OpOf<'till_transfer_send'> => ({
    key: newKey(),
    branch: '001',
    workstation: '001-03',
    occurredAt: AT,
    type: 'till_transfer_send',
    payload: { transferId, toWorkstation: '001-00', count: { '50000': 4 }, amount: 200_000, sentBy: 'cajero1', sentByName: 'Ana Gómez' },
  });
  const op = send();
  expect((await results([op], '001-03'))[0]).toMatchObject({ status: 'applied' });
  expect((await vault('001-01')).transfers).toMatchObject([{ id: op.payload.transferId, toWorkstation: '001-00', state: 'en_transito' }]);
  expect(await call('vaultReceive', receive(op.payload.transferId, 'accept', op.payload.count, 'cajero1'), '001-01')).toMatchObject({ first: { reason: 'MAKER_IS_CHECKER' } });
  expect(await call('vaultReceive', receive(op.payload.transferId, 'accept', { '50000': 3 }), '001-01')).toMatchObject({ first: { reason: 'COUNT_DIFFERS' } });
  // No workstation settles it as a till (it is not theirs).
  expect((await results([{ ...settle(op.payload.transferId, 'accept', op.payload.count, 'x'), workstation: '001-03' }], '001-03'))[0]).toMatchObject({ first: { reason: 'TRANSFER_NOT_FOUND' } });
  const ok = receive(op.payload.transferId, 'accept', op.payload.count);
  expect(await call('vaultReceive', ok, '001-01')).toMatchObject({ status: 'applied' });
  expect(await call('vaultReceive', ok, '001-01')).toMatchObject({ status: 'duplicate', first: { outcome: 'applied' } });
  expect(await call('vaultReceive', receive(op.payload.transferId, 'reject', {}), '001-02')).toMatchObject({ first: { reason: 'TRANSFER_SETTLED' } });
  expect((await vault()).vault.total).toBe(START + 200_000);
  // The sender's workstation learns it was accepted.
  expect(await list('001-03')).toMatchObject([{ state: 'aceptado', receivedByName: 'Marta Rojas' }]);

  const back = send();
  await results([back], '001-03');
  expect(await call('vaultReceive', receive(back.payload.transferId, 'reject', {}), '001-02')).toMatchObject({ status: 'applied' });
  expect((await vault()).vault.total).toBe(START + 200_000);
  expect((await list('001-03')).find((x) => x.id === back.payload.transferId)).toMatchObject({ state: 'rechazado', note: 'No cuadra el fajo' });
});

it('a transfer settled on an earlier day is listed only when asked for by id (a workstation journaling after a crash)', async () => {
  const req = provision('001-01');
  expect(await call('vaultProvision', req, '001-01')).toMatchObject({ status: 'applied' });
  expect((await results([settle(req.transferId, 'accept', req.count)], '001-03'))[0]).toMatchObject({ status: 'applied' });
  t.clock.advance(2 * 86_400_000);
  expect((await vault()).transfers).toEqual([]);
  const asked = BranchVaultResponseSchema.parse((await t.call('branchVault', { branch: '001', include: `${req.transferId},${newKey()}` }, '001-02')).body);
  expect(asked.transfers).toMatchObject([{ id: req.transferId, state: 'aceptado' }]);
  expect((await t.call('branchVault', { branch: '001', include: 'not-an-id' }, '001-02')).status).toBe(400);
});
