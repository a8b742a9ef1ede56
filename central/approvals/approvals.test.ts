import { afterEach, beforeEach, expect, it } from 'vitest';
import { ApprovalListResponseSchema, ApprovalResponseSchema, BatchResponseSchema, type Operation } from '../../domain/central-api';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { batch, newKey, visacionRequest, type OpOf } from '../testing/ops';

let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const request = visacionRequest;

it('relays a request from a teller to a supervisor at another workstation and back', async () => {
  const req = request();
  expect(ApprovalResponseSchema.parse((await t.call('requestApproval', req)).body).approval.state).toBe('pending');
  const list = ApprovalListResponseSchema.parse((await t.call('pendingApprovals', { branch: '001' }, '001-03')).body);
  expect(list.approvals.map((a) => a.id)).toEqual([req.id]);
  const decided = await t.call('decideApproval', { id: req.id, supervisorId: 'super1', decision: 'approve', reason: 'Cliente conocido, soporte verificado' }, '001-03');
  expect(ApprovalResponseSchema.parse(decided.body).approval).toMatchObject({ state: 'approved', decision: { supervisorId: 'super1', workstation: '001-03' } });
  // The maker polls.
  expect(ApprovalResponseSchema.parse((await t.call('getApproval', { id: req.id })).body).approval.state).toBe('approved');
  expect(ApprovalListResponseSchema.parse((await t.call('pendingApprovals', { branch: '001' })).body).approvals).toEqual([]);
});

it('refuses the maker as checker, and a second different decision', async () => {
  const req = request();
  await t.call('requestApproval', req);
  const self = await t.call('decideApproval', { id: req.id, supervisorId: 'cajero1', decision: 'approve', reason: 'yo mismo' }, '001-03');
  expect(self.status).toBe(403);
  expect(self.body).toMatchObject({ error: { code: 'MAKER_IS_CHECKER' } });
  expect((await t.call('decideApproval', { id: req.id, supervisorId: 'super1', decision: 'reject', reason: 'Falta soporte' }, '001-03')).status).toBe(200);
  const again = await t.call('decideApproval', { id: req.id, supervisorId: 'super2', decision: 'approve', reason: 'Sí procede' }, '001-02');
  expect(again.status).toBe(409);
  expect(again.body).toMatchObject({ error: { code: 'ALREADY_DECIDED' } });
});

it('the same decision sent again by its workstation is a replay; the same one from another desk lost and is refused', async () => {
  const req = request();
  await t.call('requestApproval', req);
  const decision = { id: req.id, supervisorId: 'super1', decision: 'approve' as const, reason: 'Soporte verificado' };
  expect((await t.call('decideApproval', decision, '001-03')).status).toBe(200);
  expect(ApprovalResponseSchema.parse((await t.call('decideApproval', decision, '001-03')).body).approval.decision).toMatchObject({ workstation: '001-03' });
  const other = await t.call('decideApproval', decision, '001-02');
  expect(other.status).toBe(409);
  expect(other.body).toMatchObject({ error: { code: 'ALREADY_DECIDED' } });
});

it('expires pending requests with the clock', async () => {
  const req = request();
  await t.call('requestApproval', req);
  t.clock.advance(15 * 60_000);
  expect(ApprovalResponseSchema.parse((await t.call('getApproval', { id: req.id })).body).approval.state).toBe('expired');
  const late = await t.call('decideApproval', { id: req.id, supervisorId: 'super1', decision: 'approve', reason: 'Tarde' }, '001-03');
  expect(late.body).toMatchObject({ error: { code: 'APPROVAL_EXPIRED' } });
});

it('a request carrying the workstation’s deadline lapses at it, not at central’s default, and one out of bounds is refused', async () => {
  const req = { ...request(), kind: 'reversal' as const, ttlSeconds: 45 * 60 };
  const made = ApprovalResponseSchema.parse((await t.call('requestApproval', req)).body).approval;
  expect(Date.parse(made.expiresAt) - Date.parse(made.createdAt)).toBe(45 * 60_000);
  // Past central's 15 minutes it is still pending for the desks of the branch.
  t.clock.advance(45 * 60_000 - 1);
  expect(ApprovalListResponseSchema.parse((await t.call('pendingApprovals', { branch: '001' }, '001-03')).body).approvals.map((a) => a.id)).toEqual([req.id]);
  t.clock.advance(1);
  expect(ApprovalResponseSchema.parse((await t.call('getApproval', { id: req.id })).body).approval.state).toBe('expired');
  for (const ttlSeconds of [4 * 60, 241 * 60, 600.5]) expect((await t.call('requestApproval', { ...request(), ttlSeconds })).status).toBe(400);
});

