import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { PersonIdSchema } from '../accounts/person';
import { PesosSchema, PositivePesosSchema } from '../money/pesos';
import { ApprovalOutcomePayloadSchema } from './approvals';
import { CashMovementSchema } from './cash-report';
import { ChequeGerenciaSchema, ReactivationSchema } from './holds';
import { StructuringAlertPayloadSchema } from './structuring-alerts';
import { TillTransferSendPayloadSchema, TillTransferSettlePayloadSchema } from './till-transfers';
import { TillClosePayloadSchema, TillOpenPayloadSchema } from './till-records';
import {
  AccountNumberSchema,
  BranchIdSchema,
  CellphoneSchema,
  DocumentNumberSchema,
  DocumentTypeSchema,
  EmailSchema,
  IsoDateTimeSchema,
  KeySchema,
  PostalAddressSchema,
  Sha256HexSchema,
  WorkstationIdSchema,
} from './common';

/**
 * Branch operations posted to central. The branch's outbox keeps each one with its idempotency key until
 * central answers; central binds the key to the SHA-256 of `canonicalJson(operationBody(op))` (everything
 * but the key), so a retry is recognised and a reused key with other content is refused as `conflict`.
 */

const ChequeSchema = z.object({
  bankCode: z.string().regex(/^\d{2,4}$/),
  number: z.string().regex(/^\d{1,12}$/),
  amount: PositivePesosSchema,
  /** With the bank and number, what identifies the paper: central refuses it while it stands in another deposit. */
  drawerAccount: z.string().regex(/^\d{1,20}$/).optional(),
  /** The plaza the cheque is drawn on, as the branch printed it: what another workstation lists it under. */
  city: z.string().min(1).max(60).optional(),
});
export type DepositedCheque = z.infer<typeof ChequeSchema>;

/** Is this cheque standing in a deposit central holds (in canje, in remesa, or paid)? A returned one is not. */
export const StandingChequeRequestSchema = z.object({ bankCode: ChequeSchema.shape.bankCode, number: ChequeSchema.shape.number, drawerAccount: z.string().regex(/^\d{1,20}$/) });
export const StandingChequeResponseSchema = z.object({
  /** Null when the cheque may be received. `account` is masked: the workstation learns where, not whose. */
  standing: z.object({ branch: z.string(), workstation: z.string(), account: z.string(), depositedAt: IsoDateTimeSchema }).nullable(),
});

