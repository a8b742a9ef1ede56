import { findCausal } from '../../../domain/cheque/causales';
import { applyRemesaEvent, type RemesaEvent, type RemesaStatus } from '../../../domain/cheque/remesa';
import { planReturnedCheque } from '../../../domain/cheque/returned';
import type { RemittanceView } from '../../../domain/contract/remittance';
import type { User } from '../../../domain/contract/session';
import { AppError } from '../../core/errors';
import { bogotaDate } from '../../core/runtime';
import type { RemittanceRecord } from '../../store/remittance/repo';
import type { ComprobanteDeps } from '../comprobante/deps';

type AdvanceEvent = { type: 'enviar' } | { type: 'pagar' } | { type: 'devolver'; causalId: string; chargeFee: boolean };

/**
 * Remesas al cobro (seed 003 cl. 3.9): sent to the drawee bank's city, then paid or returned. A return reverses
 * the conditional credit at central (a `reversal` of the remesa's own cheque operation) and tells the teller
 * what to say to the customer; every step is journaled.
 */
export const createRemittanceService = (deps: ComprobanteDeps) => {
  const view = (r: RemittanceRecord): RemittanceView => {
    const q = r.remesa;
    const causal = q.causalId ? findCausal(q.causalId) : undefined;
    return {
      id: q.id,
      sequence: r.sequence,
      accountNumber: q.accountNumber,
      holderName: r.holderName,
      bank: r.bank,
      chequeNumber: r.chequeNumber,
      city: r.city,
      amount: q.amount,
      status: q.status,
      receivedOn: q.receivedOn,
      expectedOn: r.expectedOn,
      ...(q.sentOn ? { sentOn: q.sentOn } : {}),
      ...(q.paidOn ? { paidOn: q.paidOn } : {}),
      ...(q.returnedOn ? { returnedOn: q.returnedOn } : {}),
      ...(q.causalId ? { causalId: q.causalId } : {}),
      ...(causal ? { causalText: causal.text, customerNotice: `Su cheque fue devuelto por "${causal.text}". Reclámelo en la oficina donde tiene la cuenta (cláusula 3.9).` } : {}),
      returnFee: r.returnFee,
    };
  };

  return {
    list: (status?: RemesaStatus) => deps.remittances.list(status).map(view),

    advance: (user: User, req: { idempotencyKey: string; remittanceId: string; event: AdvanceEvent }): RemittanceView =>
      deps.idempotent('remittance.advance', req.idempotencyKey, req, () => {
        const rec = deps.remittances.findById(req.remittanceId);
        if (!rec) throw new AppError('REMITTANCE_NOT_FOUND', 'No existe esa remesa. Actualice la lista (F5) e intente de nuevo.');
        const now = deps.clock.now();
        const on = bogotaDate(now);
        const at = now.toISOString();
        const event: RemesaEvent = req.event.type === 'devolver' ? { type: 'devolver', on, causalId: req.event.causalId } : { type: req.event.type, on };
        const next = applyRemesaEvent(rec.remesa, event);
        if (!next.ok) throw new AppError(next.error.code, next.error.message, next.error.details);
        let fee = 0;
        if (req.event.type === 'devolver') {
          const plan = planReturnedCheque({ amount: rec.remesa.amount, heldIn: 'onHold', causalId: req.event.causalId, chargeFee: req.event.chargeFee }, deps.rules);
          if (!plan.ok) throw new AppError(plan.error.code, plan.error.message);
          fee = plan.value.fee;
          deps.outbox.enqueue({
            key: deps.ids.uuid(),
            branch: deps.workstation.branchCode,
            workstation: deps.workstation.id,
            occurredAt: at,
            account: rec.remesa.accountNumber,
            type: 'reversal',
            payload: { reversesKey: rec.centralKey, reasonCode: `CHEQUE_DEVUELTO_${plan.value.causal.id}`.slice(0, 40).toUpperCase() },
          });
        }
        if (!deps.remittances.save(next.value, rec.remesa.status, fee, at)) {
          throw new AppError('REMESA_INVALID_TRANSITION', 'Otro usuario cambió esta remesa al mismo tiempo. Actualice la lista e intente de nuevo.');
        }
        deps.journal.record('comprobante', user.id, {
          action: `remesa_${next.value.status}`,
          remittanceId: rec.remesa.id,
          sequence: rec.sequence,
          account: rec.remesa.accountNumber,
          amount: rec.remesa.amount,
          causalId: next.value.causalId ?? null,
          returnFee: fee,
        });
        const saved = deps.remittances.findById(rec.remesa.id);
        if (!saved) throw new AppError('REMITTANCE_NOT_FOUND', 'La remesa desapareció mientras se actualizaba. Informe a soporte.');
        return view(saved);
      }),
  };
};
export type RemittanceService = ReturnType<typeof createRemittanceService>;
