import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OperationResultSchema, SecurityCodeListResponseSchema, SecurityCodeResponseSchema } from '../../domain/central-api';
import { DEMO_TEMPLATE_FORMAT, demoTemplateBase64 } from '../../domain/devices/demo-citizens';
import { openCentralDb } from '../store/db';
import { startTestCentral, type TestCentral } from '../testing/harness';
import { newKey } from '../testing/ops';
import { hashCode } from './service';
import type { DemoSmsGateway } from './sms-gateway';

// Demo citizens (seed.ts): María 900000001 → 3001234501; Andrés 900000004 → 3201234504, unreachable by SMS.
let t: TestCentral;
beforeEach(async () => {
  t = await startTestCentral();
});
afterEach(async () => {
  await t.stop();
});

const HOUR = 3_600_000;
const fingerprint = async (documentNumber: string): Promise<string> => {
  const r = await t.call('matchFingerprint', { documentType: 'CC', documentNumber, template: demoTemplateBase64(documentNumber, 'right-index'), format: DEMO_TEMPLATE_FORMAT });
  return (r.body as { transactionId: string }).transactionId;
};
const radicate = async (documentNumber: string, fingerprintTransactionId: string, key = newKey()) =>
  t.call('radicateSecurityCode', { key, documentType: 'CC', documentNumber, purpose: 'verification_code', fingerprintTransactionId });
const status = async (radicado: string) => SecurityCodeResponseSchema.parse((await t.call('securityCodeStatus', { radicado })).body).request;
const advance = async (ms: number) => expect((await t.call('advanceClock', { ms })).status).toBe(200);
const outbox = () => [...(t.central.sms as DemoSmsGateway).outbox.values()];

interface SmsLogRow {
  radicado: string;
  to_masked: string;
  salt: string;
  code_hash: string;
  code2_hash: string | null;
  status: string;
}
const smsLog = (): SmsLogRow[] => {
  const sql = openCentralDb(t.dbPath);
  try {
    return sql.all<SmsLogRow>('SELECT * FROM sms_log ORDER BY id');
  } finally {
    sql.close();
  }
};

