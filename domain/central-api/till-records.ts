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

/**
 * Who opened or closed, by username: user ids are per install, so a workstation reinstalled under the same id
 * knows its teller only by username. Optional: an older workstation does not send it.
 */
const TellerUsername = z.string().min(1).max(80).optional();

export const TillOpenPayloadSchema = z
  .object({
    tellerId: z.string().min(1),
    tellerUsername: TellerUsername,
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
    tellerUsername: TellerUsername,
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
  tellerUsername: TellerUsername,
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
/**
 * The till's latest opening when it came after the last close and was never closed: the machine died or was
 * replaced with the till open, so the cash of that session was never counted at a close.
 */
export const TillLeftOpenSchema = z.object({
  tillSessionId: SessionIdSchema,
  tellerId: z.string().min(1),
  tellerUsername: TellerUsername,
  businessDate: IsoDateSchema,
  /** When the branch opened it (its clock). */
  openedAt: IsoDateTimeSchema,
  /** The opening count's total. */
  amount: PesosSchema,
});
export type TillLeftOpen = z.infer<typeof TillLeftOpenSchema>;
/**
 * Null `lastClose`: central never received a close of that till. `leftOpen` defaults to null so that an older
 * central, which does not send it, still answers.
 */
export const LastTillCloseResponseSchema = z.object({ lastClose: LastTillCloseSchema.nullable(), leftOpen: TillLeftOpenSchema.nullable().default(null) });
