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