/** Payload per operation type. Amounts are integer pesos; GMF is computed at the branch and posted explicitly. */
export const OperationPayloads = {
  /** `cash`: who handed over the bills and the UIAF declaration, for central's cash report (cash-report.ts). */
  cash_deposit: z.object({ amount: PositivePesosSchema, cash: CashMovementSchema.optional() }),
  /**
   * Credited to the balance in canje. `releaseOn` (same-city cheques, canje): the clearing date the branch
   * computed; central makes the amount available from that Bogotá date unless the cheque came back first.
   * Without it (remesa al cobro, seed 003 cl. 3.9) the amount stays in canje until a `cheque_paid`.
   */
  cheque_deposit: z.object({
    amount: PositivePesosSchema,
    cheques: z.array(ChequeSchema).min(1),
    releaseOn: IsoDateSchema.optional(),
    /** A remesa's: the date the branch expects the drawee bank to pay it (informative; nothing is released by it). */
    expectedOn: IsoDateSchema.optional(),
    /** The comprobante that received it at the branch: another workstation that returns the cheque prints it. */
    sequence: z.string().min(1).max(40).optional(),
  }),
  /** The drawee bank paid a remesa al cobro: its `cheque_deposit` (by key) leaves canje for the available balance. */
  cheque_paid: z.object({ depositKey: KeySchema }),
  /**
   * A remesa al cobro (its `cheque_deposit`, by key) left for the drawee bank's city (seed 003 cl. 3.9): no balance
   * moves; central records it so that every workstation of the branch sees the remesa as `enviada`.
   */
  remesa_sent: z.object({ depositKey: KeySchema }),
  /**
   * Commissions of a deposit (seed 003 cl. 3.8 other-city deposits, cl. 3.9 and 4.2 h remesas), debited from the
   * available balance after the deposit's own credit. A bank charge, not a customer movement (cl. 7.1); its own
   * operation so that a returned remesa reverses the credit but not the commission it caused.
   */
  deposit_commission: z.object({
    amount: PositivePesosSchema,
    lines: z.array(z.object({ kind: z.enum(['remesa', 'otra-ciudad']), amount: PositivePesosSchema })).min(1),
  }),
  /**
   * Debits `amount + gmf (+ fee)`; `holdId` is the online authorization the withdrawal consumes; `reactivation`, the
   * supervisor's approval to reactivate an inactive account with this debit (seed 003 cl. 7.1).
   */
  withdrawal: z.object({
    amount: PositivePesosSchema,
    gmf: PesosSchema,
    /** Commission debited with it: the issue of a cheque de gerencia (seed 003 cl. 4 parágrafo). */
    fee: PositivePesosSchema.optional(),
    holdId: z.string().min(1).optional(),
    /**
     * Paid in contingency after an authorization whose answer never reached the branch: the key of that request.
     * If central did place the hold, the withdrawal consumes it instead of being refused by its own reservation.
     */
    holdKey: KeySchema.optional(),
    reactivation: ReactivationSchema.optional(),
    /**
     * The comprobante key under which the branch reserved the day's withdrawal limits (withdrawal-limits.ts): this
     * withdrawal consumes that reservation on arrival, whatever its outcome. Absent: none was asked (offline, or a
     * branch that predates it).
     */
    limitReservation: KeySchema.optional(),
    /** Present when the withdrawal was paid in cash: who received it and the UIAF declaration (cash-report.ts). */
    cash: CashMovementSchema.optional(),
    /** What the GMF exemption took from the account's monthly 350 UVT (account-activity.ts); absent is 0. */
    gmfCapUsed: PositivePesosSchema.optional(),
    /**
     * Paid by cheque de gerencia: the paper cheque's number, so that central ties the cheque to this debit (its
     * reconciliation, an orden de no pago). Optional: a branch that predates it sent none, and that still applies.
     */
    chequeGerencia: ChequeGerenciaSchema.optional(),
    /**
     * At or above the bank's fingerprint threshold (seed 003 cl. 4 c, domain-co §7): the 1:1 match reference of
     * each person who took the money, and anyone paid by the supervisor's "Sin validación biométrica" exception
     * (reader or registry down, or the customer did not authorize the treatment of their fingerprint).
     * Optional: below the threshold, and from a branch that predates it, there is none.
     */
    biometric: z
      .object({
        verified: z.array(z.object({ document: PersonIdSchema, reference: z.string().min(1).max(80) })),
        exceptions: z.array(z.object({ document: PersonIdSchema, reason: z.enum(['READER_UNAVAILABLE', 'REGISTRY_UNAVAILABLE', 'CONSENT_REFUSED']) })),
      })
      .optional(),
  }),
  transfer: z.object({
    amount: PositivePesosSchema,
    gmf: PesosSchema,
    toAccount: AccountNumberSchema,
    reactivation: ReactivationSchema.optional(),
    gmfCapUsed: PositivePesosSchema.optional(),
    /** The online authorization (hold on the source account) the transfer consumes, as for a withdrawal. */
    holdId: z.string().min(1).optional(),
    holdKey: KeySchema.optional(),
  }),
  /** The till's opening and close with their counts (till-records.ts): central answers a reinstalled workstation's last close. */
  till_open: TillOpenPayloadSchema,
  till_close: TillClosePayloadSchema,
  /** Undoes the balance effect of an applied operation of the same branch. */
  reversal: z.object({
    reversesKey: KeySchema,
    reasonCode: z.string().min(1).max(40),
    /** The reversal's paper at the branch (`R-<sequence>`): central names it when a voided cheque de gerencia's number comes back. */
    document: z.string().min(1).max(60).optional(),
    /**
     * Returned cheque (seed 003 cl. 4.2 h): the returned-cheque fee charged to the account's available balance
     * with the reversal of the conditional credit; a bank charge, not a customer movement (cl. 7.1).
     */
    fee: PositivePesosSchema.optional(),
    /**
     * A late return of a cheque that already cleared takes its credit (and the fee) back from the available
     * balance: the branch first holds that much online, and the reversal consumes the hold.
     */
    holdId: z.string().min(1).optional(),
  }),
  /** Replaces the registered cellphone of a customer (actualización de datos). */
  contact_update: z.object({
    documentType: DocumentTypeSchema,
    documentNumber: DocumentNumberSchema,
    /** Exactly one of `cellphone`, `email`, `address`: the field verified at the branch (central refuses otherwise). */
    cellphone: CellphoneSchema.optional(),
    email: EmailSchema.optional(),
    address: PostalAddressSchema.optional(),
    /**
     * How the change was validated at the branch: the old cellphone matched, the old e-mail or address matched
     * (`previous_value`), or ID + fingerprint.
     */
    validatedBy: z.enum(['previous_cellphone', 'previous_value', 'fingerprint']),
    /** With `previous_cellphone`: the old number the customer stated; central checks it is the registered one. */
    previousCellphone: CellphoneSchema.optional(),
    /** With `previous_value`: the old e-mail or address the customer stated, canonical; checked against central's. */
    previousValue: z.string().min(1).max(254).optional(),
    /** With `fingerprint`: the operator transaction of a `match` for this document. */
    fingerprintTransactionId: z.string().min(1).optional(),
  }),
  /**
   * Reactivation of an inactive account at the office without a debit (seed 003 cl. 7.1), with the supervisor's
   * approval; `presencial`: the holder or legal representative came, `escrita`: the representative's letter.
   */
  account_reactivation: z.object({ reactivation: ReactivationSchema, authorizedBy: z.enum(['presencial', 'escrita']) }),
  /** Cash leaves the sender's till for another till of the branch (till-transfers.ts); no account moves. */
  till_transfer_send: TillTransferSendPayloadSchema,
  /** The receiving till accepts (blind count matched) or rejects a transfer sent to it. */
  till_transfer_settle: TillTransferSettlePayloadSchema,
  /**
   * A supervisor provisions a till of the branch from the branch vault, which central keeps (vault.ts): posted
   * synchronously (`vaultProvision`), central takes the pieces from the vault and the transfer is in transit to
   * `toWorkstation`, which settles it with `till_transfer_settle` (rejected: the pieces go back to the vault).
   */
  vault_provision: TillTransferSendPayloadSchema,
  /** A supervisor of the branch accepts (blind count matched: the vault is credited) or rejects cash sent to the vault. */
  vault_receive: TillTransferSettlePayloadSchema,
  /** A supervisor decided a structuring alert, or reconsidered its rejection (structuring-alerts.ts); no account moves. */
  structuring_alert: StructuringAlertPayloadSchema,
  /** A relayed approval decided or withdrawn at its workstation while central had not heard of it (approvals.ts). */
  approval_outcome: ApprovalOutcomePayloadSchema,
} as const;

