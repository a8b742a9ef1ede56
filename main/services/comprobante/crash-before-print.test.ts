import { afterEach, describe, expect, it } from 'vitest';
import { DeviceConfigSchema } from '../../../domain/devices/config';
import { devicesRepo } from '../../store/devices/repo';
import { journalRepo } from '../../store/journal/repo';
import { idempotencyRepo } from '../../store/idempotency/repo';
import { usersRepo } from '../../store/users/repo';
import { createDeviceService } from '../devices/service';
import { createIdempotentRunner } from '../idempotent';
import { createJournal } from '../journal/writer';
import { devicesPrinter, type PrinterPort } from '../receipt/printer-port';
import { CC, world, type World, sharedCentral } from './testing/world';
import { comprobanteFeatures } from './wire';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

const KILLED = 'Caja killed between the commit and the printer';

/**
 * The comprobante services on the world's own SQLite connection, with a printer whose hand-off never happens:
 * what a kill -9 right after the posting's commit leaves. Rows are owed through a devices service that is never
 * started (no printer behind it), as the real one records them.
 */
const crashingBeforePrint = (w: World) => {
  const db = w.core.db;
  const journal = createJournal({ repo: journalRepo(db), clock: w.clock, workstation: '001-03' });
  const ids = { uuid: () => crypto.randomUUID() };
  const workstation = { id: '001-03', branchCode: '001', branchName: 'Bogotá Centro', tillCode: '03' };
  const devices = createDeviceService({
    manager: () => {
      throw new Error('not started');
    },
    config: DeviceConfigSchema.parse({}), db, repo: devicesRepo(db), journal, clock: w.clock, ids, onChange: () => undefined, workstation,
  });
  const printer: PrinterPort = { ...devicesPrinter(devices), print: () => Promise.reject(new Error(KILLED)) };
  const users = usersRepo(db);
  const { services } = comprobanteFeatures({
    db, users, journal, idempotent: createIdempotentRunner({ db, repo: idempotencyRepo(db), clock: w.clock }), clock: w.clock, ids, workstation,
    central: w.client, onChange: () => undefined, maxFailedAttempts: 5, printer,
  });
  const u = users.findByUsername('cajero1');
  if (!u) throw new Error('cajero1 missing');
  return { services, user: { id: u.id, username: u.username, displayName: u.displayName, role: u.role } };
};

type Services = ReturnType<typeof crashingBeforePrint>['services'];
type User = ReturnType<typeof crashingBeforePrint>['user'];
const key = () => crypto.randomUUID();
const POSTINGS: [string, (s: Services, u: User) => Promise<unknown>, string][] = [
  [
    'deposit',
    (s, u) => s.deposit.post(u, { idempotencyKey: key(), slip: { accountNumber: '240000000011', channel: 'oficina', depositor: { id: CC('900000001') }, cash: { '100000': 1 }, cheques: [], declaredTotal: 100_000 } }),
    'deposito',
  ],
  ['withdrawal', (s, u) => s.withdrawal.post(u, { idempotencyKey: key(), request: { accountNumber: '240000000029', amount: 100_000, presenters: [CC('900000002')], payout: { kind: 'efectivo' } } }), 'retiro'],
  ['transfer', (s, u) => s.transfer.post(u, { idempotencyKey: key(), request: { fromAccountNumber: '240000000011', toAccountNumber: '240000000029', amount: 50_000, presenters: [CC('900000001')] } }), 'traslado'],
];

describe('a crash after the posting commits and before its receipt reaches the printer', () => {
  it.each(POSTINGS)('leaves the %s owed: listed on Inicio after the restart, Reintentar prints it, then F5 copies it', async (_name, post, kind) => {
    w = await world(shared.central);
    const crashing = crashingBeforePrint(w);
    await expect(post(crashing.services, crashing.user)).rejects.toThrow(KILLED);
    const sequence = w.core.db.prepare('SELECT sequence FROM comprobantes').pluck().get() as string;
    expect(sequence).toMatch(/^001-03-\d{6}$/);

    await w.reopen();
    await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' });
    const unprinted = async () => {
      const r = await w.call('till.unprinted', {});
      return r.ok ? (r.data as { receipts: { sequence: string; kind: string }[] }).receipts.map((x) => ({ sequence: x.sequence, kind: x.kind })) : r;
    };
    expect(await unprinted()).toEqual([{ sequence, kind }]);
    const jobs = async () => {
      const r = await w.call('devices.jobs', { reference: sequence });
      return r.ok ? (r.data as { jobs: { jobId: string; state: string; copyNumber: number; attempts: number; reason: { code: string } | null }[] }).jobs : [];
    };
    // Never handed to the printer: the original, failed as interrupted, with no try counted and nothing to mark as a reprint.
    const [owed] = await jobs();
    expect(owed).toMatchObject({ state: 'failed', copyNumber: 0, attempts: 0, reason: { code: 'PRINT_INTERRUPTED' }, mayHavePrinted: false });
    if (!owed) return;

    expect(await w.call('devices.retryJob', { jobId: owed.jobId })).toMatchObject({ ok: true });
    await expect.poll(async () => (await jobs())[0]?.state, { timeout: 10_000 }).toBe('printed');
    expect(await unprinted()).toEqual([]);
    const found = await w.call('journal.search', { reference: sequence, limit: 10 });
    const entries = found.ok ? (found.data as { entries: { type: string; document: string | null }[] }).entries : [];
    expect(entries.find((e) => e.type === 'comprobante')?.document).toBe(sequence);
    expect(await w.call('devices.reprint', { target: sequence })).toMatchObject({ ok: true, data: { job: { reference: sequence, copyNumber: 1 } } });
    expect(w.core.db.prepare('SELECT COUNT(*) FROM comprobantes').pluck().get()).toBe(1);
  });
});
