import { centralPaidCharges, chargesDifference, chargesDifferenceText, type PaidCharges } from '../../../domain/deposit/pending-charges';
import { bogotaDate, type Clock } from '../../core/runtime';
import type { ComprobanteRepo } from '../../store/comprobante/repo';
import type { JournalRepo } from '../../store/journal/repo';
import type { PumpDeps } from '../../sync/pump';
import type { Journal } from '../journal/writer';

/** The credits central pays pending charges out of, whose acknowledgement says what they paid. */
const CREDITS: ReadonlySet<string> = new Set(['cash_deposit', 'transfer']);

export interface ChargeDifference {
  sequence: string;
  account: string;
  at: string;
  message: string;
}

/**
 * The receipt of a deposit or a transfer into an account owing a returned cheque printed what the branch predicted
 * the credit pays (domain/deposit/pending-charges.ts); central pays when the credit reaches it, and another
 * workstation's credit may have paid first. When its acknowledgement says otherwise, the difference gets a journal
 * entry of its own (the posting's entry is never rewritten) and is listed on Inicio for the day.
 */
export const createChargeAcks = (deps: { comprobantes: ComprobanteRepo; journal: Journal; journalRepo: JournalRepo; clock: Clock }) => {
  const check: NonNullable<PumpDeps['onApplied']> = (applied) => {
    for (const { entry, outcome } of applied) {
      if (!CREDITS.has(entry.type) || entry.account === null) continue;
      // The operation's occurredAt is its comprobante's posting instant.
      const posting = deps.comprobantes.byCentralKey(entry.key, entry.account, bogotaDate(new Date(entry.enqueuedAt)), entry.enqueuedAt);
      if (!posting) continue;
      const printed = (posting.journal.pendingCharges ?? null) as PaidCharges | null;
      const central = centralPaidCharges(outcome.pendingChargesPaid);
      const d = chargesDifference(printed, central);
      if (!d) continue;
      const charged = typeof posting.journal.toAccount === 'string' ? posting.journal.toAccount : entry.account;
      deps.journal.record('pending_charge_difference', 'system', {
        sequence: posting.sequence,
        kind: posting.kind,
        account: charged,
        centralKey: entry.key,
        reference: outcome.reference,
        printed: { paid: d.printed.paid, charges: d.printed.charges.map((c) => ({ cheques: [...c.cheques], amount: c.amount })) },
        central: { paid: d.central.paid, charges: d.central.charges.map((c) => ({ cheques: [...c.cheques], amount: c.amount })) },
        message: chargesDifferenceText(posting.sequence, d),
      });
    }
  };
  /** Today's differences (Bogotá), newest first. */
  const differences = (): ChargeDifference[] => {
    const since = new Date(`${bogotaDate(deps.clock.now())}T00:00:00-05:00`).toISOString();
    return deps.journalRepo.search({ type: 'pending_charge_difference', fromAt: since, limit: 50 }).map((r) => {
      const p = JSON.parse(r.payload) as { sequence: string; account: string; message: string };
      return { sequence: p.sequence, account: p.account, at: r.at, message: p.message };
    });
  };
  return { check, differences };
};
export type ChargeAcks = ReturnType<typeof createChargeAcks>;
