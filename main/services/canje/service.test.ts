import { afterEach, describe, expect, it } from 'vitest';
import { createCentralClient } from '../../sync/central-client';
import { centralBalances, drainer } from '../comprobante/testing/at-central';
import { CC, DEMO_TOKEN_001_03, reverseSameDay, startCentralProcess, TODAY_UTC, world, type RunningCentral, type World, sharedCentral } from '../comprobante/testing/world';
import { pullReference } from '../../sync/reference';
import { referenceRepo } from '../../store/reference/repo';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

const ACCOUNT = '240000000029';
const count = (sql: string, ...params: string[]) => w.core.db.prepare(sql).pluck().get(...params);

// Each deposit's papers are new ones (another drawer's account): central credits a cheque once for the whole bank.
let drawer = 11_122_233;

/** A Bogotá cheque deposited in Bogotá goes to canje (seed 003 cl. 3.9), next to a second one of the same day. */
const depositCanje = async (amount = 800_000) => {
  drawer += 1;
  const slip = {
    accountNumber: ACCOUNT,
    depositor: { id: CC('900000002') },
    cheques: [
      { bank: '07', number: '1234567', drawerAccount: String(drawer), amount, city: 'Bogotá D.C.' },
      { bank: '51', number: '7654', drawerAccount: String(drawer + 33_333_333), amount: 100_000, city: 'Bogotá D.C.' },
    ],
    declaredTotal: amount + 100_000,
  };
  const r = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip });
  if (!r.ok) throw new Error(r.error.message);
  const list = await w.call('canje.list', {});
  const rows = list.ok ? (list.data as { cheques: { id: string; sequence: string; chequeNumber: string }[] }).cheques : [];
  const row = rows.find((c) => c.chequeNumber === '1234567');
  if (!row) throw new Error('no canje cheque');
  return row;
};
const giveBack = (chequeId: string, ret: Record<string, unknown>, key = crypto.randomUUID()) => w.call('canje.return', { idempotencyKey: key, chequeId, ...ret } as never);

describe('canje cheque on its release date (QA s35 A4-1)', () => {
  let onDay: RunningCentral | undefined;
  afterEach(() => onDay?.stop());

  it('says "abonado" only once central released it: the workstation past the date while central holds it reads por_abonar', async () => {
    // A central on the workstation's own day (not the machine's, years later), so it holds the cheque until the 4th.
    onDay = await startCentralProcess({ clockStart: TODAY_UTC });
    w = await world(onDay);
    const c = await depositCanje();
    await drainer(w)();
    const statusNow = async () => {
      const r = await w.call('canje.list', {});
      return r.ok ? (r.data as { cheques: { id: string; status: string }[] }).cheques.find((x) => x.id === c.id)?.status : r.error.code;
    };
    expect(await statusNow()).toBe('en_canje');
    // The workstation's date is past the release date (moved in its store: moving its clock locks the idle session).
    w.core.db.prepare("UPDATE canje_cheques SET release_on = '2025-03-03' WHERE id = ?").run(c.id);
    const held = (await centralBalances(w, ACCOUNT)).inCanje;
    expect(held).toBeGreaterThanOrEqual(900_000);
    expect(await statusNow()).toBe('por_abonar');
    // Central's day comes: any balance read there releases what is due, and then the list says abonado.
    const moved = await w.client.call('advanceClock', { ms: 24 * 3_600_000 });
    expect(moved.ok).toBe(true);
    expect((await centralBalances(w, ACCOUNT)).inCanje).toBe(held - 900_000);
    expect(await statusNow()).toBe('abonado');
  }, 60_000);
});

