import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatReceiptDateTime } from '../../domain/calendar/bogota-time';
import { encodeReceipt, layoutReceipt, wrap } from './layout';
import { sampleReceipt } from '../testing/fixtures';
import { PrinterEmulatorCore, type PrintedPaper } from './emulator/core';

const decode = (bytes: Uint8Array, cp858Number?: number): PrintedPaper[] => {
  const core = new PrinterEmulatorCore(cp858Number !== undefined ? { cp858Number } : {});
  core.receive(bytes);
  return core.printed;
};

describe('receipt layout (hardware.md §1.1, ReceiptDocument contract)', () => {
  it('80 mm: 48 columns, amounts right-aligned in es-CO pesos', () => {
    const lines = layoutReceipt(sampleReceipt(), '80mm');
    for (const l of lines) expect(l.text.length).toBeLessThanOrEqual(l.size === 2 ? 24 : 48);
    const total = lines.find((l) => l.text.startsWith('Total consignado'));
    expect(total?.text).toBe('Total consignado' + ' '.repeat(48 - 16 - 11) + '$ 1.234.567');
  });

  it('58 mm: 32 columns', () => {
    const lines = layoutReceipt(sampleReceipt(), '58mm');
    for (const l of lines) expect(l.text.length).toBeLessThanOrEqual(l.size === 2 ? 16 : 32);
    expect(lines.find((l) => l.text.startsWith('Total'))?.text.endsWith('$ 1.234.567')).toBe(true);
  });

  it('a return receipt numbered at another workstation (longest realistic ids) keeps its number whole, on one line, at both widths', () => {
    // <branch>-<till>-<counter> of the deposit, -DEV<n> (its n-th returned cheque), -<branch>-<till> of the workstation
    // that returned it (cheque-return/register.ts returnReference): at most 3+2+6 digits, -DEV99, 3+2 digits.
    const number = fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 2, max: 99 }), fc.integer({ min: 1, max: 99 }))
      .map(([branch, till, n, dev, other]) => {
        const b = String(branch).padStart(3, '0');
        return `${b}-${String(till).padStart(2, '0')}-${String(n).padStart(6, '0')}-DEV${dev}-${b}-${String(other).padStart(2, '0')}`;
      });
    fc.assert(
      fc.property(number, fc.constantFrom('80mm' as const, '58mm' as const), (sequence, paper) => {
        const cols = paper === '80mm' ? 48 : 32;
        const lines = layoutReceipt(sampleReceipt({ sequence, title: 'Devolución de cheque' }), paper);
        for (const l of lines) expect(l.text.length).toBeLessThanOrEqual(l.size === 2 ? cols / 2 : cols);
        const at = lines.findIndex((l) => l.text.includes(sequence));
        expect(at).toBeGreaterThanOrEqual(0);
        // Its label is printed whole, on the number's line or just above it, never cut inside the word.
        expect(lines[at]?.text.startsWith('Comprobante') || lines[at - 1]?.text === 'Comprobante').toBe(true);
      }),
    );
    expect(layoutReceipt(sampleReceipt({ sequence: '001-03-000001-DEV12-001-02' }), '58mm').map((l) => l.text)).toEqual(
      expect.arrayContaining(['Comprobante', '      001-03-000001-DEV12-001-02']),
    );
  });

  it('prints COPIA No. n and marks prominently (bold, double size, top and bottom)', () => {
    const lines = layoutReceipt(sampleReceipt({ copyNumber: 2, marks: ['Contingencia'] }), '80mm');
    expect(lines.filter((l) => l.text === '*** CONTINGENCIA ***' && l.bold && l.size === 2)).toHaveLength(2);
    expect(lines.some((l) => l.text === 'COPIA No. 2' && l.size === 2)).toBe(true);
    expect(layoutReceipt(sampleReceipt(), '80mm').some((l) => l.text.startsWith('COPIA'))).toBe(false);
  });

  it('negative amounts carry the sign before the peso symbol', () => {
    const doc = sampleReceipt({ lines: [{ kind: 'amount', label: 'GMF 4x1000', amount: 4_000, negative: true }] });
    expect(layoutReceipt(doc, '80mm').some((l) => l.text.endsWith('-$ 4.000'))).toBe(true);
  });

  it('selects CP858 explicitly: ESC t 19 on Epson, 2 on Citizen, override wins; Ñ = A5', () => {
    const doc = sampleReceipt();
    const epson = encodeReceipt(doc, { paper: '80mm', model: 'epson-tm-t88v' });
    const citizen = encodeReceipt(doc, { paper: '80mm', model: 'citizen-ct-s310ii' });
    const clone = encodeReceipt(doc, { paper: '80mm', model: 'generic-escpos', cp858Number: 4 });
    const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
    expect(hex(epson).startsWith('1b40')).toBe(true);
    expect(hex(epson)).toContain('1b7413');
    expect(hex(citizen)).toContain('1b7402');
    expect(hex(clone)).toContain('1b7404');
    // "PATIÑO": Ñ = A5 in CP858; no other ESC t appears, so nothing switches away from CP858.
    expect(hex(epson)).toContain(Buffer.from('PATI').toString('hex') + 'a5');
    expect(hex(epson).match(/1b74/g)).toHaveLength(1);
    expect(hex(epson)).toMatch(/0a0a0a0a1d5601/);
  });

  it('round-trips through the emulator decoder to the same text, for each model numbering', () => {
    const doc = sampleReceipt({ marks: ['CONTINGENCIA'] });
    const laid = layoutReceipt(doc, '80mm').map((l) => l.text.trim());
    for (const [model, n] of [['epson-tm-t88v', 19], ['citizen-ct-s310ii', 2]] as const) {
      const [paper] = decode(encodeReceipt(doc, { paper: '80mm', model }), n);
      expect(paper?.complete).toBe(true);
      expect(paper?.lines.map((l) => l.trim()).filter((l) => l !== '')).toEqual(laid);
    }
  });

  it('wrap never exceeds the width and keeps every word (property)', () => {
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[a-zñ]{1,12}$/), { maxLength: 30 }), fc.integer({ min: 12, max: 48 }), (words, width) => {
      const lines = wrap(words.join(' '), width);
      expect(lines.every((l) => l.length <= width)).toBe(true);
      expect(lines.join(' ').split(' ').filter((w) => w !== '')).toEqual(words);
    }));
  });
});

describe('the printed date and time are Bogotá’s', () => {
  it('a posting stamped in UTC prints in Bogotá time (UTC−5), across midnight too', () => {
    expect(formatReceiptDateTime('2026-11-21T23:30:05.123Z')).toBe('21/11/2026 18:30:05');
    expect(formatReceiptDateTime('2026-11-22T02:10:00.000Z')).toBe('21/11/2026 21:10:00');
    expect(formatReceiptDateTime('2026-11-21T18:30:05-05:00')).toBe('21/11/2026 18:30:05');
  });
  it('a stamp without a zone is already local and prints as written', () => {
    expect(formatReceiptDateTime('2026-11-21T18:30')).toBe('21/11/2026 18:30:00');
  });
  it('the receipt shows the Bogotá time of a UTC stamp', () => {
    const text = layoutReceipt(sampleReceipt({ postedAt: '2026-11-21T23:30:05.000Z' }), '80mm').map((l) => l.text).join('\n');
    expect(text).toContain('21/11/2026 18:30:05');
    expect(text).not.toContain('23:30');
  });
});
