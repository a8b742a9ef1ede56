import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { PositivePesosSchema, PesosSchema } from '../money/pesos';
import { AccountNumberSchema, BranchIdSchema, DocumentNumberSchema, DocumentTypeSchema, IsoDateTimeSchema, KeySchema, WorkstationIdSchema } from './common';

/**
 * Cash at the counter for the UIAF's Reporte de Transacciones en Efectivo (domain-co §2: EOSF art. 103–104,
 * SFC instructivo). The report is monthly and bank-wide — a customer's cash at every branch adds up to the
 * multiple threshold — so it is built at central from what each cash operation carries: who physically moved
 * the cash and, at or above the threshold, the declaración de origen / destino de fondos the teller captured.
 * The declaration must outlive the workstation (records are kept five years, EOSF art. 96).
 */
const Party = z.object({ type: DocumentTypeSchema, number: DocumentNumberSchema, name: z.string().trim().min(1).max(120).optional() });

/** On a cash deposit, and on a withdrawal paid in cash (its presence says the payout was cash). */
export const CashMovementSchema = z.object({
  /** The person who handed over or received the bills. */
  transactor: Party,
  /** The declaration's reportable fields; null when the amount did not require one. */
  declaration: z
    .object({
      originOrDestination: z.string().trim().min(10).max(500),
      economicActivity: z.string().trim().min(3).max(200),
      pep: z.boolean(),
      onBehalfOf: Party.optional(),
    })
    .nullable(),
});
export type CashMovement = z.infer<typeof CashMovementSchema>;

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mes inválido: use AAAA-MM');

export const CashReportRequestSchema = z.object({ branch: BranchIdSchema, month: MonthSchema });

export const CashReportRowSchema = z.object({
  key: KeySchema,
  workstation: WorkstationIdSchema,
  account: AccountNumberSchema,
  direction: z.enum(['deposito', 'retiro']),
  amount: PositivePesosSchema,
  /** The branch's business date (Colombia) of the operation. */
  businessDate: z.string(),
  occurredAt: IsoDateTimeSchema,
  /** The customer whose monthly cash adds up: the account's first holder, `TYPE:number`. */
  customer: z.string(),
  transactor: Party,
  declaration: CashMovementSchema.shape.declaration,
  /** Reversed the same day (an error corrected at the counter): listed, not counted. */
  reversed: z.boolean(),
});
export type CashReportRow = z.infer<typeof CashReportRowSchema>;

/**
 * The instructivo's order: first the customers whose cash in the month reached the multiple threshold (all
 * their cash transactions), then the individual transactions at or above the individual threshold of the
 * other customers. Totals are bank-wide; rows are the asking branch's.
 */
export const CashReportResponseSchema = z.object({
  branch: BranchIdSchema,
  month: MonthSchema,
  thresholds: z.object({ individual: PositivePesosSchema, monthly: PositivePesosSchema }),
  multiple: z.array(z.object({ customer: z.string(), monthTotal: PesosSchema, transactions: z.array(CashReportRowSchema) })),
  individual: z.array(CashReportRowSchema),
});
export type CashReportResponse = z.infer<typeof CashReportResponseSchema>;

/**
 * A customer as the monthly cash accumulators key them, at the branch and at central alike: the account's first
 * holder `TYPE:number`, or `CUENTA:number` for an account without one.
 */
export const customerKey = (firstHolder: { type: string; number: string } | undefined, accountNumber: string): string =>
  firstHolder ? `${firstHolder.type}:${firstHolder.number}` : `CUENTA:${accountNumber}`;
export const CustomerKeySchema = z.string().regex(/^[A-Z]{2,6}:[A-Z0-9]{3,20}(-\d)?$/, 'Cliente inválido');

/**
 * A customer's cash in a month at every other workstation of the bank, so a branch applies the monthly UIAF
 * threshold to the customer's whole month and not only to what its own till saw. Reversed cash counts nothing.
 */
export const CustomerCashRequestSchema = z.object({ customer: CustomerKeySchema, month: MonthSchema });
export const CustomerCashResponseSchema = z.object({ customer: CustomerKeySchema, month: MonthSchema, elsewhere: PesosSchema });
export type CustomerCashResponse = z.infer<typeof CustomerCashResponseSchema>;

/**
 * The customer's cash operations in a month at every workstation of the bank, the asking one included, each by its
 * key: the branch merges them with its own by key (domain/uiaf/merge.ts), so an operation counts once whether
 * central has it yet or not, and what central has of the asking workstation counts even when that workstation's
 * own store does not hold it (a replaced machine). Reversed cash is left out.
 */
export const CustomerCashOperationsResponseSchema = z.object({
  customer: CustomerKeySchema,
  month: MonthSchema,
  operations: z.array(z.object({ key: KeySchema, workstation: WorkstationIdSchema, on: IsoDateSchema, direction: z.enum(['deposito', 'retiro']), amount: PositivePesosSchema })),
});
export type CustomerCashOperationsResponse = z.infer<typeof CustomerCashOperationsResponseSchema>;

/**
 * Cash deposits just under the individual threshold at the bank's other workstations, for the structuring alert
 * (domain/uiaf/thresholds.ts): those to `account` or made by `depositor` between `from` and `to`, with an amount
 * in [min, max). The asking workstation has its own; reversed deposits do not count.
 */
export const NearThresholdRequestSchema = z.object({
  account: AccountNumberSchema,
  depositorType: DocumentTypeSchema,
  depositorNumber: DocumentNumberSchema,
  from: IsoDateSchema,
  to: IsoDateSchema,
  // A GET: the amounts arrive as query text.
  min: z.coerce.number().pipe(PesosSchema),
  max: z.coerce.number().pipe(PositivePesosSchema),
});
export const NearThresholdResponseSchema = z.object({
  /**
   * Every workstation's, the asking one's included, each named by its operation key: the workstation merges them
   * by key with its own (domain/uiaf/merge.ts), so a machine replaced under the same id sees its predecessor's.
   * `at` (UTC) orders deposits of the same day as they were posted.
   */
  deposits: z.array(
    z.object({ key: KeySchema, on: IsoDateSchema, at: IsoDateTimeSchema, amount: PositivePesosSchema, account: AccountNumberSchema, depositor: z.object({ type: DocumentTypeSchema, number: DocumentNumberSchema }) }),
  ),
  /**
   * Structuring alerts rejected at another workstation for the account or the depositor, raised from `from` on
   * and not reconsidered (structuring-alerts.ts): they stand here too. Absent from a central that predates them.
   */
  rejections: z
    .array(
      z.object({
        workstation: WorkstationIdSchema,
        account: AccountNumberSchema,
        depositor: z.object({ type: DocumentTypeSchema, number: DocumentNumberSchema }),
        alertOn: IsoDateSchema,
        checkerName: z.string(),
        decidedAt: IsoDateTimeSchema,
        note: z.string().nullable(),
      }),
    )
    .default([]),
});
export type NearThresholdRequest = z.infer<typeof NearThresholdRequestSchema>;
export type NearThresholdResponse = z.infer<typeof NearThresholdResponseSchema>;
