import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AccountActivityResponseSchema,
  ApprovalResponseSchema,
  BatchResponseSchema,
  BranchVaultResponseSchema,
  LimitReservationResponseSchema,
  OperationResultSchema,
  TillTransferListResponseSchema,
  type Operation,
} from '../../domain/central-api';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { accountOf, batch, cashDeposit, newKey, reversal, visacionRequest, withdrawal, type OpOf } from '../testing/ops';

/**
 * Races between desks and workstations, sent at once over real HTTP (`Promise.all`) to one central: the same
 * approval decided at two supervisor desks, the same transfer settled twice, the same comprobante reversed from two
 * workstations, the same account's daily withdrawal limit reserved at two workstations. Central takes each in one
 * IMMEDIATE transaction, so exactly one wins and the other hears why.
 */
let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

// Demo account 240000000011 (central/demo/seed.ts): $ 2.500.000 available.
const MARIA = '240000000011';
const AT = '2025-03-10T10:00:00-05:00';
const results = async (ops: Operation[], ws: string) => BatchResponseSchema.parse((await batch(t, ops, ws)).body).results;

describe('the same approval decided at two supervisor desks at once', () => {
  const request = () => visacionRequest();

  it.each([
    ['approve', 'reject'],
    ['approve', 'approve'],
    ['reject', 'reject'],
  ] as const)('%s at 001-02 and %s at 001-03: one decision stands, the other desk hears ALREADY_DECIDED', async (d2, d3) => {
    const req = request();
    expect((await t.call('requestApproval', req)).status).toBe(200);
    const [a, b] = await Promise.all([
      t.call('decideApproval', { id: req.id, supervisorId: 'super1', decision: d2, reason: 'Soporte verificado en 001-02' }, '001-02'),
      t.call('decideApproval', { id: req.id, supervisorId: 'super2', decision: d3, reason: 'Soporte verificado en 001-03' }, '001-03'),
    ]);
    const won = [a, b].filter((r) => r.status === 200);
    const lost = [a, b].filter((r) => r.status !== 200);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ status: 409, body: { error: { code: 'ALREADY_DECIDED' } } });
    const winner = ApprovalResponseSchema.parse(won[0]?.body).approval;
    // The maker reads the winner's decision, by the desk that took it, and nothing of the loser's.
    const read = ApprovalResponseSchema.parse((await t.call('getApproval', { id: req.id })).body).approval;
    expect(read).toMatchObject({ state: winner.state, decision: { supervisorId: winner.decision?.supervisorId, workstation: winner.decision?.workstation } });
    expect(read.decision?.workstation).toBe(a.status === 200 ? '001-02' : '001-03');
  });
});

describe('the same transfer settled twice at once', () => {
  const send = (): OpOf<'till_transfer_send'> => ({
    key: newKey(),
    branch: '001',
    workstation: '001-02',
    occurredAt: AT,
    type: 'till_transfer_send',
    payload: { transferId: newKey(), toWorkstation: '001-03', count: { '50000': 4, '10000': 3 }, amount: 230_000, sentBy: 'u-2', sentByName: 'Luis Pérez' },
  });
  const settle = (transferId: string, decision: 'accept' | 'reject', count: Record<string, number>): OpOf<'till_transfer_settle'> => ({
    key: newKey(),
    branch: '001',
    workstation: '001-03',
    occurredAt: AT,
    type: 'till_transfer_settle',
    payload: { transferId, decision, receivedBy: 'u-1', receivedByName: 'Ana Gómez', count, note: decision === 'reject' ? 'Faltan billetes' : null },
  });

  it('two sessions of the receiver accept (and one rejects) under different keys: settled once, the other TRANSFER_SETTLED', async () => {
    for (const second of ['accept', 'reject'] as const) {
      const op = send();
      expect((await results([op], '001-02'))[0]).toMatchObject({ status: 'applied' });
      const [x, y] = await Promise.all([
        results([settle(op.payload.transferId, 'accept', op.payload.count)], '001-03'),
        results([settle(op.payload.transferId, second, second === 'accept' ? op.payload.count : {})], '001-03'),
      ]);
      const outcomes = [x[0], y[0]];
      expect(outcomes.filter((r) => r?.status === 'applied')).toHaveLength(1);
      expect(outcomes.filter((r) => r?.status === 'rejected')).toMatchObject([{ first: { reason: 'TRANSFER_SETTLED' } }]);
      const seen = TillTransferListResponseSchema.parse((await t.call('tillTransfers', { workstation: '001-02' }, '001-02')).body).transfers;
      expect(seen.find((s) => s.id === op.payload.transferId)?.state).toBe(x[0]?.status === 'applied' ? 'aceptado' : second === 'accept' ? 'aceptado' : 'rechazado');
    }
  });

  it("a till's surplus accepted at two vault desks at once credits the vault once", async () => {
    const vaultTotal = async () => BranchVaultResponseSchema.parse((await t.call('branchVault', { branch: '001' }, '001-01')).body).vault.total;
    const start = await vaultTotal();
    const op: OpOf<'till_transfer_send'> = { ...send(), workstation: '001-03', payload: { ...send().payload, toWorkstation: '001-00', count: { '50000': 4 }, amount: 200_000, sentBy: 'cajero1' } };
    expect((await results([op], '001-03'))[0]).toMatchObject({ status: 'applied' });
    const receive = (receivedBy: string) => ({ key: newKey(), occurredAt: AT, transferId: op.payload.transferId, decision: 'accept', receivedBy, receivedByName: 'Marta Rojas', count: { '50000': 4 }, note: null });
    const [x, y] = await Promise.all([t.call('vaultReceive', receive('supervisor1') as never, '001-01'), t.call('vaultReceive', receive('supervisor2') as never, '001-02')]);
    const outcomes = [OperationResultSchema.parse(x.body), OperationResultSchema.parse(y.body)];
    expect(outcomes.filter((r) => r.status === 'applied')).toHaveLength(1);
    expect(outcomes.filter((r) => r.status === 'rejected')).toMatchObject([{ first: { reason: 'TRANSFER_SETTLED' } }]);
    expect(await vaultTotal()).toBe(start + 200_000);
  });
});

