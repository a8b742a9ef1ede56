import { afterEach, describe, expect, it } from 'vitest';
import { shortApprovalId } from '../../../domain/approval/request';
import { referenceRepo } from '../../store/reference/repo';
import { outboxRepo } from '../../store/outbox/repo';
import { createCentralClient } from '../../sync/central-client';
import { createPump } from '../../sync/pump';
import { CC, TODAY_UTC, world, type World, sharedCentral } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World;
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
    w = await world(shared.central);
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
    w = await world(shared.central);
    // Small amounts: the central process is shared, and the first test's authorizations hold most of the balance.
    const request = { fromAccountNumber: MARKED, toAccountNumber: '240000000029', amount: 50_000, presenters: [MARIA] };
    expect(await w.call('transfer.evaluate', { request })).toMatchObject({
      ok: true,
      data: { plan: { sameSoleHolder: false, gmf: { exempt: 50_000, gmf: 0, cap: CAP, remainingCap: CAP - 50_000 } } },
    });
    expect(await w.call('transfer.post', { idempotencyKey: crypto.randomUUID(), request })).toMatchObject({ ok: true, data: { status: 'posted' } });
    expect(gmfExemptUsed(MARKED)).toBe(50_000);
    const withdrawal = { accountNumber: MARKED, amount: 40_000, presenters: [MARIA], payout: { kind: 'efectivo' as const } };
    expect(await w.call('withdrawal.evaluate', { request: withdrawal })).toMatchObject({ ok: true, data: { plan: { gmf: { remainingCap: CAP - 90_000 } } } });
  });
});

describe('central authorizes a transfer before it posts (a hold on the source account)', () => {
  const ROSA = '240000000086';
  const count = (sql: string) => w.core.db.prepare(sql).pluck().get();

  it('posts with the hold it got, and central consumes that hold once', async () => {
    w = await world(shared.central);
    const atCentral = async () => {
      const r = await w.client.call('reference', { cursor: 0, limit: 500 });
      const found = r.ok ? r.data.changes.find((c) => c.entity === 'account' && c.account.number === ROSA) : undefined;
      if (found?.entity !== 'account') throw new Error('account not at central');
      return found.account.balances;
    };
    const before = await atCentral();
    const request = { fromAccountNumber: ROSA, toAccountNumber: '240000000029', amount: 100_000, presenters: [CC('900000005')] };
    const key = crypto.randomUUID();
    expect(await w.call('transfer.post', { idempotencyKey: key, request })).toMatchObject({ ok: true, data: { status: 'posted', receipt: {} } });
    const op = JSON.parse(count("SELECT body FROM outbox WHERE type = 'transfer'") as string) as { payload: { holdId?: string; gmf: number } };
    expect(op.payload.holdId).toEqual(expect.any(String));
    // Authorized: the debit is held at central before the branch's operation arrives.
    expect(await atCentral()).toMatchObject({ available: before.available - 100_000 - op.payload.gmf, onHold: before.onHold + 100_000 + op.payload.gmf });
    // A double Enter answers from the store: no second hold, no second posting.
    expect(await w.call('transfer.post', { idempotencyKey: key, request })).toMatchObject({ ok: true, data: { status: 'posted' } });
    const pump = createPump({ db: w.core.db, outbox: outboxRepo(w.core.db), client: w.client, clock: w.clock });
    for (let i = 0; i < 20 && !(await pump.step()).idle; i++);
    expect(await atCentral()).toMatchObject({ available: before.available - 100_000 - op.payload.gmf, onHold: before.onHold });
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'transfer' AND state = 'applied'")).toBe(1);
  });

  it('a refusal by central (the money went at another till) posts nothing and says why', async () => {
    w = await world(shared.central);
    // Another workstation takes the rest of Rosa's available balance; this branch's copy still shows it.
    const other = createCentralClient({ url: shared.central.url, token: 'caja-demo-token-001-01', timeoutMs: 3000 });
    const rest = await w.call('accounts.lookup', { accountNumber: ROSA });
    const available = rest.ok ? (rest.data as { account: { balances: { available: number } } }).account.balances.available : 0;
    const taken = await other.call('postOperations', {
      operations: [{ key: crypto.randomUUID(), branch: '001', workstation: '001-01', occurredAt: '2025-03-03T09:00:00-05:00', type: 'withdrawal', account: ROSA, payload: { amount: available, gmf: 0 } }],
    });
    expect(taken).toMatchObject({ ok: true, data: { results: [{ status: 'applied' }] } });
    const request = { fromAccountNumber: ROSA, toAccountNumber: '240000000029', amount: 50_000, presenters: [CC('900000005')] };
    expect(await w.call('transfer.post', { idempotencyKey: crypto.randomUUID(), request })).toMatchObject({ ok: false, error: { code: 'CENTRAL_REFUSED' } });
    expect([count('SELECT COUNT(*) FROM comprobantes'), count("SELECT COUNT(*) FROM outbox WHERE type = 'transfer'")]).toEqual([0, 0]);
  });

  it('without an answer from central nothing is posted: the transfer is pending and the teller retries', async () => {
    w = await world(shared.central, { client: createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 1000 }) });
    const request = { fromAccountNumber: MARKED, toAccountNumber: '240000000029', amount: 10_000, presenters: [MARIA] };
    expect(await w.call('transfer.post', { idempotencyKey: crypto.randomUUID(), request })).toMatchObject({ ok: true, data: { status: 'pendiente' } });
    expect([count('SELECT COUNT(*) FROM comprobantes'), count("SELECT COUNT(*) FROM outbox WHERE type = 'transfer'")]).toEqual([0, 0]);
  });
});

