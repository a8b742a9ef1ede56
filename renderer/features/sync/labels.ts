import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { SyncStatus } from '../../../domain/contract/sync';

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

export const formatWhen = (iso: string | null): string => (iso ? formatReceiptDateTime(iso) : '—');

/** Business date at the branch (Colombia, UTC−5, no DST), `YYYY-MM-DD`, for the journal search of today. */
export const bogotaToday = (now: Date): string => new Date(now.getTime() - 5 * 3_600_000).toISOString().slice(0, 10);