export const OPERATION_TYPES = Object.keys(OperationPayloads) as (keyof typeof OperationPayloads)[];
export type OperationType = keyof typeof OperationPayloads;

const envelope = {
  key: KeySchema,
  branch: BranchIdSchema,
  workstation: WorkstationIdSchema,
  /** When the teller posted it at the branch (branch clock); part of the hashed body. */
  occurredAt: IsoDateTimeSchema,
};
const withAccount = { ...envelope, account: AccountNumberSchema };
const noAccount = { ...envelope, account: AccountNumberSchema.optional() };

export const OperationSchema = z.discriminatedUnion('type', [
  z.object({ ...withAccount, type: z.literal('cash_deposit'), payload: OperationPayloads.cash_deposit }),
  z.object({ ...withAccount, type: z.literal('cheque_deposit'), payload: OperationPayloads.cheque_deposit }),
  z.object({ ...withAccount, type: z.literal('withdrawal'), payload: OperationPayloads.withdrawal }),
  z.object({ ...withAccount, type: z.literal('transfer'), payload: OperationPayloads.transfer }),
  z.object({ ...withAccount, type: z.literal('cheque_paid'), payload: OperationPayloads.cheque_paid }),
  z.object({ ...withAccount, type: z.literal('remesa_sent'), payload: OperationPayloads.remesa_sent }),
  z.object({ ...withAccount, type: z.literal('deposit_commission'), payload: OperationPayloads.deposit_commission }),
  z.object({ ...withAccount, type: z.literal('account_reactivation'), payload: OperationPayloads.account_reactivation }),
  z.object({ ...noAccount, type: z.literal('till_open'), payload: OperationPayloads.till_open }),
  z.object({ ...noAccount, type: z.literal('till_close'), payload: OperationPayloads.till_close }),
  z.object({ ...noAccount, type: z.literal('reversal'), payload: OperationPayloads.reversal }),
  z.object({ ...noAccount, type: z.literal('contact_update'), payload: OperationPayloads.contact_update }),
  z.object({ ...noAccount, type: z.literal('till_transfer_send'), payload: OperationPayloads.till_transfer_send }),
  z.object({ ...noAccount, type: z.literal('till_transfer_settle'), payload: OperationPayloads.till_transfer_settle }),
  z.object({ ...noAccount, type: z.literal('vault_provision'), payload: OperationPayloads.vault_provision }),
  z.object({ ...noAccount, type: z.literal('vault_receive'), payload: OperationPayloads.vault_receive }),
  z.object({ ...noAccount, type: z.literal('structuring_alert'), payload: OperationPayloads.structuring_alert }),
  z.object({ ...noAccount, type: z.literal('approval_outcome'), payload: OperationPayloads.approval_outcome }),
]);
export type Operation = z.infer<typeof OperationSchema>;

