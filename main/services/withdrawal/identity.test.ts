import { afterEach, describe, expect, it } from 'vitest';
import { biometricConsent } from '../../../domain/contract/biometric-consent';
import { CC, type RunningCentral, sharedCentral, startCentralProcess, world, type World } from '../comprobante/testing/world';

const BIOMETRIC_CONSENT_VERSION = biometricConsent('withdrawal').version;

/**
 * The fingerprint of whoever takes the money, enforced by the core through the withdrawal use case (seed 003 cl. 4 c
 * "con validación y visación de la Entidad"; domain-co §7; teller-anchors #23): a full workstation core on a real
 * SQLite file with its emulated GROW reader, and a real central child process in demo mode doing the 1:1 match.
 * Cheques de gerencia to the holder keep the UIAF cash declaration out of the way. The threshold is configured at
 * $ 2.000.000 (below visación, so IDENTITY_FALLBACK is the only reason a supervisor is asked; the demo account
 * pays every test of the file from one shared central); the default is checked in domain/withdrawal/fingerprint.test.ts.
 */
const shared = sharedCentral();
let w: World;
afterEach(() => w.close());
/**
 * Central counts a person's "no coincide" of the day at every workstation (central/registry/transactions.ts): a
 * test that spends Juan's three tries has a central of its own, so the others' Juan starts the day with all three.
 */
const own: RunningCentral[] = [];
afterEach(async () => {
  for (const c of own.splice(0)) await c.stop();
});
const ownCentral = async (): Promise<RunningCentral> => {
  const c = await startCentralProcess();
  own.push(c);
  return c;
};

const JUAN = '900000002'; // holder of 240000000029 ($ 15.800.000)
const place = (documentNumber: string) => w.call('devices.emulator', { action: 'fingerprint.place', documentNumber, finger: 'right-index' });
const capture = (comprobanteId: string, number = JUAN) =>
  w.call('withdrawal.fingerprint', { comprobanteId, person: CC(number), finger: 'right-index', consentVersion: BIOMETRIC_CONSENT_VERSION });
type Evidence = { kind: 'match'; person: { type: 'CC'; number: string }; reference: string } | { kind: 'exception'; person: { type: 'CC'; number: string }; reason: 'READER_UNAVAILABLE' | 'REGISTRY_UNAVAILABLE' | 'CONSENT_REFUSED' };
const FROM = 2_000_000;
// Every test of the file withdraws from Juan's account at 001-02 on one central, which counts them all for the day
// (central/withdrawal-limits): the limits are out of the way, as no test here is about them.
const RULES = { rules: { fingerprintFrom: FROM, withdrawalLimits: { dailyCount: 100, dailyAmount: 900_000_000 } } };
const request = (comprobanteId: string | null, fingerprints: Evidence[], amount = FROM) => ({
  accountNumber: '240000000029',
  amount,
  presenters: [CC(JUAN)],
  payout: { kind: 'cheque-gerencia' as const, number: String(100_000 + Math.floor(Math.random() * 800_000)) },
  ...(comprobanteId ? { identity: { comprobanteId, fingerprints } } : {}),
});
type Req = ReturnType<typeof request>;
const post = (r: Req, approvalId?: string) => w.call('withdrawal.post', { idempotencyKey: crypto.randomUUID(), request: r, ...(approvalId ? { approvalId } : {}) });
const askApproval = async (r: Req) => {
  const asked = await w.call('approval.request', { idempotencyKey: crypto.randomUUID(), operation: { kind: 'withdrawal', request: r } });
  return asked;
};
const approve = async (r: Req, username = 'supervisor1', password = 'Super.2026') => {
  const asked = await askApproval(r);
  if (!asked.ok) throw new Error(`${asked.error.code}: ${asked.error.message}`);
  const id = (asked.data as { approval: { id: string } }).approval.id;
  const decided = await w.call('approval.decide', { approvalId: id, decision: 'aprobar', username, password });
  return { id, decided };
};
const errorCodes = (r: { ok: boolean; error?: { code: string; details?: { errors?: { code: string }[] } } }) =>
  r.ok ? [] : (r.error?.details?.errors?.map((e) => e.code) ?? [r.error?.code]);
const verifiedRef = async (comprobanteId: string) => {
  await place(JUAN);
  const v = await capture(comprobanteId);
  expect(v).toMatchObject({ ok: true, data: { outcome: 'verified' } });
  return v.ok ? (v.data as { reference: string }).reference : '';
};

