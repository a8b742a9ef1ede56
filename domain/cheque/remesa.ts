import { z } from 'zod';
import { type IsoDate, IsoDateSchema } from '../calendar/iso-date';
import { PositivePesosSchema, formatPesos } from '../money/pesos';
import { bankName } from './banks';
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

/**
 * Why an event does not apply to a remesa in its state, and what to do instead (null: it applies). One wording
 * for the core's refusal and for the screen, which refuses D itself before asking for a causal: "La remesa está
 * pagada; no se puede pagar" left the teller without the next step.
 */
export const remesaRefusal = (r: { status: RemesaStatus; sentOn?: IsoDate | undefined; paidOn?: IsoDate | undefined; returnedOn?: IsoDate | undefined }, event: RemesaEvent['type']): string | null => {
  if (ALLOWED[r.status].includes(event)) return null;
  const on = (d: IsoDate | undefined) => (d ? ` el ${formatReceiptDate(d)}` : '');
  switch (r.status) {
    case 'recibida':
      return event === 'pagar'
        ? 'La remesa aún no se ha enviado al banco girado: márquela enviada (E) cuando la despache, y pagada (P) cuando el banco girado la pague.'
        : 'La remesa aún no se ha enviado al banco girado: márquela enviada (E) antes de registrar una devolución.';
    case 'enviada':
      return `La remesa ya se envió al banco girado${on(r.sentOn)}: cuando responda, márquela pagada (P) o devuelta (D).`;
    case 'pagada':
      return event === 'devolver'
        ? `El banco girado ya pagó esta remesa${on(r.paidOn)}: no se puede registrar como devuelta.`
        : `El banco girado ya pagó esta remesa${on(r.paidOn)}: no queda nada por hacer con ella.`;
    case 'devuelta':
      return `Esta remesa ya está registrada como devuelta${on(r.returnedOn)}: no queda nada por hacer con ella.`;
  }
};

export const applyRemesaEvent = (r: Remesa, event: RemesaEvent): Result<Remesa> => {
  const refusal = remesaRefusal(r, event.type);
  if (refusal !== null) return fail('REMESA_INVALID_TRANSITION', refusal, { status: r.status, event: event.type });
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

/** A remesa as the teller is asked about it before moving it: the cheque, the account and when it is expected paid. */
export interface RemesaAsked {
  readonly chequeNumber: string;
  readonly bank: string;
  readonly amount: number;
  readonly accountNumber: string;
  readonly expectedOn: IsoDate;
  /** The business date is before `expectedOn` (the core's clock says it; the screen has none). */
  readonly beforeExpected?: boolean | undefined;
}

const named = (r: RemesaAsked) => `la remesa ${r.chequeNumber} de ${bankName(r.bank)} por ${formatPesos(r.amount)}`;
const masked = (account: string) => `****${account.slice(-4)}`;

/**
 * The question before E or P moves a remesa, one line each (seed 003 cl. 3.9): P makes its whole value withdrawable,
 * so a stray key must not do it; marking it paid before the date it was expected is said plainly.
 */
export const remesaMoveQuestion = (r: RemesaAsked, event: 'enviar' | 'pagar'): string[] =>
  event === 'pagar'
    ? [
        `¿Confirma que el banco girado pagó ${named(r)} a la cuenta ${masked(r.accountNumber)}? Su valor queda disponible para retirar.`,
        ...(r.beforeExpected ? [`Atención: se esperaba pagada el ${formatReceiptDate(r.expectedOn)}; la marca antes de esa fecha. Hágalo solo con la confirmación del banco girado.`] : []),
        'Enter confirma, Esc cancela.',
      ]
    : [`¿Confirma que ${named(r)} de la cuenta ${masked(r.accountNumber)} se envió al banco girado?`, 'Enter confirma, Esc cancela.'];

/** What the screen says once the move is made. */
export const remesaMovedText = (r: RemesaAsked, event: 'enviar' | 'pagar'): string =>
  event === 'pagar'
    ? `Remesa ${r.chequeNumber} marcada pagada: ${formatPesos(r.amount)} quedan disponibles en la cuenta ${masked(r.accountNumber)}.`
    : `Remesa ${r.chequeNumber} marcada enviada al banco girado.`;
