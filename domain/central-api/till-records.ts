import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { DenominationCountSchema, totalOfCount, type DenominationCount } from '../money/denominations';
import { PesosSchema } from '../money/pesos';
import { IsoDateTimeSchema, WorkstationIdSchema } from './common';

/**
 * A till's opening and its close as central keeps them (`till_open` / `till_close` operations). The close's count
 * by denomination is the cash that stays in the till: a workstation whose own store lost it (a reinstall, a
 * replaced machine under the same workstation id) compares its next opening with central's copy.
 */
export const TillCodeSchema = z.string().regex(/^\d{2}$/, 'Código de caja inválido (dos dígitos)');
const SessionIdSchema = z.string().min(1).max(80);
const Difference = z.number().int();

/** A count that does not add up to the total sent with it is refused at the boundary, never stored. */
const countAddsUp = (count: DenominationCount, total: number) => totalOfCount(count) === total;
const countIssue = () => ({ code: 'custom' as const, message: 'El conteo no suma el total enviado', path: ['count'] });

export const TillOpenPayloadSchema = z
  .object({
    tellerId: z.string().min(1),
    /** The opening count's total. */
    amount: PesosSchema,
    tillCode: TillCodeSchema,
    tillSessionId: SessionIdSchema,
    businessDate: IsoDateSchema,
    count: DenominationCountSchema,
    /** The close it follows (its till session id) and the difference with it; null: no close to compare with. */
    carriedFrom: SessionIdSchema.nullable(),
    difference: Difference.nullable(),
    /** The supervisor's approval of a difference (or of an opening that could not be compared); null: none needed. */
    approvalId: z.string().min(1).nullable(),
    /** A supervised reopening of that closed session rather than a fresh count. */
    reopenedFrom: SessionIdSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (!countAddsUp(p.count, p.amount)) ctx.addIssue(countIssue());
  });

export const TillClosePayloadSchema = z
  .object({
    tellerId: z.string().min(1),
    /** What the arqueo counted (the till's cash from now on) and what the books expected. */
    counted: PesosSchema,
    expected: PesosSchema,
    tillCode: TillCodeSchema,
    tillSessionId: SessionIdSchema,
    /** The business day the closed session belongs to (its opening day). */
    businessDate: IsoDateSchema,
    count: DenominationCountSchema,
    difference: Difference,
    approvalId: z.string().min(1).nullable(),
  })
  .superRefine((p, ctx) => {
    if (!countAddsUp(p.count, p.counted)) ctx.addIssue(countIssue());
    if (p.counted - p.expected !== p.difference) ctx.addIssue({ code: 'custom', message: 'La diferencia no es lo contado menos lo esperado', path: ['difference'] });
  });

/** "Last close of till <code> at workstation <id>": any workstation of the same branch may ask. */
export const LastTillCloseRequestSchema = z.object({ workstation: WorkstationIdSchema, tillCode: TillCodeSchema });
export const LastTillCloseSchema = z.object({
  tillSessionId: SessionIdSchema,
  tellerId: z.string().min(1),
  businessDate: IsoDateSchema,
  /** When the branch closed it (its clock). */
  closedAt: IsoDateTimeSchema,
  count: DenominationCountSchema,
  counted: PesosSchema,
  expected: PesosSchema,
  difference: Difference,
  approvalId: z.string().min(1).nullable(),
});
export type LastTillClose = z.infer<typeof LastTillCloseSchema>;
/** Null: central never received a close of that till. */
export const LastTillCloseResponseSchema = z.object({ lastClose: LastTillCloseSchema.nullable() });