/** What the idempotency key is bound to: the whole operation except the key itself. */
export const operationBody = (op: Operation): Omit<Operation, 'key'> => {
  const { key: _key, ...body } = op;
  return body;
};

export const MAX_BATCH = 500;
export const BatchRequestSchema = z.object({ operations: z.array(OperationSchema).min(1).max(MAX_BATCH) });
export type BatchRequest = z.infer<typeof BatchRequestSchema>;

export const REJECTION_CODES = [
  'ACCOUNT_NOT_FOUND',
  'ACCOUNT_INACTIVE',
  'ACCOUNT_BLOCKED',
  'ACCOUNT_CANCELLED',
  'INSUFFICIENT_FUNDS',
  'EMBARGOED_FUNDS',
  'HOLD_NOT_FOUND',
  'HOLD_MISMATCH',
  'HOLD_ALREADY_USED',
  'REVERSAL_TARGET_NOT_FOUND',
  'REVERSAL_TARGET_NOT_APPLIED',
  'ALREADY_REVERSED',
  'NOT_REVERSIBLE',
  'CUSTOMER_NOT_FOUND',
  'CELLPHONE_MISMATCH',
  /** The previous e-mail or address stated at the branch is not the registered one. */
  'CONTACT_MISMATCH',
  /** A contact update must carry exactly one of cellphone, e-mail, address, with its matching validation. */
  'CONTACT_FIELD_INVALID',
  'FINGERPRINT_NOT_VERIFIED',
  'SAME_ACCOUNT',
  /** Till-to-till transfer: destination outside the branch or the sender itself, count ≠ amount, id reused. */
  'TRANSFER_INVALID',
  /** Settling a transfer central does not have for this workstation. */
  'TRANSFER_NOT_FOUND',
  /** Settling a transfer already accepted or rejected. */
  'TRANSFER_SETTLED',
  /** Accepting with a count other than what was sent. */
  'COUNT_DIFFERS',
  /** A provision asks the branch vault for pieces it does not hold. */
  'VAULT_SHORT',
  /** The one who sent a transfer cannot receive it (maker ≠ checker). */
  'MAKER_IS_CHECKER',
  /** `cheque_paid` for a cheque deposit central does not hold in canje for that account and branch. */
  'CHEQUE_NOT_FOUND',
  /** `cheque_paid` for a cheque already made available, or returned. */
  'CHEQUE_SETTLED',
  /** `remesa_sent` for a remesa another operation already recorded as sent. */
  'REMESA_ALREADY_SENT',
  /** A cheque deposit carrying a cheque (bank, number, drawer's account) that stands in another deposit. */
  'CHEQUE_ALREADY_DEPOSITED',
  /** `approval_outcome` for a request a supervisor at another desk had already decided the other way at central. */
  'APPROVAL_DECIDED_ELSEWHERE',
  /** `approval_outcome` for a request central holds from another workstation or branch. */
  'APPROVAL_MISMATCH',
  /** A withdrawal's cheque de gerencia number already paid another debit (or is held for one). */
  'CHEQUE_GERENCIA_NUMBER_USED',
] as const;
export const RejectionCodeSchema = z.enum(REJECTION_CODES);
export type RejectionCode = z.infer<typeof RejectionCodeSchema>;

