import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { PositivePesosSchema } from '../money/pesos';
import { MonthSchema } from './cash-report';
import { AccountNumberSchema, BranchIdSchema, DocumentNumberSchema, DocumentTypeSchema, IsoDateTimeSchema, WorkstationIdSchema } from './common';

/**
 * A structuring alert (UIAF, posible fraccionamiento) as the workstation that raised it tells central: once when
 * the supervisor decides it, again when a standing rejection is reconsidered, and when an approved one is posted
 * (`used`: the comprobante it became), each its own operation and key.
 * Every event carries the whole record, so central keeps the latest state per alert; the Oficial de Cumplimiento
 * reads the branch's month from there, and a rejection refuses the same deposit at every workstation.
 */
const Person = z.object({ type: DocumentTypeSchema, number: DocumentNumberSchema });

export const StructuringAlertPayloadSchema = z.object({
  /** The workstation's approval id: one alert, whatever events follow. */
  approvalId: z.string().min(1).max(64),
  event: z.enum(['decided', 'reconsidered', 'used']),
  /** Business date (Colombia) the alert was raised: the window's last day. */
  alertOn: IsoDateSchema,
  account: AccountNumberSchema,
  depositor: Person,
  depositorName: z.string().max(120).nullable(),
  by: z.enum(['account', 'depositor', 'both']),
  deposits: z.array(z.object({ on: IsoDateSchema, amount: PositivePesosSchema, account: AccountNumberSchema, depositor: Person })).min(1),
  total: PositivePesosSchema,
  windowFrom: IsoDateSchema,
  windowTo: IsoDateSchema,
  requestedAt: IsoDateTimeSchema,
  makerName: z.string().min(1).max(120),
  status: z.enum(['aprobada', 'rechazada']),
  checkerName: z.string().min(1).max(120),
  decidedAt: IsoDateTimeSchema,
  note: z.string().max(300).nullable(),
  reconsidered: z.object({ byName: z.string().min(1).max(120), at: IsoDateTimeSchema, note: z.string().max(300) }).nullable(),
  /** The comprobante an approved alert became; absent from workstations older than the `used` event. */
  usedBy: z.string().min(1).max(40).nullable().default(null),
});
export type StructuringAlertPayload = z.infer<typeof StructuringAlertPayloadSchema>;

export const BranchStructuringAlertSchema = StructuringAlertPayloadSchema.omit({ event: true }).extend({ workstation: WorkstationIdSchema });
export type BranchStructuringAlert = z.infer<typeof BranchStructuringAlertSchema>;

/** The branch's alerts raised in `month` (by `alertOn`), oldest request first. */
export const StructuringAlertsRequestSchema = z.object({ branch: BranchIdSchema, month: MonthSchema });
export const StructuringAlertsResponseSchema = z.object({ branch: BranchIdSchema, month: MonthSchema, alerts: z.array(BranchStructuringAlertSchema) });
export type StructuringAlertsResponse = z.infer<typeof StructuringAlertsResponseSchema>;
