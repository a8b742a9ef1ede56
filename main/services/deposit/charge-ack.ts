import type { ChargeDifference } from '../../../domain/contract/deposit';
import { centralPaidCharges, chargesDifference, chargesDifferenceText, type PaidCharges } from '../../../domain/deposit/pending-charges';
import { type Clock } from '../../core/runtime';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import type { ChargeDifferenceRepo } from '../../store/charge-difference/repo';
import type { ComprobanteRepo } from '../../store/comprobante/repo';
import type { Db } from '../../store/db';
import type { PumpDeps } from '../../sync/pump';
import type { Journal } from '../journal/writer';

/** The credits central pays pending charges out of, whose acknowledgement says what they paid. */
const CREDITS: ReadonlySet<string> = new Set(['cash_deposit', 'transfer']);

/** How many of each kind Inicio lists at most; more waits for the first ones to be marked seen. */
const LIST_LIMIT = 50;

/**
 * The receipt of a deposit or a transfer into an account owing a returned cheque printed what the branch predicted
 * the credit pays (domain/deposit/pending-charges.ts); central pays when the credit reaches it, and another
 * workstation's credit may have paid first. When its acknowledgement says otherwise, the difference gets a journal
 * entry of its own (the posting's entry is never rewritten) and is listed on Inicio until someone marks it seen.
 */
export const createChargeAcks = (deps: { db: Db; comprobantes: Pick<ComprobanteRepo, 'byCentralKey'>; journal: Journal; differences: ChargeDifferenceRepo; clock: Clock }) => {
  const compare = ({ entry, outcome }: Parameters<NonNullable<PumpDeps['onApplied']>>[0][number]): void => {
    if (!CREDITS.has(entry.type) || entry.account === null) return;
    // The operation's occurredAt is its comprobante's posting instant.
    const posting = deps.comprobantes.byCentralKey(entry.key, entry.account, bogotaDate(new Date(entry.enqueuedAt)), entry.enqueuedAt);
    if (!posting) return;
    const printed = (posting.journal.pendingCharges ?? null) as PaidCharges | null;
    const central = centralPaidCharges(outcome.pendingChargesPaid);
    const d = chargesDifference(printed, central);
    if (!d) return;
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
  };
  /**
   * Runs inside the pump's transaction that records central's answers: a comparison that throws must not undo
   * them, or the queue would stop at this acknowledgement for good. Each comparison runs in a savepoint of its own
   * (what it half wrote is undone alone); its failure is recorded and listed on Inicio with the differences.
   */
  const check: NonNullable<PumpDeps['onApplied']> = (applied) => {
    for (const a of applied) {
      try {
        deps.db.transaction(() => compare(a))();
      } catch (e) {
        try {
          deps.differences.recordFailure({ centralKey: a.entry.key, account: a.entry.account, at: deps.clock.now().toISOString(), error: e instanceof Error ? e.message : String(e) });
        } catch {
          // Not even the failure could be written: the acknowledgement still applies; the operation stays at central.
        }
      }
    }
  };
  /** What nobody marked seen yet, of any day, newest first. */
  const differences = (): ChargeDifference[] =>
    deps.differences.unseen(LIST_LIMIT).map((i) => {
      if (i.kind === 'failure') {
        return {
          id: i.item, sequence: null, account: i.account, at: i.at,
          message: `No se pudo comparar lo que central pagó de cargos pendientes con lo impreso (operación ${i.centralKey}): ${i.error}. Avise al supervisor para revisar la cuenta en central.`,
        };
      }
      const p = JSON.parse(i.payload) as { sequence: string; account: string; message: string };
      return { id: i.item, sequence: p.sequence, account: p.account, at: i.at, message: p.message };
    });
  /** Visto: who saw it and when; the first mark stands. False for an id Inicio never listed. */
  const seen = (userId: string, id: string): boolean => {
    if (!deps.differences.exists(id)) return false;
    deps.differences.markSeen(id, userId, deps.clock.now().toISOString());
    return true;
  };
  return { check, differences, seen };
};
export type ChargeAcks = ReturnType<typeof createChargeAcks>;