/**
 * Balances of the account the operation touched, after it was applied. `pendingCharges`: what the customer owes
 * for cheques returned after their credit was spent (cargo pendiente); the account's next credits pay it first.
 * Absent when nothing is owed. `embargoRetained`: on an embargoed account, what central keeps retained under the order
 * so far, part of `available` (seed 003 cl. 7.2, 8.5: it stays retained whatever is withdrawn afterwards); absent from
 * a central that does not keep it, when the branch computes the retention from the balance of the moment.
 */
export const BalancesSchema = z.object({
  available: PesosSchema,
  inCanje: PesosSchema,
  onHold: PesosSchema,
  pendingCharges: PositivePesosSchema.optional(),
  embargoRetained: PesosSchema.optional(),
});

/**
 * How a returned cheque's reversal was charged: `debited` came out of the account (canje or available), `pending`
 * is what the available balance lacked, left owed as a pending charge. Together they are the cheque plus the fee.
 * `fromCanje`: the part of `debited` that left canje (the cheque had not cleared, so it was never available);
 * absent from a central that does not say it.
 */
export const ReturnChargeSchema = z.object({ debited: PesosSchema, pending: PesosSchema, fromCanje: PesosSchema.optional() });
export type ReturnCharge = z.infer<typeof ReturnChargeSchema>;

/**
 * One returned cheque's pending charge, named as the customer knows it (the cheques of the returned deposit).
 * `amount`: in a list of what is owed, what is still owed of it; in what a credit paid, what that credit paid.
 */
export const PendingChargeSchema = z.object({
  returnKey: KeySchema,
  returnedAt: IsoDateTimeSchema,
  cheques: z.array(z.object({ bankCode: ChequeSchema.shape.bankCode, number: ChequeSchema.shape.number })),
  amount: PositivePesosSchema,
});
export type PendingCharge = z.infer<typeof PendingChargeSchema>;
/** What a credit paid of the account's pending charges before the customer got the rest, oldest charge first. */
export const PendingChargesPaidSchema = z.object({ amount: PositivePesosSchema, charges: z.array(PendingChargeSchema) });
export type PendingChargesPaid = z.infer<typeof PendingChargesPaidSchema>;

/**
 * A returned cheque's charge paid in full, and the credit that paid its last pesos (a credit reversed since does
 * not count): the branch names the comprobante that paid it. `occurredAt` is that comprobante's posting instant.
 */
