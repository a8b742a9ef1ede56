import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { startStation, until, type Station } from '../../testing/stations';
import { data } from '../../testing/wire-data';

/**
 * The UIAF judgements (domain-co §2) across two real workstations of branch 001 and one real central process:
 * the structuring alert and the customer's monthly cash at 001-02 count what 001-01 took, once central has it;
 * and when central stops answering, 001-02 still judges with what it has but says the month is only its own.
 */
const central = centralProcessForFile('001-01');

const CAJERO1 = { username: 'cajero1', password: 'Caja.2026' };
const CAJERO2 = { username: 'cajero2', password: 'Caja.2026' };
// Demo accounts (central/demo/seed.ts): Juan's 240000000029, María's 240000000011, Andrés's 240000000128, Rosa's
// (CC 900000005) 240000000086, the conjunta 240000000045 (Juan first). Each test counts a customer of its own: central is shared by the file.
const JUAN = '240000000029';
const MARIA = '240000000011';
const ANDRES = '240000000128';
const ROSAS = '240000000086';
const CONJUNTA = '240000000045';
const ROSA = { id: { type: 'CC', number: '900000005' }, name: 'Rosa Castro' } as const;
const MARIA_HERSELF = { id: { type: 'CC', number: '900000001' } } as const;

const open: Station[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

const station = async (id: string, user: typeof CAJERO1) => {
  const s = await startStation(central, id);
  open.push(s);
  data(await s.call('session.login', user));
  data(await s.call('till.open', { idempotencyKey: randomUUID(), count: { '50000': 40 }, declaredTotal: 2_000_000 }));
  await until(async () => (await s.call('accounts.lookup', { accountNumber: JUAN })).ok);
  return s;
};
/** Every cash deposit the station posted has reached central (its sync loop, in its own time). */
const delivered = (s: Station) =>
  until(async () => {
    const rows = s.core.db.prepare("SELECT state FROM outbox WHERE type = 'cash_deposit'").all() as { state: string }[];
    return rows.length > 0 && rows.every((r) => r.state === 'applied');
  });
const post = async (s: Station, slip: object) => data(await s.call('deposit.post', { idempotencyKey: randomUUID(), slip }));

type Plan = {
  plan: { approvalReasons: { code: string; details?: object }[]; pending: string[]; uiaf: { why: string | null; monthTotal: number; multiple: boolean }; notices: string[] };
};
const evaluate = async (s: Station, slip: object) => data<Plan>(await s.call('deposit.evaluate', { slip })).plan;
const cashSlip = (accountNumber: string, depositor: object, fifties: number) => ({ accountNumber, depositor, cash: { '50000': fifties }, declaredTotal: fifties * 50_000 });
const OFFLINE = 'Sin conexión con central: la acumulación del mes es solo de esta estación';

it('001-02 raises the structuring alert and asks the monthly declaration with 001-01’s deposits (domain-co §2)', async () => {
  const a = await station('001-01', CAJERO1);
  const b = await station('001-02', CAJERO2);
  // Rosa splits cash into Juan's account at 001-01: two deposits of $ 9.500.000, just under the threshold.
  await post(a, cashSlip(JUAN, ROSA, 190));
  await post(a, cashSlip(JUAN, ROSA, 190));
  // María deposits $ 48.000.000 of her own cash at 001-01 in six deposits under the individual threshold.
  for (let i = 0; i < 6; i++) await post(a, cashSlip(MARIA, MARIA_HERSELF, 160));
  await delivered(a);

  const third = await evaluate(b, cashSlip(JUAN, ROSA, 190));
  expect(third.approvalReasons).toContainEqual(expect.objectContaining({ code: 'STRUCTURING_ALERT', details: expect.objectContaining({ by: 'both', count: 3, total: 28_500_000 }) }));
  // $ 5.000.000 at 001-02 alone asks nothing; with 001-01's $ 48.000.000 the month reaches $ 53.000.000.
  const month = await evaluate(b, cashSlip(MARIA, MARIA_HERSELF, 100));
  expect(month.pending).toEqual(['UIAF_DECLARATION']);
  expect(month.uiaf.monthTotal).toBe(53_000_000);
  expect(month.notices.filter((n) => n.startsWith('Sin conexión con central'))).toEqual([]);
});

it('a machine replaced under the same workstation id counts the month its predecessor took; the predecessor counted its own once', async () => {
  const a = await station('001-01', CAJERO1);
  // Rosa brings $ 48.000.000 of cash to Andrés's account at 001-01 in six deposits under the individual threshold.
  for (let i = 0; i < 6; i++) await post(a, cashSlip(ANDRES, ROSA, 160));
  await delivered(a);
  // At 001-01 its deposits are both in central's list and in its own store: each counts once.
  expect((await evaluate(a, cashSlip(ANDRES, ROSA, 100))).uiaf.monthTotal).toBe(53_000_000);
  open.splice(open.indexOf(a), 1);
  a.close();

  // The machine is replaced: 001-01 again, on an empty store. Central still has the month's $ 48.000.000.
  const replaced = await station('001-01', CAJERO1);
  const month = await evaluate(replaced, cashSlip(ANDRES, ROSA, 100));
  expect(month.uiaf.monthTotal).toBe(53_000_000);
  expect(month.pending).toEqual(['UIAF_DECLARATION']);
});

it('central silent after answering: 001-02 keeps the figures it had but says the month is only its own (and the structuring window)', async () => {
  const a = await station('001-01', CAJERO1);
  const b = await station('001-02', CAJERO2);
  // Rosa brings $ 16.000.000 of cash to her own account at 001-01.
  for (let i = 0; i < 2; i++) await post(a, cashSlip(ROSAS, ROSA, 160));
  await delivered(a);
  const online = await evaluate(b, cashSlip(ROSAS, ROSA, 20));
  expect(online.uiaf.monthTotal).toBe(17_000_000);
  expect(online.notices.filter((n) => n.startsWith('Sin conexión con central'))).toEqual([]);

  await central.kill();
  const offline = await evaluate(b, cashSlip(ROSAS, ROSA, 20));
  // The earlier answer still counts (never less than what was known), and the teller is told the check is partial.
  expect(offline.uiaf.monthTotal).toBe(online.uiaf.monthTotal);
  const notice = offline.notices.find((n) => n.startsWith(OFFLINE));
  expect(notice).toContain('más lo que central informó antes de perder la conexión');
  expect(notice).toContain('la alerta de fraccionamiento');
  await central.restart();
});

it('a machine replaced under the same workstation id sees the near-threshold deposits its predecessor took (structuring window merged by key)', async () => {
  // Pedro splits cash into the conjunta 240000000045 at 001-01: two deposits of $ 9.500.000, just under the threshold.
  const PEDRO = { id: { type: 'CC', number: '900000077' }, name: 'Pedro Pérez' } as const;
  const a = await station('001-01', CAJERO1);
  await post(a, cashSlip(CONJUNTA, PEDRO, 190));
  await post(a, cashSlip(CONJUNTA, PEDRO, 190));
  await delivered(a);
  // At 001-01 its two deposits are in central's list and in its own store: each counts once (3, not 5).
  const before = await evaluate(a, cashSlip(CONJUNTA, PEDRO, 190));
  expect(before.approvalReasons).toContainEqual(expect.objectContaining({ code: 'STRUCTURING_ALERT', details: expect.objectContaining({ count: 3, total: 28_500_000 }) }));
  open.splice(open.indexOf(a), 1);
  a.close();

  // The machine is replaced: 001-01 again, on an empty store. Central still has both deposits.
  const replaced = await station('001-01', CAJERO1);
  const third = await evaluate(replaced, cashSlip(CONJUNTA, PEDRO, 190));
  expect(third.approvalReasons).toContainEqual(expect.objectContaining({ code: 'STRUCTURING_ALERT', details: expect.objectContaining({ count: 3, total: 28_500_000 }) }));
});
