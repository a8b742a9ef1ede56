import type { PaidCharge, PendingCharge } from '../../../domain/central-api';
import type { CanjeChequeView } from '../../../domain/contract/canje';
import { within } from '../../core/within';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import type { ComprobanteDeps } from '../comprobante/deps';
import { returnKeyOf } from './booking';

/** How long a list of returned cheques waits for central's figures of what they still owe. */
const OWED_WAIT_MS = 1_500;

/** A returned cheque that left a charge: its account and the key central names the charge by (booking.ts). */
export interface OwingReturn {
  account: string;
  returnKey: string;
}

/** A canje cheque's or a remesa's return that left a charge, by the key central names it; null for any other row. */
export const owingReturn = (r: { status: string; returnPending: number; causalId?: string | null | undefined; accountNumber: string; centralKey: string; returnFee: number }): OwingReturn | null =>
  r.status === 'devuelta' && r.returnPending > 0 && r.causalId ? { account: r.accountNumber, returnKey: returnKeyOf(r.centralKey, r.causalId, r.returnFee) } : null;

type ChargeNow = Pick<CanjeChequeView, 'returnOwedNow' | 'returnPaidBy'>;

/**
 * What central says each returned cheque's charge is now, whichever route (canje or remesa) it came back by: later
 * credits pay it at any workstation, so the figure of the day of the return no longer holds. One question per
 * account, bounded: offline the list opens at once with returnOwedNow null (never a guessed figure). Entries that
 * are null (nothing was left owed) get nothing, and so does a return central does not know yet (its figure stands).
 */
export const returnChargesNow = async (deps: Pick<ComprobanteDeps, 'central' | 'comprobantes' | 'clock' | 'outbox'>, returns: readonly (OwingReturn | null)[]): Promise<ChargeNow[]> => {
  const owed = new Map<string, { charges: PendingCharge[]; paid: PaidCharge[] } | null>();
  await Promise.all(
    [...new Set(returns.flatMap((r) => (r ? [r.account] : [])))].map(async (account) => {
      const r = deps.central ? await within(deps.central.call('pendingCharges', { account }).catch(() => null), OWED_WAIT_MS) : null;
      owed.set(account, r?.ok ? { charges: r.data.charges, paid: r.data.paid ?? [] } : null);
    }),
  );
  const today = bogotaDate(deps.clock.now());
  const paidBy = (by: PaidCharge['paidBy']): NonNullable<ChargeNow['returnPaidBy']> => {
    const on = bogotaDate(new Date(by.occurredAt));
    // The operation's occurredAt is its comprobante's posting instant (posting.ts).
    const sequence = deps.comprobantes.sequenceOfCentralKey(by.key, on, new Date(by.occurredAt).toISOString());
    return { ...(sequence ? { sequence } : {}), workstation: by.workstation, reference: by.reference, ...(on === today ? {} : { on }) };
  };
  return returns.map((r) => {
    if (!r) return {};
    const now = owed.get(r.account) ?? null;
    if (now === null) return { returnOwedNow: null };
    const owing = now.charges.find((c) => c.returnKey === r.returnKey);
    const paid = now.paid.find((p) => p.returnKey === r.returnKey);
    // A return booked offline reaches central after the list asks: central not naming it then is no payment.
    if (!owing && !paid && deps.outbox.byKey(r.returnKey)?.state !== 'applied') return {};
    return { returnOwedNow: owing?.amount ?? 0, ...(paid && !owing ? { returnPaidBy: paidBy(paid.paidBy) } : {}) };
  });
};
