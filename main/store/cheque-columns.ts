/** The columns a deposited cheque keeps in both of its tables (remittances, canje_cheques) to be returned. */
export interface ChequeRow {
  comprobante_sequence: string;
  holder_name: string;
  bank: string;
  cheque_number: string;
  drawer_account: string;
  city: string;
  return_fee: number;
  return_pending: number;
  central_key: string;
  return_receipt: string | null;
  taken_at: string | null;
  /** 1 when the deposit was reversed the same day: computed by DEPOSIT_REVERSED_COLUMN. */
  deposit_reversed: number;
}

/**
 * Selected beside the cheque's own columns: whether its deposit comprobante was reversed. The reversal hands the
 * cheque back to the customer, so the cheque has nothing left to follow (reversals are append-only).
 */
export const DEPOSIT_REVERSED_COLUMN = 'EXISTS (SELECT 1 FROM reversals v WHERE v.original_sequence = comprobante_sequence) AS deposit_reversed';

export interface ChequeFields {
  /** Comprobante that received the cheque. */
  sequence: string;
  holderName: string;
  bank: string;
  chequeNumber: string;
  drawerAccount: string;
  city: string;
  returnFee: number;
  /** What the return left owed (cargo pendiente): the part of cheque and fee the available balance lacked. */
  returnPending: number;
  /** Key of the cheque's own central cheque_deposit, the one a return reverses. */
  centralKey: string;
  /** ReceiptDocument JSON of the return, once returned. */
  returnReceipt: string | null;
  depositReversed: boolean;
  /** The workstation of the branch that took the cheque, when not this one (copied from central's list). */
  takenAt: string | null;
}

export const chequeFields = (r: ChequeRow): ChequeFields => ({
  sequence: r.comprobante_sequence,
  holderName: r.holder_name,
  bank: r.bank,
  chequeNumber: r.cheque_number,
  drawerAccount: r.drawer_account,
  city: r.city,
  returnFee: r.return_fee,
  returnPending: r.return_pending,
  centralKey: r.central_key,
  returnReceipt: r.return_receipt,
  depositReversed: r.deposit_reversed === 1,
  takenAt: r.taken_at,
});