describe('radication (seed 000: ID + fingerprint, code within 24 hours)', () => {
  it('numbers the radicado by the Bogotá day, and starts its sequence again each Bogotá day', async () => {
    const number = async (documentNumber: string) =>
      SecurityCodeResponseSchema.parse((await radicate(documentNumber, await fingerprint(documentNumber))).body).request.radicado;
    t.clock.set(Date.parse('2026-12-05T23:00:00.000Z')); // 18:00 on the 5th in Bogotá
    expect(await number('900000001')).toBe('RAD-20261205-000001');
    t.clock.set(Date.parse('2026-12-06T01:44:00.000Z')); // 20:44 on the 5th in Bogotá, already the 6th in UTC
    expect(await number('900000002')).toBe('RAD-20261205-000002');
    t.clock.set(Date.parse('2026-12-06T05:01:00.000Z')); // 00:01 on the 6th in Bogotá
    expect(await number('900000003')).toBe('RAD-20261206-000001');
  });

  it('numbers the SMS gateway ids on from the log after central restarts, never repeating one', async () => {
    const sent = async (documentNumber: string) => {
      const req = SecurityCodeResponseSchema.parse((await radicate(documentNumber, await fingerprint(documentNumber))).body).request;
      await advance(HOUR); // the back office sends after `radicationSendDelayMs`
      expect((await status(req.radicado)).state).toBe('enviado');
    };
    await sent('900000001');
    await t.restart();
    await sent('900000002');
    const sql = openCentralDb(t.dbPath);
    try {
      expect(sql.all<{ gateway_id: string }>('SELECT gateway_id FROM sms_log ORDER BY id').map((r) => r.gateway_id)).toEqual(['SMS00000001', 'SMS00000002']);
    } finally {
      sql.close();
    }
  });

  it('refuses to radicate without a fingerprint match for the same document', async () => {
    const other = await fingerprint('900000002');
    const r = await radicate('900000001', other);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: { code: 'FINGERPRINT_NOT_VERIFIED' } });
  });

  it('radicado → enviado → entregado, with the code only in the SMS and hashed in the log', async () => {
    const r = await radicate('900000001', await fingerprint('900000001'));
    expect(r.status).toBe(200);
    const req = SecurityCodeResponseSchema.parse(r.body).request;
    expect(req).toMatchObject({ state: 'radicado', maskedCellphone: '*******501', sentAt: null });
    expect(Date.parse(req.deadline) - Date.parse(req.createdAt)).toBe(24 * HOUR);
    expect(outbox()).toHaveLength(0);

    await advance(HOUR); // the back office sends after `radicationSendDelayMs` (1 h by default)
    const sent = await status(req.radicado);
    expect(sent.state).toBe('enviado');
    expect(Date.parse(sent.codeExpiresAt ?? '') - Date.parse(sent.sentAt ?? '')).toBe(2 * 60_000); // seed 001: 2 minutes
    const [sms] = outbox();
    expect(sms?.to).toBe('3001234501');
    const code = /es (\d+)\./.exec(sms?.text ?? '')?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/); // seed 001: 6 digits
    const [log] = smsLog();
    expect(log).toMatchObject({ radicado: req.radicado, to_masked: '*******501', status: 'enviado', code2_hash: null });
    expect(log?.code_hash).toBe(hashCode(log?.salt ?? '', code));
    expect(JSON.stringify(log)).not.toContain(code);
    expect(JSON.stringify(log)).not.toContain('3001234501');

    await advance(10_000);
    expect((await status(req.radicado)).state).toBe('entregado');
    expect(smsLog()[0]?.status).toBe('entregado');
  });

  it('ends vencido when the SMS is not delivered within 24 hours', async () => {
    const req = SecurityCodeResponseSchema.parse((await radicate('900000004', await fingerprint('900000004'))).body).request;
    await advance(2 * HOUR);
    expect((await status(req.radicado)).state).toBe('enviado');
    await advance(22 * HOUR);
    expect((await status(req.radicado)).state).toBe('vencido');
  });

  it('replays a radication with the same key and refuses the key with other data', async () => {
    const fp = await fingerprint('900000001');
    const key = newKey();
    const a = SecurityCodeResponseSchema.parse((await radicate('900000001', fp, key)).body).request;
    const b = SecurityCodeResponseSchema.parse((await radicate('900000001', fp, key)).body).request;
    expect(b.radicado).toBe(a.radicado);
    const c = await t.call('radicateSecurityCode', { key, documentType: 'CC', documentNumber: '900000001', purpose: 'temporary_keys', fingerprintTransactionId: fp });
    expect(c.status).toBe(409);
  });
});

describe('send now to the registered cellphone', () => {
  it('sends at once when the stated number is the registered one', async () => {
    const r = await t.call('sendSecurityCodeNow', { key: newKey(), documentType: 'CC', documentNumber: '900000001', purpose: 'verification_code', statedCellphone: '3001234501' });
    expect(SecurityCodeResponseSchema.parse(r.body).request.state).toBe('enviado');
    expect(outbox()).toHaveLength(1);
  });

  it('refuses a number that is not the registered one', async () => {
    const r = await t.call('sendSecurityCodeNow', { key: newKey(), documentType: 'CC', documentNumber: '900000001', purpose: 'verification_code', statedCellphone: '3009999999' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: { code: 'CELLPHONE_MISMATCH' } });
    expect(outbox()).toHaveLength(0);
  });

  it('temporary keys: 4 digits, login ≠ transactional, valid 24 hours (seed 004)', async () => {
    // A random source that keeps proposing the same digits forces the "must differ" retry.
    await t.stop();
    let n = 0;
    const seq = [1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8];
    t = await startTestCentral({ random: { int: () => seq[n++ % seq.length] ?? 0 } });
    const r = await t.call('sendSecurityCodeNow', { key: newKey(), documentType: 'CC', documentNumber: '900000002', purpose: 'temporary_keys', statedCellphone: '3101234502' });
    const req = SecurityCodeResponseSchema.parse(r.body).request;
    expect(Date.parse(req.codeExpiresAt ?? '') - Date.parse(req.sentAt ?? '')).toBe(24 * HOUR);
    const m = /ingreso (\d+), transaccional (\d+)/.exec(outbox()[0]?.text ?? '');
    expect(m?.[1]).toBe('1234');
    expect(m?.[2]).toBe('5678');
    const [log] = smsLog();
    expect(log?.code_hash).toBe(hashCode(log?.salt ?? '', '1234'));
    expect(log?.code2_hash).toBe(hashCode(log?.salt ?? '', '5678'));
  });
});

