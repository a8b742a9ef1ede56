import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchResponseSchema, OperationStatusResponseSchema, canonicalJson, operationBody, type Operation } from '../../domain/central-api';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { accountOf, batch, cashDeposit, newKey, reversal, tillOpen, withdrawal } from '../testing/ops';
import { sha256Hex } from '../runtime';
import { sameAccountRefusal } from '../../domain/transfer/evaluate';

// Demo accounts (central/demo/seed.ts): 240000000011 individual activa $2.500.000; 240000000052 inactiva;
// 240000000060 embargada $3.000.000 with $1.800.000 embargoed.
const MARIA = '240000000011';

let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const results = async (ops: Parameters<typeof batch>[1]) => {
  const r = await batch(t, ops);
  expect(r.status).toBe(200);
  return BatchResponseSchema.parse(r.body).results;
};

describe('POST /v1/operations:batch', () => {
  it('applies once and answers a replay with the first result (duplicate)', async () => {
    const op = cashDeposit(MARIA, 100_000);
    const [first] = await results([op]);
    expect(first?.status).toBe('applied');
    const [again] = await results([op]);
    expect(again?.status).toBe('duplicate');
    expect(again && 'first' in again ? again.first : null).toEqual(first && 'first' in first ? first.first : undefined);
    expect((await accountOf(t, MARIA)).balances.available).toBe(2_600_000);
  });

  it('refuses the same key with another payload as conflict and never returns the first result', async () => {
    const op = cashDeposit(MARIA, 100_000);
    await results([op]);
    const [c] = await results([{ ...op, payload: { amount: 900_000 } }]);
    expect(c?.status).toBe('conflict');
    expect(c).not.toHaveProperty('first');
    expect((await accountOf(t, MARIA)).balances.available).toBe(2_600_000);
    // The branch asks by key with its own hash: conflict; without a hash: the bound outcome.
    const sentHash = sha256Hex(canonicalJson(operationBody({ ...op, payload: { amount: 900_000 } })));
    const st = OperationStatusResponseSchema.parse((await t.call('operationStatus', { key: op.key, payloadHash: sentHash })).body);
    expect(st.status).toBe('conflict');
    const own = OperationStatusResponseSchema.parse((await t.call('operationStatus', { key: op.key, payloadHash: sha256Hex(canonicalJson(operationBody(op))) })).body);
    expect(own.status).toBe('applied');
  });

  it('binds the key to the canonical hash, so member order does not matter', async () => {
    const op = cashDeposit(MARIA, 5_000);
    await results([op]);
    const reordered = JSON.parse(JSON.stringify({ payload: op.payload, type: op.type, account: op.account, occurredAt: op.occurredAt, workstation: op.workstation, branch: op.branch, key: op.key })) as typeof op;
    const [r] = await results([reordered]);
    expect(r?.status).toBe('duplicate');
  });

  it('answers per operation, in order, and applies them in order', async () => {
    const k = [newKey(), newKey(), newKey(), newKey()];
    const r = await results([
      withdrawal(MARIA, 2_600_000, { key: k[0] }), // more than the balance: rejected
      cashDeposit(MARIA, 200_000, k[1]),
      withdrawal(MARIA, 2_600_000, { key: k[2] }), // now exactly the balance: applied
      tillOpen(k[3]),
    ]);
    expect(r.map((x) => [x.key, x.status])).toEqual([
      [k[0], 'rejected'],
      [k[1], 'applied'],
      [k[2], 'applied'],
      [k[3], 'applied'],
    ]);
    expect((await accountOf(t, MARIA)).balances.available).toBe(100_000);
  });

  it('records a rejection against the key: replays and status stay rejected even when funds arrive later', async () => {
    const w = withdrawal(MARIA, 3_000_000, { gmf: 12_000 });
    const [first] = await results([w]);
    expect(first).toMatchObject({ status: 'rejected', first: { outcome: 'rejected', reason: 'INSUFFICIENT_FUNDS' } });
    await results([cashDeposit(MARIA, 5_000_000)]);
    const [again] = await results([w]);
    expect(again).toMatchObject({ status: 'duplicate', first: { outcome: 'rejected', reason: 'INSUFFICIENT_FUNDS' } });
    const st = OperationStatusResponseSchema.parse((await t.call('operationStatus', { key: w.key })).body);
    expect(st.status).toBe('rejected');
    expect((await accountOf(t, MARIA)).balances.available).toBe(7_500_000);
  });

  it('rejects debits by account state and embargo', async () => {
    const r = await results([withdrawal('240000000052', 10_000), withdrawal('240000000060', 1_500_000), withdrawal('240000000060', 1_200_000), withdrawal('999999999999', 1)]);
    expect(r.map((x) => ('first' in x && x.first.outcome === 'rejected' ? x.first.reason : x.status))).toEqual([
      'ACCOUNT_INACTIVE',
      'EMBARGOED_FUNDS',
      'applied',
      'ACCOUNT_NOT_FOUND',
    ]);
  });

  it('a deposit commission never takes what an embargo retains (cl. 7.2, 8.5): refused beyond what is free, the retention untouched', async () => {
    const EMBARGOED = '240000000060';
    const commission = (amount: number): Operation => ({ ...withdrawal(EMBARGOED, 1), type: 'deposit_commission', payload: { amount, lines: [{ kind: 'remesa', amount }] } });
    // $ 3.000.000 with $ 1.800.000 retained for a child-support order: $ 1.195.200 + GMF leaves $ 19 free.
    const r = await results([withdrawal(EMBARGOED, 1_195_200, { gmf: 4_781 }), commission(15_000), cashDeposit(EMBARGOED, 14_981), commission(15_000)]);
    expect(r.map((x) => ('first' in x && x.first.outcome === 'rejected' ? x.first.reason : x.status))).toEqual(['applied', 'EMBARGOED_FUNDS', 'applied', 'applied']);
    // The order's $ 1.800.000 is all still in the account; only the cash brought for the fee paid it.
    expect((await accountOf(t, EMBARGOED)).balances.available).toBe(1_800_000);
  });

  it('status of an unknown key is unknown', async () => {
    const st = OperationStatusResponseSchema.parse((await t.call('operationStatus', { key: newKey() })).body);
    expect(st.status).toBe('unknown');
  });

  it('refuses a batch carrying another workstation’s operations without recording any key', async () => {
    const mine = cashDeposit(MARIA, 1_000);
    const r = await batch(t, [mine, { ...cashDeposit(MARIA, 1_000), workstation: '001-02' }]);
    expect(r.status).toBe(403);
    const st = OperationStatusResponseSchema.parse((await t.call('operationStatus', { key: mine.key })).body);
    expect(st.status).toBe('unknown');
  });

  it('reverses an applied deposit once', async () => {
    const d = cashDeposit(MARIA, 300_000);
    await results([d]);
    const [rev, again] = await results([reversal(d.key), reversal(d.key)]);
    expect(rev?.status).toBe('applied');
    expect(again).toMatchObject({ status: 'rejected', first: { reason: 'ALREADY_REVERSED' } });
    expect((await accountOf(t, MARIA)).balances.available).toBe(2_500_000);
  });
});

