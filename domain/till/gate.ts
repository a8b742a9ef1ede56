import { formatPesos, type Pesos } from '../money/pesos';
import { plural } from '../language/plural';
import type { HoldingCheck } from './holding';

/**
 * Pre-close gate (teller-anchors §4 item 13): closing a till is blocked while anything of the day is still
 * open. The gate is a pure function over facts the core gathers; each blocking item says, in the teller's
 * words, what is open and where to resolve it.
 */
export interface PreCloseFacts {
  /** Approval requests of this teller still waiting for a supervisor. */
  pendingApprovals: number;
  /** What each of them is about, as the supervisor reads it ("Reverso de Consignación 001-02-000003 por $ 100.000"). */
  pendingApprovalSummaries?: readonly string[];
  /** Operations in the outbox not yet acknowledged by central (pending or sent). */
  unsyncedOperations: number;
  /**
   * Central answering now (the status bar's "En línea"): the queue is draining by itself, so the gate says the
   * operations are on their way rather than blaming the connection. Unknown or absent: the connection is suspect.
   */
  online?: boolean;
  /** Operations whose outcome at central is unknown (timeout) and must be confirmed. */
  unknownOutcomeOperations: number;
  /** Receipts queued or failed at the printer. */
  unprintedReceipts: number;
  /** Remesas al cobro received today not yet sent to collection. */
  openRemittances: number;
  /**
   * Withdrawals and transfers asked of central with nothing posted here: central may hold the customer's funds
   * until the teller retries or abandons them.
   */
  unconfirmedDebits: number;
  /** Cash transfers from or to this till still `en tránsito`. */
  transfersInTransit: number;
  positionTotal: Pesos;
  /** Blind close: the teller reading the gate is not told the till's cash, only that it is above the limit. */
  blind?: boolean;
  /** The till against its holding limit (checkHolding): above it, closing waits for the surplus to go. */
  holding: Pick<HoldingCheck, 'state' | 'limit' | 'surplus'>;
}

export type GateItemCode =
  | 'PENDING_APPROVALS'
  | 'UNSYNCED_OPERATIONS'
  | 'UNKNOWN_OUTCOME'
  | 'UNCONFIRMED_DEBITS'
  | 'UNPRINTED_RECEIPTS'
  | 'OPEN_REMITTANCES'
  | 'TRANSFERS_IN_TRANSIT'
  | 'CASH_ABOVE_LIMIT';

export interface GateItem {
  code: GateItemCode;
  count: number;
  /** What is open. */
  message: string;
  /** Where to resolve it (screen and key). */
  resolveAt: string;
}

export interface GateResult {
  canClose: boolean;
  items: GateItem[];
}

export const preCloseGate = (f: PreCloseFacts): GateResult => {
  const items: GateItem[] = [];
  if (f.pendingApprovals > 0) {
    items.push({
      code: 'PENDING_APPROVALS',
      count: f.pendingApprovals,
      message: `${plural(f.pendingApprovals, 'solicitud de aprobación pendiente', 'solicitudes de aprobación pendientes')} del supervisor${
        f.pendingApprovalSummaries?.length ? `: ${f.pendingApprovalSummaries.join('; ')}` : ''
      }.`,
      resolveAt:
        'Pida al supervisor que las decida en el Escritorio del supervisor (F1), o desista: un reverso en el Diario electrónico (F5, "Desistir del reverso"); otra operación, anulándola en su pantalla.',
    });
  }
  if (f.unknownOutcomeOperations > 0) {
    items.push({
      code: 'UNKNOWN_OUTCOME',
      count: f.unknownOutcomeOperations,
      message: `${plural(f.unknownOutcomeOperations, 'operación con resultado desconocido', 'operaciones con resultado desconocido')} en central.`,
      resolveAt: 'Espere la confirmación de central (barra de estado) o consulte al supervisor en Sincronización.',
    });
  }
  if (f.unconfirmedDebits > 0) {
    items.push({
      code: 'UNCONFIRMED_DEBITS',
      count: f.unconfirmedDebits,
      message: `${plural(f.unconfirmedDebits, 'retiro o traslado sin respuesta', 'retiros o traslados sin respuesta')} de central: puede tener fondos del cliente retenidos.`,
      resolveAt: 'Repítalo con el cliente o abandónelo en Inicio ("Pendientes de confirmación").',
    });
  }
  if (f.unsyncedOperations > 0) {
    items.push({
      code: 'UNSYNCED_OPERATIONS',
      count: f.unsyncedOperations,
      ...(f.online
        ? {
            message: `Enviando ${plural(f.unsyncedOperations, 'operación', 'operaciones')} a central.`,
            resolveAt: 'Central está en línea: espere unos segundos; esta lista se revisa sola cuando la cola llegue a cero.',
          }
        : {
            message: `${plural(f.unsyncedOperations, 'operación sin sincronizar', 'operaciones sin sincronizar')} con central.`,
            resolveAt: 'Restablezca la conexión y espere a que la cola llegue a cero (barra de estado, "en cola").',
          }),
    });
  }
  if (f.unprintedReceipts > 0) {
    items.push({
      code: 'UNPRINTED_RECEIPTS',
      count: f.unprintedReceipts,
      message: `${plural(f.unprintedReceipts, 'recibo sin imprimir', 'recibos sin imprimir')}.`,
      resolveAt: 'Revise la impresora y pulse Reintentar en Dispositivos (F9).',
    });
  }
  if (f.openRemittances > 0) {
    items.push({
      code: 'OPEN_REMITTANCES',
      count: f.openRemittances,
      message: `${plural(f.openRemittances, 'remesa abierta', 'remesas abiertas')} sin enviar al cobro.`,
      resolveAt: 'Envíe las remesas al cobro en Remesas antes de cerrar.',
    });
  }
  if (f.transfersInTransit > 0) {
    items.push({
      code: 'TRANSFERS_IN_TRANSIT',
      count: f.transfersInTransit,
      message: `${plural(f.transfersInTransit, 'traslado de efectivo en tránsito', 'traslados de efectivo en tránsito')}.`,
      resolveAt: 'El receptor debe contar y aceptar el traslado en Bóveda y traslados (F10).',
    });
  }
  if (f.holding.state === 'excedido') {
    items.push({
      code: 'CASH_ABOVE_LIMIT',
      count: 1,
      message: f.blind
        ? `La caja está por encima de su límite de ${formatPesos(f.holding.limit)}.`
        : `La caja tiene ${formatPesos(f.positionTotal)}, por encima de su límite de ${formatPesos(f.holding.limit)}.`,
      resolveAt: `Traslade ${formatPesos(f.holding.surplus)} a la bóveda en Bóveda y traslados (F10).`,
    });
  }
  return { canClose: items.length === 0, items };
};
