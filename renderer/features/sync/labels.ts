import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { SyncRejection, SyncStatus } from '../../../domain/contract/sync';

/** Spanish words for what the sync screens show; codes stay in the data, the teller reads these. */
export const LINK_LABEL: Record<SyncStatus['state'], string> = {
  online: 'En línea',
  offline: 'Sin conexión',
  unknown: 'Sin verificar',
};

export const MODE_LABEL: Record<SyncStatus['mode'], string> = { normal: 'Normal', contingencia: 'CONTINGENCIA' };

/** Outbox states as a supervisor names them (the order is the order of the table). */
export const QUEUE_STATES: { key: keyof SyncStatus['counts']; label: string; hint: string }[] = [
  { key: 'pending', label: 'Por enviar', hint: 'Registradas en la oficina, aún no enviadas a central.' },
  { key: 'unknown', label: 'Sin confirmar', hint: 'Enviadas sin respuesta: se consulta a central antes de reenviar.' },
  { key: 'applied', label: 'Aplicadas', hint: 'Central las registró.' },
  { key: 'rejected', label: 'Rechazadas', hint: 'Central no las aceptó: revíselas en Rechazos de central.' },
  { key: 'conflict', label: 'En conflicto', hint: 'La misma llave con otro contenido: informe a soporte.' },
];

export const OPERATION_LABEL: Record<string, string> = {
  cash_deposit: 'Consignación en efectivo',
  cheque_deposit: 'Consignación con cheque',
  cheque_paid: 'Remesa pagada',
  deposit_commission: 'Comisión de consignación',
  withdrawal: 'Retiro',
  transfer: 'Transferencia',
  till_open: 'Apertura de caja',
  till_close: 'Cierre de caja',
  reversal: 'Reverso',
  contact_update: 'Actualización de datos',
};

/**
 * What the supervisor does about a rejection. Central's message states only the fact (it cannot know whether the
 * branch already paid), so what to do depends on what the operation did at the counter: a withdrawal's cash is
 * already out, a transfer or a commission moved no cash, a reversal already moved its cash in the till.
 */
export const rejectionFollowUp = (r: Pick<SyncRejection, 'type' | 'status' | 'contingency'>): string => {
  if (r.status === 'conflict') return 'La llave de la operación llegó a central con otro contenido: no se aplicó. Informe a soporte antes de regularizar con el cliente.';
  switch (r.type) {
    case 'withdrawal':
      return `El efectivo ya se entregó${r.contingency ? ' (pagado en contingencia)' : ''} y central no debitó la cuenta: contacte al cliente para que consigne o reintegre el valor y haga seguimiento hasta regularizarlo. Deje en la nota lo acordado.`;
    case 'transfer':
      return 'No salió efectivo de la caja: central no movió ninguna de las dos cuentas. Informe al cliente que la transferencia no se hizo; si la pide, regístrela de nuevo.';
    case 'deposit_commission':
      return 'No salió efectivo de la caja: la comisión no se cobró a la cuenta. Regularice el cobro según el procedimiento de la oficina.';
    case 'reversal':
      return 'Central no aplicó el reverso: la operación original sigue registrada en la cuenta, aunque la caja ya movió el efectivo del reverso (si lo hubo). Contacte al cliente y regularice antes de marcarla como revisada.';
    default:
      return 'Contacte al cliente y regularice la operación según el procedimiento de la oficina antes de marcarla como revisada.';
  }
};

export const formatWhen = (iso: string | null): string => (iso ? formatReceiptDateTime(iso) : '—');

/** Business date at the branch (Colombia, UTC−5, no DST), `YYYY-MM-DD`, for the journal search of today. */
export const bogotaToday = (now: Date): string => new Date(now.getTime() - 5 * 3_600_000).toISOString().slice(0, 10);
