import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biometricConsent } from '../../../domain/contract/biometric-consent';
import { demoTemplateBase64 } from '../../../domain/devices/demo-citizens';
import { AppError } from '../../core/errors';
import { startWorld, TELLER, type World } from './testing/world';

const BIOMETRIC_CONSENT_VERSION = biometricConsent('security_code').version;

/**
 * Seed 000 (punto de atención) end to end below the UI: real SQLite, the real device service on its GROW
 * emulator, a real central child process. Demo citizens and registered cellphones: central/demo/seed.ts.
 */
const CC = (number: string) => ({ type: 'CC', number });
const NEW_PHONE = '3119998877';

let w: World;
beforeAll(async () => {
  w = await startWorld();
}, 60_000);
afterAll(async () => {
  await w?.close();
});

const identified = async (doc: { type: string; number: string }, purpose: 'security_code' | 'contact_update' = 'security_code') => {
  const flow = w.service.start(TELLER, purpose);
  return w.identifyAnew(w.service, TELLER, flow.id, doc);
};

/** Up to the capture step: a number that is not the registered one, no previous number, consent given. */
const atCapture = async (documentNumber: string, phone = NEW_PHONE) => {
  const f = await identified(CC(documentNumber));
  await w.service.statePhone(TELLER, f.id, phone);
  await w.service.previousPhone(TELLER, f.id, null);
  return w.service.consent(TELLER, f.id, true, BIOMETRIC_CONSENT_VERSION);
};

const appError = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
};

describe('identification (seed 000 step 1; domain-co §6)', () => {
  it('refuses a NIT with a wrong check digit and an over-long CC before looking anything up', async () => {
    const f = w.service.start(TELLER, 'security_code');
    expect((await appError(w.service.identify(TELLER, f.id, { type: 'NIT', number: '900.123.456-7' }, 'typed'))).code).toBe('NIT_CHECK_DIGIT');
    expect((await appError(w.service.identify(TELLER, f.id, CC('12345678901'), 'typed'))).code).toBe('DOCUMENT_FORMAT');
    expect(w.service.get(TELLER, f.id).step).toBe('identifying');
  });

  it('finds a customer with products and shows only the last digits of the registered cellphone', async () => {
    const f = await identified(CC('900.000.001'));
    expect(f.step).toBe('awaiting_stated_phone');
    expect(f.customer).toMatchObject({ document: 'CC 900.000.001', name: 'MARÍA FERNANDA GÓMEZ PATIÑO', maskedCellphone: '*******501' });
  });

  it('refuses a person without products, and an unknown document, with a clear message', async () => {
    const none = await identified({ type: 'CE', number: '1234567' });
    expect(none).toMatchObject({ step: 'refused', title: 'Sin productos activos', finished: true });
    const unknown = await identified(CC('123456789'));
    expect(unknown).toMatchObject({ step: 'refused', title: 'Cliente no encontrado' });
  });

  it('a flow closed before anyone was identified (F7 changing trámite) journals no cancelled request; one with a customer does', async () => {
    const journaled = (id: string) =>
      w.journalRows().flatMap((r) => {
        const p = JSON.parse(r.payload) as { flowId?: string; outcome?: string };
        return r.type === 'security_code_request' && p.flowId === id ? [p] : [];
      });
    const untouched = w.service.start(TELLER, 'security_code');
    expect((await w.service.cancel(TELLER, untouched.id, 'Cambio de trámite antes de identificar al cliente')).step).toBe('cancelled');
    expect(journaled(untouched.id)).toEqual([]);
    const f = await identified(CC('900.000.001'));
    await w.service.cancel(TELLER, f.id, 'El cliente se retiró');
    expect(journaled(f.id).map((p) => p.outcome)).toContain('cancelled');
  });

  it('does not let another teller drive someone else’s flow', async () => {
    const f = w.service.start(TELLER, 'security_code');
    const other = { ...TELLER, id: 'u-cajero2' };
    expect((await appError(w.service.identify(other, f.id, CC('900000001'), 'typed'))).code).toBe('FLOW_NOT_FOUND');
  });
});

