import { afterEach, describe, expect, it } from 'vitest';
import { CC, world, type World, sharedCentral } from '../comprobante/testing/world';
import { createCentralClient } from '../../sync/central-client';
import { tillCash } from '../../testing/till-cash';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

const cashSlip = (over: Record<string, unknown> = {}) => ({
  accountNumber: '240000000011',
  depositor: { id: CC('900000001') },
  cash: { '50000': 24 },
  declaredTotal: 1_200_000,
  ...over,
});
const count = (sql: string) => w.core.db.prepare(sql).pluck().get();

describe('deposit posting (seed 003 cl. 3)', () => {
  it('posts a cash deposit in one transaction: sequence, journal, till by denomination, outbox, stored receipt, queued print', async () => {
    w = await world(shared.central);
    // Under blind close the teller's till.current carries no cash: the till is checked in the SQLite file.
    const before = tillCash(w.core.db);
    const key = crypto.randomUUID();
    const r = await w.call('deposit.post', { idempotencyKey: key, slip: cashSlip() });
    // The receipt goes to the devices service (the emulated printer here): a durable job, whatever paper does.
    expect(r).toMatchObject({ ok: true, data: { status: 'posted', sequence: '001-03-000001', printJob: { jobId: expect.any(String) } } });
    if (!r.ok) return;
    const data = r.data as { sequence: string; receipt: { amountInWords: string; verificationCode: string; lines: { label?: string; value?: string; amount?: number }[] } };
    expect(data.receipt.amountInWords).toBe('SON: UN MILLÓN DOSCIENTOS MIL PESOS M/CTE');
    expect(data.receipt.verificationCode).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(data.receipt.lines).toContainEqual({ kind: 'field', label: 'Cuenta de ahorros', value: '****0011' });
    expect(data.receipt.lines).toContainEqual({ kind: 'amount', label: 'Efectivo', amount: 1_200_000 });
    const after = tillCash(w.core.db);
    expect((after.position['50000'] ?? 0) - (before.position['50000'] ?? 0)).toBe(24);
    expect(after.positionTotal - before.positionTotal).toBe(1_200_000);
    const op = JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'cash_deposit'").pluck().get() as string) as { account: string; payload: { amount: number } };
    // Below the UIAF threshold: who handed over the cash, no declaration; the holder's name from the account.
    expect(op).toMatchObject({ account: '240000000011', payload: { amount: 1_200_000, cash: { transactor: { type: 'CC', number: '900000001', name: 'MARÍA FERNANDA GÓMEZ PATIÑO' }, declaration: null } } });
    const entry = JSON.parse(w.core.db.prepare("SELECT payload FROM journal WHERE type = 'comprobante'").pluck().get() as string) as Record<string, unknown>;
    expect(entry).toMatchObject({ sequence: '001-03-000001', cashIn: 1_200_000, account: '240000000011', idempotencyKey: key });
    const receipt = await w.call('receipt.get', { sequence: data.sequence });
    const jobId = (r.data as { printJob: { jobId: string } }).printJob.jobId;
    expect(receipt).toMatchObject({ ok: true, data: { receipt: { sequence: '001-03-000001' }, printJobs: [{ jobId }] } });
    const devices = await w.call('devices.jobs', {});
    expect(devices.ok && (devices.data as { jobs: { jobId: string; reference: string }[] }).jobs).toContainEqual(expect.objectContaining({ jobId, reference: '001-03-000001' }));
  });

  it('reprints through the devices service: "COPIA No. n" numbered once, journaled; never a copy of an unprinted original', async () => {
    w = await world(shared.central);
    const r = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: cashSlip() });
    const sequence = r.ok ? (r.data as { sequence: string }).sequence : '';
    const printed = async () => {
      for (let k = 0; k < 100; k++) {
        const g = await w.call('receipt.get', { sequence });
        if (g.ok && (g.data as { printJobs: { state: string }[] }).printJobs[0]?.state === 'printed') return true;
        await new Promise((res) => setTimeout(res, 50));
      }
      return false;
    };
    expect(await printed()).toBe(true);
    const c1 = await w.call('devices.reprint', { target: sequence });
    const c2 = await w.call('devices.reprint', { target: sequence });
    expect(c1).toMatchObject({ ok: true, data: { job: { reference: sequence, copyNumber: 1 } } });
    expect(c2).toMatchObject({ ok: true, data: { job: { copyNumber: 2 } } });
    expect(count(`SELECT COUNT(*) FROM journal WHERE type = 'reprint'`)).toBe(2);
    expect(count(`SELECT COUNT(*) FROM device_print_jobs WHERE reference = '${sequence}'`)).toBe(3);
    expect(await w.call('devices.reprint', { target: '001-03-999999' })).toMatchObject({ error: { code: 'PRINT_JOB_NOT_FOUND' } });
  });

  it('is idempotent per comprobante key: a double Enter, a retry or a restart never posts twice', async () => {
    w = await world(shared.central);
    const key = crypto.randomUUID();
    const first = await w.call('deposit.post', { idempotencyKey: key, slip: cashSlip() });
    // The print job's state moves on with the printer; everything else, and the job itself, is the same.
    const same = (x: typeof first) => (x.ok ? { ...(x.data as object), printJob: (x.data as { printJob: { jobId: string } }).printJob.jobId } : x);
    const again = await w.call('deposit.post', { idempotencyKey: key, slip: cashSlip() });
    expect(same(again)).toEqual(same(first));
    await w.reopen();
    await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' });
    expect(same(await w.call('deposit.post', { idempotencyKey: key, slip: cashSlip() }))).toEqual(same(first));
    expect(count('SELECT COUNT(*) FROM comprobantes')).toBe(1);
    expect(count("SELECT COUNT(*) FROM outbox WHERE type = 'cash_deposit'")).toBe(1);
    expect(count('SELECT COUNT(*) FROM till_movements')).toBe(1);
    expect(count('SELECT COUNT(*) FROM device_print_jobs')).toBe(1);
    expect(await w.call('deposit.post', { idempotencyKey: key, slip: cashSlip({ cash: { '50000': 2 }, declaredTotal: 100_000 }) })).toMatchObject({ error: { code: 'IDEMPOTENCY_CONFLICT' } });
  });

  it('keeps the sequence gapless: a refused posting takes no number', async () => {
    w = await world(shared.central);
    expect(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: cashSlip({ declaredTotal: 1_000_000 }) })).toMatchObject({
      error: { code: 'DECLARED_TOTAL_MISMATCH' },
    });
    const a = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: cashSlip() });
    const b = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: cashSlip() });
    expect([a, b].map((r) => (r.ok ? (r.data as { sequence: string }).sequence : r.error.code))).toEqual(['001-03-000001', '001-03-000002']);
  });

  it('asks a third-party depositor for the name (cl. 3.1, 3.7) and prints it', async () => {
    w = await world(shared.central);
    const third = { id: CC('900000002') };
    expect(await w.call('deposit.evaluate', { slip: cashSlip({ depositor: third }) })).toMatchObject({ error: { code: 'DEPOSITOR_NAME_REQUIRED' } });
    // Typed as it came: the core writes it as every printed name, so the receipt and central's UIAF row agree.
    const r = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: cashSlip({ depositor: { ...third, name: ' juan  carlos Rodríguez ' } }) });
    expect(r.ok && (r.data as { receipt: { lines: unknown[] } }).receipt.lines).toContainEqual({ kind: 'field', label: 'Depositante', value: 'JUAN CARLOS RODRÍGUEZ' });
    const op = JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'cash_deposit'").pluck().get() as string) as { payload: unknown };
    expect(op.payload).toMatchObject({ cash: { transactor: { type: 'CC', number: '900000002', name: 'JUAN CARLOS RODRÍGUEZ' } } });
    const details = JSON.parse(w.core.db.prepare("SELECT details FROM comprobantes WHERE kind = 'deposito'").pluck().get() as string) as { slip: { depositor: { name: string } } };
    expect(details.slip.depositor.name).toBe('JUAN CARLOS RODRÍGUEZ');
  });

  it('requires the UIAF declaration at 10.000.000 in cash before posting (domain-co §2)', async () => {
    w = await world(shared.central);
    const slip = cashSlip({ cash: { '100000': 100 }, declaredTotal: 10_000_000 });
    const plan = await w.call('deposit.evaluate', { slip });
    expect(plan).toMatchObject({ ok: true, data: { plan: { pending: ['UIAF_DECLARATION'], uiaf: { individual: true, declarationRequired: true } } } });
    expect(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip })).toMatchObject({ error: { code: 'UIAF_DECLARATION_REQUIRED' } });
    expect(count('SELECT COUNT(*) FROM comprobantes')).toBe(0);
    const declaration = {
      direction: 'deposito',
      transactor: { id: CC('900000001'), name: 'MARÍA FERNANDA GÓMEZ PATIÑO', address: 'Calle 10 # 5-20, Bogotá', phone: '3001234501' },
      accountNumber: '240000000011',
      // Whatever the screen sends, the office is this workstation's.
      office: { code: '999', city: 'Cali' },
      date: '2025-03-03',
      time: '09:00:00',
      amount: 10_000_000,
      originOrDestination: 'Venta de un vehículo particular',
      economicActivity: 'Empleada',
      pep: false,
      signed: true,
    };
    const r = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip, declaration });
    expect(r).toMatchObject({ ok: true, data: { status: 'posted' } });
    const entry = JSON.parse(w.core.db.prepare("SELECT payload FROM journal WHERE type = 'comprobante'").pluck().get() as string) as Record<string, unknown>;
    expect(entry).toMatchObject({ uiafReportable: true, declaration: { signed: true } });
    const details = JSON.parse(w.core.db.prepare("SELECT details FROM comprobantes WHERE kind = 'deposito'").pluck().get() as string) as { slip: { declaration: { office: unknown } } };
    expect(details.slip.declaration.office).toEqual({ code: '001', city: 'Bogotá D.C.' });
    // Central builds the monthly cash report from what the operation carries (central/cash-report).
    const op = JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'cash_deposit'").pluck().get() as string) as { payload: unknown };
    expect(op.payload).toEqual({
      amount: 10_000_000,
      cash: {
        transactor: { type: 'CC', number: '900000001', name: 'MARÍA FERNANDA GÓMEZ PATIÑO' },
        declaration: { originOrDestination: 'Venta de un vehículo particular', economicActivity: 'Empleada', pep: false },
      },
    });
  });

  it('sends same-city cheques to canje with a business-day hold and other-city cheques to remesa with commission (cl. 3.9)', async () => {
    w = await world(shared.central);
    const slip = {
      accountNumber: '240000000029',
      depositor: { id: CC('900000002') },
      cheques: [
        { bank: '07', number: '1234567', drawerAccount: '11122233', amount: 800_000, city: 'Bogotá D.C.' },
        { bank: '13', number: '555', drawerAccount: '99988877', amount: 2_000_000, city: 'Medellín' },
        { bank: '51', number: '7654', drawerAccount: '44455566', amount: 300_000, city: 'Bogotá D.C.' },
      ],
      declaredTotal: 3_100_000,
    };
    const plan = await w.call('deposit.evaluate', { slip });
    // 2025-03-03 is a Monday: canje 1 business day → Tuesday 4; remesa 5 business days → Monday 10.
    expect(plan).toMatchObject({
      ok: true,
      data: {
        plan: {
          holds: [{ route: 'canje', releaseOn: '2025-03-04' }, { route: 'remesa', releaseOn: '2025-03-10' }, { route: 'canje', releaseOn: '2025-03-04' }],
          commission: { total: 15_000 },
          credits: { inCanje: 1_100_000, onHold: 2_000_000 },
        },
      },
    });
    const r = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip });
    expect(r).toMatchObject({ ok: true });
    // One operation per cheque, even two canje cheques of the same clearing date, so one returned is reversed
    // alone; central is told each canje clearing date; the remesa has none (released when paid).
    const bodies = (w.core.db.prepare('SELECT body FROM outbox ORDER BY seq').pluck().all() as string[]).map((b) => JSON.parse(b) as { key: string; type: string; payload: object });
    expect(bodies.filter((b) => b.type !== 'till_open').map((b) => [b.type, b.payload])).toEqual([
      // The comprobante and the plaza go too: another workstation of the branch lists the cheque from central by them.
      ['cheque_deposit', { amount: 800_000, cheques: [{ bankCode: '007', number: '1234567', amount: 800_000, drawerAccount: '11122233', city: 'Bogotá D.C.' }], releaseOn: '2025-03-04', sequence: '001-03-000001' }],
      ['cheque_deposit', { amount: 2_000_000, cheques: [{ bankCode: '013', number: '555', amount: 2_000_000, drawerAccount: '99988877', city: 'Medellín' }], expectedOn: '2025-03-10', sequence: '001-03-000001' }],
      ['cheque_deposit', { amount: 300_000, cheques: [{ bankCode: '051', number: '7654', amount: 300_000, drawerAccount: '44455566', city: 'Bogotá D.C.' }], releaseOn: '2025-03-04', sequence: '001-03-000001' }],
      ['deposit_commission', { amount: 15_000, lines: [{ kind: 'remesa', amount: 15_000 }] }],
    ]);
    // Each canje cheque keeps the key of its own operation, the one a return reverses.
    const keyOf = (number: string) => bodies.find((b) => b.type === 'cheque_deposit' && JSON.stringify(b.payload).includes(`"number":"${number}"`))?.key;
    const canje = await w.call('canje.list', {});
    expect(canje).toMatchObject({ ok: true, data: { cheques: [{ status: 'en_canje', releaseOn: '2025-03-04' }, { status: 'en_canje', releaseOn: '2025-03-04' }] } });
    const stored = w.core.db.prepare('SELECT cheque_number, central_key FROM canje_cheques ORDER BY cheque_number').all();
    expect(stored).toEqual([
      { cheque_number: '1234567', central_key: keyOf('1234567') },
      { cheque_number: '7654', central_key: keyOf('7654') },
    ]);
    expect(count('SELECT COUNT(*) FROM till_movements')).toBe(0);
    const list = await w.call('remittance.list', {});
    expect(list).toMatchObject({ ok: true, data: { remittances: [{ status: 'recibida', amount: 2_000_000, bank: '013', chequeNumber: '555', city: 'Medellín', expectedOn: '2025-03-10' }] } });

    // The same papers cannot come in again, to this account or another: neither the canje cheque nor the remesa.
    for (const cheque of [slip.cheques[0], slip.cheques[1]]) {
      const again = { accountNumber: '240000000011', depositor: { id: CC('900000001') }, cheques: [cheque], declaredTotal: cheque?.amount ?? 0 };
      expect(await w.call('deposit.evaluate', { slip: again })).toMatchObject({
        ok: false,
        error: { code: 'CHEQUE_ALREADY_DEPOSITED', message: expect.stringContaining(`ya se recibió en el comprobante ${(r as { data: { sequence: string } }).data.sequence}`) },
      });
    }
    // Another cheque of the same number from another drawer's account is another paper.
    const other = { accountNumber: '240000000011', depositor: { id: CC('900000001') }, cheques: [{ ...slip.cheques[0], drawerAccount: '11122299' }], declaredTotal: 800_000 };
    expect(await w.call('deposit.evaluate', { slip: other })).toMatchObject({ ok: true });
  });

  it('refuses a bank that is not a clearing bank and a plaza that is not on the list, naming the nearest; nothing is posted', async () => {
    w = await world(shared.central);
    const slip = (bank: string, city: string) => ({ accountNumber: '240000000029', depositor: { id: CC('900000002') }, cheques: [{ bank, number: '1', drawerAccount: '1234', amount: 1000, city }], declaredTotal: 1000 });
    expect(await w.call('deposit.evaluate', { slip: slip('Bancolombia', 'Bogotá D.C.') })).toMatchObject({ error: { code: 'CHEQUE_BANK_UNKNOWN', message: expect.stringContaining('¿Quiso decir 007 Bancolombia?') } });
    expect(await w.call('deposit.evaluate', { slip: slip('999', 'Bogotá D.C.') })).toMatchObject({ error: { code: 'CHEQUE_BANK_UNKNOWN' } });
    // A misspelt plaza used to be "another city": remesa commission and a long hold. Now it is refused.
    for (const [city, near] of [['Bogta', 'Bogotá D.C.'], ['Medelin', 'Medellín']] as const) {
      const r = await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: slip('07', city) });
      expect(r).toMatchObject({ ok: false, error: { code: 'CHEQUE_PLAZA_UNKNOWN', message: expect.stringContaining(`¿Quiso decir ${near}?`) } });
    }
    expect(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: slip('07', 'xyz') })).toMatchObject({ ok: false, error: { code: 'CHEQUE_PLAZA_UNKNOWN' } });
    expect(count('SELECT COUNT(*) FROM comprobantes')).toBe(0);
    expect(count("SELECT COUNT(*) FROM outbox WHERE type IN ('cheque_deposit', 'deposit_commission')")).toBe(0);
    // The plaza by its DANE code is the same as by its name: the office's (Bogotá, 11001) is canje, no commission.
    const byCode = await w.call('deposit.evaluate', { slip: slip('7', '11001') });
    expect(byCode).toMatchObject({ ok: true, data: { plan: { holds: [{ route: 'canje' }], commission: { total: 0 } } } });
  });

  it('refuses to post without an open till of the same teller', async () => {
    w = await world(shared.central, { openTill: false });
    expect(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: cashSlip() })).toMatchObject({ error: { code: 'TILL_NOT_OPEN' } });
  });

  it('tells the teller what to do with an unknown account', async () => {
    w = await world(shared.central);
    const r = await w.call('accounts.lookup', { accountNumber: '249999999999' });
    expect(r).toMatchObject({ ok: false, error: { code: 'ACCOUNT_NOT_FOUND' } });
    const ok = await w.call('accounts.lookup', { accountNumber: '240000000045' });
    expect(ok).toMatchObject({ ok: true, data: { account: { kind: 'conjunta', holders: [{}, {}] } } });
  });
});

