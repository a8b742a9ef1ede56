import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { AuthorizedPayoutsSchema } from '../accounts/authorized';
import { PesosSchema, PositivePesosSchema } from '../money/pesos';
import { AccountNumberSchema, BranchIdSchema, CellphoneSchema, DocumentNumberSchema, DocumentTypeSchema } from './common';
import { BalancesSchema } from './operations';

/** Account and customer reference data, synced to branches by cursor (delta sync). */

export const PersonRefSchema = z.object({
  documentType: DocumentTypeSchema,
  documentNumber: DocumentNumberSchema,
  name: z.string().min(1),
});
export type PersonRef = z.infer<typeof PersonRefSchema>;

/**
 * An authorized person with the conditions the holders registered (seed 003 cl. 2.1, 3.5;
 * domain/accounts/authorized.ts). Each is optional on the wire: a central or a row that does not carry them means
 * no condition, as before they existed.
 */
export const AuthorizedRefSchema = PersonRefSchema.extend({
  /** Last valid day (inclusive). */
  validUntil: IsoDateSchema.nullable().optional(),
  maxPerWithdrawal: PositivePesosSchema.nullable().optional(),
  maxPerDay: PositivePesosSchema.nullable().optional(),
  payouts: AuthorizedPayoutsSchema.optional(),
});
export type AuthorizedRef = z.infer<typeof AuthorizedRefSchema>;

/** individual: one holder; colectiva ("o"): any holder alone; conjunta ("y"): all holders sign. */
export const AccountKindSchema = z.enum(['individual', 'colectiva', 'conjunta']);
export const OwnerTypeSchema = z.enum(['natural', 'juridica']);
export const AccountStateSchema = z.enum(['activa', 'inactiva', 'embargada', 'bloqueada', 'cancelada']);
export type AccountState = z.infer<typeof AccountStateSchema>;

/** Details of the court or authority order; the frozen amount itself is `embargoAmount`. */
export const EmbargoOrderSchema = z.object({
  /** Child-support orders (CGP art. 594 num. 2) are not limited by the inembargable amount. */
  alimentos: z.boolean().default(false),
  authority: z.string().optional(),
  reference: z.string().optional(),
});

export const AccountSchema = z.object({
  number: AccountNumberSchema,
  product: z.enum(['ahorros', 'corriente']),
  kind: AccountKindSchema,
  owner: OwnerTypeSchema,
  holders: z.array(PersonRefSchema).min(1),
  authorized: z.array(AuthorizedRefSchema),
  state: AccountStateSchema,
  /** The one GMF-exempt account of its holder (350 UVT a month). */
  gmfExempt: z.boolean(),
  /**
   * `available` excludes funds on hold and in canje. For an `embargada` account the order retains up to
   * `embargoAmount` of the available balance, never a natural person's inembargable amount, and keeps what it
   * retained (`balances.embargoRetained`; domain/withdrawal/embargo.ts).
   */
  balances: BalancesSchema,
  embargoAmount: PesosSchema,
  /** The order behind an embargo (seed 003 cl. 7.2, 8.5); null when there is none. */
  embargo: EmbargoOrderSchema.nullable().default(null),
  /** Registered legal representatives of a persona jurídica (seed 003 cl. 2.7). */
  legalRepresentatives: z.array(PersonRefSchema).default([]),
  /** Business date the account was opened. */
  openedOn: IsoDateSchema,
  /** Business date of the last movement ordered by the customer (cl. 7.1); null if none since opening. */
  lastCustomerMovementOn: IsoDateSchema.nullable().default(null),
  /** Business date of the last reactivation without a movement (seed 003 cl. 7.1); null if never. */
  reactivatedOn: IsoDateSchema.nullable().default(null),
  registeredCellphone: CellphoneSchema.nullable(),
  city: z.string(),
  branch: BranchIdSchema,
});
export type Account = z.infer<typeof AccountSchema>;

export const CustomerSchema = z.object({
  documentType: DocumentTypeSchema,
  documentNumber: DocumentNumberSchema,
  name: z.string().min(1),
  owner: OwnerTypeSchema,
  cellphone: CellphoneSchema.nullable(),
  /** Registered e-mail and postal address as stored (a branch canonicalizes before comparing); null when none. */
  // Optional: rows synced before central carried them, and older fixtures, simply lack them.
  email: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  city: z.string(),
});
export type Customer = z.infer<typeof CustomerSchema>;

/** Each entity appears at its latest version; `version` is the cursor value of that change. */
export const ReferenceChangeSchema = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('account'), version: z.number().int().positive(), account: AccountSchema }),
  z.object({ entity: z.literal('customer'), version: z.number().int().positive(), customer: CustomerSchema }),
]);
export type ReferenceChange = z.infer<typeof ReferenceChangeSchema>;

export const MAX_REFERENCE_PAGE = 500;
export const ReferenceRequestSchema = z.object({
  cursor: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(MAX_REFERENCE_PAGE).default(100),
});
export const ReferenceResponseSchema = z.object({
  changes: z.array(ReferenceChangeSchema),
  /** Pass back as `cursor`; equals the request cursor when nothing changed. */
  nextCursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type ReferenceResponse = z.infer<typeof ReferenceResponseSchema>;
