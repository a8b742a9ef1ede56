import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { BranchChequesResponseSchema } from '../../../domain/central-api';
import { createCentralClient } from '../../sync/central-client';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { startStation, until, type Station } from '../../testing/stations';
import { data } from '../../testing/wire-data';

/**
 * Two real workstations (001-01 and 001-02) on their own SQLite files and one real central process: the cheques
 * 001-01 took are listed at 001-02 from central, and 001-02 returns one, sends and pays a remesa; each action
 * reaches central once, and 001-01's lists then follow.
 */
const central = centralProcessForFile('001-01');

const JUAN = '240000000029';
const CAJERO1 = { username: 'cajero1', password: 'Caja.2026' };
const CAJERO2 = { username: 'cajero2', password: 'Caja.2026' };
const depositor = { id: { type: 'CC', number: '900000002' } };

type Canje = { cheques: { id: string; chequeNumber: string; status: string; takenAt?: string; causalId?: string }[]; branchWide: boolean };
type Remesas = { remittances: { id: string; chequeNumber: string; status: string; takenAt?: string; sentOn?: string; paidOn?: string; expectedOn: string; city: string; sequence: string }[]; branchWide: boolean };

const station = async (id: string, user: typeof CAJERO1) => {
  const s = await startStation(central, id);
  data(await s.call('session.login', user));
  data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 40 }, declaredTotal: 2_000_000 }));
  await until(async () => (await s.call('accounts.lookup', { accountNumber: JUAN })).ok);
  return s;
};
const outbox = (s: Station, type: string) =>
  s.core.db.prepare('SELECT key, state FROM outbox WHERE type = ? ORDER BY seq').all(type) as { key: string; state: string }[];
const branchList = async () => {
  const r = await createCentralClient({ url: central.url, token: central.proc.tokens.get('001-01') ?? '' }).call('branchCheques', { branch: '001' });
  if (!r.ok) throw new Error(r.error.message);
  return BranchChequesResponseSchema.parse(r.data).cheques;
};