it('a relay sent late lapses when it lapses at its workstation: its age at each send shortens it, never lengthens it, and a resend is a replay', async () => {
  // Opened 13 minutes ago at the workstation (by its own clock), relayed now that central is back: 2 minutes left.
  const late = { ...request(), ttlSeconds: 15 * 60, ageSeconds: 13 * 60 };
  const made = ApprovalResponseSchema.parse((await t.call('requestApproval', late)).body).approval;
  expect(Date.parse(made.expiresAt) - Date.parse(made.createdAt)).toBe(2 * 60_000);
  expect(made).not.toHaveProperty('ageSeconds');
  // Sent again a minute later with its age measured anew, or saying it is younger: a replay, keeping the first expiry.
  t.clock.advance(60_000);
  for (const ageSeconds of [14 * 60, 0, undefined]) {
    const { ageSeconds: _a, ...rest } = late;
    const again = await t.call('requestApproval', ageSeconds === undefined ? rest : { ...rest, ageSeconds });
    expect(again.status).toBe(200);
    expect(ApprovalResponseSchema.parse(again.body).approval.expiresAt).toBe(made.expiresAt);
  }
  // The same id with other facts is still a reuse, whatever the age.
  expect((await t.call('requestApproval', { ...late, amount: 1 })).body).toMatchObject({ error: { code: 'ID_REUSED' } });
  t.clock.advance(60_000 - 1);
  expect(ApprovalListResponseSchema.parse((await t.call('pendingApprovals', { branch: '001' }, '001-03')).body).approvals.map((a) => a.id)).toEqual([late.id]);
  t.clock.advance(1);
  expect((await t.call('decideApproval', { id: late.id, supervisorId: 'super1', decision: 'approve', reason: 'Tarde' }, '001-03')).body).toMatchObject({ error: { code: 'APPROVAL_EXPIRED' } });
  // No time left when it arrives: recorded already expired (a resend reads so), and no desk lists it.
  const spent = { ...request(), ttlSeconds: 15 * 60, ageSeconds: 15 * 60 };
  expect(ApprovalResponseSchema.parse((await t.call('requestApproval', spent)).body).approval.state).toBe('expired');
  expect(ApprovalResponseSchema.parse((await t.call('requestApproval', { ...spent, ageSeconds: 16 * 60 })).body).approval.state).toBe('expired');
  expect(ApprovalListResponseSchema.parse((await t.call('pendingApprovals', { branch: '001' }, '001-03')).body).approvals).toEqual([]);
  // A visación without its own time to live counts its age against central's default.
  const visacion = { ...request(), ageSeconds: 10 * 60 };
  const v = ApprovalResponseSchema.parse((await t.call('requestApproval', visacion)).body).approval;
  expect(Date.parse(v.expiresAt) - Date.parse(v.createdAt)).toBe(5 * 60_000);
});

it('refuses posting for another workstation and reading another branch', async () => {
  expect((await t.call('requestApproval', { ...request(), workstation: '001-02' })).status).toBe(403);
  expect((await t.call('pendingApprovals', { branch: '002' })).status).toBe(403);
});