describe('withdrawal at or above rules.fingerprintFrom: the core asks the fingerprint of whoever takes the money', () => {
  it('match → the plan names whom to verify, it posts with central’s reference in the journal, the outbox and the receipt', async () => {
    w = await world(shared.central, { config: RULES });
    const comprobanteId = crypto.randomUUID();
    const plain = await w.call('withdrawal.evaluate', { request: request(null, []) });
    expect(plain).toMatchObject({ ok: true, data: { plan: { fingerprintRequired: [CC(JUAN)] } } });
    // Below the threshold nobody is asked.
    expect(await w.call('withdrawal.evaluate', { request: request(null, [], FROM - 50) })).toMatchObject({ ok: true, data: { plan: { fingerprintRequired: [] } } });
    // Without a fingerprint the core refuses, whatever the supervisor approved.
    expect(errorCodes(await askApproval(request(null, [])))).toEqual(['FINGERPRINT_REQUIRED']);

    const reference = await verifiedRef(comprobanteId);
    const r = request(comprobanteId, [{ kind: 'match', person: CC(JUAN), reference }]);
    const posted = await post(r);
    expect(posted).toMatchObject({ ok: true, data: { status: 'posted' } });
    const lines = posted.ok ? (posted.data as { receipt: { lines: { kind: string; text?: string }[] } }).receipt.lines : [];
    expect(lines).toContainEqual({ kind: 'text', text: `Identidad verificada con huella — ref ${reference} (CC *****0002)` });
    const body = JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'withdrawal'").pluck().get() as string) as { payload: object };
    expect(body.payload).toMatchObject({ amount: FROM, biometric: { verified: [{ document: CC(JUAN), reference }], exceptions: [] } });
    const journal = JSON.parse(w.core.db.prepare("SELECT payload FROM journal WHERE type = 'comprobante' ORDER BY sequence DESC LIMIT 1").pluck().get() as string) as object;
    expect(JSON.stringify(journal)).toContain(reference);
    // The same comprobante's fingerprint cannot pay a second withdrawal.
    const again = request(comprobanteId, [{ kind: 'match', person: CC(JUAN), reference }]);
    expect(errorCodes(await askApproval(again))).toEqual(['FINGERPRINT_STALE']);
  });

  it('the Ley 1581 authorization read before the capture is kept as F7 keeps its own, once per person, and the withdrawal’s journal entry carries it', async () => {
    w = await world(shared.central, { config: RULES });
    const comprobanteId = crypto.randomUUID();
    const at = w.clock.now().toISOString();
    const reference = await verifiedRef(comprobanteId);
    // The customer places the finger again in the same comprobante: the authorization already given stands.
    await verifiedRef(comprobanteId);
    const teller = w.core.db.prepare("SELECT id FROM users WHERE username = 'cajero1'").pluck().get() as string;
    expect(w.core.db.prepare('SELECT purpose, ref, document_type, document_number, text_version, teller_id, at FROM biometric_consents').all()).toEqual([
      { purpose: 'withdrawal', ref: comprobanteId, document_type: 'CC', document_number: JUAN, text_version: BIOMETRIC_CONSENT_VERSION, teller_id: teller, at },
    ]);
    const checks = (w.core.db.prepare("SELECT actor, payload FROM journal WHERE type = 'biometric_check'").all() as { actor: string; payload: string }[]).map((r) => ({ actor: r.actor, ...(JSON.parse(r.payload) as object) }));
    expect(checks).toEqual([
      { actor: teller, purpose: 'withdrawal', withdrawalComprobante: comprobanteId, phase: 'consent', consent: 'given', textVersion: BIOMETRIC_CONSENT_VERSION, documentType: 'CC', documentNumber: JUAN },
    ]);
    expect(await post(request(comprobanteId, [{ kind: 'match', person: CC(JUAN), reference }]))).toMatchObject({ ok: true, data: { status: 'posted' } });
    const journal = JSON.parse(w.core.db.prepare("SELECT payload FROM journal WHERE type = 'comprobante' ORDER BY sequence DESC LIMIT 1").pluck().get() as string) as object;
    expect(journal).toMatchObject({ biometricConsents: [{ person: `CC:${JUAN}`, textVersion: BIOMETRIC_CONSENT_VERSION, at, teller }] });
  });

  it('a match taken for another comprobante (earlier) is stale; one of another person is refused', async () => {
    w = await world(shared.central, { config: RULES });
    const earlier = crypto.randomUUID();
    const reference = await verifiedRef(earlier);
    w.clock.advance(60_000);
    const now = crypto.randomUUID();
    // The new comprobante starts when the core first hears of it (a capture of someone else here).
    await place('900000005');
    expect(await capture(now, '900000005')).toMatchObject({ ok: true, data: { outcome: 'verified' } });
    const stale = request(now, [{ kind: 'match', person: CC(JUAN), reference }]);
    expect(errorCodes(await askApproval(stale))).toEqual(['FINGERPRINT_STALE']);
    expect(errorCodes(await post(stale))).toEqual(['FINGERPRINT_STALE']);
    const rosaRef = w.core.db.prepare("SELECT reference FROM fingerprint_matches WHERE document_number = '900000005'").pluck().get() as string;
    expect(errorCodes(await post(request(now, [{ kind: 'match', person: CC(JUAN), reference: rosaRef }])))).toEqual(['FINGERPRINT_OTHER_DOCUMENT']);
  });

  it('no coincide ×3 → the third refuses and nothing pays it: no exception, no approval', async () => {
    w = await world(await ownCentral(), { config: RULES });
    const comprobanteId = crypto.randomUUID();
    await place('900000005');
    const answers = [await capture(comprobanteId), await capture(comprobanteId), await capture(comprobanteId)];
    expect(answers.map((a) => (a.ok ? (a.data as { outcome: string }).outcome : a.error.code))).toEqual(['no_match', 'no_match', 'refused']);
    expect(answers[0]).toMatchObject({ data: { remaining: 2, message: expect.stringContaining('quedan 2 intentos') } });
    const noMatchRef = answers[0]?.ok ? (answers[0].data as { reference: string }).reference : '';
    // Neither the right finger now, nor the reader unplugged, nor a supervisor turn the stop around.
    await place(JUAN);
    expect(await capture(comprobanteId)).toMatchObject({ ok: true, data: { outcome: 'refused' } });
    await w.call('devices.emulator', { action: 'fingerprint.unplug' });
    const unplugged = await capture(comprobanteId);
    expect(unplugged).toMatchObject({ ok: true, data: { outcome: 'refused' } });
    for (const fingerprints of [[{ kind: 'match', person: CC(JUAN), reference: noMatchRef }], [{ kind: 'exception', person: CC(JUAN), reason: 'READER_UNAVAILABLE' }]] as Evidence[][]) {
      const r = request(comprobanteId, fingerprints);
      expect(errorCodes(await askApproval(r))).toEqual(['FINGERPRINT_REFUSED']);
      expect(errorCodes(await post(r))).toEqual(['FINGERPRINT_REFUSED']);
    }
    expect(w.core.db.prepare("SELECT COUNT(*) FROM comprobantes WHERE kind = 'retiro'").pluck().get()).toBe(0);
  });

  it('a new comprobante gives no new tries: the three "no coincide" count for the person all day, and no exception after one', async () => {
    w = await world(await ownCentral(), { config: RULES });
    const first = crypto.randomUUID();
    await place('900000005');
    expect(await capture(first)).toMatchObject({ ok: true, data: { outcome: 'no_match', remaining: 2 } });
    // The teller abandons and starts another comprobante a minute later: two tries are left, not three, and the
    // "no coincide" already given rules out the exception there too.
    w.clock.advance(60_000);
    const second = crypto.randomUUID();
    const exception: Evidence[] = [{ kind: 'exception', person: CC(JUAN), reason: 'READER_UNAVAILABLE' }];
    expect(errorCodes(await askApproval(request(second, exception)))).toEqual(['FINGERPRINT_REQUIRED']);
    expect(await capture(second)).toMatchObject({ ok: true, data: { outcome: 'no_match', remaining: 1 } });
    expect(errorCodes(await askApproval(request(second, exception)))).toEqual(['FINGERPRINT_NO_MATCH']);
    w.clock.advance(60_000);
    const third = crypto.randomUUID();
    expect(await capture(third)).toMatchObject({ ok: true, data: { outcome: 'refused' } });
    await place(JUAN);
    const fourth = crypto.randomUUID();
    expect(await capture(fourth)).toMatchObject({ ok: true, data: { outcome: 'refused' } });
    expect(errorCodes(await post(request(fourth, exception)))).toEqual(['FINGERPRINT_REFUSED']);
  });

  it('reader unplugged → "Sin validación biométrica": the teller cannot approve it, another user (supervisor) can, and it posts', async () => {
    w = await world(shared.central, { config: RULES });
    const comprobanteId = crypto.randomUUID();
    const exception: Evidence[] = [{ kind: 'exception', person: CC(JUAN), reason: 'READER_UNAVAILABLE' }];
    // Claimed while the reader works (its comprobante started by another person's capture): no failure recorded, refused.
    const early = crypto.randomUUID();
    await place('900000005');
    expect(await capture(early, '900000005')).toMatchObject({ ok: true, data: { outcome: 'verified' } });
    expect(errorCodes(await askApproval(request(early, exception)))).toEqual(['FINGERPRINT_EXCEPTION_UNFOUNDED']);
    expect(errorCodes(await post(request(early, exception)))).toEqual(['FINGERPRINT_EXCEPTION_UNFOUNDED']);

    await w.call('devices.emulator', { action: 'fingerprint.unplug' });
    const down = await capture(comprobanteId);
    expect(down).toMatchObject({ ok: true, data: { outcome: 'reader_unavailable', exceptionAllowed: true, message: expect.stringContaining('Sin validación biométrica') } });
    // A registry failure was not what happened: claiming it is refused.
    expect(errorCodes(await askApproval(request(comprobanteId, [{ kind: 'exception', person: CC(JUAN), reason: 'REGISTRY_UNAVAILABLE' }])))).toEqual(['FINGERPRINT_EXCEPTION_UNFOUNDED']);

    const r = request(comprobanteId, exception);
    const plan = await w.call('withdrawal.evaluate', { request: r });
    expect(plan.ok && (plan.data as { plan: { approvalReasons: { code: string }[] } }).plan.approvalReasons.map((a) => a.code)).toEqual(['IDENTITY_FALLBACK']);
    expect(errorCodes(await post(r))).toEqual(['APPROVAL_REQUIRED']);
    const own = await approve(r, 'cajero1', 'Caja.2026');
    expect(own.decided).toMatchObject({ ok: false, error: { code: 'MAKER_IS_CHECKER' } });
    const { id, decided } = await approve(r);
    expect(decided).toMatchObject({ ok: true, data: { approval: { status: 'aprobada', reasons: [{ code: 'IDENTITY_FALLBACK' }] } } });
    const posted = await post(r, id);
    expect(posted).toMatchObject({ ok: true, data: { status: 'posted' } });
    const lines = posted.ok ? (posted.data as { receipt: { lines: { kind: string; text?: string }[] } }).receipt.lines : [];
    expect(lines.map((l) => l.text ?? '').filter((t) => t.startsWith('Sin validación biométrica'))).toHaveLength(1);
    const body = JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'withdrawal'").pluck().get() as string) as { payload: object };
    expect(body.payload).toMatchObject({ biometric: { verified: [], exceptions: [{ document: CC(JUAN), reason: 'READER_UNAVAILABLE' }] } });
  });

  it('the reader back and the fingerprint matched after its failure: the exception no longer stands, the match pays (QA s35 A5-1)', async () => {
    w = await world(shared.central, { config: RULES });
    const comprobanteId = crypto.randomUUID();
    await w.call('devices.emulator', { action: 'fingerprint.unplug' });
    expect(await capture(comprobanteId)).toMatchObject({ ok: true, data: { outcome: 'reader_unavailable', exceptionAllowed: true } });
    await w.call('devices.emulator', { action: 'fingerprint.replug' });
    // The driver reconnects on its own pace: the step waits for the status stream to say ready, as here.
    await expect
      .poll(async () => {
        const s = await w.call('status.get', {});
        return s.ok ? (s.data as { devices: { kind: string; state: string }[] }).devices.find((d) => d.kind === 'fingerprint')?.state : null;
      }, { timeout: 15_000 })
      .toBe('ok');
    w.clock.advance(5_000);
    const reference = await verifiedRef(comprobanteId);
    // A "no autorizo" said afterwards is another ground: it does not make the reader failure the match overcame recent.
    w.clock.advance(5_000);
    expect(await w.call('withdrawal.consentRefused', { comprobanteId, person: CC(JUAN), consentVersion: BIOMETRIC_CONSENT_VERSION })).toMatchObject({ ok: true });
    const exception = request(comprobanteId, [{ kind: 'exception', person: CC(JUAN), reason: 'READER_UNAVAILABLE' }]);
    const asked = await askApproval(exception);
    expect(errorCodes(asked)).toEqual(['FINGERPRINT_EXCEPTION_UNFOUNDED']);
    expect(JSON.stringify(asked)).toContain(`huella de CC *****0002 ya se verificó en este comprobante (ref ${reference})`);
    expect(errorCodes(await post(exception))).toEqual(['FINGERPRINT_EXCEPTION_UNFOUNDED']);
    expect(await post(request(comprobanteId, [{ kind: 'match', person: CC(JUAN), reference }]))).toMatchObject({ ok: true, data: { status: 'posted' } });
  });

  const decline = (comprobanteId: string, number = JUAN, consentVersion = BIOMETRIC_CONSENT_VERSION) => w.call('withdrawal.consentRefused', { comprobanteId, person: CC(number), consentVersion });
  const consentRefused: Evidence[] = [{ kind: 'exception', person: CC(JUAN), reason: 'CONSENT_REFUSED' }];

  it('the customer does not authorize (Decreto 1377 art. 6): the refusal is recorded and journaled, and the supervisor’s CONSENT_REFUSED exception pays it, central accepting it', async () => {
    w = await world(shared.central, { config: RULES });
    const comprobanteId = crypto.randomUUID();
    const at = w.clock.now().toISOString();
    expect(await decline(comprobanteId, JUAN, 'biometria-2020')).toMatchObject({ ok: false, error: { code: 'CONSENT_VERSION_MISMATCH' } });
    const declined = await decline(comprobanteId);
    expect(declined).toMatchObject({ ok: true, data: { exceptionAllowed: true, message: expect.stringContaining('visación del supervisor') } });
    const teller = w.core.db.prepare("SELECT id FROM users WHERE username = 'cajero1'").pluck().get() as string;
    const checks = (w.core.db.prepare("SELECT actor, payload FROM journal WHERE type = 'biometric_check'").all() as { actor: string; payload: string }[]).map((r) => ({ actor: r.actor, ...(JSON.parse(r.payload) as object) }));
    expect(checks).toEqual([
      { actor: teller, purpose: 'withdrawal', withdrawalComprobante: comprobanteId, phase: 'consent', consent: 'refused', textVersion: BIOMETRIC_CONSENT_VERSION, documentType: 'CC', documentNumber: JUAN },
    ]);
    // Nothing was authorized, so nothing is kept as an authorization; no finger was taken.
    expect(w.core.db.prepare('SELECT COUNT(*) FROM biometric_consents').pluck().get()).toBe(0);
    expect(w.core.db.prepare('SELECT COUNT(*) FROM fingerprint_matches').pluck().get()).toBe(0);
    expect(w.core.db.prepare('SELECT reason, at FROM fingerprint_unavailable WHERE comprobante_id = ?').all(comprobanteId)).toEqual([{ reason: 'CONSENT_REFUSED', at }]);

    const r = request(comprobanteId, consentRefused);
    const plan = await w.call('withdrawal.evaluate', { request: r });
    expect(plan.ok && (plan.data as { plan: { approvalReasons: { code: string; message: string }[] } }).plan.approvalReasons).toMatchObject([
      { code: 'IDENTITY_FALLBACK', message: expect.stringContaining('El cliente no autorizó el tratamiento de su huella') },
    ]);
    expect(errorCodes(await post(r))).toEqual(['APPROVAL_REQUIRED']);
    expect((await approve(r, 'cajero1', 'Caja.2026')).decided).toMatchObject({ ok: false, error: { code: 'MAKER_IS_CHECKER' } });
    const { id, decided } = await approve(r);
    expect(decided).toMatchObject({ ok: true, data: { approval: { status: 'aprobada', reasons: [{ code: 'IDENTITY_FALLBACK' }] } } });
    const posted = await post(r, id);
    expect(posted).toMatchObject({ ok: true, data: { status: 'posted' } });
    const lines = posted.ok ? (posted.data as { receipt: { lines: { kind: string; text?: string }[] } }).receipt.lines : [];
    expect(lines).toContainEqual({ kind: 'text', text: 'Sin validación biométrica (CC *****0002): el cliente no autorizó el tratamiento de su huella; identificado con el documento original, visado por el supervisor' });
    const journal = JSON.parse(w.core.db.prepare("SELECT payload FROM journal WHERE type = 'comprobante' ORDER BY sequence DESC LIMIT 1").pluck().get() as string) as object;
    expect(journal).toMatchObject({ biometricExceptions: [{ person: `CC:${JUAN}`, reason: 'CONSENT_REFUSED' }] });
    // F5: the withdrawal's entry shows the refusal (version, when, who read it) as it shows a given authorization; the
    // refusal's own entry stays, both carrying the comprobante that links them.
    const f5 = await w.call('journal.search', { limit: 50 });
    const entries = f5.ok ? (f5.data as { entries: { type: string; payload: Record<string, unknown> }[] }).entries : [];
    const ofComprobante = entries.filter((e) => e.payload.withdrawalComprobante === comprobanteId);
    expect(ofComprobante.map((e) => [e.type, e.payload.consent ?? null])).toEqual([
      ['comprobante', null],
      ['biometric_check', 'refused'],
    ]);
    expect(ofComprobante[0]?.payload).toMatchObject({
      biometricConsents: [],
      biometricRefusals: [{ person: `CC:${JUAN}`, textVersion: BIOMETRIC_CONSENT_VERSION, at, teller }],
    });
    const op = JSON.parse(w.core.db.prepare("SELECT body FROM outbox WHERE type = 'withdrawal'").pluck().get() as string) as { key: string; payload: object };
    expect(op.payload).toMatchObject({ biometric: { verified: [], exceptions: [{ document: CC(JUAN), reason: 'CONSENT_REFUSED' }] } });
    // Central takes the operation with its new reason (its batch schema would refuse an unknown one).
    const sent = await w.client.call('postOperations', { operations: [op] } as never);
    expect(sent.ok && (sent.data as { results: { status: string }[] }).results.map((x) => x.status)).toEqual([expect.stringMatching(/^(applied|duplicate)$/)]);
  });

  it('CONSENT_REFUSED with no refusal recorded for that person in this comprobante is refused, at the approval and at the posting', async () => {
    w = await world(shared.central, { config: RULES });
    // The comprobante started with another person's capture; Juan never said no.
    const comprobanteId = crypto.randomUUID();
    await place('900000005');
    expect(await capture(comprobanteId, '900000005')).toMatchObject({ ok: true, data: { outcome: 'verified' } });
    const r = request(comprobanteId, consentRefused);
    const asked = await askApproval(r);
    expect(errorCodes(asked)).toEqual(['FINGERPRINT_EXCEPTION_UNFOUNDED']);
    expect(JSON.stringify(asked)).toContain('No consta en este comprobante que CC *****0002 haya dicho que no autoriza');
    expect(errorCodes(await post(r))).toEqual(['FINGERPRINT_EXCEPTION_UNFOUNDED']);
    // Rosa's refusal is not Juan's, and a reader failure is not a refusal.
    expect(await decline(comprobanteId, '900000005')).toMatchObject({ ok: true });
    await w.call('devices.emulator', { action: 'fingerprint.unplug' });
    expect(await capture(comprobanteId)).toMatchObject({ ok: true, data: { outcome: 'reader_unavailable' } });
    expect(errorCodes(await askApproval(r))).toEqual(['FINGERPRINT_EXCEPTION_UNFOUNDED']);
    // And the refusal grounds no reader exception either.
    const other = crypto.randomUUID();
    expect(await decline(other)).toMatchObject({ ok: true });
    expect(errorCodes(await askApproval(request(other, [{ kind: 'exception', person: CC(JUAN), reason: 'READER_UNAVAILABLE' }])))).toEqual(['FINGERPRINT_EXCEPTION_UNFOUNDED']);
    await w.call('devices.emulator', { action: 'fingerprint.replug' });
  });

  it('the customer said no: no finger of theirs is taken in this comprobante, nothing is journaled as authorized, and the exception still stands (QA s37 Q1)', async () => {
    w = await world(shared.central, { config: RULES });
    const comprobanteId = crypto.randomUUID();
    expect(await decline(comprobanteId)).toMatchObject({ ok: true, data: { exceptionAllowed: true } });
    // One Enter after F7 (the finger still on the reader): refused before any consent is recorded or any finger read.
    w.clock.advance(1_000);
    await place(JUAN);
    expect(await capture(comprobanteId)).toMatchObject({
      ok: false,
      error: { code: 'CONSENT_REFUSED_NO_CAPTURE', message: expect.stringContaining('CC *****0002 no autorizó el tratamiento de su huella en este retiro') },
    });
    expect(w.core.db.prepare('SELECT COUNT(*) FROM biometric_consents').pluck().get()).toBe(0);
    expect(w.core.db.prepare('SELECT COUNT(*) FROM fingerprint_matches').pluck().get()).toBe(0);
    const consents = (w.core.db.prepare("SELECT payload FROM journal WHERE type = 'biometric_check'").pluck().all() as string[]).map((p) => (JSON.parse(p) as { consent: string }).consent);
    expect(consents).toEqual(['refused']);
    const { decided } = await approve(request(comprobanteId, consentRefused));
    expect(decided).toMatchObject({ ok: true, data: { approval: { status: 'aprobada' } } });
    // Changing their mind is a new withdrawal: its comprobante reads the text again and takes the finger with that consent.
    await verifiedRef(crypto.randomUUID());
    expect(w.core.db.prepare('SELECT COUNT(*) FROM biometric_consents').pluck().get()).toBe(1);
  });

  it('a refusal said after a match does not undo it: the finger was taken with the authorization then given, and no exception replaces it', async () => {
    w = await world(shared.central, { config: RULES });
    const comprobanteId = crypto.randomUUID();
    const reference = await verifiedRef(comprobanteId);
    w.clock.advance(5_000);
    expect(await decline(comprobanteId)).toMatchObject({ ok: true });
    const exception = request(comprobanteId, consentRefused);
    const asked = await askApproval(exception);
    expect(errorCodes(asked)).toEqual(['FINGERPRINT_EXCEPTION_UNFOUNDED']);
    expect(JSON.stringify(asked)).toContain(`huella de CC *****0002 ya se verificó en este comprobante (ref ${reference})`);
    expect(errorCodes(await post(exception))).toEqual(['FINGERPRINT_EXCEPTION_UNFOUNDED']);
    expect(await post(request(comprobanteId, [{ kind: 'match', person: CC(JUAN), reference }]))).toMatchObject({ ok: true, data: { status: 'posted' } });
  });

  it('after a "no coincide" the customer may still say no, but that is no way around the stop', async () => {
    w = await world(await ownCentral(), { config: RULES });
    const comprobanteId = crypto.randomUUID();
    await place('900000005');
    expect(await capture(comprobanteId)).toMatchObject({ ok: true, data: { outcome: 'no_match' } });
    expect(await decline(comprobanteId)).toMatchObject({ ok: true, data: { exceptionAllowed: false, message: expect.stringContaining('no coincidió') } });
    expect(errorCodes(await askApproval(request(comprobanteId, consentRefused)))).toEqual(['FINGERPRINT_NO_MATCH']);
  });

  it('a capture for a comprobante another user started is refused; the consent text must be the current one', async () => {
    w = await world(shared.central, { config: RULES });
    const comprobanteId = crypto.randomUUID();
    await place(JUAN);
    expect(await w.call('withdrawal.fingerprint', { comprobanteId, person: CC(JUAN), finger: 'right-index', consentVersion: 'biometria-2020' })).toMatchObject({ ok: false, error: { code: 'CONSENT_VERSION_MISMATCH' } });
    // The security code's text names another purpose (Ley 1581 art. 5: the customer authorizes this use, not that one).
    const securityCodeText = biometricConsent('security_code').version;
    expect(await w.call('withdrawal.fingerprint', { comprobanteId, person: CC(JUAN), finger: 'right-index', consentVersion: securityCodeText })).toMatchObject({ ok: false, error: { code: 'CONSENT_VERSION_MISMATCH' } });
    w.core.db.prepare("INSERT INTO withdrawal_comprobantes (id, teller_id, started_at) VALUES (?, 'u-otro', '2025-03-03T14:00:00.000Z')").run(comprobanteId);
    expect(await capture(comprobanteId)).toMatchObject({ ok: false, error: { code: 'COMPROBANTE_NOT_YOURS' } });
  });
});
