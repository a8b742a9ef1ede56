import { z } from 'zod';
import { formatReceiptDateTime } from '../calendar/bogota-time';

/**
 * A security-code request radicated at the branch after a biometric match (seed 000: "procede a radicar la
 * generación del código de seguridad … la cual llegará a su celular en máximo 24 horas"). Times are ISO strings
 * supplied by the caller's clock; the status is derived from them and an injected `now`, never stored, so it
 * cannot disagree with the facts.
 */
export const RADICATION_DEADLINE_HOURS = 24;
const HOUR_MS = 3_600_000;

export const RADICATION_STATUSES = ['radicado', 'enviado', 'entregado', 'vencido'] as const;
export type RadicationStatus = (typeof RADICATION_STATUSES)[number];

const IsoInstant = z.iso.datetime({ offset: true, message: 'Fecha y hora inválida (se espera ISO 8601)' });

export const RadicationSchema = z.object({
  radicado: z.string().min(1, { message: 'Falta el número de radicado' }),
  radicatedAt: IsoInstant,
  deadline: IsoInstant,
  sentAt: IsoInstant.nullable(),
  deliveredAt: IsoInstant.nullable(),
});
export type Radication = z.infer<typeof RadicationSchema>;

export type RadicationErrorCode = 'RADICATION_TIME_INVALID' | 'RADICATION_NOT_SENT' | 'RADICATION_ALREADY_RECORDED';
export type RadicationResult =
  | { ok: true; value: Radication }
  | { ok: false; error: { code: RadicationErrorCode; message: string } };

const ms = (iso: string): number => Date.parse(iso);

/** Deadline = radication time + 24 h, as an ISO instant in UTC. */
export const radicationDeadline = (radicatedAt: string): string =>
  new Date(ms(radicatedAt) + RADICATION_DEADLINE_HOURS * HOUR_MS).toISOString();

export const newRadication = (radicado: string, radicatedAt: string): Radication => ({
  radicado,
  radicatedAt,
  deadline: radicationDeadline(radicatedAt),
  sentAt: null,
  deliveredAt: null,
});

/** Delivered at or before the deadline counts as on time ("máximo 24 horas"). */
const deliveredInTime = (r: Radication): boolean => r.deliveredAt !== null && ms(r.deliveredAt) <= ms(r.deadline);

/**
 * `radicado → enviado → entregado | vencido`. Overdue means not delivered by the deadline: a delivery reported
 * after the deadline keeps the request `vencido`, because the promise made to the customer was broken.
 */
export const radicationStatus = (r: Radication, now: string): RadicationStatus => {
  if (deliveredInTime(r)) return 'entregado';
  if (r.deliveredAt !== null || ms(now) > ms(r.deadline)) return 'vencido';
  return r.sentAt !== null ? 'enviado' : 'radicado';
};

const badTime = (what: string): RadicationResult => ({
  ok: false,
  error: {
    code: 'RADICATION_TIME_INVALID',
    message: `La hora de ${what} es anterior a la radicación o no es válida. Verifique la hora del equipo y reporte a soporte.`,
  },
});

/** Central reports the SMS handed to the operator. */
export const recordSent = (r: Radication, at: string): RadicationResult => {
  if (!IsoInstant.safeParse(at).success || ms(at) < ms(r.radicatedAt)) return badTime('envío');
  if (r.sentAt !== null) {
    return { ok: false, error: { code: 'RADICATION_ALREADY_RECORDED', message: `El envío del radicado ${r.radicado} ya estaba registrado.` } };
  }
  return { ok: true, value: { ...r, sentAt: at } };
};

/** Central reports the delivery receipt; it must follow the send. */
export const recordDelivered = (r: Radication, at: string): RadicationResult => {
  if (r.sentAt === null) {
    return {
      ok: false,
      error: {
        code: 'RADICATION_NOT_SENT',
        message: `El radicado ${r.radicado} aún no figura como enviado; no se puede marcar como entregado.`,
      },
    };
  }
  if (!IsoInstant.safeParse(at).success || ms(at) < ms(r.sentAt)) return badTime('entrega');
  if (r.deliveredAt !== null) {
    return { ok: false, error: { code: 'RADICATION_ALREADY_RECORDED', message: `La entrega del radicado ${r.radicado} ya estaba registrada.` } };
  }
  return { ok: true, value: { ...r, deliveredAt: at } };
};

/** Spanish status line for the teller and for the customer's printed constancia. */
export const radicationStatusMessage = (r: Radication, now: string): string => {
  const deadline = formatReceiptDateTime(r.deadline);
  switch (radicationStatus(r, now)) {
    case 'radicado':
      return `Solicitud radicada con el número ${r.radicado}. El código de seguridad llegará al celular del cliente a más tardar el ${deadline}.`;
    case 'enviado':
      return `Radicado ${r.radicado}: el código fue enviado al celular del cliente; falta la confirmación de entrega (plazo: ${deadline}).`;
    case 'entregado':
      return `Radicado ${r.radicado}: el código fue entregado al celular del cliente.`;
    case 'vencido':
      return `Radicado ${r.radicado} vencido: el código no se entregó antes del ${deadline}. Escale el caso al área de servicio al cliente.`;
  }
};
