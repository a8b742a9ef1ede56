import { formatReceiptDateTime } from '../calendar/bogota-time';

/** What a reversed comprobante's copy says of its reversal, and what the journal offers about it. */
export interface ReversalOf {
  /** The reversal's own receipt number, `R-001-03-000001`. */
  document: string;
  /** ISO date-time the reversal was registered. */
  at: string;
  /** Display name of the supervisor who approved it. */
  approvedBy: string;
}

/**
 * The mark on every copy of a reversed comprobante: a copy is paper proof of the operation, and without it a copy of
 * a reversed deposit would prove money the account no longer has. It names the reversal's receipt so the copy leads
 * to it, the moment and who approved it.
 */
export const reversedMark = (r: ReversalOf): string => `REVERSADO con ${r.document} el ${formatReceiptDateTime(r.at)}, aprobó ${r.approvedBy}`;
