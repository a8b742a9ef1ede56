import { describe, expect, it } from 'vitest';
import { biometricConsent, type ConsentPurpose } from './biometric-consent';

const PURPOSES: ConsentPurpose[] = ['security_code', 'contact_update', 'withdrawal'];

describe('biometric consent (Ley 1581 de 2012 art. 5-6, Decreto 1377 de 2013)', () => {
  it('each use reads its own purpose under its own version, so a recorded answer names what was authorized', () => {
    const texts = PURPOSES.map(biometricConsent);
    expect(new Set(texts.map((t) => t.version)).size).toBe(PURPOSES.length);
    const finalidad = (p: ConsentPurpose) => biometricConsent(p).paragraphs.find((l) => l.startsWith('Finalidad:')) ?? '';
    expect(finalidad('withdrawal')).toContain('pagar este retiro');
    expect(finalidad('withdrawal')).not.toContain('código de seguridad');
    expect(finalidad('contact_update')).toContain('datos de contacto');
    expect(finalidad('security_code')).toContain('código de seguridad');
  });

  it('keeps the security code text of the records already taken (same version, same wording)', () => {
    expect(biometricConsent('security_code').version).toBe('biometria-2026-01');
    expect(biometricConsent('security_code').paragraphs).toContain(
      'Finalidad: verificar su identidad ante la Registraduría Nacional del Estado Civil, a través del operador biométrico autorizado, para actualizar su número celular y radicar la generación de su código de seguridad.',
    );
  });
});