export const PaidChargeSchema = z.object({
  returnKey: KeySchema,
  paidBy: z.object({ key: KeySchema, workstation: WorkstationIdSchema, occurredAt: IsoDateTimeSchema, reference: z.string() }),
});
export type PaidCharge = z.infer<typeof PaidChargeSchema>;

/**
 * The account's pending charges now, oldest first; `total` is their sum (0 and no charges when nothing is owed).
 * `paid`: the account's charges paid in full by a credit; absent from a central that does not say it.
 * `available`: the account's available balance now — on an embargoed account what a credit pays of the charges
 * depends on it, and the branch's reference copy may be older; absent from a central that does not say it.
 */
export const PendingChargesRequestSchema = z.object({ account: z.string().regex(/^\d{1,20}$/) });
export const PendingChargesResponseSchema = z.object({
  account: z.string(),
  total: PesosSchema,
  charges: z.array(PendingChargeSchema),
  paid: z.array(PaidChargeSchema).optional(),
  available: PesosSchema.optional(),
});
export type Balances = z.infer<typeof BalancesSchema>;

/** The first outcome of a key; replays return it unchanged. */
export const OutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('applied'),
    /** Central's posting reference, printed on the receipt as the authorization number. */
    reference: z.string(),
    postedAt: IsoDateTimeSchema,
    balances: BalancesSchema.optional(),
    /** Only on the reversal of a cheque deposit (a returned cheque). */
    charge: ReturnChargeSchema.optional(),
    /** On a credit to an account that owed pending charges: what of it paid them, and which. */
    pendingChargesPaid: PendingChargesPaidSchema.optional(),
  }),
  z.object({
    outcome: z.literal('rejected'),
    reference: z.string(),
    postedAt: IsoDateTimeSchema,
    reason: RejectionCodeSchema,
    message: z.string(),
  }),
]);
export type Outcome = z.infer<typeof OutcomeSchema>;

/**
 * Per-operation answer. `applied`/`rejected`: first time central saw the key. `duplicate`: the key was seen
 * with the same body, `first` is what happened then (which may be a rejection). `conflict`: the key was bound
 * to another body; nothing was applied and `first` is withheld so the caller cannot mistake it for its own.
 */
export const OperationResultSchema = z.discriminatedUnion('status', [
  z.object({ key: KeySchema, status: z.literal('applied'), first: OutcomeSchema }),
  z.object({ key: KeySchema, status: z.literal('rejected'), first: OutcomeSchema }),
  z.object({ key: KeySchema, status: z.literal('duplicate'), first: OutcomeSchema }),
  z.object({ key: KeySchema, status: z.literal('conflict'), boundHash: Sha256HexSchema, sentHash: Sha256HexSchema, message: z.string() }),
]);
export type OperationResult = z.infer<typeof OperationResultSchema>;

export const BatchResponseSchema = z.object({ results: z.array(OperationResultSchema) });
export type BatchResponse = z.infer<typeof BatchResponseSchema>;

/** `payloadHash`: when given and it differs from the bound hash, the answer is `conflict`. */
export const OperationStatusRequestSchema = z.object({ key: KeySchema, payloadHash: Sha256HexSchema.optional() });
export const OperationStatusResponseSchema = z.discriminatedUnion('status', [
  z.object({ key: KeySchema, status: z.literal('unknown') }),
  z.object({ key: KeySchema, status: z.literal('applied'), boundHash: Sha256HexSchema, type: z.string(), first: OutcomeSchema }),
  z.object({ key: KeySchema, status: z.literal('rejected'), boundHash: Sha256HexSchema, type: z.string(), first: OutcomeSchema }),
  z.object({ key: KeySchema, status: z.literal('conflict'), boundHash: Sha256HexSchema }),
]);
export type OperationStatusResponse = z.infer<typeof OperationStatusResponseSchema>;