describe('UIAF monthly threshold across workstations (domain-co §2)', () => {
  const rosaSlip = (cash: number) => ({ accountNumber: '240000000086', depositor: { id: CC('900000005') }, cash: { '100000': cash / 100_000 }, declaredTotal: cash });

  it('counts the customer’s cash at other workstations, from central’s register, toward $ 50.000.000 in the month', async () => {
    w = await world(shared.central);
    const other = createCentralClient({ url: shared.central.url, token: 'caja-demo-token-001-01', timeoutMs: 3000 });
    const posted = await other.call('postOperations', {
      operations: [
        {
          key: crypto.randomUUID(), branch: '001', workstation: '001-01', occurredAt: '2025-03-03T09:00:00-05:00', type: 'cash_deposit', account: '240000000086',
          payload: { amount: 45_000_000, cash: { transactor: { type: 'CC', number: '900000005' }, declaration: { originOrDestination: 'Venta de un inmueble', economicActivity: 'Comerciante', pep: false } } },
        },
      ],
    });
    expect(posted).toMatchObject({ ok: true, data: { results: [{ status: 'applied' }] } });
    // 6.000.000 here is under the individual threshold, but the month reaches 51.000.000 with the other till's.
    const plan = await w.call('deposit.evaluate', { slip: rosaSlip(6_000_000) });
    expect(plan).toMatchObject({ ok: true, data: { plan: { pending: ['UIAF_DECLARATION'], uiaf: { individual: false, multiple: true, monthTotal: 51_000_000 } } } });
    expect(await w.call('deposit.post', { idempotencyKey: crypto.randomUUID(), slip: rosaSlip(6_000_000) })).toMatchObject({ error: { code: 'UIAF_DECLARATION_REQUIRED' } });
  });

  it('central unreachable: evaluates with this workstation’s own cash, and the summary says the check was partial', async () => {
    w = await world(shared.central, { client: createCentralClient({ url: 'http://127.0.0.1:9', token: 'x', timeoutMs: 3000 }) });
    const plan = await w.call('deposit.evaluate', { slip: rosaSlip(1_000_000) });
    expect(plan).toMatchObject({ ok: true, data: { plan: { pending: [], uiaf: { multiple: false, monthTotal: 1_000_000 } } } });
    const notices = plan.ok ? (plan.data as { plan: { notices: string[] } }).plan.notices : [];
    expect(notices).toContainEqual(expect.stringContaining('Sin conexión con central: la acumulación del mes es solo de esta estación;'));
  });

  it('with central answering, no such notice', async () => {
    w = await world(shared.central);
    const plan = await w.call('deposit.evaluate', { slip: rosaSlip(1_000_000) });
    const notices = plan.ok ? (plan.data as { plan: { notices: string[] } }).plan.notices : ['(refused)'];
    expect(notices.filter((n) => n.startsWith('Sin conexión con central'))).toEqual([]);
  });
});
