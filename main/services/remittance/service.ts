import { findCausal } from '../../../domain/cheque/causales';
import { applyRemesaEvent, type RemesaEvent, type RemesaStatus } from '../../../domain/cheque/remesa';
import { planReturnedCheque } from '../../../domain/cheque/returned';
import type { RemittanceView } from '../../../domain/contract/remittance';
import type { PostedComprobante } from '../../../domain/contract/receipt';
import type { User } from '../../../domain/contract/session';
import { formatPesos } from '../../../domain/money/pesos';
import { buildChequeReturnReceipt } from '../../../domain/receipt/build-cheque-return';
import { ReceiptDocumentSchema, type ReceiptDocument } from '../../../domain/receipt/document';
import { AppError } from '../../core/errors';
import { bogotaDate } from '../../core/runtime';
import type { RemittanceRecord } from '../../store/remittance/repo';
import type { ComprobanteDeps } from '../comprobante/deps';
import { verificationCodeOf } from '../comprobante/posting';
import { checkSupervisor } from '../session/check-supervisor';
import type { Db } from '../../store/db';

type AdvanceEvent =
  | { type: 'enviar' }
  | { type: 'pagar' }
  | { type: 'devolver'; causalId: string; chargeFee: boolean; waiver?: { username: string; password: string } | undefined };
/** What the posting records: the waiver as the supervisor who authorized it, never their password. */
type StoredEvent = Exclude<AdvanceEvent, { type: 'devolver' }> | { type: 'devolver'; causalId: string; chargeFee: boolean; waivedBy: string | null };

export interface AdvanceResult {
  remittance: RemittanceView;
  /** Only for a return: the receipt handed to the printer, and its job. */
  receipt?: ReceiptDocument;
  printJob?: NonNullable<PostedComprobante['printJob']>;
}

/** What the return receipt is printed under at the devices service: the deposit's sequence plus `-DEV`. */
export const returnReference = (sequence: string): string => `${sequence}-DEV`;

/**
 * Remesas al cobro (seed 003 cl. 3.9): sent to the drawee bank's city, then paid or returned. A return reverses
 * the conditional credit at central (a `reversal` of the remesa's own cheque operation, carrying the returned-
 * cheque fee when charged, cl. 4.2 h), prints a receipt for the customer and tells the teller what to say;
 * every step is journaled.
 */
