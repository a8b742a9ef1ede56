import {
  contactUpdateField,
  contactUpdateProblem,
  operationBody,
  type Operation,
  type OperationResult,
  type OperationStatusResponse,
  type Outcome,
  type RejectionCode,
  type ReturnCharge,
} from '../../domain/central-api';
import {
  REFUSAL_MESSAGES,
  accountsOfHolder,
  applyPosting,
  bogotaDay,
  creditRefusal,
  customerId,
  debitRefusal,
  disposable,
  getAccount,
  getCustomer,
  bumpVersion,
  payPendingCharges,
  retentionGrownBy,
  settleRetention,
  chargeableWith,
  putAccount,
  reactivate,
  reactivateWithoutMovement,
  recordCustomerMovement,
  type Posting,
} from '../accounts/ledger';
import { canonicalContact } from '../../domain/identity/contact';
import { fingerprintVerified } from '../registry/transactions';
import { hashCanonical, iso } from '../runtime';
import { recordAccountActivity } from '../account-activity/account-activity';
import { consumeWithdrawalLimit } from '../withdrawal-limits/reservations';
import { recordCash } from '../cash-report/cash-report';
import { payChargesNaming } from '../cheques/pending-charges';
import { chequePaidEffect, chequeReversal, recordChequeDeposit, remesaSentEffect, settleDue, standingCheque } from '../cheques/clearing';
import { chequeGerenciaNumberUsed, recordChequeGerencia } from '../cheques/gerencia';
import { sendEffect, settleEffect } from '../till-transfers/till-transfers';
import { provisionEffect, receiveEffect } from '../vault/vault';
import { holdIdForKey } from '../holds/holds';
import { recordStructuringAlert } from '../structuring-alerts/structuring-alerts';
import { approvalOutcomeEffect } from '../approvals/approvals';
import type { Sql } from '../store/db';
import { recordTillOperation } from '../tills/till-records';

/**
 * Exactly-once application of branch operations. Inside one transaction per batch, each operation's key is
 * looked up: unseen → the balance effect is computed, applied and recorded with the key and the body hash;
 * seen with the same hash → the first outcome is returned; seen with another hash → `conflict`, nothing applied.
 */
interface OpRow {
  key: string;
  hash: string;
  type: string;
  branch: string;
  account: string | null;
  status: 'applied' | 'rejected';
  outcome: string;
}

/** `released`: per account, the embargo retention a reversed credit had brought (`retentionGrownBy`). */
type Effect =
  | { ok: true; postings: Posting[]; after?: () => void; charge?: ReturnCharge; released?: ReadonlyMap<string, number> }
  | { ok: false; reason: RejectionCode };

const reject = (reason: RejectionCode): Effect => ({ ok: false, reason });

interface HoldRow {
  id: string;
  account: string;
  amount: number;
  state: string;
}

/**
 * The debit of a withdrawal or of a transfer's source account: `total` out of `available`, or out of the hold
 * the branch's online authorization placed (`holdId`, or the key of an authorization whose answer was lost).
 */
const debitEffect = (
  sql: Sql,
  op: Operation & { type: 'withdrawal' | 'transfer' },
  total: number,
  nowMs: number,
): Effect => {
  const account = getAccount(sql, op.account);
  if (!account) return reject('ACCOUNT_NOT_FOUND');
  const on = bogotaDay(nowMs);
  const reactivating = op.payload.reactivation !== undefined;
  const afterDebit = () => {
    if (reactivating) reactivate(sql, op.account);
  };
  const holdId = op.payload.holdId ?? holdIdForKey(sql, op.payload.holdKey);
  const hold = holdId === undefined ? undefined : sql.get<HoldRow>('SELECT * FROM holds WHERE id = ?', holdId);
  if (holdId !== undefined && !hold) return reject('HOLD_NOT_FOUND');
  if (hold && hold.account !== op.account) return reject('HOLD_MISMATCH');
  if (hold?.state === 'consumed') return reject('HOLD_ALREADY_USED');
  if (hold?.state === 'active') {
    // The held amount is already out of `available`; only what exceeds it needs checking.
    const extra = Math.max(0, total - hold.amount);
    const refusal = debitRefusal(sql, account, extra, on, { reactivating });
    if (refusal) return reject(refusal);
    return {
      ok: true,
      postings: [{ account: op.account, dAvailable: hold.amount - total, dCanje: 0, dHold: -hold.amount }],
      after: () => {
        sql.run("UPDATE holds SET state = 'consumed', consumed_by = ? WHERE id = ?", op.key, hold.id);
        afterDebit();
      },
    };
  }
  // No hold, or it expired / was released and its funds are back in `available`.
  const refusal = debitRefusal(sql, account, total, on, { reactivating });
  if (refusal) return reject(refusal);
  return { ok: true, postings: [{ account: op.account, dAvailable: -total, dCanje: 0, dHold: 0 }], after: afterDebit };
};