describe('registered cellphone (seed 000 step 2)', () => {
  it('sends the code at once: state enviado, constancia with the radicado, journal without any code', async () => {
    const f = await identified(CC('900000002'));
    const done = await w.service.statePhone(TELLER, f.id, '310 123 4502');
    expect(done).toMatchObject({ step: 'send_now', finished: true, title: 'Código enviado' });
    expect(done.request?.state).toBe('enviado');
    expect(done.request?.radicado).toMatch(/^RAD-\d{8}-\d{6}$/);
    expect(done.constancia).toMatchObject({ sequenceLabel: 'Radicado', sequence: done.request?.radicado });
    const entry = w.journalRows().find((r) => r.type === 'security_code_request' && r.payload.includes(f.id));
    expect(JSON.parse(entry?.payload ?? '{}')).toMatchObject({ outcome: 'sent', mode: 'send_now', radicado: done.request?.radicado, document: done.constancia?.sequence });
    // Central's status route agrees with what the branch recorded.
    const st = await w.client.call('securityCodeStatus', { radicado: done.request?.radicado ?? '' });
    expect(st.ok && st.data.request.state).toBe('enviado');
  });
});

describe('the constancia printed again', () => {
  it('is a numbered copy once the original came out of the printer, journaled as a reprint', async () => {
    const f = await identified(CC('900000002'));
    const done = await w.service.statePhone(TELLER, f.id, '3101234502');
    const radicado = done.constancia?.sequence ?? '';
    const jobs = () => w.devices.jobs({ reference: radicado });
    for (let k = 0; k < 100 && jobs()[0]?.state !== 'printed'; k++) await new Promise((r) => setTimeout(r, 20));
    expect(jobs().map((j) => [j.copyNumber, j.state])).toEqual([[0, 'printed']]);

    // Sending the original again printed nothing (one paper per number): the flow now asks for a copy.
    const first = await w.service.printConstancia(TELLER, f.id);
    const second = await w.service.printConstancia(TELLER, f.id);
    expect(first.printJob?.jobId).not.toBe(done.printJob?.jobId);
    expect(second.printJob?.jobId).not.toBe(first.printJob?.jobId);
    expect(jobs().map((j) => j.copyNumber)).toEqual([0, 1, 2]);
    const reprints = w.journalRows().filter((r) => r.type === 'reprint' && r.payload.includes(radicado));
    expect(reprints.map((r) => (JSON.parse(r.payload) as { copy: number }).copy)).toEqual([1, 2]);
    // The copy as it came out of the (emulated) printer: the radicado and the date once each, in the header.
    for (let k = 0; k < 100 && jobs().some((j) => j.state !== 'printed'); k++) await new Promise((r) => setTimeout(r, 20));
    const paper = (w.devices.list().lastPaper?.lines ?? []).map((l) => l.trim());
    expect(paper).toContain('COPIA No. 2');
    expect(paper.filter((l) => l.includes(radicado))).toEqual([expect.stringMatching(new RegExp(`^Radicado +${radicado}$`))]);
    expect(paper.filter((l) => l.startsWith('Fecha'))).toHaveLength(1);
  });
});