describe('returned canje cheque (seed 003 cl. 3.9, 4.2 h)', () => {
  it('lists the cheque en canje, then pending at central after its release date; the return reverses that cheque alone and prints once', async () => {
    w = await world(shared.central);
    const c = await depositCanje();
    expect(await w.call('canje.list', {})).toMatchObject({ ok: true, data: { cheques: expect.arrayContaining([expect.objectContaining({ id: c.id, status: 'en_canje', releaseOn: '2025-03-04', bank: '007', amount: 800_000 })]) } });
    // Its clearing date reached (moved here rather than the clock, which would lock the idle session); its deposit
    // has not reached central, so nobody credited it yet.
    w.core.db.prepare("UPDATE canje_cheques SET release_on = '2025-03-03' WHERE id = ?").run(c.id);
    const later = await w.call('canje.list', {});
    expect(later.ok && (later.data as { cheques: { id: string; status: string }[] }).cheques.find((x) => x.id === c.id)?.status).toBe('por_abonar');

    // A late return is still taken: central takes it back from the available balance.
    const key = crypto.randomUUID();
    const back = await giveBack(c.id, { causalId: 'fondos-insuficientes', chargeFee: true }, key);
    expect(back).toMatchObject({
      ok: true,
      data: {
        cheque: { status: 'devuelta', causalText: 'Fondos insuficientes', returnFee: 15_000, returnedOn: '2025-03-03', customerNotice: expect.stringContaining('Reclámelo en la oficina') },
        receipt: { sequence: `${c.sequence}-DEV`, title: 'DEVOLUCIÓN DE CHEQUE EN CANJE', amountInWords: 'SON: OCHOCIENTOS MIL PESOS M/CTE' },
        printJob: { jobId: expect.any(String) },
      },
    });
    const op = JSON.parse(count("SELECT body FROM outbox WHERE type = 'reversal'") as string) as { account: string; payload: { fee?: number; reversesKey: string } };
    expect(op).toMatchObject({ account: ACCOUNT, payload: { fee: 15_000, reasonCode: 'CHEQUE_DEVUELTO_FONDOS-INSUFICIENTES' } });
    const reversed = JSON.parse(count('SELECT body FROM outbox WHERE key = ?', op.payload.reversesKey) as string) as { type: string; payload: { amount: number } };
    expect(reversed).toMatchObject({ type: 'cheque_deposit', payload: { amount: 800_000 } });
    expect(count("SELECT json_extract(payload, '$.document') FROM journal WHERE type = 'comprobante' AND json_extract(payload, '$.action') = 'canje_devuelta'")).toBe(`${c.sequence}-DEV`);

    // A double Enter replays; a second return of the same cheque is refused with what to do.
    const again = await giveBack(c.id, { causalId: 'fondos-insuficientes', chargeFee: true }, key);
    const jobOf = (x: typeof back) => (x.ok ? (x.data as { printJob: { jobId: string } }).printJob.jobId : null);
    expect(jobOf(again)).toBe(jobOf(back));
    expect(await giveBack(c.id, { causalId: 'fondos-insuficientes', chargeFee: true })).toMatchObject({ error: { code: 'CANJE_ALREADY_RETURNED' } });
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'")).toBe(1);
    expect(count('SELECT COUNT(*) FROM device_print_jobs WHERE reference = ?', `${c.sequence}-DEV`)).toBe(1);
  });

  it('a cheque the customer already spent comes back: booked at central at once, what the balance lacked stays owed, the next deposit pays it', async () => {
    // At the end central stops answering what is owed, and never says so: the list must not wait on it.
    let silent = false;
    const real = createCentralClient({ url: shared.central.url, token: DEMO_TOKEN_001_03, timeoutMs: 3000 });
    w = await world(shared.central, { client: { call: (route, req) => (silent && route === 'pendingCharges' ? new Promise<never>(() => undefined) : real.call(route, req)) } });
    const drain = drainer(w);
    const c = await depositCanje(500_000);
    await drain();
    w.core.db.prepare("UPDATE canje_cheques SET release_on = '2025-03-03' WHERE id = ?").run(c.id);
    // Central's clock is past the clearing date: the money is available, and the customer withdraws all but $ 100.000.
    const cleared = await centralBalances(w, ACCOUNT);
    expect(cleared.pendingCharges).toBeUndefined();
    const spent = { key: crypto.randomUUID(), branch: '001', workstation: '001-03', occurredAt: '2025-03-03T09:30:00-05:00', account: ACCOUNT, type: 'withdrawal' as const, payload: { amount: cleared.available - 100_000, gmf: 0 } };
    const withdrawn = await w.client.call('postOperations', { operations: [spent] });
    expect(withdrawn.ok && withdrawn.data.results[0]?.status).toBe('applied');

    const back = await giveBack(c.id, { causalId: 'fondos-insuficientes', chargeFee: true });
    // Before: central refused the debit and nothing was recorded. Now the return is booked, with what it took and what stays owed.
    expect(back).toMatchObject({ ok: true, data: { cheque: { status: 'devuelta', returnFee: 15_000, returnPending: 415_000 } } });
    const lines = back.ok ? (back.data as { receipt: { lines: { label?: string; amount?: number }[] } }).receipt.lines : [];
    expect(lines).toEqual(expect.arrayContaining([{ kind: 'amount', label: 'Crédito reversado', amount: 500_000, negative: true }, { kind: 'amount', label: 'Debitado del saldo disponible', amount: 100_000, negative: true }, { kind: 'amount', label: 'Cargo pendiente de esta devolución', amount: 415_000 },
        { kind: 'amount', label: 'La cuenta debe en total', amount: 415_000 },]));
    expect(await centralBalances(w, ACCOUNT)).toMatchObject({ available: 0, pendingCharges: 415_000 });
    // The outbox delivers the same operation later: central answers with the first outcome, nothing is charged twice.
    await drain();
    expect(count("SELECT COUNT(*) FROM outbox WHERE state <> 'applied'")).toBe(0);
    expect(await centralBalances(w, ACCOUNT)).toMatchObject({ available: 0, pendingCharges: 415_000 });
    const entry = JSON.parse(count("SELECT payload FROM journal WHERE json_extract(payload, '$.action') = 'canje_devuelta'") as string) as Record<string, unknown>;
    expect(entry).toMatchObject({ debited: 100_000, pendingCharge: 415_000 });

    // The account inquiry shows the charge once the reference data arrives; nothing is withdrawable.
    await pullReference({ client: w.client, repo: referenceRepo(w.core.db), clock: w.clock });
    const looked = await w.call('accounts.lookup', { accountNumber: ACCOUNT });
    expect(looked).toMatchObject({ ok: true, data: { account: { balances: { available: 0, pendingCharges: 415_000 } }, withdrawable: 0, notices: expect.arrayContaining([expect.stringContaining('Cargo pendiente por cheque devuelto: $ 415.000')]) } });

    // The deposit's other cheque comes back too: its paper says its own charge and all the account now owes.
    const other = w.core.db.prepare("SELECT id FROM canje_cheques WHERE comprobante_sequence = ? AND cheque_number = '7654'").pluck().get(c.sequence) as string;
    w.core.db.prepare("UPDATE canje_cheques SET release_on = '2025-03-03' WHERE id = ?").run(other);
    const second = await giveBack(other, { causalId: 'fondos-insuficientes', chargeFee: true });
    expect(second).toMatchObject({ ok: true, data: { cheque: { returnPending: 115_000 } } });
    const owing = await w.call('canje.list', {});
    expect(owing.ok && (owing.data as { cheques: { id: string; returnOwedNow?: number | null }[] }).cheques.find((x) => x.id === c.id)?.returnOwedNow).toBe(415_000);
    const paper = second.ok ? (second.data as { receipt: { lines: { label?: string; amount?: number }[] } }).receipt.lines : [];
    expect(paper).toEqual(
      expect.arrayContaining([
        { kind: 'amount', label: 'Cargo pendiente de esta devolución', amount: 115_000 },
        { kind: 'amount', label: 'La cuenta debe en total', amount: 530_000 },
      ]),
    );

    // The next deposit pays the charges first (and leaves the account as the other tests of this file expect it).
    // Posted yesterday and not by this workstation's store (it reached central late): named by workstation and authorization, with its day.
    const cash = { ...spent, key: crypto.randomUUID(), occurredAt: '2025-03-02T16:00:00-05:00', type: 'cash_deposit' as const, payload: { amount: cleared.available - 100_000 } };
    const paid = await w.client.call('postOperations', { operations: [cash] });
    const result = paid.ok ? paid.data.results[0] : undefined;
    const reference = result?.status === 'applied' ? result.first.reference : 'refused';
    const after = await centralBalances(w, ACCOUNT);
    expect(after.pendingCharges).toBeUndefined();
    expect(after.available).toBe(cleared.available - 630_000);
    // The list says the charges are paid, not the figures of the day they came back.
    const listed = await w.call('canje.list', {});
    const owedNow = (id: string) => (listed.ok ? (listed.data as { cheques: { id: string; returnOwedNow?: number | null }[] }).cheques.find((x) => x.id === id)?.returnOwedNow : 'refused');
    expect([owedNow(c.id), owedNow(other)]).toEqual([0, 0]);
    const paidBy = (id: string) => (listed.ok ? (listed.data as { cheques: { id: string; returnPaidBy?: unknown }[] }).cheques.find((x) => x.id === id)?.returnPaidBy : 'refused');
    expect([paidBy(c.id), paidBy(other)]).toEqual([0, 0].map(() => ({ workstation: '001-03', reference, on: '2025-03-02' })));
    // Central silent: the list opens all the same, saying it does not know what is owed now.
    silent = true;
    const unknown = await w.call('canje.list', {});
    expect(unknown.ok && (unknown.data as { cheques: { id: string; returnOwedNow?: number | null }[] }).cheques.find((x) => x.id === c.id)?.returnOwedNow).toBeNull();
  });

  it('offline, a cheque central already credited is not returned (the paper must say what was taken): the teller keeps it and retries', async () => {
    let online = true;
    const real = createCentralClient({ url: shared.central.url, token: DEMO_TOKEN_001_03, timeoutMs: 3000 });
    const offline = createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 500 });
    w = await world(shared.central, { client: { call: (route, req) => (online ? real : offline).call(route, req) } });
    const c = await depositCanje(300_000);
    await drainer(w)();
    online = false;
    w.core.db.prepare("UPDATE canje_cheques SET release_on = '2025-03-03' WHERE id = ?").run(c.id);
    expect(await giveBack(c.id, { causalId: 'fondos-insuficientes', chargeFee: true })).toMatchObject({ ok: false, error: { code: 'CENTRAL_UNAVAILABLE' } });
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'")).toBe(0);
    // Back online, the same cheque is returned and booked.
    online = true;
    expect(await giveBack(c.id, { causalId: 'fondos-insuficientes', chargeFee: true })).toMatchObject({ ok: true, data: { cheque: { status: 'devuelta', returnPending: 0 } } });
  });

  it('offline, a cheque whose deposit has not reached central is returned: its credit never left canje', async () => {
    w = await world(shared.central, { client: createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 500 }) });
    const c = await depositCanje(300_000);
    w.core.db.prepare("UPDATE canje_cheques SET release_on = '2025-03-03' WHERE id = ?").run(c.id);
    expect(await giveBack(c.id, { causalId: 'fondos-insuficientes', chargeFee: true })).toMatchObject({ ok: true, data: { cheque: { status: 'devuelta', returnPending: 0 } } });
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'")).toBe(1);
  });

  it('waiving the fee needs a supervisor other than the teller; unknown cheques and causales are refused', async () => {
    w = await world(shared.central);
    const c = await depositCanje(300_000);
    expect(await giveBack('nope', { causalId: 'falta-endoso' })).toMatchObject({ error: { code: 'CANJE_CHEQUE_NOT_FOUND' } });
    expect(await giveBack(c.id, { causalId: 'no-existe' })).toMatchObject({ error: { code: 'RETURN_CAUSAL_UNKNOWN' } });
    expect(await giveBack(c.id, { causalId: 'falta-endoso', chargeFee: false })).toMatchObject({ error: { code: 'FEE_WAIVER_NEEDS_SUPERVISOR' } });
    expect(await giveBack(c.id, { causalId: 'falta-endoso', chargeFee: false, waiver: { username: 'cajero1', password: 'Caja.2026' } })).toMatchObject({ error: { code: 'MAKER_IS_CHECKER' } });
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'")).toBe(0);
    const back = await giveBack(c.id, { causalId: 'falta-endoso', chargeFee: false, waiver: { username: 'supervisor1', password: 'Super.2026' } });
    expect(back).toMatchObject({ ok: true, data: { cheque: { status: 'devuelta', returnFee: 0 } } });
    expect((JSON.parse(count("SELECT body FROM outbox WHERE type = 'reversal'") as string) as { payload: object }).payload).not.toHaveProperty('fee');
    const entry = JSON.parse(count("SELECT payload FROM journal WHERE type = 'approval' AND json_extract(payload, '$.action') = 'aprobada' AND json_extract(payload, '$.canjeChequeId') = ?", c.id) as string) as Record<string, unknown>;
    expect(entry).toMatchObject({ action: 'aprobada', reasons: ['RETURNED_CHEQUE_FEE_WAIVER'], amount: 15_000 });
  });

  it('at central: the returned cheque leaves canje, the other one stays, and the fee is charged', async () => {
    w = await world(shared.central);
    const drain = drainer(w);
    const balances = () => centralBalances(w, ACCOUNT);
    const before = await balances();
    const c = await depositCanje(1_000_000);
    await drain();
    const deposited = await balances();
    // Central's own clock decides whether the clearing date has come: the credit sits in canje or in available.
    expect(deposited.inCanje + deposited.available).toBe(before.inCanje + before.available + 1_100_000);
    await giveBack(c.id, { causalId: 'fondos-insuficientes', chargeFee: true });
    await drain();
    expect(count("SELECT COUNT(*) FROM outbox WHERE state <> 'applied'")).toBe(0);
    const after = await balances();
    // Only the returned cheque left (from canje, or from available if it had cleared); the other stays credited.
    expect(after.inCanje + after.available).toBe(before.inCanje + before.available + 100_000 - 15_000);
    expect(after.inCanje).toBe(deposited.inCanje === before.inCanje ? before.inCanje : before.inCanje + 100_000);
  });

  it('each returned cheque of one deposit is its own paper: -DEV, then -DEV2, each printed and copied from its journal row; the deposit can no longer be reversed', async () => {
    w = await world(shared.central);
    const first = await depositCanje();
    const list = await w.call('canje.list', {});
    const second = list.ok ? (list.data as { cheques: { id: string; chequeNumber: string }[] }).cheques.find((x) => x.chequeNumber === '7654') : undefined;
    if (!second) throw new Error('no second canje cheque');
    const a = await giveBack(first.id, { causalId: 'fondos-insuficientes', chargeFee: true });
    const b = await giveBack(second.id, { causalId: 'falta-endoso', chargeFee: true });
    expect(a).toMatchObject({ ok: true, data: { receipt: { sequence: `${first.sequence}-DEV`, amountInWords: 'SON: OCHOCIENTOS MIL PESOS M/CTE' } } });
    expect(b).toMatchObject({ ok: true, data: { receipt: { sequence: `${first.sequence}-DEV2`, amountInWords: 'SON: CIEN MIL PESOS M/CTE' } } });
    const jobOf = (x: typeof a) => (x.ok ? (x.data as { printJob: { jobId: string } }).printJob.jobId : null);
    expect(jobOf(b)).not.toBe(jobOf(a));
    expect(count('SELECT COUNT(*) FROM device_print_jobs WHERE reference = ?', `${first.sequence}-DEV2`)).toBe(1);
    // The journal's Reimprimir on the second return copies the second receipt, not the first.
    for (let k = 0; k < 100 && count('SELECT state FROM device_print_jobs WHERE reference = ?', `${first.sequence}-DEV2`) !== 'printed'; k++) {
      await new Promise((res) => setTimeout(res, 50));
    }
    const copy = await w.call('devices.reprint', { target: `${first.sequence}-DEV2` });
    expect(copy).toMatchObject({ ok: true });
    const copied = JSON.parse(count('SELECT document FROM device_print_jobs WHERE reference = ? AND copy_number = 1', `${first.sequence}-DEV2`) as string) as object;
    expect(copied).toMatchObject({ title: 'DEVOLUCIÓN DE CHEQUE EN CANJE', sequence: `${first.sequence}-DEV2`, amountInWords: 'SON: CIEN MIL PESOS M/CTE' });
    // F5 names each return by the number on its own paper, not the deposit's, and that number finds it.
    const rowsOf = async (reference: string) => {
      const r = await w.call('journal.search', { reference, limit: 10 });
      const entries = r.ok ? (r.data as { entries: { type: string; reference: string | null; payload: { action?: string } }[] }).entries : [];
      return entries.filter((e) => e.type === 'comprobante').map((e) => [e.payload.action ?? 'deposito', e.reference]);
    };
    expect(await rowsOf(`${first.sequence}-DEV`)).toEqual([['canje_devuelta', `${first.sequence}-DEV`]]);
    expect(await rowsOf(`${first.sequence}-DEV2`)).toEqual([['canje_devuelta', `${first.sequence}-DEV2`]]);
    expect(await rowsOf(first.sequence)).toEqual([
      ['canje_devuelta', `${first.sequence}-DEV2`],
      ['canje_devuelta', `${first.sequence}-DEV`],
      ['deposito', first.sequence],
    ]);
    // Both cheques are back with the customer's file: reversing the whole deposit would undo them twice.
    const why = await w.call('reversal.check', { sequence: first.sequence });
    expect(why).toMatchObject({ ok: true, data: { reversible: false, why: expect.stringContaining('7654 devuelto') } });
  });

  it('a deposit reversed the same day leaves nothing to return: refused, nothing sent to central', async () => {
    w = await world(shared.central);
    const c = await depositCanje();
    await reverseSameDay(w, c.sequence);
    const listed = await w.call('canje.list', {});
    const rows = listed.ok ? (listed.data as { cheques: { id: string; depositReversed: boolean }[] }).cheques : [];
    expect(rows.find((r) => r.id === c.id)).toMatchObject({ depositReversed: true });
    const before = count("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'");
    expect(await giveBack(c.id, { causalId: 'fondos-insuficientes', chargeFee: true })).toMatchObject({ ok: false, error: { code: 'DEPOSIT_REVERSED' } });
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'")).toBe(before);
  });
});