it('a cheque taken at 001-01 is returned at 001-02, a remesa sent and paid there; central has each once and 001-01 follows', async () => {
  const a = await station('001-01', CAJERO1);
  const b = await station('001-02', CAJERO2);
  try {
    const drawer = String(50_000_000 + Math.floor(Math.random() * 1_000_000));
    const slip = {
      accountNumber: JUAN,
      depositor,
      cheques: [
        { bank: '07', number: '3001', drawerAccount: drawer, amount: 700_000, city: 'Bogotá D.C.' },
        { bank: '13', number: '3002', drawerAccount: drawer, amount: 400_000, city: 'Medellín' },
      ],
      declaredTotal: 1_100_000,
    };
    const posted = data<{ sequence: string }>(await a.call('deposit.post', { idempotencyKey: randomUUID(), slip }));
    // 001-01's deposit reaches central in its own time.
    await until(async () => outbox(a, 'cheque_deposit').length === 2 && outbox(a, 'cheque_deposit').every((o) => o.state === 'applied'));

    // 001-02 lists both, named as 001-01 printed them, marked as taken there.
    const canje = data<Canje>(await b.call('canje.list'));
    expect(canje.branchWide).toBe(true);
    const cheque = canje.cheques.find((c) => c.chequeNumber === '3001');
    expect(cheque).toMatchObject({ status: 'en_canje', takenAt: '001-01' });
    const remesas = data<Remesas>(await b.call('remittance.list', {}));
    const remesa = remesas.remittances.find((r) => r.chequeNumber === '3002');
    expect(remesa).toMatchObject({ status: 'recibida', takenAt: '001-01', city: 'Medellín', sequence: posted.sequence });
    if (!cheque || !remesa) throw new Error('not listed at 001-02');
    // Never twice at the workstation that took them, and not marked as taken elsewhere there.
    const own = data<Canje>(await a.call('canje.list')).cheques.filter((c) => c.chequeNumber === '3001');
    expect(own).toHaveLength(1);
    expect(own[0]?.takenAt).toBeUndefined();

    // 001-02 returns the canje cheque: booked at central now, by the cheque's own key.
    const returnKey = randomUUID();
    const back = data<{ cheque: { status: string; takenAt?: string }; receipt: { sequence: string } }>(
      await b.call('canje.return', { idempotencyKey: returnKey, chequeId: cheque.id, causalId: 'fondos-insuficientes', chargeFee: true }),
    );
    // Numbered by 001-02, which did not take the deposit: its id keeps the paper's number its own (register.ts).
    expect(back).toMatchObject({ cheque: { status: 'devuelta', takenAt: '001-01' }, receipt: { sequence: `${posted.sequence}-DEV-001-02` } });
    // A replay of the same request is the same return.
    expect(data(await b.call('canje.return', { idempotencyKey: returnKey, chequeId: cheque.id, causalId: 'fondos-insuficientes', chargeFee: true }))).toMatchObject({ cheque: { status: 'devuelta' } });

    // 001-02 sends the remesa, then pays it.
    const listedId = remesa.id;
    expect(data<{ remittance: { status: string } }>(await b.call('remittance.advance', { idempotencyKey: randomUUID(), remittanceId: listedId, event: { type: 'enviar' } })).remittance.status).toBe('enviada');
    const local = data<Remesas>(await b.call('remittance.list', {})).remittances.filter((r) => r.chequeNumber === '3002');
    expect(local).toHaveLength(1);
    const localId = local[0]?.id ?? '';
    expect(data<{ remittance: { status: string } }>(await b.call('remittance.advance', { idempotencyKey: randomUUID(), remittanceId: localId, event: { type: 'pagar' } })).remittance.status).toBe('pagada');

    // Each reaches central once: one reversal, one remesa_sent, one cheque_paid, all from 001-02, none from 001-01.
    await until(async () => ['reversal', 'remesa_sent', 'cheque_paid'].every((t) => outbox(b, t).length === 1 && outbox(b, t)[0]?.state === 'applied'));
    for (const t of ['reversal', 'remesa_sent', 'cheque_paid']) expect(outbox(a, t)).toEqual([]);
    const atCentral = await branchList();
    const c1 = atCentral.find((c) => c.number === '3001' && c.drawerAccount === drawer);
    const c2 = atCentral.find((c) => c.number === '3002' && c.drawerAccount === drawer);
    expect(c1).toMatchObject({ workstation: '001-01', clearing: 'returned', reversal: { key: outbox(b, 'reversal')[0]?.key, workstation: '001-02', fee: 15_000 } });
    expect(c2).toMatchObject({ workstation: '001-01', clearing: 'cleared', sent: { workstation: '001-02' }, paid: { workstation: '001-02' } });

    // 001-01's lists follow central.
    const followed = data<Canje>(await a.call('canje.list')).cheques.filter((c) => c.chequeNumber === '3001');
    expect(followed).toEqual([expect.objectContaining({ status: 'devuelta', causalId: 'fondos-insuficientes' })]);
    const paid = data<Remesas>(await a.call('remittance.list', {})).remittances.filter((r) => r.chequeNumber === '3002');
    expect(paid).toEqual([expect.objectContaining({ status: 'pagada', sentOn: expect.any(String), paidOn: expect.any(String) })]);
    // 001-01 cannot pay it a second time: its own row moved on.
    const again = await a.call('remittance.advance', { idempotencyKey: randomUUID(), remittanceId: paid[0]?.id ?? '', event: { type: 'pagar' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'REMESA_INVALID_TRANSITION' } });
  } finally {
    a.close();
    b.close();
  }
});

it('the cheques of one deposit returned at two workstations, online and offline, print under numbers no other paper has', async () => {
  const a = await station('001-01', CAJERO1);
  const b = await station('001-02', CAJERO2);
  try {
    const drawer = String(60_000_000 + Math.floor(Math.random() * 1_000_000));
    const cheque = (number: string, amount: number) => ({ bank: '07', number, drawerAccount: drawer, amount, city: 'Bogotá D.C.' });
    const slip = { accountNumber: JUAN, depositor, cheques: [cheque('4001', 300_000), cheque('4002', 200_000), cheque('4003', 100_000)], declaredTotal: 600_000 };
    const posted = data<{ sequence: string }>(await a.call('deposit.post', { idempotencyKey: randomUUID(), slip }));
    await until(async () => outbox(a, 'cheque_deposit').length === 3 && outbox(a, 'cheque_deposit').every((o) => o.state === 'applied'));
    const idAt = async (s: Station, number: string) => {
      const c = data<Canje>(await s.call('canje.list')).cheques.find((x) => x.chequeNumber === number && x.status === 'en_canje');
      if (!c) throw new Error(`${number} not in canje`);
      return c.id;
    };
    const giveBack = async (s: Station, number: string) =>
      data<{ receipt: { sequence: string } }>(
        await s.call('canje.return', { idempotencyKey: randomUUID(), chequeId: await idAt(s, number), causalId: 'fondos-insuficientes', chargeFee: true }),
      ).receipt.sequence;

    // 001-01 took the deposit and returns its first cheque: the plain number.
    expect(await giveBack(a, '4001')).toBe(`${posted.sequence}-DEV`);
    // 001-02 returns the second: central's list says it is the deposit's second return, and 001-02 says who numbered it.
    expect(await giveBack(b, '4002')).toBe(`${posted.sequence}-DEV2-001-02`);
    // 001-01, now offline, returns the third knowing only its own rows: still a number no other paper has.
    await a.reopen(false);
    await a.as(CAJERO1);
    const third = await giveBack(a, '4003');
    expect(third).toBe(`${posted.sequence}-DEV2`);
    const papers = [`${posted.sequence}-DEV`, `${posted.sequence}-DEV2-001-02`, third];
    expect(new Set(papers).size).toBe(3);
    // Each number is a journal row at the workstation that printed it, and only there.
    const documents = (s: Station) =>
      s.core.db.prepare("SELECT json_extract(payload, '$.document') FROM journal WHERE type = 'comprobante' AND json_extract(payload, '$.action') = 'canje_devuelta'").pluck().all();
    expect(documents(a).sort()).toEqual([papers[0], papers[2]].sort());
    expect(documents(b)).toEqual([papers[1]]);
  } finally {
    a.close();
    b.close();
  }
});

