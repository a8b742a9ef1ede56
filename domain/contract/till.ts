import { z } from 'zod';
import { channel, IdempotencyKey } from './channel';
import { DenominationCountSchema } from '../money/denominations';
import { PesosSchema } from '../money/pesos';
import { ReceiptDocumentSchema } from '../receipt/document';
import { PrintJobSchema } from './receipt';
import { DIFFERENCE_REASON_CODES } from '../till/arqueo';

export const TillStateSchema = z.enum(['cerrada', 'abierta']);

export const TillSessionSchema = z.object({
  id: z.string(),
  tillCode: z.string(),
  tellerId: z.string(),
  tellerName: z.string(),
  state: TillStateSchema,
  openedAt: z.string(),
  /** Business date (YYYY-MM-DD) the till was opened for. */
  businessDate: z.string(),
  openingCount: DenominationCountSchema,
  openingTotal: PesosSchema,
  /**
   * Cash position by denomination right now. Null for a teller under blind close (TillPolicy.blindClose): the
   * core does not send what the till should hold to the one who will count it; a supervisor sees it.
   */
  position: DenominationCountSchema.nullable(),
  positionTotal: PesosSchema.nullable(),
  /**
   * The till was opened for an earlier business day than the core's today and takes no more operations until it
   * is closed (arqueo); the words are `tillFromEarlierDayMessage(businessDate)`. The core decides, since its clock
   * is the one that counts. Absent means false.
   */
  fromEarlierDay: z.boolean().optional(),
  /** Cash-holding limit check; `prompt` asks to move the surplus to the vault before the limit is crossed. */
  holding: z
    .object({ state: z.enum(['ok', 'cerca', 'excedido']), limit: PesosSchema, warnAt: PesosSchema, target: PesosSchema, surplus: PesosSchema, prompt: z.string().nullable() })
    .optional(),
});
export type TillSession = z.infer<typeof TillSessionSchema>;

export const IncomingCashSchema = z.object({
  state: z.enum(['ok', 'cerca', 'excedido']),
  surplus: PesosSchema,
  prompt: z.string().nullable(),
  /** The bills to send for `surplus`, null when the till's pieces cannot make it (or nothing is to be sent). */
  mix: DenominationCountSchema.nullable(),
});
export type IncomingCash = z.infer<typeof IncomingCashSchema>;


export const CountResultSchema = z.object({
  closingId: z.string(),
  /** The arqueo's count number: counts go on (3, 4…) after a recount, never back to a first blind count. */
  countNumber: z.number().int().min(1),
  next: z.enum(['cerrar', 'recontar', 'aprobar']),
  /** Only once the count is final: counted − expected (negative = faltante). */
  difference: z.number().int().nullable(),
  outcome: z.enum(['cuadrada', 'faltante', 'sobrante']).nullable(),
  byDenomination: z.array(z.object({ denomination: z.number().int(), expected: z.number().int(), counted: z.number().int(), pieces: z.number().int() })),
  approvalId: z.string().nullable(),
  approvalStatus: z.string().nullable(),
  /** This count withdrew the supervisor request of the earlier, different result (absent in results stored before). */
  withdrewApproval: z.boolean().optional(),
});
export type CountResult = z.infer<typeof CountResultSchema>;

export const GateSchema = z.object({
  canClose: z.boolean(),
  items: z.array(z.object({ code: z.string(), count: z.number().int(), message: z.string(), resolveAt: z.string() })),
  /**
   * The count already registered in this session's arqueo and the answer it got (F6 resumes there); null when
   * there is none or the till moved since. Never more than that answer told the teller.
   */
  last: z.object({ count: DenominationCountSchema, result: CountResultSchema }).nullable().optional(),
});

/** A comprobante of the open till as Inicio lists it. */
const PostedComprobanteSchema = z.object({
  sequence: z.string(),
  kind: z.enum(['deposito', 'retiro', 'traslado']),
  account: z.string(),
  total: z.number().int(),
  postedAt: z.string(),
});