describe('which code the customer gets comes from workstation config', () => {
  it('defaults to the temporary key (seed 004: 4 digits, 24 h) and sends a verification code (seed 001) when configured', async () => {
    const f = await identified(CC('900000002'));
    const byDefault = await w.service.statePhone(TELLER, f.id, '3101234502');
    const entry = w.journalRows().find((r) => r.type === 'security_code_request' && r.payload.includes(f.id));
    expect(JSON.parse(entry?.payload ?? '{}')).toMatchObject({ codePurpose: 'temporary_keys' });
    const st1 = await w.client.call('securityCodeStatus', { radicado: byDefault.request?.radicado ?? '' });
    expect(st1.ok && st1.data.request.purpose).toBe('temporary_keys');

    const otp = w.serviceWith('verification_code');
    const g = await w.identifyAnew(otp, TELLER, otp.start(TELLER, 'security_code').id, CC('900000002'));
    const sent = await otp.statePhone(TELLER, g.id, '3101234502');
    const st2 = await w.client.call('securityCodeStatus', { radicado: sent.request?.radicado ?? '' });
    expect(st2.ok && st2.data.request.purpose).toBe('verification_code');
    // Central's policy: a 6-digit code valid 2 minutes, against 24 hours for the temporary key.
    if (st1.ok && st2.ok) {
      const validity = (r: { sentAt: string | null; codeExpiresAt: string | null }) => Date.parse(r.codeExpiresAt ?? '') - Date.parse(r.sentAt ?? '');
      expect(validity(st1.data.request)).toBe(24 * 3_600_000);
      expect(validity(st2.data.request)).toBe(2 * 60_000);
    }
  });
});

describe('previous cellphone (seed 000 step 3)', () => {
  it('updates the registered cellphone when the previous number matches, then sends the code to the new one', async () => {
    const f = await identified(CC('900000003'));
    const mismatch = await w.service.statePhone(TELLER, f.id, '3150001122');
    expect(mismatch).toMatchObject({ step: 'awaiting_previous_phone', title: 'Error de seguridad en datos' });
    const done = await w.service.previousPhone(TELLER, f.id, '3151234503');
    expect(done).toMatchObject({ step: 'send_now', title: 'Celular actualizado y código enviado' });
    expect(done.request).toMatchObject({ state: 'enviado', maskedCellphone: '*******122' });
    // The result screen's customer panel shows the number now registered, marked as the one just changed.
    expect(done.customer).toMatchObject({ maskedRegistered: '*******122', maskedCellphone: '*******122', registeredUpdated: true });
    expect(mismatch.customer?.registeredUpdated).toBe(false);
    const update = w.journalRows().find((r) => r.type === 'contact_update' && r.payload.includes(f.id));
    expect(JSON.parse(update?.payload ?? '{}')).toMatchObject({ basis: 'previous_number_confirmed', next: '*******122', outcome: 'applied' });
    // The next request with the new number goes straight out, before the reference cache has pulled the change.
    const again = await identified(CC('900000003'));
    expect((await w.service.statePhone(TELLER, again.id, '3150001122')).step).toBe('send_now');
  });
});

