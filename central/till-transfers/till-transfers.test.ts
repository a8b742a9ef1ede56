import { afterEach, beforeEach, expect, it } from 'vitest';
import { BatchResponseSchema, TillTransferListResponseSchema, type Operation } from '../../domain/central-api';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { batch, newKey, type OpOf } from '../testing/ops';

/** Issue 7 "Till": teller-to-teller transfer with two-party confirmation, relayed through central. */
let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const env = (workstation: string) => ({ key: newKey(), branch: '001', workstation, occurredAt: '2025-03-10T10:00:00-05:00' });
const send = (transferId = newKey(), over: Partial<OpOf<'till_transfer_send'>['payload']> = {}, from = '001-02'): OpOf<'till_transfer_send'> => ({
  ...env(from),
  type: 'till_transfer_send',
  payload: { transferId, toWorkstation: '001-03', count: { '50000': 4, '10000': 3 }, amount: 230_000, sentBy: 'u-2', sentByName: 'Luis Pérez', ...over },
});
const settle = (transferId: string, decision: 'accept' | 'reject', count: Record<string, number>, by = '001-03'): OpOf<'till_transfer_settle'> => ({
  ...env(by),
  type: 'till_transfer_settle',
  payload: { transferId, decision, receivedBy: 'u-1', receivedByName: 'Ana Gómez', count, note: decision === 'reject' ? 'Faltan dos billetes' : null },
});
const results = async (ops: Operation[], ws: string) => BatchResponseSchema.parse((await batch(t, ops, ws)).body).results;
const list = async (ws: string) => TillTransferListResponseSchema.parse((await t.call('tillTransfers', { workstation: ws }, ws)).body).transfers;

it('relays a transfer from the sender to the receiver, which accepts it with a matching count; both see it settled', async () => {
  const op = send();
  expect((await results([op], '001-02'))[0]).toMatchObject({ status: 'applied' });
  // The receiver sees it en tránsito with who sent it and the pieces.
  expect(await list('001-03')).toMatchObject([{ id: op.payload.transferId, fromWorkstation: '001-02', state: 'en_transito', amount: 230_000, sentByName: 'Luis Pérez', count: { '50000': 4 } }]);
  // A third workstation of the branch does not.
  expect(await list('001-01')).toEqual([]);
  // A different count is refused; the same one is applied; a replay answers the first outcome.
  expect((await results([settle(op.payload.transferId, 'accept', { '50000': 4, '10000': 2 })], '001-03'))[0]).toMatchObject({ status: 'rejected', first: { reason: 'COUNT_DIFFERS' } });
  const ok = settle(op.payload.transferId, 'accept', { '10000': 3, '50000': 4 });
  expect((await results([ok], '001-03'))[0]).toMatchObject({ status: 'applied' });
  expect((await results([ok], '001-03'))[0]).toMatchObject({ status: 'duplicate', first: { outcome: 'applied' } });
  expect(await list('001-02')).toMatchObject([{ state: 'aceptado', receivedByName: 'Ana Gómez' }]);
  // Settled once: a later reject is refused.
  expect((await results([settle(op.payload.transferId, 'reject', {})], '001-03'))[0]).toMatchObject({ status: 'rejected', first: { reason: 'TRANSFER_SETTLED' } });
});

it('a rejection carries the reason back to the sender', async () => {
  const op = send();
  await results([op], '001-02');
  expect((await results([settle(op.payload.transferId, 'reject', {})], '001-03'))[0]).toMatchObject({ status: 'applied' });
  expect(await list('001-02')).toMatchObject([{ state: 'rechazado', note: 'Faltan dos billetes' }]);
});

it('only the receiving workstation settles; the sender cannot send to itself, outside its branch, or with a count that does not add up', async () => {
  const op = send();
  await results([op], '001-02');
  expect((await results([settle(op.payload.transferId, 'accept', op.payload.count, '001-02')], '001-02'))[0]).toMatchObject({ first: { reason: 'TRANSFER_NOT_FOUND' } });
  expect((await results([settle(op.payload.transferId, 'accept', op.payload.count, '001-01')], '001-01'))[0]).toMatchObject({ first: { reason: 'TRANSFER_NOT_FOUND' } });
  expect((await results([send(newKey(), { toWorkstation: '001-02' })], '001-02'))[0]).toMatchObject({ first: { reason: 'TRANSFER_INVALID' } });
  expect((await results([send(newKey(), { toWorkstation: '002-03' })], '001-02'))[0]).toMatchObject({ first: { reason: 'TRANSFER_INVALID' } });
  expect((await results([send(newKey(), { amount: 240_000 })], '001-02'))[0]).toMatchObject({ first: { reason: 'TRANSFER_INVALID' } });
  // The same transfer id under another operation key is not a second transfer.
  expect((await results([send(op.payload.transferId)], '001-02'))[0]).toMatchObject({ first: { reason: 'TRANSFER_INVALID' } });
  expect(await list('001-03')).toHaveLength(1);
});

it('a workstation reads only its own transfers', async () => {
  expect((await t.call('tillTransfers', { workstation: '001-03' }, '001-02')).status).toBe(403);
});
