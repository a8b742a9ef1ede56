import fc from 'fast-check';
import { expect, it } from 'vitest';
import { APPROVAL_REASON_CODES } from '../approval/reasons';
import { ApprovalCreateSchema, fitRelayed, RELAYED_CONTEXT_MAX, RELAYED_TEXT_MAX } from './approvals';

const base = { id: '00000000-0000-4000-8000-000000000001', branch: '001', workstation: '001-02', makerId: 'cajero2', kind: 'till_difference' as const, summary: 'Faltante en la caja 02' };

it('whatever a request holds, what is relayed of it is accepted by central: a long explanation is cut, not the whole relay refused', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ code: fc.constantFrom(...APPROVAL_REASON_CODES), message: fc.string({ maxLength: RELAYED_TEXT_MAX + 100, size: 'max' }) }), { maxLength: 15, size: 'max' }),
      fc.dictionary(fc.string({ maxLength: 100, size: 'max' }), fc.string({ maxLength: RELAYED_TEXT_MAX + 100, size: 'max' }), { maxKeys: RELAYED_CONTEXT_MAX + 10, size: 'max' }),
      (reasons, context) => {
        expect(ApprovalCreateSchema.safeParse({ ...base, ...fitRelayed(reasons, context) }).success).toBe(true);
      },
    ),
    { numRuns: 50 },
  );
});

it('relays what fits as it is, and marks what was cut', () => {
  const explanation = 'x'.repeat(RELAYED_TEXT_MAX + 50);
  const many = Object.fromEntries(Array.from({ length: RELAYED_CONTEXT_MAX + 5 }, (_, i) => [`Conteo ${i + 1}`, '$ 1.000']));
  const fit = fitRelayed([{ code: 'TILL_DIFFERENCE', message: explanation }], { Contado: '$ 500.000', Motivo: explanation, ...many });
  expect(fit.context.Contado).toBe('$ 500.000');
  expect(fit.context.Motivo).toHaveLength(RELAYED_TEXT_MAX);
  expect(fit.context.Motivo?.endsWith('…')).toBe(true);
  expect(Object.keys(fit.context)).toHaveLength(RELAYED_CONTEXT_MAX);
  expect(fit.reasons[0]?.message).toHaveLength(RELAYED_TEXT_MAX);
});
