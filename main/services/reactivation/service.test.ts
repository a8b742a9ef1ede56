import { afterEach, describe, expect, it } from 'vitest';
import type { WireResult } from '../../core/dispatcher';
import { referenceRepo } from '../../store/reference/repo';
import { pullReference } from '../../sync/reference';
import { drainer } from '../comprobante/testing/at-central';
import { CC, startCentralProcess, world, type RunningCentral, type World, sharedCentral } from '../comprobante/testing/world';
import { data } from '../../testing/wire-data';

const shared = sharedCentral();
let w: World;
afterEach(() => w.close());

const SUP = { username: 'supervisor1', password: 'Super.2026' };
const codes = (r: WireResult): string[] => (r.ok ? [] : ((r.error.details?.errors as { code: string }[] | undefined)?.map((e) => e.code) ?? [r.error.code]));

/** Andrés's account, seeded `inactiva` (central/demo/seed.ts); the company's, inactive for eight months. */
const ANDRES = '240000000052';
const COMPANY = '240000000136';
const REP = { type: 'CE' as const, number: '1234567' };
const MESSENGER = CC('900000005');

const reactivate = async (request: Record<string, unknown>) => {
  const asked = data<{ approvalId: string }>(await w.call('reactivation.request', { request }));
  data(await w.call('supervisor.decide', { id: asked.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
  const key = crypto.randomUUID();
  const posted = data<{ receipt: { title: string; sequence: string; lines: { label?: string; value?: string }[] } }>(
    await w.call('reactivation.post', { idempotencyKey: key, request, approvalId: asked.approvalId }),
  );
  return { posted, key, approvalId: asked.approvalId };
};
const stateAtBranch = async (number: string) => data<{ account: { state: string; reactivatedOn: string | null } }>(await w.call('accounts.lookup', { accountNumber: number })).account;

describe('reactivation of an inactive account at the office (seed 003 cl. 7.1)', () => {
  // First: the tests below reactivate these accounts at the shared central; these only ask.
  it('the desk names who is present with their role: a company’s legal representative, or who brings the letter', async () => {
    w = await world(shared.central);
    const presentes = async (request: Record<string, unknown>) => {
      const asked = data<{ approvalId: string }>(await w.call('reactivation.request', { request }));
      const item = data<{ items: { id: string; context: Record<string, string> }[] }>(await w.call('supervisor.queue')).items.find((i) => i.id === asked.approvalId);
      return item?.context.Presentes;
    };
    expect(await presentes({ accountNumber: COMPANY, presenters: [REP] })).toBe('CARLOS ALBERTO DÍAZ RAMOS, representante legal (CE ****567)');
    expect(await presentes({ accountNumber: COMPANY, presenters: [MESSENGER], writtenAuthorization: { signedBy: REP, signedOn: '2025-02-28' } })).toMatch(/^portador de la autorización escrita \(CC \*+0005\)$/);
    expect(await presentes({ accountNumber: ANDRES, presenters: [CC('900000004')] })).toMatch(/, titular \(CC/);
  });

  it('the holder in person, approved by a supervisor: active at once here, then at central, without moving money', async () => {
    w = await world(shared.central);
    const request = { accountNumber: ANDRES, presenters: [CC('900000004')] };
    expect(data(await w.call('reactivation.check', { request }))).toMatchObject({ authorizedBy: 'presencial', approvalReasons: [{ code: 'INACTIVE_REACTIVATION' }] });
    // An authorized person or a stranger may not reactivate; nothing is asked of the supervisor for them.
    expect(codes(await w.call('reactivation.check', { request: { accountNumber: ANDRES, presenters: [CC('900000002')] } }))).toEqual(['HOLDER_REQUIRED']);

    // Without a decision, or decided by the teller, it does not post.
    const asked = data<{ approvalId: string }>(await w.call('reactivation.request', { request }));
    expect(await w.call('reactivation.post', { idempotencyKey: crypto.randomUUID(), request, approvalId: asked.approvalId })).toMatchObject({ ok: false, error: { code: 'APPROVAL_NOT_APPROVED' } });
    expect(await w.call('supervisor.decide', { id: asked.approvalId, source: 'caja', decision: 'aprobar', username: 'cajero1', password: 'Caja.2026' })).toMatchObject({ ok: false });

    const { posted, key, approvalId } = await reactivate(request);
    expect(posted.receipt.title).toBe('CONSTANCIA DE REACTIVACIÓN DE CUENTA');
    expect(posted.receipt.lines).toContainEqual({ kind: 'field', label: 'Aprobó', value: 'Marta Rojas' });
    // A retry answers the same and enqueues nothing more.
    expect(data(await w.call('reactivation.post', { idempotencyKey: key, request, approvalId }))).toEqual(posted);
    const db = w.core.db;
    expect(db.prepare("SELECT COUNT(*) FROM outbox WHERE type = 'account_reactivation'").pluck().get()).toBe(1);
    const row = db.prepare("SELECT sequence, payload FROM journal WHERE type = 'account_reactivation'").get() as { sequence: number; payload: string };
    const j = JSON.parse(row.payload) as Record<string, unknown>;
    // The till's first constancia is number 1 of its own gapless sequence, whatever the journal holds before it,
    // and the entry names it for the journal's Reimprimir and search.
    expect(row.sequence).toBeGreaterThan(1);
    expect(posted.receipt.sequence).toBe('RA-001-03-000001');
    expect(db.prepare('SELECT till_code, n, document, journal_sequence FROM reactivation_constancias').all()).toEqual([
      { till_code: '03', n: 1, document: 'RA-001-03-000001', journal_sequence: row.sequence },
    ]);
    expect(j).toMatchObject({ account: ANDRES, state: 'reactivada', authorizedBy: 'presencial', approvalId, document: posted.receipt.sequence });

    // Before central applies it, this workstation already sees the account active; a second one is refused.
    expect(await stateAtBranch(ANDRES)).toMatchObject({ state: 'activa', reactivatedOn: '2025-03-03' });
    expect(codes(await w.call('reactivation.check', { request }))).toEqual(['ACCOUNT_NOT_INACTIVE']);

    // Central applies it: the account is active with its reactivation date, and no balance moved.
    await drainer(w)();
    const pulled = await pullReference({ client: w.client, repo: referenceRepo(db), clock: w.clock });
    expect(pulled.ok).toBe(true);
    const atCentral = referenceRepo(db).getCentralAccount(ANDRES);
    expect(atCentral).toMatchObject({ state: 'activa', balances: { available: 350_000, inCanje: 0, onHold: 0 } });
    expect(atCentral?.reactivatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(atCentral?.lastCustomerMovementOn).not.toBe(atCentral?.reactivatedOn);
    expect(data<{ ok: boolean }>(await w.call('journal.verify')).ok).toBe(true);
  });

  it('a company: its legal representative’s letter, brought by someone identified; without it, refused and why', async () => {
    w = await world(shared.central);
    const none = await w.call('reactivation.check', { request: { accountNumber: COMPANY, presenters: [MESSENGER] } });
    expect(codes(none)).toEqual(['REACTIVATION_AUTHORIZATION_REQUIRED']);
    expect(!none.ok && none.error.message).toContain('CARLOS ALBERTO DÍAZ RAMOS');
    const stale = { accountNumber: COMPANY, presenters: [MESSENGER], writtenAuthorization: { signedBy: REP, signedOn: '2025-01-10' } };
    expect(codes(await w.call('reactivation.check', { request: stale }))).toEqual(['AUTHORIZATION_TOO_OLD']);
    const notRep = { accountNumber: COMPANY, presenters: [MESSENGER], writtenAuthorization: { signedBy: MESSENGER, signedOn: '2025-02-28' } };
    expect(codes(await w.call('reactivation.check', { request: notRep }))).toEqual(['AUTHORIZATION_SIGNER_NOT_REPRESENTATIVE']);

    const request = { accountNumber: COMPANY, presenters: [MESSENGER], writtenAuthorization: { signedBy: REP, signedOn: '2025-02-28' } };
    expect(data(await w.call('reactivation.check', { request }))).toMatchObject({ authorizedBy: 'escrita' });
    const { posted } = await reactivate(request);
    expect(posted.receipt.lines).toContainEqual({ kind: 'field', label: 'Autorizó', value: 'CARLOS ALBERTO DÍAZ RAMOS, carta del 28/02/2025' });
    expect(await stateAtBranch(COMPANY)).toMatchObject({ state: 'activa' });
  });

  it('the customer withdraws at once, before central applied the reactivation: the hold carries its approval', async () => {
    // Its own central: the first test left Andrés's account active at the shared one.
    const own = await startCentralProcess();
    try {
      await withdrawAtOnce(own);
    } finally {
      await own.stop();
    }
  }, 40_000);

  const withdrawAtOnce = async (own: RunningCentral) => {
    w = await world(own);
    const { approvalId } = await reactivate({ accountNumber: ANDRES, presenters: [CC('900000004')] });
    // Nothing was sent yet: central still has the account inactive, and a plain hold would be refused.
    expect(w.core.db.prepare("SELECT state FROM outbox WHERE type = 'account_reactivation'").pluck().get()).toBe('pending');
    const request = { accountNumber: ANDRES, amount: 50_000, presenters: [CC('900000004')], payout: { kind: 'efectivo' } };
    expect(data(await w.call('withdrawal.evaluate', { request }))).toMatchObject({ plan: { approvalReasons: [], reactivates: false } });
    expect(data(await w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request }))).toMatchObject({ status: 'posted' });
    // Delivered in order: the reactivation first, then the withdrawal that consumes the hold.
    await drainer(w)();
    const states = w.core.db.prepare("SELECT type, state FROM outbox WHERE type IN ('account_reactivation', 'withdrawal') ORDER BY seq").all();
    expect(states).toEqual([
      { type: 'account_reactivation', state: 'applied' },
      { type: 'withdrawal', state: 'applied' },
    ]);
    const hold = JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'withdrawal'").pluck().get() as string) as { payload: object };
    expect(hold.payload).not.toHaveProperty('reactivation');
    expect(approvalId).toMatch(/\S/);
  };

  it('an approval for one request does not reactivate with other people or another letter', async () => {
    w = await world(shared.central);
    const request = { accountNumber: COMPANY, presenters: [MESSENGER], writtenAuthorization: { signedBy: REP, signedOn: '2025-02-28' } };
    const asked = data<{ approvalId: string }>(await w.call('reactivation.request', { request }));
    data(await w.call('supervisor.decide', { id: asked.approvalId, source: 'caja', decision: 'aprobar', ...SUP }));
    const other = { ...request, writtenAuthorization: { signedBy: REP, signedOn: '2025-02-27' } };
    expect(await w.call('reactivation.post', { idempotencyKey: crypto.randomUUID(), request: other, approvalId: asked.approvalId })).toMatchObject({ ok: false, error: { code: 'APPROVAL_MISMATCH' } });
    expect(await stateAtBranch(COMPANY)).toMatchObject({ state: 'inactiva' });
  });
});
