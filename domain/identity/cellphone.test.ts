import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CellphoneSchema, formatCellphone, maskCellphone, parseCellphone, type Cellphone } from './cellphone';

describe('Colombian cellphone (10 digits starting with 3, optional +57)', () => {
  it.each(['3001234890', '+57 300 123 4890', '+573001234890', '0057 300-123-4890', '57 (300) 123.4890'])(
    'accepts %s',
    (raw) => {
      expect(parseCellphone(raw)).toEqual({ ok: true, value: '3001234890' });
    },
  );

  it.each([
    ['', 'CELLPHONE_EMPTY'],
    ['6011234567', 'CELLPHONE_FORMAT'], // Bogotá landline
    ['300123489', 'CELLPHONE_FORMAT'],
    ['30012348901', 'CELLPHONE_FORMAT'],
    ['+58 3001234890', 'CELLPHONE_FORMAT'],
    ['300123489O', 'CELLPHONE_FORMAT'],
  ])('refuses %s', (raw, code) => {
    const r = parseCellphone(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('masks to the last three digits', () => {
    expect(maskCellphone('3001234890' as Cellphone)).toBe('*******890');
    expect(formatCellphone('3001234890' as Cellphone)).toBe('300 123 4890');
  });

  it('schema reports a Spanish message', () => {
    const r = CellphoneSchema.safeParse('12345');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('10 dígitos');
    expect(CellphoneSchema.parse('+57 311 000 0000')).toBe('3110000000');
  });

  it('property: +57 and plain forms parse to the same number, mask shows 3 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^3[0-9]{9}$/), (n) => {
        const a = parseCellphone(n);
        const b = parseCellphone(`+57 ${n.slice(0, 3)} ${n.slice(3)}`);
        expect(a).toEqual(b);
        if (a.ok) expect(maskCellphone(a.value)).toBe(`*******${n.slice(7)}`);
      }),
    );
  });
});