describe('transfers, cheques and reversals', () => {
  const env = () => ({ key: newKey(), branch: '001', workstation: '001-01', occurredAt: '2025-03-10T10:00:00-05:00' });

  it('moves amount + GMF out of the source and the amount into the target', async () => {
    const [r] = await results([{ ...env(), type: 'transfer', account: '240000000029', payload: { amount: 1_000_000, gmf: 4_000, toAccount: MARIA } }]);
    expect(r?.status).toBe('applied');
    expect((await accountOf(t, '240000000029')).balances.available).toBe(14_796_000);
    expect((await accountOf(t, MARIA)).balances.available).toBe(3_500_000);
  });

  it('refuses a transfer into a cancelled or missing account and to itself', async () => {
    const r = await results([
      { ...env(), type: 'transfer', account: MARIA, payload: { amount: 1, gmf: 0, toAccount: MARIA } },
      { ...env(), type: 'transfer', account: MARIA, payload: { amount: 1, gmf: 0, toAccount: '123456789' } },
    ]);
    expect(r.map((x) => ('first' in x && x.first.outcome === 'rejected' ? x.first.reason : x.status))).toEqual(['SAME_ACCOUNT', 'ACCOUNT_NOT_FOUND']);
    // Worded as the branch refuses it at the counter (domain/transfer), not in central's own sentence.
    const same = r[0];
    expect(same && 'first' in same && same.first.outcome === 'rejected' ? same.first.message : null).toBe(sameAccountRefusal(MARIA, MARIA)?.message);
  });

  it('credits a cheque deposit to the balance in canje, not to available', async () => {
    await results([{ ...env(), type: 'cheque_deposit', account: MARIA, payload: { amount: 800_000, cheques: [{ bankCode: '007', number: '1234567', amount: 800_000 }] } }]);
    expect((await accountOf(t, MARIA)).balances).toEqual({ available: 2_500_000, inCanje: 800_000, onHold: 0 });
  });

  it('reversing a hold-backed withdrawal returns the whole debit to available without re-creating the hold', async () => {
    const h = await t.call('authorizeWithdrawal', { key: newKey(), account: MARIA, amount: 402_000 });
    const holdId = (h.body as { hold: { holdId: string } }).hold.holdId;
    const w = withdrawal(MARIA, 400_000, { gmf: 1_600, holdId });
    await results([w]);
    // The unused 400 pesos of the hold went back to available when it was consumed.
    expect((await accountOf(t, MARIA)).balances).toEqual({ available: 2_098_400, inCanje: 0, onHold: 0 });
    const [rev] = await results([reversal(w.key)]);
    expect(rev?.status).toBe('applied');
    expect((await accountOf(t, MARIA)).balances).toEqual({ available: 2_500_000, inCanje: 0, onHold: 0 });
  });

  it('refuses to reverse a rejected operation or an operation that moves no balance', async () => {
    const bad = withdrawal(MARIA, 99_000_000);
    const till = tillOpen();
    await results([bad, till]);
    const r = await results([reversal(bad.key), reversal(till.key), reversal(newKey())]);
    expect(r.map((x) => ('first' in x && x.first.outcome === 'rejected' ? x.first.reason : x.status))).toEqual([
      'REVERSAL_TARGET_NOT_APPLIED',
      'NOT_REVERSIBLE',
      'REVERSAL_TARGET_NOT_FOUND',
    ]);
  });
});