it('offline, the list is this workstation’s and says so', async () => {
  const a = await station('001-01', CAJERO1);
  try {
    await a.reopen(false);
    await a.as(CAJERO1);
    expect(data<Canje>(await a.call('canje.list')).branchWide).toBe(false);
    expect(data<Remesas>(await a.call('remittance.list', {})).branchWide).toBe(false);
  } finally {
    a.close();
  }
});

it('a remesa sent, then paid, at 001-02 online shows so at 001-01 on its next read, before 001-02 drains its outbox; 001-01 cannot do it again and central has each once', async () => {
  const a = await station('001-01', CAJERO1);
  const b = await station('001-02', CAJERO2);
  try {
    const drawer = String(70_000_000 + Math.floor(Math.random() * 1_000_000));
    const slip = { accountNumber: JUAN, depositor, cheques: [{ bank: '13', number: '5001', drawerAccount: drawer, amount: 250_000, city: 'Medellín' }], declaredTotal: 250_000 };
    data(await a.call('deposit.post', { idempotencyKey: randomUUID(), slip }));
    await until(async () => outbox(a, 'cheque_deposit').length === 1 && outbox(a, 'cheque_deposit').every((o) => o.state === 'applied'));
    // 001-02 reaches central for its calls, but its sync loop waits: only what it sends at once is there.
    await b.reopen('calls');
    await b.as(CAJERO2);
    const statusAt = async (s: Station) => data<Remesas>(await s.call('remittance.list', {})).remittances.filter((r) => r.chequeNumber === '5001');
    const [listed] = await statusAt(b);
    const [own] = await statusAt(a);
    if (!listed) throw new Error('not listed at 001-02');
    for (const [event, status] of [['enviar', 'enviada'], ['pagar', 'pagada']] as const) {
      const [row] = await statusAt(b);
      const moved = await b.call('remittance.advance', { idempotencyKey: randomUUID(), remittanceId: row?.id ?? listed.id, event: { type: event } });
      expect(data<{ remittance: { status: string } }>(moved).remittance.status).toBe(status);
      expect(await statusAt(b)).toEqual([expect.objectContaining({ status })]);
      // 001-01, its screen still from before, cannot record it a second time: central refuses it at once.
      const again = await a.call('remittance.advance', { idempotencyKey: randomUUID(), remittanceId: own?.id ?? '', event: { type: event } });
      expect(again).toMatchObject({ ok: false, error: { code: 'REMESA_INVALID_TRANSITION', message: expect.stringContaining('Otra estación pudo registrarla antes') } });
      // Its next read shows it, once; and again it cannot.
      const there = await statusAt(a);
      expect(there).toEqual([expect.objectContaining({ status })]);
      expect(await a.call('remittance.advance', { idempotencyKey: randomUUID(), remittanceId: there[0]?.id ?? '', event: { type: event } })).toMatchObject({
        ok: false,
        error: { code: 'REMESA_INVALID_TRANSITION' },
      });
    }
    // 001-02's outbox then drains: central applied each operation once, none refused, none from 001-01.
    await b.reopen(true);
    await until(async () => ['remesa_sent', 'cheque_paid'].every((t) => outbox(b, t).length === 1 && outbox(b, t)[0]?.state === 'applied'));
    for (const t of ['remesa_sent', 'cheque_paid']) expect(outbox(a, t)).toEqual([]);
    const keys = ['remesa_sent', 'cheque_paid'].map((t) => outbox(b, t)[0]?.key);
    const audit = await central.audit();
    expect(audit.operations.filter((o) => keys.includes(o.key))).toEqual([expect.objectContaining({ status: 'applied' }), expect.objectContaining({ status: 'applied' })]);
    expect(audit.conflicts).toBe(0);
    const atCentral = (await branchList()).find((c) => c.number === '5001' && c.drawerAccount === drawer);
    expect(atCentral).toMatchObject({ clearing: 'cleared', sent: { workstation: '001-02' }, paid: { workstation: '001-02' } });
  } finally {
    a.close();
    b.close();
  }
});