describe('a transfer above the visación threshold (cl. 4 literal c)', () => {
  it('needs the supervisor’s visación: the teller cannot give their own, a supervisor can, once and for this transfer only', async () => {
    w = await world(shared.central);
    // Juan, who orders it himself, to María: above the $ 5.000.000 of visación.
    const request = { fromAccountNumber: '240000000029', toAccountNumber: MARKED, amount: 6_000_000, presenters: [CC('900000002')] };
    const post = (approvalId?: string, body = request) => w.call('transfer.post', { idempotencyKey: crypto.randomUUID(), request: body, ...(approvalId ? { approvalId } : {}) });
    expect(await w.call('transfer.evaluate', { request })).toMatchObject({ ok: true, data: { plan: { approvalReasons: [{ code: 'VISACION', message: expect.stringContaining('Valor $ 6.000.000; se visa por encima de $ 5.000.000') }] } } });
    expect(await post()).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED', details: { reasons: [{ code: 'VISACION' }] } } });
    const asked = await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation: { kind: 'transfer', request } });
    expect(asked).toMatchObject({ ok: true, data: { approval: { status: 'pendiente', kind: 'transfer', reasons: [{ code: 'VISACION' }], makerName: 'Ana Gómez' } } });
    const id = asked.ok ? (asked.data as { approval: { id: string } }).approval.id : '';
    // The supervisor sees where the money goes (QA s37 Q2): the destination masked, and whose it is.
    expect(asked.ok && (asked.data as { approval: { summary: string } }).approval.summary).toBe(
      'Traslado $ 6.000.000 desde la cuenta ****0029 a la cuenta ****0011 (MARÍA FERNANDA GÓMEZ PATIÑO)',
    );
    expect(await post(id)).toMatchObject({ ok: false, error: { code: 'APPROVAL_NOT_APPROVED' } });
    const decide = (username: string, password: string) => w.call('approval.decide', { approvalId: id, decision: 'aprobar', username, password });
    expect(await decide('cajero1', 'Caja.2026')).toMatchObject({ ok: false, error: { code: 'MAKER_IS_CHECKER' } });
    expect(await decide('cajero2', 'Caja.2026')).toMatchObject({ ok: false, error: { code: 'NOT_A_SUPERVISOR' } });
    expect(await decide('supervisor1', 'Super.2026')).toMatchObject({ ok: true, data: { approval: { status: 'aprobada', checkerName: 'Marta Rojas' } } });
    // The visación is for this transfer: not for a larger one, nor for a second posting.
    expect(await post(id, { ...request, amount: 7_000_000 })).toMatchObject({ ok: false, error: { code: 'APPROVAL_MISMATCH' } });
    const posted = await post(id);
    expect(posted).toMatchObject({ ok: true, data: { status: 'posted' } });
    expect(posted.ok && (posted.data as { receipt: { lines: unknown[] } }).receipt.lines).toContainEqual({ kind: 'field', label: 'Autorización', value: shortApprovalId(id) });
    expect(await post(id)).toMatchObject({ ok: false, error: { code: 'APPROVAL_ALREADY_USED' } });
    expect(w.core.db.prepare("SELECT COUNT(*) FROM comprobantes WHERE kind = 'traslado'").pluck().get()).toBe(1);
  });
});