const transferEffect = (sql: Sql, op: Operation & { type: 'transfer' }, nowMs: number): Effect => {
  if (op.payload.toAccount === op.account) return reject('SAME_ACCOUNT');
  const to = getAccount(sql, op.payload.toAccount);
  if (!to) return reject('ACCOUNT_NOT_FOUND');
  const debit = debitEffect(sql, op, op.payload.amount + op.payload.gmf, nowMs);
  if (!debit.ok) return debit;
  const refusal = creditRefusal(to);
  if (refusal) return reject(refusal);
  return { ...debit, postings: [...debit.postings, { account: op.payload.toAccount, dAvailable: op.payload.amount, dCanje: 0, dHold: 0 }] };
};

const effectOf = (sql: Sql, op: Operation, nowMs: number): Effect => {
  switch (op.type) {
    case 'cash_deposit':
    case 'cheque_deposit': {
      const account = getAccount(sql, op.account);
      if (!account) return reject('ACCOUNT_NOT_FOUND');
      const refusal = creditRefusal(account);
      if (refusal) return reject(refusal);
      if (op.type === 'cash_deposit') return { ok: true, postings: [{ account: op.account, dAvailable: op.payload.amount, dCanje: 0, dHold: 0 }] };
      // The same paper cannot be credited twice, whichever workstation received it first.
      const again = op.payload.cheques.some((c) => c.drawerAccount !== undefined && standingCheque(sql, { ...c, drawerAccount: c.drawerAccount }));
      if (again) return reject('CHEQUE_ALREADY_DEPOSITED');
      return {
        ok: true,
        postings: [{ account: op.account, dAvailable: 0, dCanje: op.payload.amount, dHold: 0 }],
        after: () => recordChequeDeposit(sql, op),
      };
    }
    case 'cheque_paid':
      return chequePaidEffect(sql, op, nowMs);
    case 'remesa_sent':
      return remesaSentEffect(sql, op);
    case 'deposit_commission': {
      // A bank charge (cl. 7.1): taken from the available balance whatever the account's state, short of cancelled,
      // but never from what an embargo retains (cl. 7.2, 8.5): the order's money is the court's, not the bank's fee.
      const account = getAccount(sql, op.account);
      if (!account) return reject('ACCOUNT_NOT_FOUND');
      if (account.state === 'cancelada') return reject('ACCOUNT_CANCELLED');
      if (account.balances.available < op.payload.amount) return reject('INSUFFICIENT_FUNDS');
      if (disposable(sql, account, bogotaDay(nowMs)) < op.payload.amount) return reject('EMBARGOED_FUNDS');
      return { ok: true, postings: [{ account: op.account, dAvailable: -op.payload.amount, dCanje: 0, dHold: 0 }] };
    }
    case 'account_reactivation': {
      // The branch checked who asked and a supervisor approved (cl. 7.1); a blocked or cancelled account stays so.
      const account = getAccount(sql, op.account);
      if (!account) return reject('ACCOUNT_NOT_FOUND');
      if (account.state === 'bloqueada') return reject('ACCOUNT_BLOCKED');
      if (account.state === 'cancelada') return reject('ACCOUNT_CANCELLED');
      return { ok: true, postings: [], after: () => reactivateWithoutMovement(sql, op.account, bogotaDate(op.occurredAt)) };
    }
    case 'withdrawal': {
      // Online, the authorization refused a used number before anything was paid; this catches a branch that did
      // not send it there (contingency, an older branch): the debit is refused and listed for the supervisor.
      const cheque = op.payload.chequeGerencia;
      const ownHold = op.payload.holdId ?? holdIdForKey(sql, op.payload.holdKey);
      if (cheque && chequeGerenciaNumberUsed(sql, cheque.number, ownHold)) return reject('CHEQUE_GERENCIA_NUMBER_USED');
      return debitEffect(sql, op, op.payload.amount + op.payload.gmf + (op.payload.fee ?? 0), nowMs);
    }
    case 'transfer':
      return transferEffect(sql, op, nowMs);
    case 'till_open':
    case 'till_close':
      // Recorded for the branch's day at central; no customer balance moves.
      return { ok: true, postings: [], after: () => recordTillOperation(sql, op) };
    case 'reversal':
      return reversalEffect(sql, op, nowMs);
    case 'contact_update':
      return contactEffect(sql, op, nowMs);
    case 'till_transfer_send': {
      const e = sendEffect(sql, op, nowMs);
      return e.ok ? { ok: true, postings: [], after: e.after } : reject(e.reason);
    }
    case 'till_transfer_settle': {
      const e = settleEffect(sql, op, nowMs);
      return e.ok ? { ok: true, postings: [], after: e.after } : reject(e.reason);
    }
    case 'vault_provision': {
      const e = provisionEffect(sql, op, nowMs);
      return e.ok ? { ok: true, postings: [], after: e.after } : reject(e.reason);
    }
    case 'vault_receive': {
      const e = receiveEffect(sql, op, nowMs);
      return e.ok ? { ok: true, postings: [], after: e.after } : reject(e.reason);
    }
    case 'structuring_alert':
      // A record for the UIAF, not a movement: kept whatever the account's state.
      return { ok: true, postings: [], after: () => recordStructuringAlert(sql, op) };
    case 'approval_outcome': {
      const e = approvalOutcomeEffect(sql, op, nowMs);
      return e.ok ? { ok: true, postings: [], after: e.after } : reject(e.reason);
    }
  }
};