it('the asking workstation withdraws a pending request: every desk drops it, and a decision comes too late', async () => {
  const req = request();
  await t.call('requestApproval', req);
  expect((await t.call('withdrawApproval', { id: req.id }, '001-03')).status).toBe(403);
  const withdrawn = await t.call('withdrawApproval', { id: req.id });
  // Withdrawn, not expired: every desk that asks is told the teller desisted.
  expect(ApprovalResponseSchema.parse(withdrawn.body).approval.state).toBe('withdrawn');
  expect(ApprovalResponseSchema.parse((await t.call('getApproval', { id: req.id }, '001-03')).body).approval.state).toBe('withdrawn');
  expect(ApprovalListResponseSchema.parse((await t.call('pendingApprovals', { branch: '001' }, '001-03')).body).approvals).toEqual([]);
  const late = await t.call('decideApproval', { id: req.id, supervisorId: 'super1', decision: 'approve', reason: 'Tarde' }, '001-03');
  expect(late.body).toMatchObject({ error: { code: 'APPROVAL_WITHDRAWN', message: expect.stringContaining('El cajero desistió de la solicitud') } });
  // Withdrawing it again changes nothing.
  expect(ApprovalResponseSchema.parse((await t.call('withdrawApproval', { id: req.id })).body).approval.state).toBe('withdrawn');
  // A decided request stays decided: the answer tells the asking workstation so.
  const other = request();
  await t.call('requestApproval', other);
  await t.call('decideApproval', { id: other.id, supervisorId: 'super1', decision: 'reject', reason: 'Falta soporte' }, '001-03');
  expect(ApprovalResponseSchema.parse((await t.call('withdrawApproval', { id: other.id })).body).approval.state).toBe('rejected');
});

it('relays a transfer’s visación as such: the desks list it as `transfer_visacion`, not as a withdrawal’s', async () => {
  const req = { ...request(), kind: 'transfer_visacion' as const, summary: 'Traslado $ 6.000.000 desde la cuenta ****0045', amount: 6_000_000 };
  expect((await t.call('requestApproval', req)).status).toBe(200);
  const list = ApprovalListResponseSchema.parse((await t.call('pendingApprovals', { branch: '001' }, '001-03')).body);
  expect(list.approvals).toMatchObject([{ id: req.id, kind: 'transfer_visacion', amount: 6_000_000 }]);
});

it('keeps what the asking desk shows with the request, on its SQLite file, for the desks of the branch', async () => {
  const req = {
    ...request(),
    kind: 'till_difference' as const,
    summary: 'Caja cuadrada en el conteo 2, después de mostrar una diferencia en la caja 01 · Ana Gómez',
    amount: 0,
    reasons: [{ code: 'TILL_DIFFERENCE', message: 'El arqueo de la caja no cuadra (faltante o sobrante). Motivo: Error de conteo. Billete pegado a otro' }],
    context: { 'Saldo esperado': '$ 500.000', Contado: '$ 500.000', 'Conteo 1': '$ 450.000 · faltante $ 50.000', Motivo: 'Error de conteo. Billete pegado a otro' },
  };
  expect((await t.call('requestApproval', req)).status).toBe(200);
  await t.restart();
  const [listed] = ApprovalListResponseSchema.parse((await t.call('pendingApprovals', { branch: '001' }, '001-03')).body).approvals;
  expect(listed).toMatchObject({ id: req.id, reasons: req.reasons, context: req.context });
  expect(ApprovalResponseSchema.parse((await t.call('getApproval', { id: req.id }, '001-03')).body).approval).toMatchObject({ reasons: req.reasons, context: req.context });
  // A request relayed without them (an older workstation) is listed as it came.
  const bare = request();
  await t.call('requestApproval', bare);
  const again = ApprovalListResponseSchema.parse((await t.call('pendingApprovals', { branch: '001' }, '001-03')).body).approvals.find((a) => a.id === bare.id);
  expect(again).toBeDefined();
  expect(again).not.toHaveProperty('context');
  expect(again).not.toHaveProperty('reasons');
});

/** A request closed at its workstation (001-01) without central's word, as its outbox sends it. */
const outcome = (req: ReturnType<typeof request>, result: OpOf<'approval_outcome'>['payload']['outcome']): OpOf<'approval_outcome'> => {
  const { branch: _b, workstation: _w, ...rest } = req;
  return { key: newKey(), branch: '001', workstation: '001-01', occurredAt: '2025-03-10T10:00:00-05:00', type: 'approval_outcome', payload: { request: rest, outcome: result } };
};
const approvedAt01 = { state: 'approved', supervisorId: 'super1', reason: 'Visto en la caja', decidedAt: '2025-03-10T15:00:00.000Z' } as const;
const statusOf = async (op: Operation) => BatchResponseSchema.parse((await batch(t, [op])).body).results[0];
const stateOf = async (id: string) => ApprovalResponseSchema.parse((await t.call('getApproval', { id })).body).approval;

