import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { centralBalances, drainer } from '../comprobante/testing/at-central';
import { createCentralClient } from '../../sync/central-client';
import { CC, DEMO_TOKEN_001_03, reverseSameDay, world, type World, sharedCentral } from '../comprobante/testing/world';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

const count = (sql: string, ...params: string[]) => w.core.db.prepare(sql).pluck().get(...params);

// Each deposit's paper is a new one (another drawer's account): central credits a cheque once for the whole bank.
let drawer = 99_988_877;

/** A Medellín cheque deposited in Bogotá goes to remesa al cobro (seed 003 cl. 3.9). */
const depositRemesa = async (amount = 2_000_000) => {
  drawer += 1;
  const slip = {
    accountNumber: '240000000029',
    depositor: { id: CC('900000002') },
    cheques: [{ bank: '13', number: '555', drawerAccount: String(drawer), amount, city: 'Medellín' }],
    declaredTotal: amount,
  };
  const r = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip });
  if (!r.ok) throw new Error(r.error.message);
  const list = await w.call('remittance.list', { status: 'recibida' });
  const rows = list.ok ? (list.data as { remittances: { id: string; sequence: string }[] }).remittances : [];
  const row = rows[0];
  if (!row) throw new Error('no remesa');
  return row;
};
const advance = (remittanceId: string, event: Record<string, unknown>, key = crypto.randomUUID()) =>
  w.call('remittance.advance', { idempotencyKey: key, remittanceId, event } as never);