const REVERSIBLE = new Set(['cash_deposit', 'cheque_deposit', 'withdrawal', 'transfer', 'deposit_commission']);

const reversalEffect = (sql: Sql, op: Operation & { type: 'reversal' }, nowMs: number): Effect => {
  const target = sql.get<OpRow>('SELECT * FROM operations WHERE key = ?', op.payload.reversesKey);
  if (!target || target.branch !== op.branch) return reject('REVERSAL_TARGET_NOT_FOUND');
  if (!REVERSIBLE.has(target.type)) return reject('NOT_REVERSIBLE');
  if (target.status !== 'applied') return reject('REVERSAL_TARGET_NOT_APPLIED');
  if (sql.get('SELECT 1 AS x FROM reversals WHERE reversed_key = ?', target.key)) return reject('ALREADY_REVERSED');
  const original = sql.all<{ account: string; d_available: number; d_canje: number; d_hold: number; d_pending: number }>(
    'SELECT account, d_available, d_canje, d_hold, d_pending FROM postings WHERE op_key = ? ORDER BY id',
    target.key,
  );
  // A consumed hold is not re-created: the whole net debit comes back to `available`. A cheque that already
  // cleared left canje for `available`, so its credit is undone there. A pending charge the operation paid is
  // owed again. Undone last first: a payment of the charge comes back before the credit that paid it goes.
  const cheque = chequeReversal(sql, target.key);
  const fromAvailable = cheque?.from === 'available';
  const postings: Posting[] = [...original].reverse().map((p) =>
    fromAvailable
      ? { account: p.account, dAvailable: -(p.d_available + p.d_hold + p.d_canje), dCanje: 0, dHold: 0, dPending: -p.d_pending }
      : { account: p.account, dAvailable: -(p.d_available + p.d_hold), dCanje: -p.d_canje, dHold: 0, dPending: -p.d_pending },
  );
  const fee = op.payload.fee ?? 0;
  if (fee > 0) {
    // Only a returned cheque carries a fee: it is charged to the account the cheque was deposited in.
    if (target.type !== 'cheque_deposit' || op.account === undefined || op.account !== target.account) return reject('NOT_REVERSIBLE');
    postings.push({ account: op.account, dAvailable: -fee, dCanje: 0, dHold: 0 });
  }
  // A held late return: the hold's funds come back to `available`, out of which the credit and fee then go.
  const holdId = op.payload.holdId;
  const hold = holdId === undefined ? undefined : sql.get<HoldRow>('SELECT * FROM holds WHERE id = ?', holdId);
  if (holdId !== undefined && !hold) return reject('HOLD_NOT_FOUND');
  if (hold && hold.account !== op.account) return reject('HOLD_MISMATCH');
  if (hold?.state === 'consumed') return reject('HOLD_ALREADY_USED');
  const consumed = hold?.state === 'active' ? hold : undefined;
  // What the returned cheque takes from its account: the credit and the fee (not the held funds coming back).
  const returned = target.type === 'cheque_deposit' && target.account !== null ? target.account : null;
  const charged = postings.filter((p) => p.account === returned).reduce((s, p) => s - p.dAvailable - p.dCanje, 0);
  // The part that left canje: a cheque that had not cleared was never available, and the branch must not say so.
  const fromCanje = postings.filter((p) => p.account === returned).reduce((s, p) => s - p.dCanje, 0);
  // First, so that the held funds are back in `available` before the debits take them (a balance never goes
  // below zero between postings: the table's CHECK would abort the batch).
  if (consumed) postings.unshift({ account: consumed.account, dAvailable: consumed.amount, dCanje: 0, dHold: -consumed.amount });
  // Net per account: the fee and the reversed credit may touch the same one.
  const net = new Map<string, { dAvailable: number; dCanje: number }>();
  for (const p of postings) {
    const n = net.get(p.account) ?? { dAvailable: 0, dCanje: 0 };
    net.set(p.account, { dAvailable: n.dAvailable + p.dAvailable, dCanje: n.dCanje + p.dCanje });
  }
  let pending = 0;
  const on = bogotaDay(nowMs);
  const released = new Map<string, number>();
  for (const [account, d] of net) {
    const a = getAccount(sql, account);
    if (!a) return reject('ACCOUNT_NOT_FOUND');
    if (a.balances.inCanje + d.dCanje < 0) return reject('INSUFFICIENT_FUNDS');
    // What an embargo keeps retained once the reversed credit takes back the retention it brought (seed 003 cl. 7.2,
    // 8.5): the rest of the retention is the court's, whatever credit it came from, and no reversal takes it.
    released.set(account, retentionGrownBy(sql, target.key, account));
    const stays = a.state === 'embargada' ? Math.max(0, (a.balances.embargoRetained ?? 0) - (released.get(account) ?? 0)) : 0;
    const back = consumed?.account === account ? consumed.amount : 0;
    const before = a.balances.available + back;
    if (account !== returned) {
      // Any reversal but a returned cheque needs the funds, and never the retained ones.
      if (a.balances.available + d.dAvailable < 0) return reject('INSUFFICIENT_FUNDS');
      if (a.balances.available + d.dAvailable < Math.min(stays, before)) return reject('EMBARGOED_FUNDS');
      continue;
    }
    // A returned cheque is booked whatever the balance (the paper is back at the bank): its credit comes back out of
    // what the retention leaves, its fee — a bank charge — out of what charges may take (`chargeable`), and the rest
    // is owed as a pending charge. Without an embargo that is simply what `available` lacks.
    const debit = back - d.dAvailable;
    const credit = Math.max(0, debit - fee);
    const takeCredit = Math.min(credit, Math.max(0, before - stays));
    const takeFee = Math.min(debit - credit, chargeableWith(sql, a, before - takeCredit, stays, on));
    pending = debit - takeCredit - takeFee;
  }
  // The owed part enters `available` before the debits take it, after the held funds came back.
  if (returned !== null && pending > 0) postings.splice(consumed ? 1 : 0, 0, { account: returned, dAvailable: pending, dCanje: 0, dHold: 0, dPending: pending });
  return {
    ok: true,
    postings,
    ...(returned !== null ? { charge: { debited: charged - pending, pending, fromCanje } } : {}),
    released,
    after: () => {
      sql.run('INSERT INTO reversals (reversed_key, reversal_key) VALUES (?, ?)', target.key, op.key);
      if (consumed) sql.run("UPDATE holds SET state = 'consumed', consumed_by = ? WHERE id = ?", op.key, consumed.id);
      cheque?.settle(nowMs, op.key);
    },
  };
};

