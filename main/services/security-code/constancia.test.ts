import { describe, expect, it } from 'vitest';
import { buildConstancia } from './constancia';

describe('the radicación constancia', () => {
  it('writes its moments as the receipts do (DD/MM/AAAA HH:mm:ss, Bogotá time), not in a second short form', () => {
    const doc = buildConstancia({
      kind: 'radicate',
      reference: 'RAD-20261205-000001',
      document: { type: 'CC', number: '900000001' },
      maskedCellphone: '*******501',
      at: '2026-12-06T01:44:00.000Z',
      deadline: '2026-12-07T01:44:00.000Z',
      branch: { code: '001', name: 'Bogotá Centro' },
      till: '03',
      teller: 'Ana Gómez',
      verificationCode: '676A6DFE',
    });
    const field = (label: string) => doc.lines.flatMap((l) => (l.kind === 'field' && l.label === label ? [l.value] : []));
    expect(field('Fecha')).toEqual(['05/12/2026 20:44:00']);
    expect(field('Plazo máximo')).toEqual(['06/12/2026 20:44:00']);
    expect(doc.lines).toContainEqual({ kind: 'text', text: 'El código de seguridad llegará a su celular a más tardar el 06/12/2026 20:44:00 (máximo 24 horas).' });
  });
});