export const tillChannels = {
  'till.current': channel({
    access: 'user',
    /** `askCentral`: F2 waits for central's last close when this store has none (a reinstall); Inicio does not. */
    request: z.object({ askCentral: z.boolean().optional() }),
    /** `openRefusal`: why this user may not open the till now (F2 says it before the count, not after). */
    response: z.object({
      till: TillSessionSchema.nullable(),
      openRefusal: z.string().nullable().optional(),
      /** What the till held at its last close (business date, total): the next opening counts against it. */
      lastClose: z.object({ businessDate: z.string(), closedAt: z.string().nullable(), total: PesosSchema }).nullable().optional(),
      /** Why the opening cannot be compared with the last close (no close here, central silent): a supervisor approves it. */
      lastCloseUnknown: z.string().nullable().optional(),
    }),
  }),
  'till.open': channel({
    access: 'user',
    request: z.object({
      idempotencyKey: IdempotencyKey,
      count: DenominationCountSchema,
      /** What the teller says the count adds up to; must equal the count's total. */
      declaredTotal: PesosSchema,
      /** A supervisor's approval of this count when it differs from the last close (till.requestOpeningApproval). */
      approvalId: z.string().min(1).optional(),
    }),
    response: z.object({ till: TillSessionSchema }),
    errors: ['TILL_ALREADY_OPEN', 'ROLE_NOT_ALLOWED', 'COUNT_MISMATCH', 'IDEMPOTENCY_CONFLICT', 'TILL_CLOSED_TODAY', 'OPENING_DIFFERENCE', 'OPENING_UNVERIFIED', 'APPROVAL_NOT_FOUND', 'APPROVAL_NOT_APPROVED', 'APPROVAL_MISMATCH', 'APPROVAL_ALREADY_USED'],
  }),
  /** An opening count that differs from the last close goes to a supervisor (sobrante/faltante at the opening). */
  'till.requestOpeningApproval': channel({
    access: 'user',
    request: z.object({ count: DenominationCountSchema, reasonText: z.string().trim().min(3).max(200) }),
    response: z.object({ approvalId: z.string(), status: z.string() }),
    errors: ['TILL_ALREADY_OPEN', 'ROLE_NOT_ALLOWED', 'NO_DIFFERENCE'],
  }),
  /** The pre-close gate: what still blocks closing and where to resolve it. */
  'till.gate': channel({
    access: 'user',
    request: z.object({}),
    response: GateSchema,
    errors: ['TILL_NOT_OPEN', 'TILL_NOT_YOURS'],
  }),
  /**
   * Blind arqueo: the teller sends a count by denomination without having seen the expected position. The
   * answer says whether to close, count again (the difference stays hidden) or book a difference.
   */
  'till.count': channel({
    access: 'user',
    request: z.object({ idempotencyKey: IdempotencyKey, count: DenominationCountSchema }),
    response: CountResultSchema,
    errors: ['TILL_NOT_OPEN', 'TILL_NOT_YOURS', 'CLOSE_BLOCKED', 'IDEMPOTENCY_CONFLICT'],
  }),
  /** Books the reason of a final difference and asks a supervisor to approve it (TILL_DIFFERENCE). */
  'till.requestDifferenceApproval': channel({
    access: 'user',
    request: z.object({
      closingId: z.string().min(1),
      reasonCode: z.enum(DIFFERENCE_REASON_CODES as [string, ...string[]]),
      reasonText: z.string().trim().min(3, 'Explique la diferencia en pocas palabras').max(300),
    }),
    response: z.object({ approvalId: z.string(), status: z.string() }),
    errors: ['TILL_NOT_OPEN', 'CLOSING_NOT_FOUND', 'NO_DIFFERENCE'],
  }),
  /** Closes the till: books the difference, makes the session immutable, prints the end-of-day report. */
  'till.close': channel({
    access: 'user',
    request: z.object({ idempotencyKey: IdempotencyKey, closingId: z.string().min(1) }),
    response: z.object({ report: ReceiptDocumentSchema, printJobId: z.string().nullable(), anchored: z.boolean() }),
    errors: ['TILL_NOT_OPEN', 'TILL_NOT_YOURS', 'CLOSING_NOT_FOUND', 'COUNT_OUTDATED', 'CLOSE_BLOCKED', 'APPROVAL_REQUIRED', 'APPROVAL_NOT_APPROVED', 'IDEMPOTENCY_CONFLICT'],
  }),
  /**
   * Cash about to come into the till (a deposit before it is confirmed) against its holding limit: the warning
   * and the bill mix to send to the vault first, worked out in the core so a blind close stays blind.
   */
  'till.incomingCash': channel({
    access: 'user',
    request: z.object({ incoming: PesosSchema }),
    response: IncomingCashSchema,
    errors: ['TILL_NOT_OPEN'],
  }),
  /**
   * Comprobantes of the open till whose receipt never reached paper (Inicio): after a crash, the sign that a
   * withdrawal was posted and its cash left the till, so it is not repeated. `last`: the till's last
   * comprobante, printed or not, for the same question when its receipt did print.
   */
  'till.unprinted': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({
      receipts: z.array(PostedComprobanteSchema),
      last: PostedComprobanteSchema.nullable(),
    }),
  }),
  /** The end-of-day report of the last closed till of this workstation. */
  'till.lastReport': channel({
    access: 'user',
    request: z.object({}),
    response: z.object({ report: ReceiptDocumentSchema.nullable(), closedTillId: z.string().nullable(), reopenable: z.boolean() }),
  }),
  /**
   * "Imprimir de nuevo" on the closed-till screen: the report's original when it never reached the printer,
   * otherwise "COPIA No. n" (journaled as a reprint).
   */
  'till.printReport': channel({
    access: 'user',
    request: z.object({}),
    /** `copyNumber` 0 is the original sent again; n is "COPIA No. n", which the screen names as the journal's reprint does. */
    response: z.object({ printJob: PrintJobSchema, copyNumber: z.number().int().nonnegative() }),
    errors: ['NOTHING_TO_PRINT', 'PRINTER_UNAVAILABLE', 'PRINT_NOT_PRINTED_YET'],
  }),
  /** Asks a supervisor to reopen the last closed till (TILL_REOPEN); the reopening is a new session. */
  'till.requestReopen': channel({
    access: 'user',
    request: z.object({ reason: z.string().trim().min(3, 'Escriba el motivo de la reapertura').max(300) }),
    response: z.object({ approvalId: z.string(), status: z.string() }),
    errors: ['TILL_ALREADY_OPEN', 'NOTHING_TO_REOPEN', 'ROLE_NOT_ALLOWED', 'TILL_NOT_YOURS'],
  }),
  'till.reopen': channel({
    access: 'user',
    request: z.object({ idempotencyKey: IdempotencyKey, approvalId: z.string().min(1) }),
    response: z.object({ till: TillSessionSchema }),
    errors: ['TILL_ALREADY_OPEN', 'NOTHING_TO_REOPEN', 'TILL_NOT_YOURS', 'APPROVAL_NOT_APPROVED', 'APPROVAL_MISMATCH', 'IDEMPOTENCY_CONFLICT'],
  }),
} as const;