describe('fingerprint (seed 000 step 4; domain-co §7)', () => {
  it('without consent there is no biometric path', async () => {
    const f = await identified(CC('900000005'));
    await w.service.statePhone(TELLER, f.id, NEW_PHONE);
    await w.service.previousPhone(TELLER, f.id, '3000000000');
    expect((await appError(w.service.capture(TELLER, f.id, 'right-index'))).code).toBe('CONSENT_REQUIRED');
    const refused = await w.service.consent(TELLER, f.id, false, BIOMETRIC_CONSENT_VERSION);
    expect(refused).toMatchObject({ step: 'refused', title: 'Sin autorización biométrica' });
    expect((await appError(w.service.capture(TELLER, f.id, 'right-index'))).code).toBe('FLOW_FINISHED');
    // A refusal is journaled, never kept as an authorization.
    expect(w.db.prepare('SELECT COUNT(*) FROM biometric_consents WHERE ref = ?').pluck().get(f.id)).toBe(0);
  });

  it('a consent given is kept where a withdrawal keeps its own: who read it, whose document, the version, when, for which request', async () => {
    const f = await atCapture('900000005');
    expect(w.db.prepare('SELECT purpose, document_type, document_number, text_version, teller_id FROM biometric_consents WHERE ref = ?').all(f.id)).toEqual([
      { purpose: 'security_code', document_type: 'CC', document_number: '900000005', text_version: BIOMETRIC_CONSENT_VERSION, teller_id: TELLER.id },
    ]);
  });

  it('a match updates the cellphone and radicates with a 24-hour deadline; central sends, then delivers', async () => {
    const f = await atCapture('900000001');
    expect(f.step).toBe('awaiting_capture');
    await w.place('900000001');
    const done = await w.service.capture(TELLER, f.id, 'right-index');
    expect(done).toMatchObject({ step: 'radicated', title: 'Solicitud radicada' });
    const req = done.request;
    if (!req) throw new Error('no request');
    expect(req.state).toBe('radicado');
    expect(Date.parse(req.deadline) - Date.parse(req.createdAt)).toBe(24 * 3_600_000);
    expect(done.constancia?.title).toBe('CONSTANCIA DE RADICACIÓN');
    expect(done.constancia?.lines.map((l) => ('label' in l ? l.label : ''))).toContain('Plazo máximo');
    expect(done.printJob?.jobId).toBeTruthy();

    const list = await w.radications.list();
    expect(list.centralReachable).toBe(true);
    expect(list.rows.find((r) => r.radicado === req.radicado)).toMatchObject({ state: 'radicado', overdue: false, document: 'CC *****0001' });

    // Central holds a radication one hour for back-office processing, then the SMS goes out.
    await w.advanceCentral(60 * 60_000);
    expect((await w.radications.list()).rows.find((r) => r.radicado === req.radicado)?.state).toBe('enviado');
    await w.advanceCentral(60_000);
    const delivered = (await w.radications.list()).rows.find((r) => r.radicado === req.radicado);
    expect(delivered).toMatchObject({ state: 'entregado', overdue: false });
    expect(delivered?.deliveredAt).not.toBeNull();
  });

  it('a poor image counts as a failed capture and a good one then succeeds', async () => {
    const f = await atCapture('900000002', '3001112233');
    await w.place('900000002');
    await w.readerMode('poor-image');
    const poor = await w.service.capture(TELLER, f.id, 'right-index');
    expect(poor).toMatchObject({ step: 'awaiting_capture', failedCaptures: 1, title: 'Huella de baja calidad' });
    await w.readerMode('ok');
    expect((await w.service.capture(TELLER, f.id, 'right-index')).step).toBe('radicated');
  });

  it('another person’s finger three times stops the flow: no radication, no update, every attempt journaled', async () => {
    const f = await atCapture('900000005', '3004445566');
    await w.place('900000002');
    const first = await w.service.capture(TELLER, f.id, 'right-index');
    expect(first).toMatchObject({ step: 'awaiting_capture', failedCaptures: 1, title: 'La huella no coincide' });
    expect(first.message).toContain('Quedan 2 intentos');
    await w.service.capture(TELLER, f.id, 'right-index');
    const stopped = await w.service.capture(TELLER, f.id, 'left-index');
    expect(stopped).toMatchObject({ step: 'stopped', finished: true, request: null, constancia: null });
    // No bypass: nothing more is accepted on this flow.
    expect((await appError(w.service.capture(TELLER, f.id, 'right-index'))).code).toBe('FLOW_FINISHED');
    const checks = w.journalRows().filter((r) => r.type === 'biometric_check' && r.payload.includes(f.id) && r.payload.includes('"capture"'));
    expect(checks.map((c) => (JSON.parse(c.payload) as { result: string }).result)).toEqual(['no_match', 'no_match', 'no_match']);
    const again = await identified(CC('900000005'));
    expect(again.customer?.maskedCellphone).toBe('*******505');
    // A new request the same day brings no fresh attempts: the limit is the customer's for the day.
    const retry = await atCapture('900000005', '3004445566');
    await w.place('900000005');
    const refused = await appError(w.service.capture(TELLER, retry.id, 'right-index'));
    expect(refused).toMatchObject({ code: 'CAPTURES_EXHAUSTED_TODAY', message: expect.stringContaining('ya agotó hoy los 3 intentos') });
    expect(w.journalRows().filter((r) => r.type === 'biometric_check' && r.payload.includes(retry.id) && r.payload.includes('"capture"'))).toEqual([]);
  });

  it('never stores or journals the fingerprint template', async () => {
    const template = demoTemplateBase64('900000001', 'right-index');
    w.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(`${w.dir}/caja.sqlite`).toString('latin1');
    expect(bytes).not.toContain(template.slice(0, 40));
    expect(w.journalRows().some((r) => r.payload.includes(template.slice(0, 40)))).toBe(false);
  });
});