describe('contact-data update (cellphone), journaled', () => {
  it('updates when the previous cellphone matches and publishes the new one', async () => {
    const r = await t.call('updateContact', {
      key: newKey(),
      occurredAt: '2025-03-10T10:00:00-05:00',
      documentType: 'CC',
      documentNumber: '900000003',
      cellphone: '3167778899',
      validatedBy: 'previous_cellphone',
      previousCellphone: '3151234503',
    });
    expect(OperationResultSchema.parse(r.body).status).toBe('applied');
    const ok = await t.call('sendSecurityCodeNow', { key: newKey(), documentType: 'CC', documentNumber: '900000003', purpose: 'verification_code', statedCellphone: '3167778899' });
    expect(ok.status).toBe(200);
    const sql = openCentralDb(t.dbPath);
    try {
      expect(sql.all('SELECT document_number, old_cellphone, new_cellphone, validated_by, workstation FROM contact_updates')).toEqual([
        { document_number: '900000003', old_cellphone: '3151234503', new_cellphone: '3167778899', validated_by: 'previous_cellphone', workstation: '001-01' },
      ]);
    } finally {
      sql.close();
    }
  });

  it('rejects a wrong previous cellphone, and accepts a fingerprint match instead', async () => {
    const base = { occurredAt: '2025-03-10T10:00:00-05:00', documentType: 'CC' as const, documentNumber: '900000005', cellphone: '3001112233' };
    const bad = await t.call('updateContact', { ...base, key: newKey(), validatedBy: 'previous_cellphone', previousCellphone: '3000000000' });
    expect(OperationResultSchema.parse(bad.body)).toMatchObject({ status: 'rejected', first: { reason: 'CELLPHONE_MISMATCH' } });
    const good = await t.call('updateContact', { ...base, key: newKey(), validatedBy: 'fingerprint', fingerprintTransactionId: await fingerprint('900000005') });
    expect(OperationResultSchema.parse(good.body).status).toBe('applied');
  });
});

