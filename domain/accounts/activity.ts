import { z } from 'zod';
import { type IsoDate, IsoDateSchema, addMonths } from '../calendar/iso-date';

/**
 * Seed 003 cl. 7.1: a movement is any deposit, withdrawal, transfer or debit/credit ordered by the holder or the
 * legal representative; credits of interest and charges of commissions and financial services do not count.
 * Taxes (GMF), embargo debits and returned-cheque reversals are also bank postings, not customer orders.
 */
export const MovementKindSchema = z.enum([
  'deposit',
  'withdrawal',
  'transfer-in',
  'transfer-out',
  'interest',
  'fee',
  'tax',
  'embargo-debit',
  'cheque-return',
]);
export type MovementKind = z.infer<typeof MovementKindSchema>;

const BANK_POSTINGS: ReadonlySet<MovementKind> = new Set(['interest', 'fee', 'tax', 'embargo-debit', 'cheque-return']);

export const isCustomerMovement = (kind: MovementKind): boolean => !BANK_POSTINGS.has(kind);

export const MovementSchema = z.object({ on: IsoDateSchema, kind: MovementKindSchema });
export type Movement = z.infer<typeof MovementSchema>;

/** Latest date among customer movements, or `null` when there is none. */
export const lastCustomerMovement = (movements: readonly Movement[]): IsoDate | null => {
  let last: IsoDate | null = null;
  for (const m of movements) if (isCustomerMovement(m.kind) && (last === null || m.on > last)) last = m.on;
  return last;
};

/**
 * The date from which the account counts as inactive: `months` calendar months after the last customer movement
 * (or after opening when there has been none). The six-month term runs out on the same day number (Ley 4/1913).
 */
export const inactiveFrom = (lastMovementOn: IsoDate | null, openedOn: IsoDate, months = 6): IsoDate =>
  addMonths(lastMovementOn ?? openedOn, months);

export const isInactiveOn = (today: IsoDate, lastMovementOn: IsoDate | null, openedOn: IsoDate, months = 6): boolean =>
  today >= inactiveFrom(lastMovementOn, openedOn, months);

/** The later of two optional dates: what ended the last inactivity (a movement or a reactivation). */
const latest = (a: IsoDate | null, b: IsoDate | null): IsoDate | null => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * Whether an account counts as inactive on `on`: its state says so, or `months` passed (cl. 7.1) since the last
 * customer movement or the last reactivation, whichever is later. A reactivation is not a movement, but it
 * starts the term again: otherwise an account reactivated without moving money would be inactive the same day.
 */
export const isInactiveAccount = (
  account: { state: string; lastCustomerMovementOn: IsoDate | null; reactivatedOn: IsoDate | null; openedOn: IsoDate },
  on: IsoDate,
  months = 6,
): boolean => account.state === 'inactiva' || isInactiveOn(on, latest(account.lastCustomerMovementOn, account.reactivatedOn), account.openedOn, months);
