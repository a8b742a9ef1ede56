import { describe, expect, it } from 'vitest';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { layoutReceipt } from '../../../drivers/printer/layout';
import { buildConstancia } from './constancia';

const radication = {
  kind: 'radicate' as const,
  reference: 'RAD-20261205-000001',
  document: { type: 'CC' as const, number: '900000001' },
  maskedCellphone: '*******501',
  at: '2026-12-06T01:44:00.000Z',
  deadline: '2026-12-07T01:44:00.000Z',
  branch: { code: '001', name: 'Bogotá Centro' },
  till: '03',
  teller: 'Ana Gómez',
  verificationCode: '676A6DFE',
};

describe('the radicación constancia', () => {
  it('writes its moments as the receipts do (DD/MM/AAAA HH:mm:ss, Bogotá time), not in a second short form', () => {
    const doc = buildConstancia(radication);
    const field = (label: string) => doc.lines.flatMap((l) => (l.kind === 'field' && l.label === label ? [l.value] : []));
    expect(formatReceiptDateTime(doc.postedAt)).toBe('05/12/2026 20:44:00');
    expect(field('Plazo máximo')).toEqual(['06/12/2026 20:44:00']);
    expect(doc.lines).toContainEqual({ kind: 'text', text: 'El código de seguridad llegará a su celular a más tardar el 06/12/2026 20:44:00 (máximo 24 horas).' });
  });

  it('prints the radicado and the date once, in the header where every paper has them, and the copy mark where every copy has it', () => {
    const paper = layoutReceipt({ ...buildConstancia(radication), copyNumber: 1 }, '80mm').map((l) => l.text);
    expect(paper).toEqual([
      'CONSTANCIA DE RADICACIÓN',
      '001 Bogotá Centro',
      'COPIA No. 1',
      '-'.repeat(48),
      'Radicado                     RAD-20261205-000001',
      'Fecha                        05/12/2026 20:44:00',
      'Caja                                          03',
      'Cajero                                 Ana Gómez',
      '-'.repeat(48),
      'Cliente                             CC *****0001',
      'Celular                               *******501',
      'Plazo máximo                 06/12/2026 20:44:00',
      '-'.repeat(48),
      'El código de seguridad llegará a su celular a',
      'más tardar el 06/12/2026 20:44:00 (máximo 24',
      'horas).',
      'No comparta el código con nadie. El banco nunca',
      'se lo pedirá.',
      '-'.repeat(48),
      'Verificación                            676A6DFE',
    ]);
  });
});

describe('the constancia of a code sent at once', () => {
  it('reminds the customer that the key is temporary and the definitive one is due within 24 hours (seed 004, Cambio de Clave)', () => {
    const doc = buildConstancia({ ...radication, kind: 'send_now', deadline: null });
    const texts = doc.lines.flatMap((l) => (l.kind === 'text' ? [l.text] : []));
    expect(texts).toEqual([
      'El código de seguridad fue enviado a su celular registrado.',
      'Recuerde que la clave que asigne con este código es temporal: debe asignar su nueva clave definitiva dentro de las siguientes 24 horas.',
      'No comparta el código con nadie. El banco nunca se lo pedirá.',
    ]);
  });
});
