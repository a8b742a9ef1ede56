import { describe, expect, it } from 'vitest';
import {
  newRadication,
  radicationStatus,
  radicationStatusMessage,
  recordDelivered,
  recordSent,
  type Radication,
} from './radication';
import { checkNewKeys, DEFAULT_SECURITY_CODE_POLICY, isCodeValid, SecurityCodePolicySchema } from './policy';

const at = '2026-03-02T15:00:00.000Z';
const unwrap = (r: { ok: true; value: Radication } | { ok: false }): Radication => {
  if (!r.ok) throw new Error('expected ok');
  return r.value;
};

describe('radication tracking radicado → enviado → entregado | vencido (seed 000: "máximo 24 horas")', () => {
  const r0 = newRadication('RAD-1', at);

  it('deadline is 24 h after radication', () => {
    expect(r0.deadline).toBe('2026-03-03T15:00:00.000Z');
    expect(radicationStatus(r0, at)).toBe('radicado');
  });

  it('sent then delivered in time', () => {
    const r1 = unwrap(recordSent(r0, '2026-03-02T16:00:00Z'));
    expect(radicationStatus(r1, '2026-03-02T17:00:00Z')).toBe('enviado');
    const r2 = unwrap(recordDelivered(r1, '2026-03-03T15:00:00Z')); // exactly at the deadline: on time
    expect(radicationStatus(r2, '2026-03-10T00:00:00Z')).toBe('entregado');
  });

  it('overdue when not delivered by the deadline, whether sent or not', () => {
    expect(radicationStatus(r0, '2026-03-03T15:00:00.001Z')).toBe('vencido');
    const r1 = unwrap(recordSent(r0, '2026-03-02T16:00:00Z'));
    expect(radicationStatus(r1, '2026-03-03T15:00:00Z')).toBe('enviado');
    expect(radicationStatus(r1, '2026-03-03T15:00:01Z')).toBe('vencido');
    expect(radicationStatusMessage(r1, '2026-03-04T00:00:00Z')).toContain('vencido');
  });

  it('a late delivery stays vencido', () => {
    const r1 = unwrap(recordSent(r0, '2026-03-02T16:00:00Z'));
    const r2 = unwrap(recordDelivered(r1, '2026-03-03T16:00:00Z'));
    expect(radicationStatus(r2, '2026-03-03T16:00:00Z')).toBe('vencido');
  });

  it('refuses delivery before send, times before radication, and double records', () => {
    expect(recordDelivered(r0, at)).toMatchObject({ ok: false, error: { code: 'RADICATION_NOT_SENT' } });
    expect(recordSent(r0, '2026-03-01T00:00:00Z')).toMatchObject({ ok: false, error: { code: 'RADICATION_TIME_INVALID' } });
    const r1 = unwrap(recordSent(r0, at));
    expect(recordSent(r1, at)).toMatchObject({ ok: false, error: { code: 'RADICATION_ALREADY_RECORDED' } });
  });
});

describe('OTP / key policy (seed 001 paso 8; seed 004 pasos 5, 10, 12)', () => {
  it('defaults: 6-digit code for 2 minutes, 4-digit temporary key for 24 h, 4-digit keys', () => {
    expect(DEFAULT_SECURITY_CODE_POLICY).toEqual({
      verificationCode: { digits: 6, validitySeconds: 120 },
      temporaryKey: { digits: 4, validityHours: 24 },
      keys: { digits: 4, loginDiffersFromTransactional: true },
    });
  });

  it('refuses turning off login ≠ transactional, with a Spanish message', () => {
    const r = SecurityCodePolicySchema.safeParse({ keys: { loginDiffersFromTransactional: false } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('distinta');
  });

  it('verification code expires at 2 minutes, temporary key at 24 h', () => {
    const issued = '2026-03-02T15:00:00Z';
    expect(isCodeValid('verificationCode', issued, '2026-03-02T15:01:59Z')).toBe(true);
    expect(isCodeValid('verificationCode', issued, '2026-03-02T15:02:00Z')).toBe(false);
    expect(isCodeValid('temporaryKey', issued, '2026-03-03T14:59:59Z')).toBe(true);
    expect(isCodeValid('temporaryKey', issued, '2026-03-03T15:00:00Z')).toBe(false);
    expect(isCodeValid('verificationCode', issued, '2026-03-02T14:59:59Z')).toBe(false);
  });

  it('login key and transactional key must differ', () => {
    expect(checkNewKeys({ login: '8754', loginConfirmation: '8754', transactional: '8754', transactionalConfirmation: '8754' })).toMatchObject({
      ok: false,
      error: { code: 'KEY_SAME_AS_LOGIN', field: 'transactional' },
    });
    expect(checkNewKeys({ login: '8754', loginConfirmation: '4932', transactional: '1111', transactionalConfirmation: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'KEY_CONFIRMATION', field: 'login' },
    });
    expect(checkNewKeys({ login: '875', loginConfirmation: '875', transactional: '1111', transactionalConfirmation: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'KEY_FORMAT' },
    });
    expect(checkNewKeys({ login: '8754', loginConfirmation: '8754', transactional: '1234', transactionalConfirmation: '1234' })).toEqual({ ok: true });
  });
});