describe('remesas al cobro (seed 003 cl. 3.9)', () => {
  it('goes recibida → enviada → pagada, journaled, nothing printed; pagada tells central to release the remesa', async () => {
    w = await world(shared.central);
    const r = await depositRemesa();
    // The screen asks before P and says when it is early: the core's business date decides, the screen has no clock.
    expect(await advance(r.id, { type: 'enviar' })).toMatchObject({ ok: true, data: { remittance: { status: 'enviada', sentOn: '2025-03-03', beforeExpected: true } } });
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'cheque_paid'")).toBe(0);
    const paid = await advance(r.id, { type: 'pagar' });
    expect(paid).toMatchObject({ ok: true, data: { remittance: { status: 'pagada', paidOn: '2025-03-03', returnFee: 0 } } });
    expect(paid.ok && 'receipt' in (paid.data as object)).toBe(false);
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'")).toBe(0);
    const notice = JSON.parse(count("SELECT body FROM outbox WHERE type = 'cheque_paid'") as string) as { account: string; payload: { depositKey: string } };
    expect(notice.account).toBe('240000000029');
    expect(count("SELECT type FROM outbox WHERE key = ?", notice.payload.depositKey)).toBe('cheque_deposit');
    expect(count("SELECT COUNT(*) FROM journal WHERE type = 'comprobante' AND json_extract(payload, '$.action') LIKE 'remesa!_%' ESCAPE '!'")).toBe(2);
    expect(await w.call('remittance.list', { status: 'pagada' })).toMatchObject({ ok: true, data: { remittances: [{ id: r.id }] } });
  });

  it('a move whose local save fails never reached central: both still have the remesa as it was; retried, it reaches central once', async () => {
    w = await world(shared.central);
    const drain = drainer(w);
    const r = await depositRemesa();
    await drain();
    const atCentral = async () => {
      const list = await w.client.call('branchCheques', { branch: '001' });
      if (!list.ok) throw new Error(list.error.message);
      const row = list.data.cheques.find((c) => c.number === '555' && c.drawerAccount === String(drawer));
      if (!row) throw new Error('not at central');
      return row;
    };
    const keys = { enviar: crypto.randomUUID(), pagar: crypto.randomUUID() };
    for (const [event, status] of [['enviar', 'enviada'], ['pagar', 'pagada']] as const) {
      const before = await atCentral();
      // The local save fails (the disk, a lock): injected as SQLite refusing the remesa's update.
      w.core.db.exec("CREATE TEMP TRIGGER fail_save BEFORE UPDATE ON remittances BEGIN SELECT RAISE(ABORT, 'disco lleno'); END");
      const failed = await advance(r.id, { type: event }, keys[event]);
      expect(failed.ok).toBe(false);
      w.core.db.exec('DROP TRIGGER fail_save');
      // Neither side moved: central lists it as before, this workstation too, and nothing waits in the outbox.
      expect(await atCentral()).toEqual(before);
      expect(await w.call('remittance.list', {})).toMatchObject({ ok: true, data: { remittances: [expect.objectContaining({ id: r.id, status: event === 'enviar' ? 'recibida' : 'enviada' })] } });
      // The teller retries with the same request: saved here, at central at once, and the outbox's send is a duplicate there.
      const retried = await advance(r.id, { type: event }, keys[event]);
      expect(retried).toMatchObject({ ok: true, data: { remittance: { status } } });
      expect(await atCentral()).toMatchObject(event === 'enviar' ? { clearing: 'pending', sent: { workstation: '001-03' } } : { clearing: 'cleared', paid: { workstation: '001-03' } });
      await drain();
    }
    // One message per move, drained; central holds each under its key once (posted again: a duplicate of the applied one).
    const moves = w.core.db.prepare("SELECT body, state FROM outbox WHERE type IN ('remesa_sent', 'cheque_paid') ORDER BY seq").all() as { body: string; state: string }[];
    expect(moves.map((m) => m.state)).toEqual(['applied', 'applied']);
    const again = await w.client.call('postOperations', { operations: moves.map((m) => JSON.parse(m.body) as never) });
    expect(again.ok && again.data.results.map((x) => [x.status, x.status === 'conflict' ? null : x.first.outcome])).toEqual([
      ['duplicate', 'applied'],
      ['duplicate', 'applied'],
    ]);
  });

  it('E or P sent again with its key after a lost answer (CORE_NO_ANSWER) answers the move made: one journal entry, one cheque_paid', async () => {
    w = await world(shared.central);
    const r = await depositRemesa();
    const sent = crypto.randomUUID();
    const first = await advance(r.id, { type: 'enviar' }, sent);
    expect(first).toMatchObject({ ok: true, data: { remittance: { status: 'enviada' } } });
    expect(await advance(r.id, { type: 'enviar' }, sent)).toEqual(first);
    const paidKey = crypto.randomUUID();
    const paid = await advance(r.id, { type: 'pagar' }, paidKey);
    expect(paid).toMatchObject({ ok: true, data: { remittance: { status: 'pagada' } } });
    expect(await advance(r.id, { type: 'pagar' }, paidKey)).toEqual(paid);
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'cheque_paid'")).toBe(1);
    expect(count("SELECT COUNT(*) FROM journal WHERE type = 'comprobante' AND json_extract(payload, '$.action') LIKE 'remesa!_%' ESCAPE '!'")).toBe(2);
  });

  it('a remesa returned when the available balance cannot cover the fee is booked all the same: the fee stays owed', async () => {
    // Later central stops answering what is owed, and never says so: the list must not wait on it.
    let silent = false;
    const real = createCentralClient({ url: shared.central.url, token: DEMO_TOKEN_001_03, timeoutMs: 3000 });
    w = await world(shared.central, { client: { call: (route, req) => (silent && route === 'pendingCharges' ? new Promise<never>(() => undefined) : real.call(route, req)) } });
    const drain = drainer(w);
    const r = await depositRemesa(700_000);
    await drain();
    await advance(r.id, { type: 'enviar' });
    await drain();
    // The customer took everything available meanwhile.
    const before = await centralBalances(w, '240000000029');
    const env = { branch: '001', workstation: '001-03', occurredAt: '2025-03-03T09:30:00-05:00', account: '240000000029' };
    await w.client.call('postOperations', { operations: [{ ...env, key: crypto.randomUUID(), type: 'withdrawal', payload: { amount: before.available, gmf: 0 } }] });
    // Before: refused (RETURN_FEE_EXCEEDS_BALANCE) unless a supervisor waived the fee.
    const back = await advance(r.id, { type: 'devolver', causalId: 'fondos-insuficientes', chargeFee: true });
    expect(back).toMatchObject({ ok: true, data: { remittance: { status: 'devuelta', returnFee: 15_000, returnPending: 15_000 } } });
    const lines = back.ok ? (back.data as { receipt: { lines: object[] } }).receipt.lines : [];
    // Before: "Crédito reversado" and "Debitado de la cuenta $ 700.000" for a remesa that was never available.
    expect(lines).toEqual(
      expect.arrayContaining([
        { kind: 'amount', label: 'Valor en canje reversado', amount: 700_000, negative: true },
        { kind: 'amount', label: 'Debitado del saldo disponible', amount: 0, negative: true },
        { kind: 'amount', label: 'Cargo pendiente de esta devolución', amount: 15_000 },
      ]),
    );
    expect(lines).not.toContainEqual(expect.objectContaining({ label: 'Crédito reversado' }));
    await drain();
    expect(count("SELECT COUNT(*) FROM outbox WHERE state <> 'applied'")).toBe(0);
    expect(await centralBalances(w, '240000000029')).toMatchObject({ available: 0, inCanje: before.inCanje - 700_000, pendingCharges: 15_000 });
    // Before: the list said the charge of the day it came back, and no fee for the dialog, whatever central said.
    const row = async () => {
      const listed = await w.call('remittance.list', {});
      return listed.ok ? (listed.data as { remittances: { id: string }[] }).remittances.find((x) => x.id === r.id) : listed;
    };
    expect(await row()).toMatchObject({ returnPending: 15_000, returnOwedNow: 15_000, returnFeeIfCharged: 15_000 });
    expect(await row()).not.toHaveProperty('returnPaidBy');
    silent = true;
    const asked = Date.now();
    expect(await row()).toMatchObject({ returnPending: 15_000, returnOwedNow: null });
    expect(Date.now() - asked).toBeLessThan(2_500);
    silent = false;
    // A cash deposit at this counter pays it: the list names its comprobante (today's, so no date).
    const paying = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: { accountNumber: '240000000029', depositor: { id: CC('900000002') }, cash: { '20000': 1 }, declaredTotal: 20_000 } });
    const sequence = paying.ok ? (paying.data as { sequence: string }).sequence : paying.error.message;
    await drain();
    expect(await row()).toMatchObject({ returnOwedNow: 0, returnPaidBy: { sequence, workstation: '001-03', reference: expect.any(String) } });
    expect(await row()).not.toHaveProperty('returnPaidBy.on');
    // Put the money back for the other tests.
    await w.client.call('postOperations', { operations: [{ ...env, key: crypto.randomUUID(), type: 'cash_deposit', payload: { amount: before.available - 20_000 } }] });
    expect(await centralBalances(w, '240000000029')).toEqual({ available: before.available - 15_000, inCanje: before.inCanje - 700_000, onHold: before.onHold });
  });

  it('a return booked before its deposit reached central keeps its own figure: central not knowing the charge is no payment', async () => {
    w = await world(shared.central);
    const r = await depositRemesa(300_000);
    // The balance this workstation knows cannot pay the fee: the return estimates it owed.
    w.core.db.prepare("UPDATE ref_accounts SET data = json_set(data, '$.balances.available', 0) WHERE number = '240000000029'").run();
    await advance(r.id, { type: 'enviar' });
    expect(await advance(r.id, { type: 'devolver', causalId: 'fondos-insuficientes', chargeFee: true })).toMatchObject({ ok: true, data: { remittance: { returnPending: 15_000 } } });
    const listed = await w.call('remittance.list', {});
    const row = listed.ok ? (listed.data as { remittances: { id: string }[] }).remittances.find((x) => x.id === r.id) : listed;
    // Before: "pagado" (returnOwedNow 0), as central had no charge of it.
    expect(row).toMatchObject({ returnPending: 15_000 });
    expect(row).not.toHaveProperty('returnOwedNow');
  });

  it('at central: the remesa waits in canje, its commission is debited, and pagada makes it available', async () => {
    w = await world(shared.central);
    const drain = drainer(w);
    const balances = () => centralBalances(w, '240000000029');
    const before = await balances();
    const r = await depositRemesa(1_000_000);
    const commission = (JSON.parse(count("SELECT body FROM outbox WHERE type = 'deposit_commission'") as string) as { payload: { amount: number } }).payload.amount;
    expect(commission).toBeGreaterThan(0);
    await drain();
    expect(await balances()).toMatchObject({ available: before.available - commission, inCanje: before.inCanje + 1_000_000 });
    await advance(r.id, { type: 'enviar' });
    await advance(r.id, { type: 'pagar' });
    await drain();
    expect(await balances()).toMatchObject({ available: before.available - commission + 1_000_000, inCanje: before.inCanje });
    expect(count("SELECT COUNT(*) FROM outbox WHERE state <> 'applied'")).toBe(0);
  });

  it('refuses transitions out of order and unknown causales', async () => {
    w = await world(shared.central);
    const r = await depositRemesa();
    expect(await advance(r.id, { type: 'pagar' })).toMatchObject({ error: { code: 'REMESA_INVALID_TRANSITION' } });
    await advance(r.id, { type: 'enviar' });
    expect(await advance(r.id, { type: 'devolver', causalId: 'no-existe', chargeFee: true })).toMatchObject({ error: { code: 'RETURN_CAUSAL_UNKNOWN' } });
    expect(await advance('nope', { type: 'enviar' })).toMatchObject({ error: { code: 'REMITTANCE_NOT_FOUND' } });
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'")).toBe(0);
  });

  it('a return reverses the credit with the fee for central, prints a receipt once and tells what to say (cl. 4.2 d, h)', async () => {
    w = await world(shared.central);
    const r = await depositRemesa();
    await advance(r.id, { type: 'enviar' });
    const key = crypto.randomUUID();
    const back = await advance(r.id, { type: 'devolver', causalId: 'fondos-insuficientes', chargeFee: true }, key);
    expect(back).toMatchObject({
      ok: true,
      data: {
        remittance: { status: 'devuelta', causalText: 'Fondos insuficientes', returnFee: 15_000, customerNotice: expect.stringContaining('Reclámelo en la oficina') },
        receipt: { sequence: `${r.sequence}-DEV`, title: 'DEVOLUCIÓN DE CHEQUE EN REMESA', amountInWords: 'SON: DOS MILLONES DE PESOS M/CTE' },
        printJob: { jobId: expect.any(String) },
      },
    });
    const lines = back.ok ? (back.data as { receipt: { lines: unknown[] } }).receipt.lines : [];
    expect(lines).toContainEqual({ kind: 'amount', label: 'Comisión cheque devuelto', amount: 15_000, negative: true });
    // The remesa document names the drawee bank and the plaza, not their codes (013, 05001).
    expect(lines).toContainEqual({ kind: 'field', label: 'Banco girado', value: 'BBVA Colombia' });
    expect(lines).toContainEqual({ kind: 'field', label: 'Plaza', value: 'Medellín' });
    const op = JSON.parse(count("SELECT body FROM outbox WHERE type = 'reversal'") as string) as { account: string; payload: { fee?: number; reversesKey: string } };
    expect(op).toMatchObject({ account: '240000000029', payload: { fee: 15_000, reasonCode: 'CHEQUE_DEVUELTO_FONDOS-INSUFICIENTES' } });
    // The reversal names the central operation of this cheque alone.
    expect(count('SELECT COUNT(*) FROM outbox WHERE key = ?', op.payload.reversesKey)).toBe(1);
    // A double Enter replays: the same answer, no second reversal, no second paper.
    const again = await advance(r.id, { type: 'devolver', causalId: 'fondos-insuficientes', chargeFee: true }, key);
    const jobOf = (x: typeof back) => (x.ok ? (x.data as { printJob: { jobId: string } }).printJob.jobId : null);
    expect(jobOf(again)).toBe(jobOf(back));
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'")).toBe(1);
    expect(count('SELECT COUNT(*) FROM device_print_jobs WHERE reference = ?', `${r.sequence}-DEV`)).toBe(1);
  });

  it('waived fee: only with a supervisor other than the teller; the reversal carries no fee, the receipt no fee line', async () => {
    w = await world(shared.central);
    const r = await depositRemesa(300_000);
    await advance(r.id, { type: 'enviar' });
    const waive = (waiver?: { username: string; password: string }) =>
      advance(r.id, { type: 'devolver', causalId: 'falta-endoso', chargeFee: false, ...(waiver ? { waiver } : {}) });
    // The exception is refused until a supervisor authorizes it; nothing moves meanwhile.
    expect(await waive()).toMatchObject({ error: { code: 'FEE_WAIVER_NEEDS_SUPERVISOR', message: expect.stringContaining('$ 15.000') } });
    expect(await waive({ username: 'cajero1', password: 'Caja.2026' })).toMatchObject({ error: { code: 'MAKER_IS_CHECKER' } });
    expect(await waive({ username: 'cajero2', password: 'Caja.2026' })).toMatchObject({ error: { code: 'NOT_A_SUPERVISOR' } });
    expect(await waive({ username: 'supervisor1', password: 'mala' })).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'reversal'")).toBe(0);
    expect(await w.call('remittance.list', { status: 'enviada' })).toMatchObject({ ok: true, data: { remittances: [{ id: r.id }] } });

    const back = await waive({ username: 'supervisor1', password: 'Super.2026' });
    expect(back).toMatchObject({ ok: true, data: { remittance: { status: 'devuelta', returnFee: 0 } } });
    const op = JSON.parse(count("SELECT body FROM outbox WHERE type = 'reversal'") as string) as { payload: object };
    expect(op.payload).not.toHaveProperty('fee');
    const lines = back.ok ? (back.data as { receipt: { lines: { label?: string }[] } }).receipt.lines : [];
    expect(lines.some((l) => l.label === 'Comisión cheque devuelto')).toBe(false);
    // Before: the paper did not say who waived the fee, and said a credit never made (al cobro only) was reversed.
    const supervisorName = count("SELECT display_name FROM users WHERE username = 'supervisor1'") as string;
    expect(lines).toContainEqual(expect.objectContaining({ kind: 'text', text: expect.stringContaining(`Comisión no cobrada, autorizó ${supervisorName}.`) }));
    expect(lines.some((l) => l.label === 'Crédito reversado')).toBe(false);
    // The decision is journaled under the supervisor, naming the teller; the password is kept nowhere.
    const supervisorId = count("SELECT id FROM users WHERE username = 'supervisor1'") as string;
    const tellerId = count("SELECT id FROM users WHERE username = 'cajero1'") as string;
    const entry = JSON.parse(count("SELECT payload FROM journal WHERE type = 'approval' AND json_extract(payload, '$.action') = 'aprobada' AND json_extract(payload, '$.remittanceId') = ?", r.id) as string) as Record<string, unknown>;
    expect(entry).toMatchObject({ action: 'aprobada', reasons: ['RETURNED_CHEQUE_FEE_WAIVER'], makerId: tellerId, checkerId: supervisorId, amount: 15_000 });
    expect(count("SELECT actor FROM journal WHERE type = 'approval' AND json_extract(payload, '$.action') = 'aprobada' AND json_extract(payload, '$.remittanceId') = ?", r.id)).toBe(supervisorId);
    const file = w.core.db.name;
    const onDisk = Buffer.concat([readFileSync(file), existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
    expect(onDisk.includes('Super.2026')).toBe(false);
  });

  it('a deposit reversed the same day: its remesa shows it and can be neither sent, paid nor returned; nothing reaches central', async () => {
    w = await world(shared.central);
    const r = await depositRemesa();
    await reverseSameDay(w, r.sequence);
    const listed = await w.call('remittance.list', {});
    const rows = listed.ok ? (listed.data as { remittances: { id: string; depositReversed: boolean }[] }).remittances : [];
    expect(rows.find((x) => x.id === r.id)).toMatchObject({ depositReversed: true });
    const outbox = count('SELECT COUNT(*) FROM outbox');
    for (const event of [{ type: 'enviar' }, { type: 'pagar' }, { type: 'devolver', causalId: 'fondos-insuficientes', chargeFee: true }]) {
      expect(await advance(r.id, event)).toMatchObject({ ok: false, error: { code: 'DEPOSIT_REVERSED' } });
    }
    expect(count('SELECT COUNT(*) FROM outbox')).toBe(outbox);
    expect(count("SELECT status FROM remittances WHERE id = ?", r.id)).toBe('recibida');
  });
});
