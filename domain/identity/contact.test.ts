import { describe, expect, it } from 'vitest';
import { canonicalContact, maskAddress, maskEmail, parseAddress, parseContactValue, parseEmail, type Email, type PostalAddress } from './contact';

describe('e-mail and address in canonical form (compared with the registered datum, seed 000 step 3)', () => {
  it.each([
    [' Maria.Gomez@Correo.COM ', 'maria.gomez@correo.com'],
    ['a@b.co', 'a@b.co'],
  ])('e-mail %j → %j', (raw, canonical) => {
    expect(parseEmail(raw)).toEqual({ ok: true, value: canonical });
  });
  it.each(['', 'maria', 'maria@', 'maria@correo', 'ma ria@correo.com', 'a@@b.co'])('refuses e-mail %j', (raw) => {
    expect(parseEmail(raw).ok).toBe(false);
  });
  it('the same address written two ways is one address', () => {
    const a = parseAddress('Cra. 7 # 45-10, apto 301');
    const b = parseAddress('CRA 7 45 10 APTO 301');
    expect(a).toEqual({ ok: true, value: 'CRA 7 45 10 APTO 301' });
    expect(a).toEqual(b);
    expect(parseAddress('Calle No. 12 – Bogotá')).toEqual({ ok: true, value: 'CALLE 12 BOGOTA' });
  });
  it('refuses an address without nomenclature or too short', () => {
    expect(parseAddress('Centro').ok).toBe(false);
    expect(parseAddress('   ').ok).toBe(false);
  });
  it('masks: first letter and domain; street type only', () => {
    expect(maskEmail('maria.gomez@correo.com' as Email)).toBe('m***@correo.com');
    expect(maskAddress('CRA 7 45 10' as PostalAddress)).toBe('CRA ***');
  });
  it('canonicalizes stored data and dispatches by field', () => {
    expect(canonicalContact('email', 'X@Y.CO')).toBe('x@y.co');
    expect(canonicalContact('address', null)).toBeNull();
    expect(canonicalContact('email', 'no es correo')).toBeNull();
    expect(parseContactValue('cellphone', '+57 300 123 4890')).toEqual({ ok: true, value: '3001234890' });
  });
});
