import { z } from 'zod';
import { IsoDateSchema } from '../calendar/iso-date';
import { PesosSchema } from '../money/pesos';
import { SupervisorCredentials } from './supervisor';

/** A deposited cheque followed after the comprobante that received it. */
export const DepositedChequeFields = {
  id: z.string(),
  /** Comprobante that received it. */
  sequence: z.string(),
  accountNumber: z.string(),
  holderName: z.string(),
  bank: z.string(),
  chequeNumber: z.string(),
  city: z.string(),
  amount: PesosSchema,
  /** The deposit was reversed the same day and the cheque handed back: nothing left to send, pay or return. */
  depositReversed: z.boolean(),
  /**
   * The workstation of the branch that took the deposit, when it was not this one: the cheque comes from central's
   * list of the branch's cheques. Absent: taken here.
   */
  takenAt: z.string().optional(),
};

/**
 * Whether the list is the branch's (central answered: the cheques any workstation took) or only this workstation's
 * (central did not answer: the screen says so).
 */
export const BranchWideField = { branchWide: z.boolean() };

/** What a returned cheque shows, whichever route (remesa or canje) it travelled. */
export const ReturnedChequeFields = {
  causalId: z.string().optional(),
  causalText: z.string().optional(),
  /** Returned-cheque fee charged (cl. 4.2 h); 0 when waived or not returned. */
  returnFee: PesosSchema,
  /**
   * Of the cheque and its fee, what the account's available balance lacked when it came back: owed by the customer
   * as a pending charge (cargo pendiente) that the account's next credits pay first. 0 when covered or not returned.
   */
  returnPending: PesosSchema,
  customerNotice: z.string().optional(),
  /**
   * Of the return's pending charge, what central says is still owed now (later credits pay it); null when central
   * could not be asked, absent when the return left nothing owed.
   */
  returnOwedNow: PesosSchema.nullable().optional(),
  /**
   * Once central says the charge is paid (returnOwedNow 0): the credit that paid it. `sequence`: its comprobante
   * when this workstation posted it, else the workstation and central's authorization number printed on its
   * receipt; `on`: the day it was posted, absent when that is today.
   */
  returnPaidBy: z.object({ sequence: z.string().optional(), workstation: z.string(), reference: z.string(), on: IsoDateSchema.optional() }).optional(),
  /** The returned-cheque fee a return would charge now (the bank's configured tariff), for the dialog to state it. */
  returnFeeIfCharged: PesosSchema.optional(),
};

/** How the teller registers a return: the causal, and the fee charged or waived by a supervisor. */
export const ReturnRequestFields = {
  causalId: z.string().min(1, 'Seleccione la causal de devolución'),
  chargeFee: z.boolean().default(true),
  /** Not charging the fee is an exception (RETURNED_CHEQUE_FEE_WAIVER): a supervisor authorizes it here. */
  waiver: z.object(SupervisorCredentials).optional(),
};

export const RETURN_ERRORS = [
  'RETURN_CAUSAL_UNKNOWN',
  /** The deposit comprobante was reversed the same day: there is no credit left to undo. */
  'DEPOSIT_REVERSED',
  'FEE_WAIVER_NEEDS_SUPERVISOR',
  'INVALID_CREDENTIALS',
  'USER_LOCKED_OUT',
  'NOT_A_SUPERVISOR',
  'MAKER_IS_CHECKER',
  'IDEMPOTENCY_CONFLICT',
] as const;
