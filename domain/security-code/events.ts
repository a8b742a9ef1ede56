import { z } from 'zod';
import { DocumentSchema } from '../identity/document';
import { CellphoneSchema } from '../identity/cellphone';
import type { SecurityCodeEvent } from './flow';

const IsoInstant = z.iso.datetime({ offset: true, message: 'Fecha y hora inválida (se espera ISO 8601)' });
const OperatorTxId = z.string().min(1, { message: 'Falta el identificador de la transacción biométrica' });

/**
 * Boundary schema for events that reach the state machine from the UI or from central. There is no override or
 * bypass event: anything else is rejected here before it reaches `advance`.
 */
export const SecurityCodeEventSchema: z.ZodType<SecurityCodeEvent, unknown> = z.union([
  z.object({
    type: z.literal('customer_found'),
    document: DocumentSchema,
    hasProducts: z.boolean(),
    registeredCellphone: CellphoneSchema.nullable(),
    registeredEmail: z.string().nullable().optional(),
    registeredAddress: z.string().nullable().optional(),
    existing: z
      .array(
        z.union([
          z.object({
            kind: z.literal('radicado'),
            radicado: z.string().min(1),
            createdAt: IsoInstant,
            state: z.enum(['radicado', 'enviado']),
            workstation: z.string().min(1),
          }),
          z.object({ kind: z.literal('flow'), flowId: z.string().min(1), startedAt: IsoInstant, step: z.string().min(1), tellerId: z.string().min(1) }),
        ]),
      )
      .optional(),
    sendNowAllowedFrom: IsoInstant.nullable().optional(),
  }),
  z.object({ type: z.literal('customer_not_found') }),
  z.object({ type: z.literal('existing_replaced'), reason: z.string() }),
  z.object({ type: z.literal('phone_stated'), phone: z.string() }),
  z.object({ type: z.literal('previous_phone_stated'), phone: z.string() }),
  z.object({ type: z.literal('previous_phone_unknown') }),
  z.object({
    type: z.literal('consent_given'),
    at: IsoInstant,
    teller: z.string().min(1),
    textVersion: z.string().min(1, { message: 'Falta la versión del texto de autorización' }),
  }),
  z.object({ type: z.literal('consent_refused') }),
  z.object({
    type: z.literal('capture_result'),
    outcome: z.enum(['no_match', 'poor_quality']),
    operatorTransactionId: z.string().min(1).nullable(),
  }),
  z.object({
    type: z.literal('capture_result'),
    outcome: z.literal('match'),
    operatorTransactionId: OperatorTxId,
    radicado: z.string().min(1, { message: 'Falta el número de radicado' }),
    now: IsoInstant,
  }),
  z.object({ type: z.literal('central_unavailable') }),
  z.object({ type: z.literal('cancel') }),
]);
