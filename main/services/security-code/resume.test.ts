import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biometricConsent } from '../../../domain/contract/biometric-consent';
import { AppError } from '../../core/errors';
import { SUPERVISOR, startWorld, TELLER, TELLER2, type World } from './testing/world';

const BIOMETRIC_CONSENT_VERSION = biometricConsent('security_code').version;

/**
 * Issue 6, last piece: a flow left open (Esc, a locked session, a restart) is listed, resumed where it stopped,
 * its pending central step retried with the same idempotency keys, or cancelled with a reason (journaled, never
 * deleted). Real SQLite, real device emulators, a real central child process (central/demo/seed.ts).
 */
const CC = (number: string) => ({ type: 'CC', number });

let w: World;
beforeAll(async () => {
  w = await startWorld();
}, 60_000);
afterAll(async () => {
  await w?.close();
});

const appError = async (p: Promise<unknown> | (() => unknown)): Promise<AppError> => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
};

const identified = async (number: string, user = TELLER) => {
  const f = w.service.start(user, 'security_code');
  return w.identifyAnew(w.service, user, f.id, CC(number));
};

const openIds = (user = TELLER) => w.service.openFlows(user).flows.map((r) => r.id);

/** Central's own list of the branch's security-code requests (each one is one SMS or one radication). */
const centralRequests = async (maskedDocument: string) => {
  const r = await w.client.call('listSecurityCodes', { branch: '001' });
  if (!r.ok) throw new Error(r.error.message);
  return r.data.requests.filter((q) => q.maskedDocument === maskedDocument);
};

const journalOf = (flowId: string, type = 'security_code_request') =>
  w
    .journalRows()
    .filter((r) => r.type === type)
    .map((r) => JSON.parse(r.payload) as Record<string, unknown>)
    .filter((p) => p.flowId === flowId);