export const createRemittanceService = (deps: ComprobanteDeps & { db: Db }) => {
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

  /** One transaction: the remesa's new state, the reversal (and fee) for central, the journal and the receipt. */
  /**
   * Seed 003 cl. 4.2 h lets the bank charge the fee; not charging it when the tariff has one is an exception a
   * supervisor other than the teller authorizes with their own credentials (maker ≠ checker, checked here).
   */
  const authorizeWaiver = async (user: User, remittanceId: string, event: AdvanceEvent): Promise<StoredEvent> => {
    if (event.type !== 'devolver') return event;
    const { waiver, ...rest } = event;
    if (event.chargeFee || deps.rules.returnedChequeFee === 0) return { ...rest, waivedBy: null };
    if (!waiver) {
      throw new AppError(
        'FEE_WAIVER_NEEDS_SUPERVISOR',
        `No cobrar la comisión por cheque devuelto (${formatPesos(deps.rules.returnedChequeFee)}) es una excepción: el supervisor debe autorizarla con su usuario y contraseña.`,
      );
    }
    const sup = await checkSupervisor(deps, { ...waiver, makers: [user.id], makersFirst: true, context: 'exoneracion comision cheque devuelto', details: { remittanceId } });
    return { ...rest, waivedBy: sup.id };
  };

  const advanceInStore = (user: User, req: { idempotencyKey: string; remittanceId: string; event: StoredEvent }): RemittanceRecord =>
    deps.idempotent('remittance.advance', req.idempotencyKey, req, () => {
      const rec = deps.remittances.findById(req.remittanceId);
      if (!rec) throw new AppError('REMITTANCE_NOT_FOUND', 'No existe esa remesa. Actualice la lista e intente de nuevo.');
      const now = deps.clock.now();
      const on = bogotaDate(now);
      const at = now.toISOString();
      const event: RemesaEvent = req.event.type === 'devolver' ? { type: 'devolver', on, causalId: req.event.causalId } : { type: req.event.type, on };
      const next = applyRemesaEvent(rec.remesa, event);
      if (!next.ok) throw new AppError(next.error.code, next.error.message, next.error.details);
      const plan =
        req.event.type === 'devolver'
          ? planReturnedCheque({ amount: rec.remesa.amount, heldIn: 'onHold', causalId: req.event.causalId, chargeFee: req.event.chargeFee }, deps.rules)
          : null;
      if (plan && !plan.ok) throw new AppError(plan.error.code, plan.error.message);
      const fee = plan?.ok ? plan.value.fee : 0;
      if (fee > 0) {
        // Central charges the fee with the reversal only if the available balance covers it; say so before.
        const available = deps.accounts.get(rec.remesa.accountNumber)?.account.balances.available ?? 0;
        if (available < fee) {
          throw new AppError(
            'RETURN_FEE_EXCEEDS_BALANCE',
            `La cuenta tiene ${formatPesos(available)} disponibles y la comisión por cheque devuelto es ${formatPesos(fee)}. Registre la devolución sin comisión, con la autorización del supervisor.`,
            { available, fee },
          );
        }
      }
      if (plan?.ok) {
        deps.outbox.enqueue({
          key: deps.ids.uuid(),
          branch: deps.workstation.branchCode,
          workstation: deps.workstation.id,
          occurredAt: at,
          account: rec.remesa.accountNumber,
          type: 'reversal',
          payload: {
            reversesKey: rec.centralKey,
            reasonCode: `CHEQUE_DEVUELTO_${plan.value.causal.id}`.slice(0, 40).toUpperCase(),
            ...(fee > 0 ? { fee } : {}),
          },
        });
      }
      if (req.event.type === 'pagar') {
        // The drawee bank paid: central moves the remesa's own cheque deposit from canje to available.
        deps.outbox.enqueue({
          key: deps.ids.uuid(),
          branch: deps.workstation.branchCode,
          workstation: deps.workstation.id,
          occurredAt: at,
          account: rec.remesa.accountNumber,
          type: 'cheque_paid',
          payload: { depositKey: rec.centralKey },
        });
      }
      const entry = deps.journal.record('comprobante', user.id, {
        action: `remesa_${next.value.status}`,
        remittanceId: rec.remesa.id,
        sequence: rec.sequence,
        account: rec.remesa.accountNumber,
        amount: rec.remesa.amount,
        causalId: next.value.causalId ?? null,
        returnFee: fee,
      });
      if (req.event.type === 'devolver' && req.event.waivedBy !== null) {
        deps.journal.record('approval', req.event.waivedBy, {
          action: 'aprobada',
          reasons: ['RETURNED_CHEQUE_FEE_WAIVER'],
          makerId: user.id,
          checkerId: req.event.waivedBy,
          remittanceId: rec.remesa.id,
          sequence: rec.sequence,
          account: rec.remesa.accountNumber,
          amount: deps.rules.returnedChequeFee,
        });
      }
      let receipt: string | null = null;
      if (plan?.ok) {
        const ws = deps.workstation;
        const doc = buildChequeReturnReceipt({
          header: {
            sequence: returnReference(rec.sequence),
            branch: { code: ws.branchCode, name: ws.branchName },
            till: ws.tillCode,
            teller: deps.users.findById(user.id)?.displayName ?? user.displayName,
            postedAt: at,
            verificationCode: verificationCodeOf(entry.hash),
          },
          accountNumber: rec.remesa.accountNumber,
          holderName: rec.holderName,
          bank: rec.bank,
          chequeNumber: rec.chequeNumber,
          city: rec.city,
          amount: rec.remesa.amount,
          depositSequence: rec.sequence,
          plan: plan.value,
        });
        receipt = JSON.stringify(doc);
      }
      if (!deps.remittances.save(next.value, rec.remesa.status, fee, at, receipt)) {
        throw new AppError('REMESA_INVALID_TRANSITION', 'Otro usuario cambió esta remesa al mismo tiempo. Actualice la lista e intente de nuevo.');
      }
      const saved = deps.remittances.findById(rec.remesa.id);
      if (!saved) throw new AppError('REMITTANCE_NOT_FOUND', 'La remesa desapareció mientras se actualizaba. Informe a soporte.');
      return saved;
    });

  return {
    list: (status?: RemesaStatus) => deps.remittances.list(status).map(view),

    advance: async (user: User, req: { idempotencyKey: string; remittanceId: string; event: AdvanceEvent }): Promise<AdvanceResult> => {
      const event = await authorizeWaiver(user, req.remittanceId, req.event);
      const saved = advanceInStore(user, { idempotencyKey: req.idempotencyKey, remittanceId: req.remittanceId, event });
      const remittance = view(saved);
      if (saved.remesa.status !== 'devuelta' || saved.returnReceipt === null) return { remittance };
      const receipt = ReceiptDocumentSchema.parse(JSON.parse(saved.returnReceipt));
      // Once per return: a replay reports the job it already has instead of printing again.
      const [existing] = deps.printer.jobs(receipt.sequence);
      if (existing) return { remittance, receipt, printJob: existing };
      const { jobId } = await deps.printer.print(receipt);
      const job = deps.printer.jobs(receipt.sequence).find((j) => j.jobId === jobId);
      return { remittance, receipt, printJob: { jobId, state: job?.state ?? 'queued' } };
    },
  };
};
export type RemittanceService = ReturnType<typeof createRemittanceService>;