const contactEffect = (sql: Sql, op: Operation & { type: 'contact_update' }, nowMs: number): Effect => {
  const p = op.payload;
  const field = contactUpdateField(p);
  if (field === null || contactUpdateProblem(p) !== null) return reject('CONTACT_FIELD_INVALID');
  const customer = getCustomer(sql, p.documentType, p.documentNumber);
  if (!customer) return reject('CUSTOMER_NOT_FOUND');
  if (p.validatedBy === 'previous_value' && (field === 'email' || field === 'address')) {
    // Compared in canonical form: what central stored may have been typed with other case or punctuation.
    if (canonicalContact(field, customer[field]) === null || canonicalContact(field, customer[field]) !== canonicalContact(field, p.previousValue)) {
      return reject('CONTACT_MISMATCH');
    }
  }
  if (p.validatedBy === 'fingerprint' && !fingerprintVerified(sql, p.documentType, p.documentNumber, p.fingerprintTransactionId, nowMs)) {
    return reject('FINGERPRINT_NOT_VERIFIED');
  }
  if (field === 'email' || field === 'address') {
    const value = field === 'email' ? (p.email ?? '') : (p.address ?? '');
    return {
      ok: true,
      postings: [],
      after: () => {
        const update = field === 'email' ? 'UPDATE customers SET email = ?' : 'UPDATE customers SET address = ?';
        sql.run(`${update} WHERE document_type = ? AND document_number = ?`, value, p.documentType, p.documentNumber);
        bumpVersion(sql, 'customer', customerId(p.documentType, p.documentNumber));
        sql.run(
          `INSERT INTO contact_data_updates (op_key, document_type, document_number, field, old_value, new_value, validated_by, workstation, at_ms)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          op.key,
          p.documentType,
          p.documentNumber,
          field,
          customer[field] ?? null,
          value,
          p.validatedBy,
          op.workstation,
          nowMs,
        );
      },
    };
  }
  const cellphone = p.cellphone ?? '';
  if (p.validatedBy === 'previous_cellphone' && (customer.cellphone === null || p.previousCellphone !== customer.cellphone)) {
    return reject('CELLPHONE_MISMATCH');
  }
  return {
    ok: true,
    postings: [],
    after: () => {
      sql.run(
        'UPDATE customers SET cellphone = ? WHERE document_type = ? AND document_number = ?',
        cellphone,
        p.documentType,
        p.documentNumber,
      );
      bumpVersion(sql, 'customer', customerId(p.documentType, p.documentNumber));
      for (const a of accountsOfHolder(sql, p.documentType, p.documentNumber)) putAccount(sql, { ...a, registeredCellphone: cellphone });
      sql.run(
        `INSERT INTO contact_updates (op_key, document_type, document_number, old_cellphone, new_cellphone, validated_by, workstation, at_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        op.key,
        p.documentType,
        p.documentNumber,
        customer.cellphone,
        cellphone,
        p.validatedBy,
        op.workstation,
        nowMs,
      );
    },
  };
};

/** Seed 003 cl. 7.1: what the customer orders counts as a movement; reversals and till records do not. */
const CUSTOMER_MOVEMENTS = new Set<Operation['type']>(['cash_deposit', 'cheque_deposit', 'withdrawal', 'transfer']);
/** Business date at the branch (Colombia, UTC−5 all year) of an instant with offset. */
const bogotaDate = (at: string): string => new Date(Date.parse(at) - 5 * 3_600_000).toISOString().slice(0, 10);

const reference = (sql: Sql): string => `C${String(sql.next('posting_ref')).padStart(9, '0')}`;

/** Applies one operation; call inside `sql.tx`. */
export const applyOperation = (sql: Sql, op: Operation, nowMs: number, callerWorkstation: string): OperationResult => {
  const hash = hashCanonical(operationBody(op));
  const seen = sql.get<OpRow>('SELECT * FROM operations WHERE key = ?', op.key);
  if (seen) {
    if (seen.hash !== hash) {
      sql.run(
        'INSERT INTO operation_conflicts (key, sent_hash, workstation, at_ms) VALUES (?, ?, ?, ?)',
        op.key,
        hash,
        callerWorkstation,
        nowMs,
      );
      return {
        key: op.key,
        status: 'conflict',
        boundHash: seen.hash,
        sentHash: hash,
        message: 'La clave de la operación ya se usó con otros datos. No se aplicó; revise la operación en el diario.',
      };
    }
    return { key: op.key, status: 'duplicate', first: JSON.parse(seen.outcome) as Outcome };
  }
  settleDue(sql, nowMs);
  const effect = effectOf(sql, op, nowMs);
  const postedAt = iso(nowMs);
  let outcome: Outcome;
  if (effect.ok) {
    outcome = { outcome: 'applied', reference: reference(sql), postedAt, ...(effect.charge ? { charge: effect.charge } : {}) };
  } else {
    outcome = {
      outcome: 'rejected',
      reference: reference(sql),
      postedAt,
      reason: effect.reason,
      message: REFUSAL_MESSAGES[effect.reason] ?? 'Operación rechazada en central.',
    };
  }
  // The key row first: postings reference it.
  sql.run(
    `INSERT INTO operations (key, hash, type, branch, workstation, account, body, status, outcome, received_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    op.key,
    hash,
    op.type,
    op.branch,
    op.workstation,
    op.account ?? null,
    JSON.stringify(operationBody(op)),
    outcome.outcome,
    JSON.stringify(outcome),
    nowMs,
  );
  // Arrived, applied or not: its reservation of the day's limits no longer counts (an applied one counts itself).
  consumeWithdrawalLimit(sql, op);
  if (effect.ok) {
    for (const p of effect.postings) applyPosting(sql, op.key, p);
    if (CUSTOMER_MOVEMENTS.has(op.type)) {
      const on = bogotaDate(op.occurredAt);
      for (const p of effect.postings) recordCustomerMovement(sql, p.account, on);
      recordCash(sql, op, on);
      recordAccountActivity(sql, op, on);
      recordChequeGerencia(sql, op, on);
    }
    effect.after?.();
    // An embargo retains what the operation brought before anything else may take it (seed 003 cl. 7.2, 8.5); what
    // it retains is booked to the credit (a remesa's to its deposit), which a reversal then releases.
    const creditKey = op.type === 'cheque_paid' ? op.payload.depositKey : op.key;
    for (const account of new Set(effect.postings.map((p) => p.account))) {
      settleRetention(sql, account, bogotaDay(nowMs), { creditKey, released: effect.released?.get(account) ?? 0 });
    }
    // Money this operation brought to an account owing a returned cheque pays it first, under this key.
    // The account it credits names the returned cheques it paid: the branch prints them on the receipt. For a
    // transfer that is the destination, not the operation's (source) account.
    const credited = op.type === 'transfer' ? op.payload.toAccount : op.account;
    for (const account of new Set(effect.postings.map((p) => p.account))) {
      if (account !== credited) {
        payPendingCharges(sql, account, op.key, bogotaDay(nowMs));
        continue;
      }
      const paid = payChargesNaming(sql, account, op.key, bogotaDay(nowMs));
      if (paid) outcome = { ...outcome, pendingChargesPaid: paid } as Outcome;
    }
    if (op.account !== undefined) {
      const balances = getAccount(sql, op.account)?.balances;
      if (balances) {
        outcome = { ...outcome, balances } as Outcome;
        sql.run('UPDATE operations SET outcome = ? WHERE key = ?', JSON.stringify(outcome), op.key);
      }
    }
    return { key: op.key, status: 'applied', first: outcome };
  }
  return { key: op.key, status: 'rejected', first: outcome };
};

export const applyBatch = (sql: Sql, ops: readonly Operation[], nowMs: number, callerWorkstation: string): OperationResult[] =>
  sql.tx(() => ops.map((op) => applyOperation(sql, op, nowMs, callerWorkstation)));

/** Keys of another branch read as unknown: a workstation learns nothing about other branches' operations. */
export const operationStatus = (sql: Sql, key: string, payloadHash: string | undefined, branch: string): OperationStatusResponse => {
  const row = sql.get<OpRow>('SELECT * FROM operations WHERE key = ?', key);
  if (!row || row.branch !== branch) return { key, status: 'unknown' };
  if (payloadHash !== undefined && payloadHash !== row.hash) return { key, status: 'conflict', boundHash: row.hash };
  return { key, status: row.status, boundHash: row.hash, type: row.type, first: JSON.parse(row.outcome) as Outcome };
};