describe('contact-data update (e-mail and address), journaled', () => {
  const at = '2025-03-10T10:00:00-05:00';
  const customerRef = async (documentNumber: string) => {
    const r = await t.call('reference', { cursor: 0, limit: 500 });
    const body = r.body as { changes: { entity: string; customer?: { documentNumber: string; email: string | null; address: string | null } }[] };
    return body.changes.find((c) => c.entity === 'customer' && c.customer?.documentNumber === documentNumber)?.customer;
  };

  it('publishes e-mail and address in the reference data', async () => {
    expect(await customerRef('900000001')).toMatchObject({ email: 'maria.gomez@correo.com.co', address: 'CALLE 45 13 22 APTO 301' });
  });

  it('updates the e-mail when the previous one matches (canonical comparison) and records old and new', async () => {
    const r = await t.call('updateContact', {
      key: newKey(),
      occurredAt: at,
      documentType: 'CC',
      documentNumber: '900000002',
      email: 'jperez@nuevo.co',
      validatedBy: 'previous_value',
      previousValue: 'juan.perez@correo.com.co',
    });
    expect(OperationResultSchema.parse(r.body).status).toBe('applied');
    expect(await customerRef('900000002')).toMatchObject({ email: 'jperez@nuevo.co', cellphone: '3101234502' });
    const sql = openCentralDb(t.dbPath);
    try {
      expect(sql.all('SELECT document_number, field, old_value, new_value, validated_by FROM contact_data_updates')).toEqual([
        { document_number: '900000002', field: 'email', old_value: 'juan.perez@correo.com.co', new_value: 'jperez@nuevo.co', validated_by: 'previous_value' },
      ]);
      // The cellphone table is not touched by an e-mail change.
      expect(sql.all('SELECT * FROM contact_updates')).toEqual([]);
    } finally {
      sql.close();
    }
  });

  it('rejects a wrong previous address with CONTACT_MISMATCH and accepts a fingerprint match instead', async () => {
    const base = { occurredAt: at, documentType: 'CC' as const, documentNumber: '900000003', address: 'CARRERA 15 93 40' };
    const bad = await t.call('updateContact', { ...base, key: newKey(), validatedBy: 'previous_value', previousValue: 'CALLE 1 2 3' });
    expect(OperationResultSchema.parse(bad.body)).toMatchObject({ status: 'rejected', first: { reason: 'CONTACT_MISMATCH' } });
    expect(await customerRef('900000003')).toMatchObject({ address: 'AVENIDA 68 22 15' });
    const good = await t.call('updateContact', { ...base, key: newKey(), validatedBy: 'fingerprint', fingerprintTransactionId: await fingerprint('900000003') });
    expect(OperationResultSchema.parse(good.body).status).toBe('applied');
    expect(await customerRef('900000003')).toMatchObject({ address: 'CARRERA 15 93 40' });
  });

  it('a customer without a registered e-mail can only change it with the fingerprint', async () => {
    const bad = await t.call('updateContact', {
      key: newKey(), occurredAt: at, documentType: 'CC', documentNumber: '900000004', email: 'andres@correo.co', validatedBy: 'previous_value', previousValue: 'andres@correo.co',
    });
    expect(OperationResultSchema.parse(bad.body)).toMatchObject({ status: 'rejected', first: { reason: 'CONTACT_MISMATCH' } });
  });

  it('refuses at the route: two fields at once, a cellphone-only validation for an e-mail, a non-canonical e-mail', async () => {
    const base = { occurredAt: at, documentType: 'CC' as const, documentNumber: '900000001' };
    const two = await t.call('updateContact', { ...base, key: newKey(), email: 'a@b.co', address: 'CALLE 1 2 3', validatedBy: 'fingerprint', fingerprintTransactionId: 'x' });
    expect(two.status).toBe(400);
    const wrongBasis = await t.call('updateContact', { ...base, key: newKey(), email: 'a@b.co', validatedBy: 'previous_cellphone', previousCellphone: '3001234501' });
    expect(wrongBasis.status).toBe(400);
    const upper = await t.call('updateContact', { ...base, key: newKey(), email: 'Maria@B.co', validatedBy: 'fingerprint', fingerprintTransactionId: 'x' });
    expect(upper.status).toBe(400);
  });

  it('refuses the same combination arriving in a batch (the batch schema cannot see across fields)', async () => {
    const r = await t.call('postOperations', {
      operations: [
        {
          key: newKey(), branch: '001', workstation: '001-01', occurredAt: at, type: 'contact_update',
          payload: { documentType: 'CC', documentNumber: '900000001', email: 'a@b.co', address: 'CALLE 1 2 3', validatedBy: 'fingerprint', fingerprintTransactionId: 'x' },
        },
      ],
    });
    expect((r.body as { results: { first?: { reason?: string } }[] }).results[0]?.first?.reason).toBe('CONTACT_FIELD_INVALID');
  });
});

