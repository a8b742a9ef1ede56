import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { referenceRepo } from '../../store/reference/repo';
import { CC, TODAY_UTC, startCentralProcess, world, type RunningCentral, type World } from '../comprobante/testing/world';

let central: RunningCentral;
let w: World;
beforeAll(async () => {
  central = await startCentralProcess();
}, 40_000);
afterAll(() => central.stop());
afterEach(() => w.close());

/** María's GMF-marked account in the demo data (individual, sole holder). */
const MARKED = '240000000011';
const MARIA = CC('900000001');
/** 350 UVT of 2025, the year of the world's business date (domain/rules-config/config.ts). */
const CAP = 350 * 49_799;

/**
 * The demo has no two sole-holder accounts of one person, so María's second, unmarked account is written into
 * the branch's copy of central's reference data. This core has no sync link: central never hears of it.
 */
const addSecondAccountOfMaria = (number: string) => {
  const repo = referenceRepo(w.core.db);
  const marked = repo.getCentralAccount(MARKED);
  if (!marked) throw new Error(`demo account ${MARKED} missing`);
  repo.applyChanges([{ entity: 'account', version: 1, account: { ...marked, number, gmfExempt: false, balances: { available: 100_000, inCanje: 0, onHold: 0 } } }], repo.cursor(), TODAY_UTC);
};

const gmfExemptUsed = (account: string) =>
  w.core.db.prepare('SELECT COALESCE(SUM(gmf_exempt), 0) FROM comprobantes WHERE account_number = ?').pluck().get(account);

describe('transfer between accounts of the same sole holder (ET art. 879 num. 14)', () => {
  it('is exempt by num. 14 and leaves the marked account its whole 350 UVT for the month', async () => {
    w = await world(central);
    const second = '240000000102';
    addSecondAccountOfMaria(second);
    const request = { fromAccountNumber: MARKED, toAccountNumber: second, amount: 2_000_000, presenters: [MARIA] };

    const plan = await w.call('transfer.evaluate', { request });
    expect(plan).toMatchObject({ ok: true, data: { plan: { sameSoleHolder: true, debitTotal: 2_000_000, gmf: { gmf: 0, exempt: 2_000_000 } } } });
    expect(plan.ok && (plan.data as { plan: { gmf: { legalBasis: string } } }).plan.gmf.legalBasis).toContain('num. 14');
    expect(await w.call('transfer.post', { idempotencyKey: crypto.randomUUID(), request })).toMatchObject({ ok: true, data: { status: 'posted' } });
    // Exempt by num. 14, not by the marked account's num. 1 allowance: nothing of it counts against the cap.
    expect(gmfExemptUsed(MARKED)).toBe(0);

    // A later withdrawal from the marked account still sees the month's cap untouched.
    const withdrawal = { accountNumber: MARKED, amount: 400_000, presenters: [MARIA], payout: { kind: 'efectivo' as const } };
    expect(await w.call('withdrawal.evaluate', { request: withdrawal })).toMatchObject({
      ok: true,
      data: { plan: { gmf: { exempt: 400_000, taxable: 0, gmf: 0, cap: CAP, remainingCap: CAP - 400_000 }, debitTotal: 400_000 } },
    });
    expect(await w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request: withdrawal })).toMatchObject({ ok: true, data: { status: 'posted' } });
    expect(gmfExemptUsed(MARKED)).toBe(400_000);
  });

  it('a transfer to another holder from the marked account does use the cap (art. 879 num. 1)', async () => {
    w = await world(central);
    const request = { fromAccountNumber: MARKED, toAccountNumber: '240000000029', amount: 300_000, presenters: [MARIA] };
    expect(await w.call('transfer.evaluate', { request })).toMatchObject({
      ok: true,
      data: { plan: { sameSoleHolder: false, gmf: { exempt: 300_000, gmf: 0, cap: CAP, remainingCap: CAP - 300_000 } } },
    });
    expect(await w.call('transfer.post', { idempotencyKey: crypto.randomUUID(), request })).toMatchObject({ ok: true, data: { status: 'posted' } });
    expect(gmfExemptUsed(MARKED)).toBe(300_000);
    const withdrawal = { accountNumber: MARKED, amount: 100_000, presenters: [MARIA], payout: { kind: 'efectivo' as const } };
    expect(await w.call('withdrawal.evaluate', { request: withdrawal })).toMatchObject({ ok: true, data: { plan: { gmf: { remainingCap: CAP - 400_000 } } } });
  });
});