it('a request decided at its workstation before central had it arrives decided: never listed, and its late relay is a replay that leaves it decided', async () => {
  const req = request();
  const op = outcome(req, approvedAt01);
  expect(await statusOf(op)).toMatchObject({ status: 'applied' });
  expect(await stateOf(req.id)).toMatchObject({ state: 'approved', decision: { supervisorId: 'super1', workstation: '001-01', reason: 'Visto en la caja' } });
  expect(ApprovalListResponseSchema.parse((await t.call('pendingApprovals', { branch: '001' }, '001-03')).body).approvals).toEqual([]);
  // The relay sent before the decision lands now: the same request, so central answers what it holds.
  expect(ApprovalResponseSchema.parse((await t.call('requestApproval', req)).body).approval.state).toBe('approved');
  expect(ApprovalListResponseSchema.parse((await t.call('pendingApprovals', { branch: '001' }, '001-03')).body).approvals).toEqual([]);
  // Sent again (an answer lost on the way back): the first outcome, nothing twice.
  expect(await statusOf(op)).toMatchObject({ status: 'duplicate', first: { outcome: 'applied' } });
  const desk = await t.call('decideApproval', { id: req.id, supervisorId: 'super2', decision: 'reject', reason: 'Otra decisión' }, '001-03');
  expect(desk.body).toMatchObject({ error: { code: 'ALREADY_DECIDED' } });
});

it('a request relayed pending and then decided or withdrawn at its workstation closes at central; one a desk decided the other way first is refused for review', async () => {
  const pending = request();
  await t.call('requestApproval', pending);
  expect(await statusOf(outcome(pending, approvedAt01))).toMatchObject({ status: 'applied' });
  expect(await stateOf(pending.id)).toMatchObject({ state: 'approved', decision: { workstation: '001-01' } });

  const withdrawn = request();
  await t.call('requestApproval', withdrawn);
  expect(await statusOf(outcome(withdrawn, { state: 'withdrawn', at: '2025-03-10T15:00:00.000Z' }))).toMatchObject({ status: 'applied' });
  expect((await stateOf(withdrawn.id)).state).toBe('withdrawn');
  const unseen = request();
  expect(await statusOf(outcome(unseen, { state: 'withdrawn', at: '2025-03-10T15:00:00.000Z' }))).toMatchObject({ status: 'applied' });
  expect((await stateOf(unseen.id)).state).toBe('withdrawn');
  expect(ApprovalListResponseSchema.parse((await t.call('pendingApprovals', { branch: '001' }, '001-03')).body).approvals).toEqual([]);
  // The usual order when a teller leaves a visación: the direct withdrawal first, then the outbox's outcome of it.
  // The second must not turn the withdrawn request into an expired one (desks said "venció" instead of "desistió").
  const left = request();
  await t.call('requestApproval', left);
  expect((await t.call('withdrawApproval', { id: left.id })).status).toBe(200);
  await new Promise((r) => setTimeout(r, 5));
  expect(await statusOf(outcome(left, { state: 'withdrawn', at: '2025-03-10T15:00:00.000Z' }))).toMatchObject({ status: 'applied' });
  expect((await stateOf(left.id)).state).toBe('withdrawn');

  const raced = request();
  await t.call('requestApproval', raced);
  await t.call('decideApproval', { id: raced.id, supervisorId: 'super2', decision: 'reject', reason: 'Falta soporte' }, '001-03');
  expect(await statusOf(outcome(raced, approvedAt01))).toMatchObject({ status: 'rejected', first: { reason: 'APPROVAL_DECIDED_ELSEWHERE' } });
  expect(await stateOf(raced.id)).toMatchObject({ state: 'rejected', decision: { workstation: '001-03' } });
});

it('a request closed at its workstation before central had it, relayed late with its age: a replay that leaves it closed', async () => {
  const req = { ...request(), ttlSeconds: 15 * 60 };
  expect(await statusOf(outcome(req, approvedAt01))).toMatchObject({ status: 'applied' });
  const late = await t.call('requestApproval', { ...req, ageSeconds: 5 * 60 });
  expect(late.status).toBe(200);
  expect(ApprovalResponseSchema.parse(late.body).approval.state).toBe('approved');
});