describe('branch-wide list of security-code requests (supervisor F8)', () => {
  it('lists every workstation of the caller’s branch, newest first, masked, with overdue ones flagged', async () => {
    const late = await radicate('900000004', await fingerprint('900000004'));
    const sent = await t.call('sendSecurityCodeNow', { key: newKey(), documentType: 'CC', documentNumber: '900000002', purpose: 'temporary_keys', statedCellphone: '3101234502' }, '001-02');
    expect(late.status).toBe(200);
    expect(sent.status).toBe(200);
    await advance(25 * HOUR);
    const r = await t.call('listSecurityCodes', { branch: '001' }, '001-03');
    expect(r.status).toBe(200);
    const { requests } = SecurityCodeListResponseSchema.parse(r.body);
    expect(requests.map((q) => [q.workstation, q.maskedDocument, q.state, q.overdue])).toEqual([
      ['001-02', 'CC *****0002', 'entregado', false],
      ['001-01', 'CC *****0004', 'vencido', true],
    ]);
    expect(JSON.stringify(requests)).not.toContain('900000004');
  });

  it('refuses another branch’s list', async () => {
    const r = await t.call('listSecurityCodes', { branch: '002' });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe('one open request per customer; immediate sends spaced (QA: second radicación, several sends in a minute)', () => {
  const sendNow = (extra: Record<string, unknown> = {}, workstation?: string) =>
    t.call('sendSecurityCodeNow', { key: newKey(), documentType: 'CC', documentNumber: '900000001', purpose: 'verification_code', statedCellphone: '3001234501', ...extra }, workstation);
  const open = async () => (await t.call('openSecurityCodes', { documentType: 'CC', documentNumber: '900000001' })).body as {
    open: { radicado: string; workstation: string; state: string } | null;
    sendNowAllowedFrom: string | null;
  };

  it('refuses a second request while a radicado is open, unless it names the one it replaces; the old one is never sent', async () => {
    const first = SecurityCodeResponseSchema.parse((await radicate('900000001', await fingerprint('900000001'))).body).request;
    expect(await open()).toMatchObject({ open: { radicado: first.radicado, state: 'radicado' } });

    const again = await radicate('900000001', await fingerprint('900000001'));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'OPEN_REQUEST_EXISTS' } });
    expect((again.body as { error: { message: string } }).error.message).toContain(first.radicado);
    // The same from another workstation: central, not the workstation, holds the rule.
    const elsewhere = await sendNow({}, '001-02');
    expect(elsewhere.body).toMatchObject({ error: { code: 'OPEN_REQUEST_EXISTS' } });

    const replacing = await t.call('radicateSecurityCode', {
      key: newKey(), documentType: 'CC', documentNumber: '900000001', purpose: 'verification_code',
      fingerprintTransactionId: await fingerprint('900000001'), replaces: first.radicado,
    });
    expect(replacing.status).toBe(200);
    const second = SecurityCodeResponseSchema.parse(replacing.body).request;
    expect(await status(first.radicado)).toMatchObject({ supersededBy: second.radicado, state: 'radicado' });
    expect((await open()).open?.radicado).toBe(second.radicado);

    await advance(2 * HOUR);
    // Only the replacing radicado's SMS went out.
    expect(smsLog().map((r) => r.radicado)).toEqual([second.radicado]);
    expect((await status(first.radicado)).sentAt).toBeNull();
  });

  it('an already sent radicado that is replaced loses its code at once', async () => {
    const first = SecurityCodeResponseSchema.parse((await radicate('900000001', await fingerprint('900000001'))).body).request;
    await advance(HOUR + 1);
    expect((await status(first.radicado)).state).toBe('enviado');
    const r = await sendNow({ replaces: first.radicado });
    expect(r.status).toBe(200);
    const old = await status(first.radicado);
    expect(old.supersededBy).toBe(SecurityCodeResponseSchema.parse(r.body).request.radicado);
    expect(Date.parse(old.codeExpiresAt ?? '')).toBeLessThanOrEqual(Date.parse(SecurityCodeResponseSchema.parse(r.body).request.createdAt));
  });

  it('refuses a second immediate send within the interval, saying from when, and allows it after', async () => {
    expect((await sendNow()).status).toBe(200);
    const soon = await sendNow();
    expect(soon.status).toBe(429);
    expect(soon.body).toMatchObject({ error: { code: 'SEND_NOW_TOO_SOON' } });
    expect((soon.body as { error: { message: string } }).error.message).toMatch(/podrá pedir otro código desde las \d{2}:\d{2}/);
    expect((await open()).sendNowAllowedFrom).not.toBeNull();
    await advance(2 * 60_000);
    expect((await open()).sendNowAllowedFrom).toBeNull();
    expect((await sendNow()).status).toBe(200);
    expect(outbox()).toHaveLength(2);
  });
});