describe('open flows of this workstation', () => {
  it('lists flows left mid-way, newest first, with masked document, name, step and attempts; not finished or untouched ones', async () => {
    const untouched = w.service.start(TELLER, 'security_code');
    const older = await identified('900000001');
    w.clock.advance(1_000);
    const newer = await identified('900000005');
    await w.service.statePhone(TELLER, newer.id, '3004440000');
    w.clock.advance(1_000);
    const done = await identified('900000002');
    await w.service.statePhone(TELLER, done.id, '3101234502');

    const { flows } = w.service.openFlows(TELLER);
    const ids = flows.map((r) => r.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(ids).not.toContain(untouched.id);
    expect(ids).not.toContain(done.id);
    expect(flows.find((r) => r.id === newer.id)).toMatchObject({
      purpose: 'security_code',
      step: 'awaiting_previous_phone',
      document: 'CC *****0005',
      customerName: expect.any(String),
      tellerName: 'Ana Gómez',
      mine: true,
      failedCaptures: 0,
      centralAttempts: 0,
      pendingCompletion: false,
      canResume: true,
      canCancel: true,
    });
    expect(flows.find((r) => r.id === older.id)?.step).toBe('awaiting_stated_phone');
  });

  it('counts failed captures at the fingerprint step', async () => {
    const f = await identified('900000005');
    await w.service.statePhone(TELLER, f.id, '3004441111');
    await w.service.previousPhone(TELLER, f.id, null);
    await w.service.consent(TELLER, f.id, true, BIOMETRIC_CONSENT_VERSION);
    await w.place('900000002');
    await w.service.capture(TELLER, f.id, 'right-index');
    expect(w.service.openFlows(TELLER).flows.find((r) => r.id === f.id)).toMatchObject({ step: 'awaiting_capture', failedCaptures: 1 });
  });

  it('leaves out flows of earlier business days, unless central requests of theirs are still pending', async () => {
    const stale = await identified('900000001');
    w.clock.advance(24 * 3_600_000);
    try {
      expect(openIds()).not.toContain(stale.id);
      expect(w.service.openFlows(TELLER).businessDate).toBe('2026-03-03');
    } finally {
      w.clock.advance(-24 * 3_600_000);
    }
    expect(openIds()).toContain(stale.id);
  });
});

describe('resume (Esc, locked session, restart)', () => {
  it('returns the flow at its step and continues to the end; after an app restart too', async () => {
    const f = await identified('900000003');
    await w.service.statePhone(TELLER, f.id, '3150002233');
    // A restart: a new service over the same database file.
    const restarted = w.serviceWith('temporary_keys');
    expect(restarted.openFlows(TELLER).flows.map((r) => r.id)).toContain(f.id);
    const resumed = restarted.resume(TELLER, f.id);
    expect(resumed).toMatchObject({ id: f.id, step: 'awaiting_previous_phone', finished: false, title: 'Error de seguridad en datos' });
    expect(resumed.customer?.document).toBe('CC 900.000.003');
    const done = await restarted.previousPhone(TELLER, f.id, '3151234503');
    expect(done).toMatchObject({ step: 'send_now', finished: true });
    expect(openIds()).not.toContain(f.id);
    expect((await appError(() => w.service.resume(TELLER, f.id))).code).toBe('FLOW_FINISHED');
  });

  it('only the teller who started it resumes it; an unknown id is answered as such', async () => {
    const f = await identified('900000001');
    const e = await appError(() => w.service.resume(TELLER2, f.id));
    expect(e.code).toBe('FLOW_OF_ANOTHER_TELLER');
    expect(e.message).toContain('otro cajero');
    expect((await appError(() => w.service.resume(SUPERVISOR, f.id))).code).toBe('FLOW_OF_ANOTHER_TELLER');
    expect((await appError(() => w.service.resume(TELLER, 'no-such-flow'))).code).toBe('FLOW_NOT_FOUND');
    // Another teller sees it listed (a supervisor can close it) but may not act on it.
    expect(w.service.openFlows(TELLER2).flows.find((r) => r.id === f.id)).toMatchObject({ mine: false, canResume: false, canCancel: false, tellerName: 'Ana Gómez' });
    expect(w.service.openFlows(SUPERVISOR).flows.find((r) => r.id === f.id)).toMatchObject({ mine: false, canResume: false, canCancel: true });
  });
});

describe('retry of a central step left pending', () => {
  it('central down: the send-now stays pending (nothing sent), retries while down count, back up it completes exactly once', async () => {
    const f = await identified('900000004');
    const before = (await centralRequests('CC *****0004')).length;
    w.link.down = true;
    try {
      const e = await appError(w.service.statePhone(TELLER, f.id, '3201234504'));
      expect(e.code).toBe('CENTRAL_PENDING');
      expect(e.message).toContain('no se envió nada');
      const pending = w.service.resume(TELLER, f.id);
      expect(pending).toMatchObject({ step: 'awaiting_stated_phone', pendingCompletion: true, cancellable: true, title: 'Pendiente: central no disponible' });
      expect((await appError(w.service.retry(TELLER, f.id))).code).toBe('CENTRAL_PENDING');
      expect(w.service.openFlows(TELLER).flows.find((r) => r.id === f.id)).toMatchObject({ pendingCompletion: true, centralAttempts: 2, canCancel: true });
      // The pending plan is not re-planned by typing the phone again.
      expect((await appError(w.service.statePhone(TELLER, f.id, '3201234504'))).code).toBe('FLOW_BUSY');
    } finally {
      w.link.down = false;
    }
    expect((await appError(w.service.retry(TELLER2, f.id))).code).toBe('FLOW_OF_ANOTHER_TELLER');
    const done = await w.service.retry(TELLER, f.id);
    expect(done).toMatchObject({ step: 'send_now', finished: true, pendingCompletion: false, title: 'Código enviado' });
    expect((await appError(w.service.retry(TELLER, f.id))).code).toBe('FLOW_FINISHED');
    const after = await centralRequests('CC *****0004');
    expect(after.length - before).toBe(1);
    expect(after.some((q) => q.radicado === done.request?.radicado)).toBe(true);
    expect(journalOf(f.id).filter((j) => j.outcome === 'sent')).toHaveLength(1);
  });

  it('a lost radication answer: retry resends the same key (one radication, one contact update), cancel refused meanwhile', async () => {
    const f = await identified('900000002');
    await w.service.statePhone(TELLER, f.id, '3007770000');
    await w.service.previousPhone(TELLER, f.id, null);
    await w.service.consent(TELLER, f.id, true, BIOMETRIC_CONSENT_VERSION);
    await w.place('900000002');
    const before = (await centralRequests('CC *****0002')).length;
    w.loseAnswer.add('radicateSecurityCode');
    expect((await appError(w.service.capture(TELLER, f.id, 'right-index'))).code).toBe('CENTRAL_PENDING');
    const row = w.service.openFlows(TELLER).flows.find((r) => r.id === f.id);
    expect(row).toMatchObject({ step: 'awaiting_capture', pendingCompletion: true, centralAttempts: 1, canCancel: false });
    expect(w.service.resume(TELLER, f.id)).toMatchObject({ cancellable: false, title: 'Pendiente de confirmar con central' });
    expect((await appError(w.service.cancel(TELLER, f.id, 'El cliente se retiró'))).code).toBe('FLOW_BUSY');
    expect((await appError(w.service.cancel(SUPERVISOR, f.id, 'El cliente se retiró'))).code).toBe('FLOW_BUSY');
    // Central is reachable but the answer was lost: so it has the radication already; the retry must not add one.
    expect((await centralRequests('CC *****0002')).length - before).toBe(1);
    const done = await w.service.retry(TELLER, f.id);
    expect(done).toMatchObject({ step: 'radicated', pendingCompletion: false });
    expect((await centralRequests('CC *****0002')).length - before).toBe(1);
    expect(w.db.prepare('SELECT COUNT(*) AS n FROM sc_requests WHERE flow_id = ?').get(f.id)).toEqual({ n: 1 });
    expect(journalOf(f.id, 'contact_update')).toHaveLength(1);
    expect((await appError(w.service.retry(TELLER, (await identified('900000001')).id))).code).toBe('NOTHING_PENDING');
  });
});

describe('cancel with a reason', () => {
  it('closes the flow (kept, not deleted), journals the reason and drops it from the list', async () => {
    const f = await identified('900000005');
    await w.service.statePhone(TELLER, f.id, '3004442222');
    const cancelled = await w.service.cancel(TELLER, f.id, 'El cliente se retiró de la fila');
    expect(cancelled).toMatchObject({ step: 'cancelled', finished: true, cancellable: false });
    expect(openIds()).not.toContain(f.id);
    expect(w.flows.getFlow(f.id)?.step).toBe('cancelled');
    expect(journalOf(f.id)).toContainEqual(
      expect.objectContaining({ outcome: 'cancelled', reason: 'El cliente se retiró de la fila', from: 'awaiting_previous_phone', documentNumber: '900000005' }),
    );
    expect(w.flows.events(f.id).at(-1)?.event).toContain('El cliente se retiró de la fila');
    expect((await appError(w.service.cancel(TELLER, f.id, 'otra vez'))).code).toBe('FLOW_FINISHED');
  });

  it('another teller may not cancel; a supervisor may, and the journal names whose flow it was', async () => {
    const f = await identified('900000001');
    expect((await appError(w.service.cancel(TELLER2, f.id, 'No es mía'))).code).toBe('FLOW_OF_ANOTHER_TELLER');
    await w.service.cancel(SUPERVISOR, f.id, 'Cambio de turno: el cliente no volvió');
    const [entry] = journalOf(f.id).filter((j) => j.outcome === 'cancelled');
    expect(entry).toMatchObject({ reason: 'Cambio de turno: el cliente no volvió', startedBy: TELLER.id });
    expect(w.journalRows().some((r) => r.payload.includes(f.id) && r.payload.includes('"cancelled"'))).toBe(true);
  });

  it('a flow pending because central was down (nothing sent) can be cancelled; the pending plan is discarded', async () => {
    const f = await identified('900000001');
    w.link.down = true;
    try {
      expect((await appError(w.service.statePhone(TELLER, f.id, '3001234501'))).code).toBe('CENTRAL_PENDING');
    } finally {
      w.link.down = false;
    }
    const cancelled = await w.service.cancel(TELLER, f.id, 'Central sin servicio, el cliente vuelve mañana');
    expect(cancelled).toMatchObject({ step: 'cancelled', pendingCompletion: false });
    expect(journalOf(f.id).find((j) => j.outcome === 'cancelled')).toMatchObject({ discardedPending: 'send_now' });
    expect((await appError(w.service.retry(TELLER, f.id))).code).toBe('FLOW_FINISHED');
  });
});
