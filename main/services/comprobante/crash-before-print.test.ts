import { afterEach, describe, expect, it } from 'vitest';
import { DeviceConfigSchema } from '../../../domain/devices/config';
import { DEFAULT_RULES } from '../../../domain/rules-config/config';
import { DEFAULT_TILL_POLICY } from '../../../domain/till/policy';
import { CoreConfigSchema } from '../../config/schema';
import { canjeRepo } from '../../store/canje/repo';
import { comprobanteRepo } from '../../store/comprobante/repo';
import { devicesRepo } from '../../store/devices/repo';
import { settingsRepo } from '../../store/settings/repo';
import { outboxRepo } from '../../store/outbox/repo';
import { referenceRepo } from '../../store/reference/repo';
import { remittanceRepo } from '../../store/remittance/repo';
import { reversalRepo } from '../../store/reversal/repo';
import { gateFactsRepo, tillLifecycleRepo } from '../../store/till/lifecycle';
import { tillRepo } from '../../store/till/repo';
import { journalRepo } from '../../store/journal/repo';
import { idempotencyRepo } from '../../store/idempotency/repo';
import { identityRepo } from '../../store/identity/repo';
import { securityCodeRepo } from '../../store/security-code/repo';
import { usersRepo } from '../../store/users/repo';
import { createArqueoService } from '../arqueo/service';
import { createDeviceService } from '../devices/service';
import { createIdempotentRunner } from '../idempotent';
import { referenceDirectory } from '../identity/directory';
import { createJournalHealth } from '../journal/health';
import { createJournal } from '../journal/writer';
import { devicesPrinter, type PrinterPort } from '../receipt/printer-port';
import { referenceAccountSource } from '../accounts/source';
import { createCanjeService } from '../canje/service';
import { createReactivationService } from '../reactivation/service';
import { createReversalService } from '../reversal/service';
import { createSecurityCodeService } from '../security-code/service';
import { constanciaPrinter } from '../security-code/wire';
import { createSupervisedRequests } from '../supervisor/requests';
import { CC, COUNT, world, type World, sharedCentral } from './testing/world';
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
  const features = comprobanteFeatures({
    db, users, journal, idempotent: createIdempotentRunner({ db, repo: idempotencyRepo(db), clock: w.clock }), clock: w.clock, ids, workstation,
    central: w.client, onChange: () => undefined, maxFailedAttempts: 5, printer,
  });
  const base = { db, users, journal, clock: w.clock, ids, onChange: () => undefined };
  const papers = {
    ...base, outbox: outboxRepo(db), idempotent: createIdempotentRunner({ db, repo: idempotencyRepo(db), clock: w.clock }), workstation,
    requests: createSupervisedRequests({ ...base, lifecycle: tillLifecycleRepo(db), maxFailedAttempts: 5, deadlineMinutes: 30 }),
    printer: { oweReceipt: devices.oweReceipt, printReceipt: () => Promise.reject(new Error(KILLED)), printAgain: devices.printAgain },
  };
  const reversal = createReversalService({
    ...papers, comprobantes: comprobanteRepo(db), reversals: reversalRepo(db), canje: canjeRepo(db), remittances: remittanceRepo(db), tills: tillRepo(db),
    journalRepo: journalRepo(db), central: w.client,
  });
  const reactivation = createReactivationService({ ...papers, accounts: referenceAccountSource(referenceRepo(db), papers.outbox), rules: DEFAULT_RULES });
  const arqueo = createArqueoService({
    ...papers, tills: tillRepo(db), lifecycle: tillLifecycleRepo(db), facts: gateFactsRepo(db), policy: DEFAULT_TILL_POLICY, recordLapses: papers.requests.lapseDue,
    health: createJournalHealth({ journal, clock: w.clock, workstation: workstation.id, installation: () => settingsRepo(db).get('journal.installation') ?? null, central: w.client, log: () => undefined, onChange: () => undefined }),
  });
  const contacts = identityRepo(db);
  const securityCode = createSecurityCodeService({
    db, flows: securityCodeRepo(db), contacts, directory: referenceDirectory(referenceRepo(db), contacts), journal, clock: w.clock, ids, central: w.client,
    reader: null, printer: { ...constanciaPrinter(devices), printReceipt: () => Promise.reject(new Error(KILLED)) }, users, workstation,
    codePurpose: CoreConfigSchema.parse({}).securityCode.codePurpose,
  });
  const u = users.findByUsername('cajero1');
  if (!u) throw new Error('cajero1 missing');
  return { services: features.services, canje: createCanjeService({ ...features.deps, db }), reversal, reactivation, arqueo, securityCode, user: { id: u.id, username: u.username, displayName: u.displayName, role: u.role } };
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

