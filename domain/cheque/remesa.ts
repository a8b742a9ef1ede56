import { z } from 'zod';
import { type IsoDate, IsoDateSchema } from '../calendar/iso-date';
import { PositivePesosSchema } from '../money/pesos';
import { formatReceiptDate } from '../calendar/bogota-time';
import { type Result, fail, ok } from '../rules-config/result';
import { findCausal } from './causales';

/**
 * A cheque de otra plaza received as remesa al cobro (seed 003 cl. 3.9): `recibida → enviada → pagada |
 * devuelta`. `pagada` and `devuelta` are final. Dates never go backwards.
 */
export const RemesaStatusSchema = z.enum(['recibida', 'enviada', 'pagada', 'devuelta']);
export type RemesaStatus = z.infer<typeof RemesaStatusSchema>;

export const RemesaSchema = z.object({
  id: z.string().min(1),
  accountNumber: z.string(),
  amount: PositivePesosSchema,
  status: RemesaStatusSchema,
  receivedOn: IsoDateSchema,
  sentOn: IsoDateSchema.optional(),
  paidOn: IsoDateSchema.optional(),
  returnedOn: IsoDateSchema.optional(),
  causalId: z.string().optional(),
});
export type Remesa = z.infer<typeof RemesaSchema>;

export type RemesaEvent =
  | { readonly type: 'enviar'; readonly on: IsoDate }
  | { readonly type: 'pagar'; readonly on: IsoDate }
  | { readonly type: 'devolver'; readonly on: IsoDate; readonly causalId: string };

export const ALLOWED: Readonly<Record<RemesaStatus, readonly RemesaEvent['type'][]>> = {
  recibida: ['enviar'],
  enviada: ['pagar', 'devolver'],
  pagada: [],
  devuelta: [],
};

const lastDate = (r: Remesa): IsoDate => r.returnedOn ?? r.paidOn ?? r.sentOn ?? r.receivedOn;

export const receiveRemesa = (input: { id: string; accountNumber: string; amount: number; on: IsoDate }): Remesa => ({
  id: input.id,
  accountNumber: input.accountNumber,
  amount: input.amount,
  status: 'recibida',
  receivedOn: input.on,
});

export const applyRemesaEvent = (r: Remesa, event: RemesaEvent): Result<Remesa> => {
  if (!ALLOWED[r.status].includes(event.type)) {
    return fail('REMESA_INVALID_TRANSITION', `La remesa está ${r.status}; no se puede ${event.type}.`, { status: r.status, event: event.type });
  }
  if (event.on < lastDate(r)) {
    return fail('REMESA_DATE_BEFORE_PREVIOUS', `La fecha ${formatReceiptDate(event.on)} es anterior al último cambio de la remesa (${formatReceiptDate(lastDate(r))}). Verifique la fecha y hora del equipo e informe a soporte; no registre el cambio a mano.`);
  }
  switch (event.type) {
    case 'enviar':
      return ok({ ...r, status: 'enviada', sentOn: event.on });
    case 'pagar':
      return ok({ ...r, status: 'pagada', paidOn: event.on });
    case 'devolver': {
      const causal = findCausal(event.causalId);
      if (!causal) return fail('RETURN_CAUSAL_UNKNOWN', 'Seleccione una causal de devolución válida.', { causalId: event.causalId });
      return ok({ ...r, status: 'devuelta', returnedOn: event.on, causalId: causal.id });
    }
  }
};