describe('overdue (seed 000: "máximo 24 horas")', () => {
  it('a code that never reaches the cellphone shows as vencido and overdue after the deadline', async () => {
    // 900000004's SMS never delivers (central demo gateway).
    const g = await identified(CC('900000004'));
    const done = await w.service.statePhone(TELLER, g.id, '3201234504');
    expect(done.request?.state).toBe('enviado');
    expect((await w.radications.list()).rows.find((r) => r.radicado === done.request?.radicado)?.overdue).toBe(false);
    await w.advanceCentral(25 * 3_600_000);
    const list = await w.radications.list();
    const row = list.rows.find((r) => r.radicado === done.request?.radicado);
    expect(row).toMatchObject({ state: 'vencido', overdue: true });
    expect(list.overdueCount).toBeGreaterThanOrEqual(1);
  });
});

describe('contact-data update through the same verification', () => {
  it('updates the cellphone after a fingerprint match without radicating a code', async () => {
    const f = await identified(CC('900000003'), 'contact_update');
    expect(f.purpose).toBe('contact_update');
    await w.service.statePhone(TELLER, f.id, '3128887766');
    await w.service.previousPhone(TELLER, f.id, null);
    // The security code's text names another purpose: the customer authorizes this update, read with its own text.
    await expect(w.service.consent(TELLER, f.id, true, BIOMETRIC_CONSENT_VERSION)).rejects.toMatchObject({ code: 'CONSENT_TEXT_OUTDATED' });
    await w.service.consent(TELLER, f.id, true, biometricConsent('contact_update').version);
    await w.place('900000003');
    const done = await w.service.capture(TELLER, f.id, 'right-index');
    expect(done).toMatchObject({ step: 'radicated', title: 'Celular actualizado', request: null });
    expect(done.constancia?.title).toBe('CONSTANCIA DE ACTUALIZACIÓN DE DATOS');
  });
});

