import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Account, Operation } from '../../../domain/central-api';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import { createCentralClient } from '../../sync/central-client';
import { centralProcessForFile } from '../../sync/testing/central-proc';
import { startStation, until, type Station } from '../../testing/stations';
import { data } from '../../testing/wire-data';

/**
 * Two workstations credit the same account owing a returned cheque. Workstation 001-03's receipt printed that
 * its credit pays the charge; its operation reaches central after 001-01's, which paid it first. Central's
 * acknowledgement says so, and 001-03 records and shows the difference.
 */
const central = centralProcessForFile();

// Demo accounts (central/demo/seed.ts): Andrés's 240000000128 owes the charge; Juan's 240000000029 transfers to it.
const ANDRES = '240000000128';
const JUAN = '240000000029';
const CAJERO1 = { username: 'cajero1', password: 'Caja.2026' };
const CAJERO2 = { username: 'cajero2', password: 'Caja.2026' };
const SUPERVISOR = { username: 'supervisor1', password: 'Super.2026' };
const depositor = { id: { type: 'CC', number: '79123456' }, name: 'Luis Gómez' };
const cash = (amount: number) => ({ accountNumber: ANDRES, depositor, cash: { '50000': amount / 50_000 }, declaredTotal: amount });

/** At a third workstation (001-04): a cleared $ 100.000 cheque to Andrés, his balance withdrawn, the cheque returned. */
const leaveCharge = async (number: string) => {
  const client = createCentralClient({ url: central.url, token: central.proc.tokens.get('001-04') ?? '' });
  const post = async (ops: Omit<Operation, 'branch' | 'workstation' | 'occurredAt'>[]) => {
    const operations = ops.map((o) => ({ ...o, branch: '001', workstation: '001-04', occurredAt: new Date().toISOString() }) as Operation);
    const r = await client.call('postOperations', { operations });
    expect(r.ok && r.data.results.map((x) => x.status)).toEqual(operations.map(() => 'applied'));
  };
  const yesterday = bogotaDate(new Date(Date.now() - 86_400_000));
  const dep = randomUUID();
  await post([{ key: dep, type: 'cheque_deposit', account: ANDRES, payload: { amount: 100_000, cheques: [{ bankCode: '07', number, amount: 100_000 }], releaseOn: yesterday } }]);
  const ref = await client.call('reference', { cursor: 0, limit: 500 });
  if (!ref.ok) throw new Error(ref.error.message);
  const account = ref.data.changes.find((c): c is { entity: 'account'; version: number; account: Account } => c.entity === 'account' && c.account.number === ANDRES);
  const available = account?.account.balances.available ?? 0;
  if (available > 0) await post([{ key: randomUUID(), type: 'withdrawal', account: ANDRES, payload: { amount: available, gmf: 0 } }]);
  await post([{ key: randomUUID(), type: 'reversal', account: ANDRES, payload: { reversesKey: dep, reasonCode: 'CHEQUE_DEVUELTO_FONDOS-INSUFICIENTES' } }]);
};

