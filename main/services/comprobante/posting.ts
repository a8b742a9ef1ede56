import type { Operation } from '../../../domain/central-api/operations';
import type { PostedComprobante } from '../../../domain/contract/receipt';
import type { User } from '../../../domain/contract/session';
import type { JsonObject } from '../../../domain/journal/canonical';
import type { DenominationCount } from '../../../domain/money/denominations';
import type { ReceiptHeader } from '../../../domain/receipt/build-common';
import type { ReceiptDocument } from '../../../domain/receipt/document';
import { AppError } from '../../core/errors';
import { CONTINGENCY_MARK } from '../../sync/contingency';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import type { ComprobanteKind } from '../../store/comprobante/repo';
import type { TillSessionRecord } from '../../store/till/repo';
import type { ComprobanteDeps } from './deps';
import { moveCash } from './till';

export interface PostingInput {
  user: User;
  till: TillSessionRecord;
  kind: ComprobanteKind;
  idempotencyKey: string;
  accountNumber: string;
  /** TYPE:NUMBER of the customer (first holder) and of the person at the counter. */
  customerDoc: string;
  transactorDoc: string;
  amounts: { cashIn: number; cashOut: number; cheques: number; total: number; gmf: number; gmfExempt: number; commission: number };
  approvalId: string | null;
  /** What the journal keeps of the operation besides the common fields. */
  journal: JsonObject;
  /** Cash by denomination: +1 received (deposit count), −1 paid (payout mix). */
  cash: { count: DenominationCount; sign: 1 | -1 } | null;
  /** Operations for central, each with its own key; they enter the outbox in this transaction. */
  operations: (envelope: { branch: string; workstation: string; occurredAt: string }, posted: { sequence: string }) => Operation[];
  receipt: (header: ReceiptHeader) => ReceiptDocument;
  details: JsonObject;
  /**
   * Posted without central's answer while the branch is in contingencia: marked CONTINGENCIA on the receipt,
   * the journal and the outbox. Default: the branch is in contingencia and the link is not up. A withdrawal
   * says it itself (only one paid without central's hold is), and a transfer is never posted without central.
   */
  contingency?: boolean;
  /** Feature rows that belong to the same comprobante (remesas). */
  after?: (posted: { sequence: string; comprobanteId: string; businessDate: string; operations: Operation[] }) => void;
}

const postedInContingency = (deps: ComprobanteDeps, input: PostingInput): boolean => input.contingency ?? deps.contingency?.withoutCentral() ?? false;

export const sequenceOf = (branchCode: string, tillCode: string, n: number): string => `${branchCode}-${tillCode}-${String(n).padStart(6, '0')}`;

/** Short code printed on the receipt: the first 8 hex digits of the comprobante's journal hash, `ABCD-1234`. */
export const verificationCodeOf = (journalHash: string): string => `${journalHash.slice(0, 4)}-${journalHash.slice(4, 8)}`.toUpperCase();

/**
 * Posts one accepted comprobante. Runs inside the caller's idempotent transaction, so every effect below
 * commits together or not at all: the gapless sequence, the approval's consumption, the journal entry, the
 * till movement by denomination, the outbox messages for central, the stored receipt and its print job (owed).
 */
export const postComprobante = (deps: ComprobanteDeps, input: PostingInput): PostedComprobante => {
  const { workstation: ws } = deps;
  const now = deps.clock.now();
  const at = now.toISOString();
  const businessDate = bogotaDate(now);
  const n = deps.comprobantes.nextNumber(ws.tillCode);
  const sequence = sequenceOf(ws.branchCode, ws.tillCode, n);
  const comprobanteId = deps.ids.uuid();

  // Posted: no longer a debit central was asked for and the branch has no answer to (unconfirmed.ts).
  deps.unconfirmed.settle(input.idempotencyKey);
  if (input.approvalId !== null && !deps.approvals.markUsed(input.approvalId, sequence)) {
    throw new AppError('APPROVAL_ALREADY_USED', 'Esa aprobación ya se usó en otro comprobante. Solicite una nueva aprobación al supervisor.');
  }
  if (input.approvalId !== null) deps.approvalUsed?.(input.approvalId);

  const operations = input.operations({ branch: ws.branchCode, workstation: ws.id, occurredAt: at }, { sequence });
  const contingency = postedInContingency(deps, input);
  const entry = deps.journal.record('comprobante', input.user.id, {
    ...input.journal,
    comprobanteId,
    sequence,
    kind: input.kind,
    account: input.accountNumber,
    tillSessionId: input.till.id,
    idempotencyKey: input.idempotencyKey,
    approvalId: input.approvalId,
    ...input.amounts,
    centralKeys: operations.map((o) => o.key),
    ...(contingency ? { contingency: true } : {}),
  });
  const verificationCode = verificationCodeOf(entry.hash);

  if (input.cash) {
    moveCash(deps.tills, input.till, { id: deps.ids.uuid(), kind: input.kind, reference: sequence, count: input.cash.count, sign: input.cash.sign, at });
  }
  for (const op of operations) deps.outbox.enqueue(op, { contingency });

  const teller = deps.users.findById(input.user.id)?.displayName ?? input.user.displayName;
  const receipt = input.receipt({
    sequence,
    branch: { code: ws.branchCode, name: ws.branchName },
    till: ws.tillCode,
    teller,
    postedAt: at,
    verificationCode,
    marks: contingency ? [CONTINGENCY_MARK] : [],
  });
  deps.comprobantes.insert({
    id: comprobanteId,
    sequence,
    tillCode: ws.tillCode,
    n,
    idempotencyKey: input.idempotencyKey,
    kind: input.kind,
    accountNumber: input.accountNumber,
    customerDoc: input.customerDoc,
    transactorDoc: input.transactorDoc,
    tellerId: input.user.id,
    tillSessionId: input.till.id,
    businessDate,
    postedAt: at,
    ...input.amounts,
    approvalId: input.approvalId,
    journalSequence: entry.sequence,
    verificationCode,
    receipt: JSON.stringify(receipt),
    details: JSON.stringify(input.details),
  });
  deps.printer.owe(receipt);
  // The customer's own slip gets its imprint from the same figures the receipt prints (sequence, date-time, the
  // comprobante's total, verification code), owed in this commit so a crash before the slip station loses nothing.
  deps.printer.oweValidation?.({ sequence, postedAt: at, amount: input.amounts.total, verificationCode });
  input.after?.({ sequence, comprobanteId, businessDate, operations });
  return { status: 'posted', comprobanteId, sequence, receipt, printJob: null };
};

/**
 * After commit: hands the owed receipt to the printer (once per comprobante: a replayed posting reports the job it
 * already has, the printer port does not send it again) and reports the job; likewise the slip's validation. A printer failure never undoes the
 * posting: the job shows `failed`.
 */
export const withPrintJob = async (deps: ComprobanteDeps, posted: PostedComprobante): Promise<PostedComprobante> => {
  const { jobId } = await deps.printer.print(posted.receipt);
  const job = deps.printer.jobs(posted.sequence).find((j) => j.jobId === jobId);
  // Started after the receipt was handed over: the slip station waits for the roll to finish, never the reverse.
  const validation = deps.printer.validate?.(posted.sequence) ?? null;
  return { ...posted, printJob: { jobId, state: job?.state ?? 'queued' }, ...(validation ? { validationJob: validation } : {}) };
};
