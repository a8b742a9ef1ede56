import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEMO_CITIZENS, DEMO_TEMPLATE_BYTES, FingerSchema, bytesToBase64, demoTemplate, demoTemplateBase64, fingerPosition } from './demo-citizens';

describe('demo citizens and deterministic templates (shared with central\'s matcher)', () => {
  it('has five CC citizens with distinct numbers', () => {
    expect(DEMO_CITIZENS).toHaveLength(5);
    expect(new Set(DEMO_CITIZENS.map((c) => c.documentNumber)).size).toBe(5);
    expect(DEMO_CITIZENS.every((c) => c.documentType === 'CC')).toBe(true);
  });

  it('derivation is pinned: a change here breaks central; update both sides together', () => {
    expect(demoTemplateBase64('900000001', 'right-index').slice(0, 24)).toBe(PINNED);
    expect(demoTemplate('900000001', 'right-index')).toHaveLength(DEMO_TEMPLATE_BYTES);
  });

  it('same person+finger → same bytes; any other person or finger → different bytes', () => {
    const all = DEMO_CITIZENS.flatMap((c) => FingerSchema.options.map((f) => demoTemplateBase64(c.documentNumber, f)));
    expect(new Set(all).size).toBe(all.length);
    expect(demoTemplateBase64('900000002', 'left-thumb')).toBe(demoTemplateBase64('900000002', 'left-thumb'));
  });

  it('finger positions follow ISO/IEC 19794 (1 right thumb … 10 left little)', () => {
    expect(fingerPosition('right-thumb')).toBe(1);
    expect(fingerPosition('right-index')).toBe(2);
    expect(fingerPosition('left-little')).toBe(10);
  });

  it('base64 matches the platform encoder (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
      expect(bytesToBase64(b)).toBe(Buffer.from(b).toString('base64'));
    }));
  });
});

const PINNED = 'qrb8MjFZ/oeg/o8dxrFjyzQ6';
