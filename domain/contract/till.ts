import { z } from 'zod';
import { channel, IdempotencyKey } from './channel';
import { DenominationCountSchema } from '../money/denominations';
import { PesosSchema } from '../money/pesos';

export const TillStateSchema = z.enum(['cerrada', 'abierta']);

export const TillSessionSchema = z.object({
  id: z.string(),
  tillCode: z.string(),
  tellerId: z.string(),
  tellerName: z.string(),
  state: TillStateSchema,
  openedAt: z.string(),
  /** Business date (YYYY-MM-DD) the till was opened for. */
  businessDate: z.string(),
  openingCount: DenominationCountSchema,
  openingTotal: PesosSchema,
  /** Cash position by denomination right now. */
  position: DenominationCountSchema,
  positionTotal: PesosSchema,
});
export type TillSession = z.infer<typeof TillSessionSchema>;

export const tillChannels = {
  'till.current': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({ till: TillSessionSchema.nullable() }),
  }),
  'till.open': channel({
    access: 'user',
    request: z.object({
      idempotencyKey: IdempotencyKey,
      count: DenominationCountSchema,
      /** What the teller says the count adds up to; must equal the count's total. */
      declaredTotal: PesosSchema,
    }),
    response: z.object({ till: TillSessionSchema }),
    errors: ['TILL_ALREADY_OPEN', 'ROLE_NOT_ALLOWED', 'COUNT_MISMATCH', 'IDEMPOTENCY_CONFLICT'],
  }),
} as const;
