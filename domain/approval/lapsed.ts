import { z } from 'zod';
import { PesosSchema, formatPesos } from '../money/pesos';

/** Every kind of request put to a supervisor: the comprobante approvals' and the till's own requests. */
export const RequestKindSchema = z.enum(['deposit', 'withdrawal', 'transfer', 'till_difference', 'till_reopen', 'reversal', 'reactivation', 'till_transfer_block']);
export type RequestKind = z.infer<typeof RequestKindSchema>;

/** A request of the teller's own that lapsed with no supervisor's decision, as Inicio tells it (once). */
export const LapsedRequestSchema = z.object({
  /** The request's id: what the screen acknowledges once it has shown it. */
  id: z.string(),
  kind: RequestKindSchema,
  /** The comprobante it was about, when it names one (a reversal's). */
  reference: z.string().nullable(),
  /** Null when the request carries none (a reopening, a reactivation). */
  amount: PesosSchema.nullable(),
  expiresAt: z.string(),
});
export type LapsedRequest = z.infer<typeof LapsedRequestSchema>;

const WHAT: Record<RequestKind, string> = {
  deposit: 'consignación',
  withdrawal: 'retiro',
  transfer: 'transferencia',
  till_difference: 'diferencia de caja',
  till_reopen: 'reapertura de caja',
  reversal: 'reverso',
  reactivation: 'reactivación de cuenta',
  till_transfer_block: 'traslado entre cajas',
};

/** What Inicio says of a lapsed request: what it was for, for how much, and what to do now. */
export const lapsedRequestNotice = (r: Pick<LapsedRequest, 'kind' | 'reference' | 'amount'>): string =>
  `La solicitud de autorización de ${WHAT[r.kind]}${r.reference ? ` de ${r.reference}` : ''}${r.amount === null ? '' : ` por ${formatPesos(r.amount)}`} venció sin decisión del supervisor. Pida de nuevo la autorización.`;