describe('a crash after a posting commits and before its receipt reaches the printer', () => {
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
    // F5 says why its row offers no Reimprimir yet: the original comes out first, from F9.
    const row = async () => {
      const r = await w.call('journal.search', { reference: sequence, limit: 10 });
      const entries = r.ok ? (r.data as { entries: { type: string; document: string | null; printNote: string | null }[] }).entries : [];
      const e = entries.find((x) => x.type === 'comprobante');
      return e && { document: e.document, printNote: e.printNote };
    };
    expect(await row()).toEqual({ document: null, printNote: 'Recibo original pendiente de imprimir: F9' });
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
    expect(await row()).toEqual({ document: sequence, printNote: null });
    expect(await w.call('devices.reprint', { target: sequence })).toMatchObject({ ok: true, data: { job: { reference: sequence, copyNumber: 1 } } });
    expect(w.core.db.prepare('SELECT COUNT(*) FROM comprobantes').pluck().get()).toBe(1);
  });

  const approve = async (asked: Awaited<ReturnType<World['call']>>): Promise<string> => {
    const approvalId = asked.ok ? (asked.data as { approvalId: string }).approvalId : '';
    expect(await w.call('supervisor.decide', { id: approvalId, source: 'caja', decision: 'aprobar', username: 'supervisor1', password: 'Super.2026' })).toMatchObject({ ok: true });
    return approvalId;
  };
  // [name, journal type, what F5 calls the owed paper, how it is left owed]
  const PAPERS: [string, string, string, (c: ReturnType<typeof crashingBeforePrint>) => Promise<string>][] = [
    [
      'reversal',
      'reversal',
      'Recibo',
      async (c) => {
        const deposited = await w.call('deposit.post', {
          idempotencyKey: key(), slip: { accountNumber: '240000000011', channel: 'oficina', depositor: { id: CC('900000001') }, cash: { '100000': 1 }, cheques: [], declaredTotal: 100_000 },
        });
        const sequence = deposited.ok ? (deposited.data as { sequence: string }).sequence : '';
        const approvalId = await approve(await w.call('reversal.request', { sequence, reasonCode: 'CUENTA_ERRADA', reasonText: 'El cliente dictó otra cuenta' }));
        // The service reports no job when the printer is not reached; what matters is what the restart finds.
        expect(await c.reversal.post(c.user, { idempotencyKey: key(), sequence, approvalId })).toMatchObject({ printJobId: null });
        return `R-${sequence}`;
      },
    ],
    [
      'returned canje cheque',
      'comprobante',
      'Recibo',
      async (c) => {
        // A Bogotá cheque deposited in Bogotá goes to canje (seed 003 cl. 3.9); the clearing house returns it.
        const cheque = { bank: '07', number: '1234567', drawerAccount: '11122299', amount: 800_000, city: 'Bogotá D.C.' };
        const slip = { accountNumber: '240000000029', depositor: { id: CC('900000002') }, cheques: [cheque], declaredTotal: 800_000 };
        expect(await w.call('deposit.post', { idempotencyKey: key(), slip })).toMatchObject({ ok: true });
        const [row] = (await c.canje.list()).cheques;
        if (!row) throw new Error('no canje cheque');
        await expect(c.canje.returnCheque(c.user, { idempotencyKey: key(), chequeId: row.id, causalId: 'fondos-insuficientes', chargeFee: true })).rejects.toThrow(KILLED);
        return `${row.sequence}-DEV`;
      },
    ],
    [
      'reactivation constancia',
      'account_reactivation',
      'Constancia',
      async (c) => {
        // Andrés's account, seeded inactive (central/demo/seed.ts), reactivated by him in person.
        const request = { accountNumber: '240000000052', presenters: [CC('900000004')], writtenAuthorization: null };
        const approvalId = await approve(await w.call('reactivation.request', { request }));
        expect(await c.reactivation.post(c.user, { idempotencyKey: key(), request, approvalId })).toMatchObject({ printJobId: null });
        return 'RA-001-03-000001';
      },
    ],
    [
      'till close report',
      'till_close',
      'Reporte de fin de día',
      async (c) => {
        const counted = await w.call('till.count', { idempotencyKey: key(), count: COUNT });
        const closingId = counted.ok ? (counted.data as { closingId: string }).closingId : '';
        const closed = await c.arqueo.close(c.user, { idempotencyKey: key(), closingId });
        expect(closed.printJobId).toBeNull();
        return closed.report.sequence;
      },
    ],
    [
      'security-code constancia',
      'security_code_request',
      'Constancia',
      async (c) => {
        // The customer states the registered cellphone: central sends the code at once and the constancia carries the radicado.
        const flow = c.securityCode.start(c.user, 'security_code');
        await c.securityCode.identify(c.user, flow.id, CC('900000002'), 'typed');
        const done = await c.securityCode.statePhone(c.user, flow.id, '3101234502');
        expect(done).toMatchObject({ step: 'send_now', finished: true });
        return done.constancia?.sequence ?? '';
      },
    ],
  ];

  it.each(PAPERS)('leaves the %s paper owed: failed at Dispositivos after the restart, Reintentar prints it, then F5 copies it', async (_name, type, paper, post) => {
    w = await world(shared.central);
    const document = await post(crashingBeforePrint(w));

    await w.reopen();
    await w.call('session.login', { username: 'cajero1', password: 'Caja.2026' });
    const jobs = async () => {
      const r = await w.call('devices.jobs', { reference: document });
      return r.ok ? (r.data as { jobs: { jobId: string; state: string }[] }).jobs : [];
    };
    const [owed] = await jobs();
    expect(owed).toMatchObject({ state: 'failed', copyNumber: 0, attempts: 0, reason: { code: 'PRINT_INTERRUPTED' } });
    if (!owed) return;
    const rows = async () => {
      const found = await w.call('journal.search', { reference: document, limit: 10 });
      const entries = found.ok ? (found.data as { entries: { type: string; document: string | null; printNote: string | null }[] }).entries : [];
      return entries.filter((e) => e.type === type).map((e) => [e.document, e.printNote]);
    };
    // F5 offers no copy before the original and says which paper is owed and where it is printed.
    expect(await rows()).toEqual([[null, `${paper} original pendiente de imprimir: F9`]]);
    expect(await w.call('devices.retryJob', { jobId: owed.jobId })).toMatchObject({ ok: true });
    await expect.poll(async () => (await jobs())[0]?.state, { timeout: 10_000 }).toBe('printed');
    expect(await rows()).toEqual([[document, null]]);
    expect(await w.call('devices.reprint', { target: document })).toMatchObject({ ok: true, data: { job: { reference: document, copyNumber: 1 } } });
  });
});
