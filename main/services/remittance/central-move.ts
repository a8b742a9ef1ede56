import type { Operation } from '../../../domain/central-api';
import { AppError } from '../../core/errors';
import { derivedKey } from '../../core/hash';
import type { RemittanceRecord } from '../../store/remittance/repo';
import type { ComprobanteDeps } from '../comprobante/deps';

export type MoveOperation = Extract<Operation, { type: 'remesa_sent' | 'cheque_paid' }>;

/**
 * What central must learn of a remesa sent (every workstation of the branch lists it as sent) or paid (the drawee
 * bank paid: its cheque deposit moves from canje to available). Its key and time derive from the teller's request,
 * so the call made at once and the outbox's later send of the same request are one operation at central.
 */
export const moveOperation = (
  deps: Pick<ComprobanteDeps, 'idempotent' | 'clock' | 'workstation'>,
  rec: RemittanceRecord,
  event: 'enviar' | 'pagar',
  idempotencyKey: string,
): MoveOperation => {
  const type = event === 'enviar' ? 'remesa_sent' : 'cheque_paid';
  const key = derivedKey('remesa_move', idempotencyKey, type, rec.centralKey);
  const first = deps.idempotent('remittance.prepare-move', key, { centralKey: rec.centralKey, type }, () => ({ at: deps.clock.now().toISOString() }));
  return {
    key,
    branch: deps.workstation.branchCode,
    workstation: deps.workstation.id,
    occurredAt: first.at,
    account: rec.remesa.accountNumber,
    type,
    payload: { depositKey: rec.centralKey },
  };
};

/** Central's refusal of a move sent at once: another workstation sent, paid or returned the remesa first. */
export interface MoveRefusal {
  reason: string;
  message: string;
}

/**
 * Online, the operation goes to central right after the local save (the remesa's new state and the outbox message of
 * the same key, one transaction), rather than when the outbox drains, so another workstation's next read of the
 * branch's list already shows the remesa sent or paid (and cannot record it again); the outbox's later send of the
 * same key is then a duplicate at central, applied once. No answer leaves it to the outbox. Central refusing it (sent
 * or settled at another workstation in the meantime) comes back as the refusal, for the caller to undo the save. A
 * remesa whose deposit has not reached central yet waits for it in the outbox.
 */
export const sendMoveNow = async (
  deps: Pick<ComprobanteDeps, 'central' | 'outbox'>,
  rec: Pick<RemittanceRecord, 'centralKey' | 'takenAt'>,
  op: MoveOperation,
): Promise<MoveRefusal | null> => {
  const atCentral = deps.outbox.byKey(rec.centralKey)?.state === 'applied' || rec.takenAt !== null;
  if (!atCentral || !deps.central) return null;
  const r = await deps.central.call('postOperations', { operations: [op] }).catch(() => null);
  const result = r?.ok ? r.data.results[0] : undefined;
  if (result === undefined || result.status === 'conflict' || result.first.outcome === 'applied') return null;
  return { reason: result.first.reason, message: result.first.message };
};

/** What the teller reads when central refused the move: nothing changed here either. */
export const refusedMove = (rec: Pick<RemittanceRecord, 'chequeNumber'>, op: MoveOperation, refusal: MoveRefusal): AppError =>
  new AppError(
    'REMESA_INVALID_TRANSITION',
    `Central no registró la remesa del cheque ${rec.chequeNumber} como ${op.type === 'remesa_sent' ? 'enviada' : 'pagada'}: ${refusal.message} Otra estación pudo registrarla antes. Actualice la lista e intente de nuevo.`,
    { reason: refusal.reason },
  );