describe('withdrawal authorization (holds)', () => {
  it('a withdrawal paid in contingency names the lost authorization by key and consumes its hold', async () => {
    // 2.000.000 held, the answer lost on the way back; the branch paid in contingency and queued the debit.
    const holdKey = newKey();
    await t.call('authorizeWithdrawal', { key: holdKey, account: MARIA, amount: 2_008_000 });
    expect((await accountOf(t, MARIA)).balances).toEqual({ available: 492_000, inCanje: 0, onHold: 2_008_000 });
    const [w] = await results([withdrawal(MARIA, 2_000_000, { gmf: 8_000, holdKey })]);
    // Without the key, the debit would have been refused for insufficient funds by its own reservation.
    expect(w?.status).toBe('applied');
    expect((await accountOf(t, MARIA)).balances).toEqual({ available: 492_000, inCanje: 0, onHold: 0 });
  });

  it('a hold key that central never saw leaves the withdrawal to the plain balance check', async () => {
    const [w] = await results([withdrawal(MARIA, 100_000, { gmf: 400, holdKey: newKey() })]);
    expect(w?.status).toBe('applied');
    expect((await accountOf(t, MARIA)).balances).toEqual({ available: 2_399_600, inCanje: 0, onHold: 0 });
  });

  it('holds funds, the withdrawal consumes the hold, and a second use is refused', async () => {
    const h = await t.call('authorizeWithdrawal', { key: newKey(), account: MARIA, amount: 1_004_000 });
    expect(h.body).toMatchObject({ status: 'authorized', availableAfter: 1_496_000 });
    const holdId = (h.body as { hold: { holdId: string } }).hold.holdId;
    expect((await accountOf(t, MARIA)).balances).toEqual({ available: 1_496_000, inCanje: 0, onHold: 1_004_000 });
    const [w, w2] = await results([withdrawal(MARIA, 1_000_000, { gmf: 4_000, holdId }), withdrawal(MARIA, 1_000, { holdId })]);
    expect(w?.status).toBe('applied');
    expect(w2).toMatchObject({ status: 'rejected', first: { reason: 'HOLD_ALREADY_USED' } });
    expect((await accountOf(t, MARIA)).balances).toEqual({ available: 1_496_000, inCanje: 0, onHold: 0 });
  });

  it('a debit refusal states the fact for whichever operation debits: no withdrawal wording for a transfer, a commission or a reversal', async () => {
    // The branch adds the instruction that fits where it shows the message (a withdrawal: "No entregue el efectivo.").
    const transfer = (account: string, amount: number, extra: { holdId?: string } = {}): Operation => ({
      ...withdrawal(account, amount),
      type: 'transfer',
      payload: { amount, gmf: 0, toAccount: '240000000029', ...extra },
    });
    const commission: Operation = { ...withdrawal(MARIA, 1), type: 'deposit_commission', payload: { amount: 9_000_000, lines: [{ kind: 'remesa', amount: 9_000_000 }] } };
    const h = await t.call('authorizeWithdrawal', { key: newKey(), account: MARIA, amount: 10_000 });
    const holdId = (h.body as { hold: { holdId: string } }).hold.holdId;
    const deposit = cashDeposit(MARIA, 100_000);
    const r = await results([
      transfer(MARIA, 9_000_000),
      transfer('240000000060', 1_500_000),
      transfer(MARIA, 10_000, { holdId: 'no-such-hold' }),
      transfer(MARIA, 10_000, { holdId }),
      transfer(MARIA, 10_000, { holdId }),
      commission,
      deposit,
      withdrawal(MARIA, 2_500_000),
      reversal(deposit.key),
    ]);
    const refused = r.map((x) => ('first' in x && x.first.outcome === 'rejected' ? [x.first.reason, x.first.message] : [x.status]));
    expect(refused).toEqual([
      ['INSUFFICIENT_FUNDS', 'Saldo disponible insuficiente en la cuenta.'],
      ['EMBARGOED_FUNDS', 'Parte del saldo está embargado: el valor supera lo disponible.'],
      ['HOLD_NOT_FOUND', 'La autorización del débito no existe en central.'],
      ['applied'],
      ['HOLD_ALREADY_USED', 'La autorización ya fue usada por otra operación.'],
      ['INSUFFICIENT_FUNDS', 'Saldo disponible insuficiente en la cuenta.'],
      ['applied'],
      ['applied'],
      ['INSUFFICIENT_FUNDS', 'Saldo disponible insuficiente en la cuenta.'],
    ]);
  });

  it('refuses a hold above the withdrawable balance and is idempotent on its key', async () => {
    const key = newKey();
    const refused = await t.call('authorizeWithdrawal', { key, account: '240000000060', amount: 1_500_000 });
    expect(refused.body).toMatchObject({ status: 'refused', reason: 'EMBARGOED_FUNDS' });
    const k2 = newKey();
    const a = await t.call('authorizeWithdrawal', { key: k2, account: MARIA, amount: 10_000 });
    const b = await t.call('authorizeWithdrawal', { key: k2, account: MARIA, amount: 10_000 });
    expect(b.body).toEqual(a.body);
    expect((await accountOf(t, MARIA)).balances.onHold).toBe(10_000);
    const c = await t.call('authorizeWithdrawal', { key: k2, account: MARIA, amount: 20_000 });
    expect(c.status).toBe(409);
  });

  it('expires a hold with the clock and returns the funds', async () => {
    const h = await t.call('authorizeWithdrawal', { key: newKey(), account: MARIA, amount: 500_000 });
    const holdId = (h.body as { hold: { holdId: string } }).hold.holdId;
    t.clock.advance(15 * 60_000);
    const got = await t.call('getHold', { holdId });
    expect(got.body).toMatchObject({ hold: { state: 'expired' } });
    expect((await accountOf(t, MARIA)).balances).toEqual({ available: 2_500_000, inCanje: 0, onHold: 0 });
  });

  it('releases a hold on request', async () => {
    const h = await t.call('authorizeWithdrawal', { key: newKey(), account: MARIA, amount: 500_000 });
    const holdId = (h.body as { hold: { holdId: string } }).hold.holdId;
    const r = await t.call('releaseHold', { holdId });
    expect(r.body).toMatchObject({ hold: { state: 'released' } });
    expect((await accountOf(t, MARIA)).balances.available).toBe(2_500_000);
  });

  it('releases by the request key for the workstation that asked only, and answers that key again with the released hold', async () => {
    const key = newKey();
    await t.call('authorizeWithdrawal', { key, account: MARIA, amount: 500_000 }, '001-03');
    // Another workstation cannot free what 001-03 holds, even knowing the key.
    expect((await t.call('releaseHoldByKey', { key }, '001-01')).body).toEqual({ hold: null });
    expect((await accountOf(t, MARIA)).balances.onHold).toBe(500_000);
    expect((await t.call('releaseHoldByKey', { key }, '001-03')).body).toMatchObject({ hold: { state: 'released', amount: 500_000 } });
    expect((await accountOf(t, MARIA)).balances).toMatchObject({ available: 2_500_000, onHold: 0 });
    // The same request again: central's record of it, with the hold as it stands now.
    expect((await t.call('authorizeWithdrawal', { key, account: MARIA, amount: 500_000 }, '001-03')).body).toMatchObject({ status: 'authorized', hold: { state: 'released' } });
    expect((await t.call('releaseHoldByKey', { key: newKey() }, '001-03')).body).toEqual({ hold: null });
  });
});
