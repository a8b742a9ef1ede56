import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { PesosSchema } from '../money/pesos';
import { AuthorizedPersonSchema } from './authorized';
import { PersonSchema } from './person';

/** Seed 003 cl. 2.4: individual (one holder), colectiva ("o": any holder alone), conjunta ("y": all holders). */
export const AccountKindSchema = z.enum(['individual', 'colectiva', 'conjunta']);
export type AccountKind = z.infer<typeof AccountKindSchema>;

export const OwnerTypeSchema = z.enum(['natural', 'juridica']);
export type OwnerType = z.infer<typeof OwnerTypeSchema>;

/** Seed 003 cl. 7: inactiva (7.1), embargada / bloqueada (7.2), cancelada (7.3). */
export const AccountStateSchema = z.enum(['activa', 'inactiva', 'embargada', 'bloqueada', 'cancelada']);
export type AccountState = z.infer<typeof AccountStateSchema>;

export const BalancesSchema = z.object({
  /** Free to dispose of: already excludes canje and holds (seed 003 cl. 3.9). */
  available: PesosSchema,
  /** Same-city cheques waiting for clearing. No interest is paid on it (cl. 5.1). */
  inCanje: PesosSchema,
  /** Other holds: remesas al cobro and retentions. */
  onHold: PesosSchema,
  /**
   * Owed for cheques returned after their credit was spent (cargo pendiente): not part of `available`, which the
   * account's next credits reach only once it is paid. Absent when nothing is owed.
   */
  pendingCharges: PesosSchema.optional(),
});
export type Balances = z.infer<typeof BalancesSchema>;

/** Court or authority order (cl. 7.2, 8.5). `amount` is what is still to be retained under the order. */
export const EmbargoSchema = z.object({
  amount: PesosSchema,
  /**
   * What central keeps retained under the order so far (cl. 7.2, 8.5): it only grows while the order stands, whatever
   * the customer withdraws afterwards. Absent from a central that does not keep it: the retention is then computed
   * from the balance of the moment (domain/withdrawal/embargo.ts `embargoRetention`).
   */
  retained: PesosSchema.optional(),
  /** Child-support orders (CGP art. 594 num. 2) are not limited by the inembargable amount. */
  alimentos: z.boolean().default(false),
  authority: z.string().optional(),
  reference: z.string().optional(),
});
export type Embargo = z.output<typeof EmbargoSchema>;

export const AccountNumberSchema = z.string().regex(/^\d{6,20}$/, { message: 'El número de cuenta debe tener entre 6 y 20 dígitos' });

export const AccountSchema = z
  .object({
    number: AccountNumberSchema,
    kind: AccountKindSchema,
    owner: OwnerTypeSchema,
    holders: z.array(PersonSchema).min(1, { message: 'La cuenta debe tener al menos un titular' }),
    /** Persons authorized by the holders with their registered conditions (cl. 2.1, 3.5); they withdraw only at offices. */
    authorized: z.array(AuthorizedPersonSchema).default([]),
    /** Registered legal representatives of a persona jurídica (cl. 2.7). */
    legalRepresentatives: z.array(PersonSchema).default([]),
    state: AccountStateSchema,
    /** Marked as the holder's GMF-exempt account (ET art. 879 num. 1; cl. 4.3). */
    gmfExempt: z.boolean().default(false),
    balances: BalancesSchema,
    embargo: EmbargoSchema.nullable().default(null),
    /** Date of the last movement ordered by the customer (cl. 7.1), `null` if none since opening. */
    lastCustomerMovementOn: IsoDateSchema.nullable(),
    /** Date of the last reactivation at an office (cl. 7.1): the six-month term runs again from it. */
    reactivatedOn: IsoDateSchema.nullable().default(null),
    openedOn: IsoDateSchema,
    /** City of the account's office, for deposits made in another city (cl. 3.8). */
    city: z.string().trim().min(1),
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'individual' && a.holders.length !== 1) ctx.addIssue({ code: 'custom', path: ['holders'], message: 'Una cuenta individual tiene un solo titular (cláusula 2.4.1)' });
    if (a.kind !== 'individual' && a.holders.length < 2) ctx.addIssue({ code: 'custom', path: ['holders'], message: 'Una cuenta colectiva o conjunta tiene dos o más titulares (cláusulas 2.4.2 y 2.4.3)' });
    if (a.kind === 'colectiva' && a.owner === 'juridica') ctx.addIssue({ code: 'custom', path: ['owner'], message: 'La cuenta colectiva es solo de personas naturales (cláusula 2.4.2)' });
    if (a.owner === 'juridica' && a.legalRepresentatives.length === 0) ctx.addIssue({ code: 'custom', path: ['legalRepresentatives'], message: 'Una persona jurídica debe tener representante legal registrado (cláusula 2.7)' });
    if (a.state === 'embargada' && a.embargo === null) ctx.addIssue({ code: 'custom', path: ['embargo'], message: 'Una cuenta embargada debe indicar el monto del embargo' });
  });
export type Account = z.output<typeof AccountSchema>;
export type AccountInput = z.input<typeof AccountSchema>;