describe('the same comprobante reversed from two workstations at once', () => {
  it('001-01 and 001-02 reverse 001-01’s deposit under different keys: one reversal, the balance back once', async () => {
    const d = cashDeposit(MARIA, 300_000);
    expect((await results([d], '001-01'))[0]).toMatchObject({ status: 'applied' });
    const [x, y] = await Promise.all([results([reversal(d.key)], '001-01'), results([{ ...reversal(d.key), workstation: '001-02' }], '001-02')]);
    const outcomes = [x[0], y[0]];
    expect(outcomes.filter((r) => r?.status === 'applied')).toHaveLength(1);
    expect(outcomes.filter((r) => r?.status === 'rejected')).toMatchObject([{ first: { reason: 'ALREADY_REVERSED' } }]);
    expect((await accountOf(t, MARIA)).balances.available).toBe(2_500_000);
  });
});

describe('the daily withdrawal limit of one account, at two workstations at once (seed 003 cl. 3.12)', () => {
  it('central counts each workstation’s applied withdrawals for the other, and does not refuse a withdrawal already paid', async () => {
    // Each workstation posts a withdrawal at the same moment, paid without a reservation of the day's limits (in
    // contingencia, or from a branch that predates them): neither had heard of the other's when it decided.
    const [x, y] = await Promise.all([results([withdrawal(MARIA, 600_000)], '001-01'), results([{ ...withdrawal(MARIA, 700_000), workstation: '001-02' }], '001-02')]);
    // Cash already handed over is recorded, never refused for the limit (which asks for a supervisor, not a refusal).
    expect([x[0]?.status, y[0]?.status]).toEqual(['applied', 'applied']);
    // From then on each workstation's next withdrawal counts the other's.
    const elsewhere = async (ws: string) => AccountActivityResponseSchema.parse((await t.call('accountActivity', { account: MARIA, day: '2025-03-10' }, ws)).body).elsewhere.withdrawals;
    expect(await elsewhere('001-01')).toEqual({ count: 1, amount: 700_000 });
    expect(await elsewhere('001-02')).toEqual({ count: 1, amount: 600_000 });
  });
});

describe('the daily withdrawal limit reserved at two workstations at once (seed 003 cl. 3.12)', () => {
  it('two withdrawals each under the limit but together over it: exactly one reserves, the other hears what is used', async () => {
    const limits = { count: 5, amount: 1_000_000 };
    const reserve = (ws: string, amount: number) => t.call('reserveWithdrawalLimit', { key: newKey(), account: MARIA, day: '2025-03-10', amount, limits, here: { count: 0, amount: 0 } }, ws);
    const [x, y] = await Promise.all([reserve('001-01', 600_000), reserve('001-02', 700_000)]);
    const answers = [x, y].map((r) => LimitReservationResponseSchema.parse(r.body));
    const won = answers.findIndex((a) => a.status === 'reserved');
    expect(answers.filter((a) => a.status === 'reserved')).toHaveLength(1);
    const winner = won === 0 ? 600_000 : 700_000;
    expect(answers[1 - won]).toMatchObject({ status: 'refused', reason: 'DAILY_WITHDRAWAL_LIMIT', elsewhere: { count: 1, amount: winner }, used: { count: 1, amount: winner } });
  });
});
