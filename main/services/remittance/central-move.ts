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

/**
 * Online, the operation goes to central now rather than when the outbox drains, so another workstation's next read
 * of the branch's list already shows the remesa sent or paid (and cannot record it again). Central refusing it (sent
 * or settled at another workstation in the meantime) stops the teller here; no answer leaves it to the outbox, which
 * sends the same operation later. A remesa whose deposit has not reached central yet waits for it in the outbox.
 */
export const sendMoveNow = async (
  deps: Pick<ComprobanteDeps, 'central' | 'outbox'>,
  rec: Pick<RemittanceRecord, 'centralKey' | 'takenAt' | 'chequeNumber'>,
  op: MoveOperation,
): Promise<void> => {
  const atCentral = deps.outbox.byKey(rec.centralKey)?.state === 'applied' || rec.takenAt !== null;
  if (!atCentral || !deps.central) return;
  const r = await deps.central.call('postOperations', { operations: [op] }).catch(() => null);
  const result = r?.ok ? r.data.results[0] : undefined;
  if (result === undefined || result.status === 'conflict' || result.first.outcome === 'applied') return;
  const what = op.type === 'remesa_sent' ? 'enviada' : 'pagada';
  throw new AppError(
    'REMESA_INVALID_TRANSITION',
    `Central no registró la remesa del cheque ${rec.chequeNumber} como ${what}: ${result.first.message} Otra estación pudo registrarla antes. Actualice la lista e intente de nuevo.`,
    { reason: result.first.reason },
  );
};