describe('contact-data update of the e-mail and the address (same verification, seed 000; mismatch per seed 002)', () => {
  const startFor = async (field: 'email' | 'address', documentNumber: string) => {
    const flow = w.service.start(TELLER, 'contact_update', field);
    expect(flow).toMatchObject({ field, title: field === 'email' ? 'Actualización de datos de contacto: correo electrónico' : 'Actualización de datos de contacto: dirección' });
    return w.identifyAnew(w.service, TELLER, flow.id, CC(documentNumber));
  };

  it('e-mail: the previous e-mail matches (any case) → updated at central, journaled masked, constancia without the full e-mail', async () => {
    const f = await startFor('email', '900000001');
    expect(f.customer).toMatchObject({ maskedRegistered: 'm***@correo.com.co' });
    // "el nuevo correo … digítelo" (it read "digítela").
    expect(f.message).toContain('el nuevo correo electrónico que quiere registrar y digítelo tal como lo dicta');
    expect((await appError(w.service.statePhone(TELLER, f.id, 'maria en correo'))).code).toBe('CONTACT_INVALID');
    const mismatch = await w.service.statePhone(TELLER, f.id, ' Maria.Nueva@Correo.CO ');
    expect(mismatch).toMatchObject({ step: 'awaiting_previous_phone', title: 'Error de seguridad en datos' });
    expect(mismatch.message).toContain('correo anterior');
    const done = await w.service.previousPhone(TELLER, f.id, 'MARIA.GOMEZ@correo.com.co');
    expect(done).toMatchObject({ step: 'send_now', title: 'Correo electrónico actualizado', request: null });
    expect(done.constancia?.lines).toContainEqual({ kind: 'field', label: 'Correo electrónico', value: 'm***@correo.co' });
    const entry = w.journalRows().find((r) => r.type === 'contact_update' && r.payload.includes(f.id));
    // The check code is the journal entry's hash, not central's reference ("Verificación C0000012" looked like a placeholder).
    const hash = (w.db.prepare('SELECT hash FROM journal WHERE payload = ?').get(entry?.payload) as { hash: string }).hash;
    expect(done.constancia?.verificationCode).toBe(hash.slice(0, 8).toUpperCase());
    expect(done.constancia?.verificationCode).not.toBe(done.constancia?.sequence.slice(0, 8).toUpperCase());
    expect(JSON.parse(entry?.payload ?? '{}')).toMatchObject({ field: 'email', previous: 'm***@correo.com.co', next: 'm***@correo.co', basis: 'previous_number_confirmed', outcome: 'applied' });
    expect(entry?.payload).not.toContain('maria.nueva');
    expect(entry?.payload).not.toContain('maria.gomez');
    // Central has it, and the branch sees it before the reference cache pulls it.
    const ref = await w.client.call('reference', { cursor: 0, limit: 500 });
    const central = ref.ok ? ref.data.changes.find((c) => c.entity === 'customer' && c.customer.documentNumber === '900000001') : undefined;
    expect(central?.entity === 'customer' && central.customer.email).toBe('maria.nueva@correo.co');
    const again = await startFor('email', '900000001');
    expect(await w.service.statePhone(TELLER, again.id, 'maria.nueva@correo.co')).toMatchObject({ step: 'send_now', title: 'Sin cambios' });
  });

  it('address: nobody remembers the previous one → ID + fingerprint match updates it; no code is radicated', async () => {
    const f = await startFor('address', '900000004');
    await w.service.statePhone(TELLER, f.id, 'Cra. 9 # 12-30 apto 2');
    await w.service.previousPhone(TELLER, f.id, null);
    await w.service.consent(TELLER, f.id, true, biometricConsent('contact_update').version);
    await w.place('900000004');
    const done = await w.service.capture(TELLER, f.id, 'right-index');
    expect(done).toMatchObject({ step: 'radicated', title: 'Dirección actualizada', request: null });
    expect(done.message).toContain('CRA ***');
    const entry = w.journalRows().find((r) => r.type === 'contact_update' && r.payload.includes(f.id));
    expect(JSON.parse(entry?.payload ?? '{}')).toMatchObject({ field: 'address', next: 'CRA ***', basis: 'biometric_match' });
    expect(entry?.payload).not.toContain('12 30');
  });

  it('a previous e-mail that does not match, and no consent: explains what the customer must do (seed 002)', async () => {
    const f = await startFor('email', '900000002');
    await w.service.statePhone(TELLER, f.id, 'otro@correo.co');
    const noMatch = await w.service.previousPhone(TELLER, f.id, 'juan@viejo.co');
    expect(noMatch).toMatchObject({ step: 'awaiting_consent', title: 'Error de seguridad en datos' });
    expect(noMatch.message).toContain('documento de identidad');
    const refused = await w.service.consent(TELLER, f.id, false, BIOMETRIC_CONSENT_VERSION);
    expect(refused).toMatchObject({ step: 'refused', title: 'Error de seguridad en datos' });
    expect(refused.message).toContain('no coinciden con la información registrada');
    expect(refused.message).toContain('línea de servicio al cliente');
  });
});