const COUNT = { '50000': 40 };
/** A workstation with its till open and the reference data pulled; `online` as it continues. */
const station = async (id: string, user: typeof CAJERO1, online: true | 'calls') => {
  const s = await startStation(central, id);
  data(await s.call('session.login', user));
  data(await s.call('till.open', { idempotencyKey: randomUUID(), count: COUNT, declaredTotal: 2_000_000 }));
  await until(async () => (await s.call('accounts.lookup', { accountNumber: ANDRES })).ok);
  if (online === 'calls') {
    await s.reopen('calls');
    await s.as(user);
  }
  return s;
};
const applied = (s: Station, type: string) => () =>
  Promise.resolve(s.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type = ? AND account = ? AND state = 'applied'").pluck().get(type, ANDRES) as number);
const entries = (s: Station, type: string) =>
  (s.core.db.prepare('SELECT payload FROM journal WHERE type = ? ORDER BY sequence').pluck().all(type) as string[]).map((p) => JSON.parse(p) as Record<string, unknown>);
type Posted = { sequence: string; receipt: { lines: { label?: string; amount?: number }[] } };

describe("central's acknowledgement of a pending charge paid, compared with the receipt", () => {
  it('a deposit whose charge another workstation paid first: the difference is journaled on its own and listed on Inicio', async () => {
    await leaveCharge('9090');
    // 001-03 asks central (the charge is owed) and prints it; its queue waits.
    const a = await station('001-03', CAJERO1, 'calls');
    const b = await station('001-01', CAJERO2, true);
    try {
      const mine = data<Posted>(await a.call('deposit.post', { idempotencyKey: randomUUID(), slip: cash(500_000) }));
      expect(mine.receipt.lines).toContainEqual(expect.objectContaining({ label: 'Pago cargo pendiente (cheque devuelto N° 9090)', amount: 100_000 }));
      // 001-01's deposit reaches central first and pays the charge, as its own receipt says: no difference there.
      data(await b.call('deposit.post', { idempotencyKey: randomUUID(), slip: cash(200_000) }));
      await until(applied(b, 'cash_deposit'));
      expect(entries(b, 'pending_charge_difference')).toEqual([]);

      // 001-03's queue goes: central paid nothing of the charge with its deposit.
      await a.reopen(true);
      await until(applied(a, 'cash_deposit'));
      const [diff, ...more] = entries(a, 'pending_charge_difference');
      expect(more).toEqual([]);
      expect(diff).toMatchObject({ sequence: mine.sequence, kind: 'deposito', account: ANDRES, printed: { paid: 100_000, charges: [{ cheques: ['9090'], amount: 100_000 }] }, central: { paid: 0, charges: [] } });
      // The posting's own entry still says what was printed; the chain holds both.
      const posting = entries(a, 'comprobante').find((e) => e.sequence === mine.sequence);
      expect(posting).toMatchObject({ pendingCharges: { paid: 100_000 } });

      // The teller (Inicio) and the supervisor see it, with what to do.
      await a.as(CAJERO1);
      const { differences } = data<{ differences: { sequence: string; message: string }[] }>(await a.call('deposit.chargeDifferences'));
      expect(differences).toEqual([expect.objectContaining({ sequence: mine.sequence, account: ANDRES })]);
      expect(differences[0]?.message).toBe(
        `El cargo pendiente pagado difiere de lo impreso: el comprobante ${mine.sequence} imprimió como pagado $ 100.000 (cheque devuelto N° 9090) y central no pagó ningún cargo con él; a la cuenta se abonaron $ 100.000 más de lo impreso. Informe al cliente lo que pagó central (el recibo impreso no lo dice; una copia repite lo impreso) y avise al supervisor.`,
      );
      await a.as(SUPERVISOR);
      expect(data<{ differences: unknown[] }>(await a.call('deposit.chargeDifferences')).differences).toHaveLength(1);
      expect(data<{ ok: boolean }>(await a.call('journal.verify'))).toMatchObject({ ok: true });
    } finally {
      a.close();
      b.close();
    }
  }, 90_000);

  it('a transfer whose charge another workstation paid first: the same', async () => {
    await leaveCharge('9091');
    const a = await station('001-03', CAJERO1, 'calls');
    const b = await station('001-01', CAJERO2, true);
    try {
      const request = { fromAccountNumber: JUAN, toAccountNumber: ANDRES, amount: 150_000, presenters: [{ type: 'CC', number: '900000002' }] };
      const mine = data<Posted>(await a.call('transfer.post', { idempotencyKey: randomUUID(), request }));
      expect(mine.receipt.lines).toContainEqual(expect.objectContaining({ label: 'Pago cargo pendiente (cheque devuelto N° 9091)', amount: 100_000 }));
      data(await b.call('deposit.post', { idempotencyKey: randomUUID(), slip: cash(200_000) }));
      await until(applied(b, 'cash_deposit'));

      await a.reopen(true);
      await until(() => Promise.resolve(a.core.db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'transfer' AND state = 'applied'").pluck().get() as number));
      expect(entries(a, 'pending_charge_difference')).toEqual([
        expect.objectContaining({ sequence: mine.sequence, kind: 'traslado', account: ANDRES, printed: { paid: 100_000, charges: [{ cheques: ['9091'], amount: 100_000 }] }, central: { paid: 0, charges: [] } }),
      ]);
    } finally {
      a.close();
      b.close();
    }
  }, 90_000);
});