describe('answers lost on the way back (all-or-nothing with idempotent resend)', () => {
  it('a lost radication answer leaves the flow pending; Reintentar resends the same request without a new capture', async () => {
    const f = await atCapture('900000002', '3006667788');
    await w.place('900000002');
    w.loseAnswer.add('radicateSecurityCode');
    expect((await appError(w.service.capture(TELLER, f.id, 'right-index'))).code).toBe('CENTRAL_PENDING');
    const pending = w.service.get(TELLER, f.id);
    expect(pending).toMatchObject({ step: 'awaiting_capture', pendingCompletion: true, failedCaptures: 0 });
    expect((await appError(w.service.cancel(TELLER, f.id, 'El cliente se retiró'))).code).toBe('FLOW_BUSY');
    // The reader would fail now: the retry must not capture again.
    await w.readerMode('no-finger');
    const done = await w.service.capture(TELLER, f.id, 'right-index');
    await w.readerMode('ok');
    expect(done).toMatchObject({ step: 'radicated', pendingCompletion: false });
    const rows = w.db.prepare('SELECT radicado FROM sc_requests WHERE flow_id = ?').all(f.id) as { radicado: string }[];
    expect(rows).toHaveLength(1);
    const updates = w.journalRows().filter((r) => r.type === 'contact_update' && r.payload.includes(f.id));
    expect(updates).toHaveLength(1);
  });

  it('a lost contact-update answer is confirmed by resending the same key, then the code goes out', async () => {
    const f = await identified(CC('900000005'));
    await w.service.statePhone(TELLER, f.id, '3001110000');
    w.loseAnswer.add('updateContact');
    expect((await appError(w.service.previousPhone(TELLER, f.id, '3501234505'))).code).toBe('CENTRAL_PENDING');
    expect(w.service.get(TELLER, f.id)).toMatchObject({ step: 'awaiting_previous_phone', pendingCompletion: true });
    const done = await w.service.capture(TELLER, f.id, 'right-index');
    expect(done).toMatchObject({ step: 'send_now', title: 'Celular actualizado y código enviado' });
    expect(done.request).toMatchObject({ state: 'enviado', maskedCellphone: '*******000' });
  });
});

describe('radicaciones for a supervisor: the whole branch from central', () => {
  it('adds other workstations’ requests (masked), overdue first; a teller still sees only this workstation', async () => {
    // A request this workstation's store does not know (as one made at another workstation of the branch).
    const sent = await w.client.call('sendSecurityCodeNow', { key: randomUUID(), documentType: 'CE', documentNumber: '1234567', purpose: 'temporary_keys', statedCellphone: '3009876543' });
    expect(sent.ok ? null : sent.error).toBeNull();
    const radicado = sent.ok ? sent.data.request.radicado : '';
    const teller = await w.radications.list(TELLER);
    expect(teller.scope).toBe('workstation');
    expect(teller.rows.some((r) => r.radicado === radicado)).toBe(false);
    const supervisor = await w.radications.list({ ...TELLER, id: 'u-super', role: 'supervisor' });
    expect(supervisor.scope).toBe('branch');
    const row = supervisor.rows.find((r) => r.radicado === radicado);
    expect(row).toMatchObject({ workstation: '001-03', mode: null, flowId: null, tellerName: 'Estación 001-03' });
    expect(row?.document).toBe('CE ****567');
    expect(supervisor.rows.length).toBeGreaterThan(teller.rows.length);
    const firstOk = supervisor.rows.findIndex((r) => !r.overdue);
    expect(supervisor.rows.slice(firstOk).some((r) => r.overdue)).toBe(false);
    expect(supervisor.overdueCount).toBe(supervisor.rows.filter((r) => r.overdue).length);
  });
});

describe('central unreachable (last: it stops central)', () => {
  it('refuses the biometric radication with a clear message and changes nothing', async () => {
    const f = await atCapture('900000001', '3009990000');
    await w.place('900000001');
    await w.central.kill();
    const r = await w.service.capture(TELLER, f.id, 'right-index');
    expect(r).toMatchObject({ step: 'refused', title: 'Central no disponible', request: null, pendingCompletion: false });
    expect(r.message).toContain('no se cambió el celular');
    const list = await w.radications.list();
    expect(list.centralReachable).toBe(false);
  });
});
