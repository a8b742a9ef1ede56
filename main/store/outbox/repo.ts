import { createHash } from 'node:crypto';
import {
  canonicalJson,
  operationBody,
  OperationSchema,
  type Operation,
  type OperationResult,
  type Outcome,
} from '../../../domain/central-api';
import type { Db } from '../db';

/**
 * The branch outbox: every operation the branch owes central, written in the same SQLite transaction as the
 * posting that produced it, so "the teller saw it confirmed" and "central will get it" are one fact.
 *
 * States: `pending` (not sent, or central said it never saw it) → `sent` (a request is in flight) →
 * `applied` | `rejected` | `conflict` (final, central's answer recorded), or `unknown` (the request timed out
 * or the process died while it was in flight: central must be asked before resending).
 */
export type OutboxState = 'pending' | 'sent' | 'unknown' | 'applied' | 'rejected' | 'conflict';
export const OPEN_STATES = ['pending', 'sent', 'unknown'] as const;

export type OutboxResult =
  | { status: 'applied'; outcome: Outcome }
  | { status: 'rejected'; outcome: Outcome }
  | { status: 'conflict'; boundHash: string; message: string };

export interface OutboxEntry {
  seq: number;
  key: string;
  type: Operation['type'];
  account: string | null;
  groups: string[];
  /** Canonical JSON of the whole operation, key included: what is sent, byte for byte, every time. */
  body: string;
  /** SHA-256 of the canonical JSON of the operation without its key: what central binds the key to. */
  payloadHash: string;
  contingency: boolean;
  state: OutboxState;
  attempts: number;
  enqueuedAt: string;
  sentAt: string | null;
  resolvedAt: string | null;
  result: OutboxResult | null;
}

export interface OutboxCounts {
  /** Not yet answered by central (waiting or in flight). */
  pending: number;
  /** Sent without an answer: central is asked before anything is resent. */
  unknown: number;
  applied: number;
  rejected: number;
  conflict: number;
}

export interface SyncRejection {
  key: string;
  type: string;
  account: string | null;
  status: 'rejected' | 'conflict';
  code: string;
  message: string;
  contingency: boolean;
  amount: number;
  at: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
}

/** Expected misuse, typed: a key reused with other content, or an enqueue outside the posting transaction. */
export class OutboxError extends Error {
  constructor(
    readonly code: 'OUTBOX_KEY_REUSED' | 'OUTBOX_OUTSIDE_TRANSACTION' | 'OUTBOX_INVALID_OPERATION',
    message: string,
  ) {
    super(message);
    this.name = 'OutboxError';
  }
}

interface Row {
  seq: number;
  key: string;
  type: string;
  account: string | null;
  groups: string;
  body: string;
  payload_hash: string;
  contingency: number;
  state: OutboxState;
  attempts: number;
  enqueued_at: string;
  sent_at: string | null;
  resolved_at: string | null;
  result: string | null;
}

interface Effect {
  account: string;
  credit: number;
  debit: number;
}

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash central binds a key to (central/README.md, "Exactly-once"). */
export const payloadHashOf = (op: Operation): string => sha256Hex(canonicalJson(operationBody(op)));

const toEntry = (r: Row): OutboxEntry => ({
  seq: r.seq,
  key: r.key,
  type: r.type as Operation['type'],
  account: r.account,
  groups: r.groups.split(' '),
  body: r.body,
  payloadHash: r.payload_hash,
  contingency: r.contingency === 1,
  state: r.state,
  attempts: r.attempts,
  enqueuedAt: r.enqueued_at,
  sentAt: r.sent_at,
  resolvedAt: r.resolved_at,
  result: r.result === null ? null : (JSON.parse(r.result) as OutboxResult),
});

/** What an operation does to available balances at central, as far as the branch can tell before it is applied. */
const effectsOf = (op: Operation, targetEffects: (key: string) => Effect[]): Effect[] => {
  switch (op.type) {
    case 'cash_deposit':
      return [{ account: op.account, credit: op.payload.amount, debit: 0 }];
    case 'cheque_deposit':
      // Goes to canje, not to available, until clearing.
      return [{ account: op.account, credit: 0, debit: 0 }];
    case 'cheque_paid':
      // Canje becomes available only when central applies it; nothing to count on before.
      return [{ account: op.account, credit: 0, debit: 0 }];
    case 'remesa_sent':
      // A record of the remesa's journey: no balance moves.
      return [{ account: op.account, credit: 0, debit: 0 }];
    case 'deposit_commission':
      return [{ account: op.account, credit: 0, debit: op.payload.amount }];
    case 'withdrawal':
      // Central debits amount + GMF + the fee (cheque de gerencia): all of it is out of reach until applied.
      return [{ account: op.account, credit: 0, debit: op.payload.amount + op.payload.gmf + (op.payload.fee ?? 0) }];
    case 'transfer':
      return [
        { account: op.account, credit: 0, debit: op.payload.amount + op.payload.gmf },
        { account: op.payload.toAccount, credit: op.payload.amount, debit: 0 },
      ];
    case 'reversal': {
      const undone = targetEffects(op.payload.reversesKey).map((e) => ({ account: e.account, credit: e.debit, debit: e.credit }));
      const fee = op.payload.fee ?? 0;
      if (fee === 0 || op.account === undefined) return undone;
      // The returned-cheque fee is a debit of its own on the account the cheque was deposited in.
      const mine = undone.find((e) => e.account === op.account);
      if (mine) return undone.map((e) => (e === mine ? { ...e, debit: e.debit + fee } : e));
      return [...undone, { account: op.account, credit: 0, debit: fee }];
    }
    case 'account_reactivation':
    case 'till_open':
    case 'till_close':
    case 'contact_update':
    case 'till_transfer_send':
    case 'till_transfer_settle':
    case 'vault_provision':
    case 'vault_receive':
    case 'structuring_alert':
    case 'approval_outcome':
      return [];
  }
};

const groupsOf = (op: Operation, effects: Effect[], targetGroups: (key: string) => string[] | undefined): string[] => {
  const groups = new Set(effects.map((e) => `acct:${e.account}`));
  if (op.account !== undefined) groups.add(`acct:${op.account}`);
  if (op.type === 'till_open' || op.type === 'till_close') groups.add(`till:${op.workstation}`);
  // The settle of a transfer never passes its send (same workstation only in tests, but cheap to keep).
  if (op.type === 'till_transfer_send' || op.type === 'till_transfer_settle') groups.add(`ttx:${op.payload.transferId}`);
  // A reconsideration never passes the decision it lifts.
  if (op.type === 'structuring_alert') groups.add(`uiaf:${op.payload.approvalId}`);
  if (op.type === 'approval_outcome') groups.add(`approval:${op.payload.request.id}`);
  if (op.type === 'contact_update') groups.add(`cust:${op.payload.documentType}:${op.payload.documentNumber}`);
  if (op.type === 'reversal') for (const g of targetGroups(op.payload.reversesKey) ?? [`key:${op.payload.reversesKey}`]) groups.add(g);
  return [...groups];
};

export const outboxRepo = (db: Db) => {
  const byKeyStmt = db.prepare<[string], Row>('SELECT * FROM outbox WHERE key = ?');
  const insert = db.prepare(
    `INSERT INTO outbox (key, type, account, groups, body, payload_hash, contingency, state, enqueued_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
  );
  const insertEffect = db.prepare('INSERT INTO outbox_effects (key, account, credit, debit) VALUES (?, ?, ?, ?)');
  const effectsStmt = db.prepare<[string], Effect>('SELECT account, credit, debit FROM outbox_effects WHERE key = ?');
  const dropEffects = db.prepare("DELETE FROM outbox_effects WHERE key = ? AND key IN (SELECT key FROM outbox WHERE state = 'pending')");
  const dropPending = db.prepare("DELETE FROM outbox WHERE key = ? AND state = 'pending'");
  const openRows = db.prepare<[], Row>(
    "SELECT * FROM outbox INDEXED BY outbox_open_seq WHERE state IN ('pending', 'sent', 'unknown') ORDER BY seq",
  );
  const inStateStmt = db.prepare<[string, number], Row>('SELECT * FROM outbox WHERE state = ? ORDER BY seq LIMIT ?');
  // One statement per batch: the keys travel as a JSON array.
  const setSent = db.prepare(
    "UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ? WHERE key IN (SELECT value FROM json_each(?)) AND state IN ('pending', 'sent')",
  );
  const setUnknown = db.prepare("UPDATE outbox SET state = 'unknown' WHERE key = ? AND state IN ('pending', 'sent')");
  const setPending = db.prepare("UPDATE outbox SET state = 'pending' WHERE key = ? AND state IN ('sent', 'unknown')");
  const setResult = db.prepare(
    "UPDATE outbox SET state = ?, result = ?, resolved_at = ? WHERE key = ? AND state IN ('pending', 'sent', 'unknown')",
  );
  const insertRejection = db.prepare(
    `INSERT OR IGNORE INTO sync_rejections (key, type, account, status, code, message, contingency, amount, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const countsStmt = db.prepare<[], { state: OutboxState; n: number }>('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state');
  const openCount = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'sent', 'unknown')");
  const effectsOpen = db.prepare<[string], { credits: number | null; debits: number | null }>(
    `SELECT SUM(e.credit) AS credits, SUM(e.debit) AS debits FROM outbox_effects e JOIN outbox o ON o.key = e.key
     WHERE e.account = ? AND o.state IN ('pending', 'sent', 'unknown')`,
  );
  const reactivationStmt = db.prepare<[string], { enqueued_at: string; approval_id: string }>(
    `SELECT enqueued_at, json_extract(body, '$.payload.reactivation.approvalId') AS approval_id FROM outbox
     WHERE type = 'account_reactivation' AND account = ? AND state NOT IN ('rejected', 'conflict') ORDER BY seq DESC LIMIT 1`,
  );
  const rejectionsStmt = db.prepare<[], Record<string, string | number | null>>('SELECT * FROM sync_rejections ORDER BY at, key');
  const review = db.prepare('UPDATE sync_rejections SET reviewed_by = ?, reviewed_at = ?, review_note = ? WHERE key = ? AND reviewed_by IS NULL');

  const byKey = (key: string): OutboxEntry | undefined => {
    const r = byKeyStmt.get(key);
    return r ? toEntry(r) : undefined;
  };

  /**
   * The pump's bookkeeping (sent, unknown, central's answers) commits without its own fsync: the next durable
   * commit (synchronous=FULL, e.g. the next posting) syncs the WAL with these frames in order. Losing them to
   * a power cut is safe, because central is the record and idempotent: a row that falls back to `pending` or
   * `sent` is asked about or resent byte for byte, and central answers with the first outcome. What must be
   * durable — `enqueue`, inside the posting — keeps FULL. A process crash loses nothing (the OS has the pages).
   */
  const bookkeeping = <T>(fn: () => T): T => {
    if (db.inTransaction) return fn();
    db.pragma('synchronous = NORMAL');
    try {
      return db.transaction(fn).immediate();
    } finally {
      db.pragma('synchronous = FULL');
    }
  };
  /** Marks every key in one transaction (joining the caller's if there is one). */
  const each = (keys: readonly string[], fn: (key: string) => void): void => {
    bookkeeping(() => keys.forEach(fn));
  };

  /** True when this is the key's first final answer (a repeated one changes nothing). */
  const recordResult = (key: string, result: OutboxResult, at: string): boolean => {
    const changed = setResult.run(result.status, JSON.stringify(result), at, key).changes;
    if (changed === 0) return false;
    if (result.status === 'applied') return true;
    const row = byKeyStmt.get(key);
    if (!row) return true;
    const amount = effectsStmt.all(key).reduce((s, e) => s + e.credit + e.debit, 0);
    const [code, message] =
      result.status === 'rejected' && result.outcome.outcome === 'rejected'
        ? [result.outcome.reason, result.outcome.message]
        : ['KEY_CONFLICT', result.status === 'conflict' ? result.message : 'Central no aplicó la operación.'];
    insertRejection.run(key, row.type, row.account, result.status, code, message, row.contingency, amount, at);
    return true;
  };

  const toResult = (result: OperationResult | OutboxResult): OutboxResult =>
    'key' in result
      ? result.status === 'conflict'
        ? { status: 'conflict', boundHash: result.boundHash, message: result.message }
        : { status: result.first.outcome, outcome: result.first }
      : result;

  return {
    /**
     * Adds an operation to the queue. Must run inside the caller's posting transaction (it never opens one),
     * so the posting and the promise to tell central commit or vanish together. Enqueuing the same key with
     * the same operation again returns the existing entry; with other content it is refused.
     */
    enqueue(op: Operation, opts: { contingency?: boolean } = {}): OutboxEntry {
      if (!db.inTransaction) {
        throw new OutboxError('OUTBOX_OUTSIDE_TRANSACTION', 'La operación debe encolarse dentro de la transacción del comprobante.');
      }
      const parsed = OperationSchema.safeParse(op);
      if (!parsed.success) {
        throw new OutboxError('OUTBOX_INVALID_OPERATION', `Operación inválida para central: ${parsed.error.issues[0]?.message ?? ''}`);
      }
      const checked = parsed.data;
      const hash = payloadHashOf(checked);
      const existing = byKeyStmt.get(checked.key);
      if (existing) {
        if (existing.payload_hash === hash) return toEntry(existing);
        throw new OutboxError('OUTBOX_KEY_REUSED', 'La clave de la operación ya se usó con otros datos. Revise la operación en el diario.');
      }
      // One row per account: a transfer to the same account (central refuses it) must not collide.
      const effects = [...effectsOf(checked, (k) => effectsStmt.all(k)).reduce((m, e) => {
        const prev = m.get(e.account);
        return m.set(e.account, { account: e.account, credit: (prev?.credit ?? 0) + e.credit, debit: (prev?.debit ?? 0) + e.debit });
      }, new Map<string, Effect>()).values()];
      const groups = groupsOf(checked, effects, (k) => byKeyStmt.get(k)?.groups.split(' '));
      insert.run(
        checked.key,
        checked.type,
        checked.account ?? null,
        groups.join(' '),
        canonicalJson(checked),
        hash,
        opts.contingency ? 1 : 0,
        checked.occurredAt,
      );
      for (const e of effects) insertEffect.run(checked.key, e.account, e.credit, e.debit);
      return toEntry(byKeyStmt.get(checked.key) as Row);
    },

    byKey,

    /**
     * Takes back an operation not sent yet, whose posting was undone in the caller's transaction (central, asked at
     * once, refused it). False when it already left (sent or answered): its answer then comes through the outbox.
     */
    withdrawUnsent(key: string): boolean {
      if (!db.inTransaction) {
        throw new OutboxError('OUTBOX_OUTSIDE_TRANSACTION', 'La operación debe retirarse dentro de la transacción que la deshace.');
      }
      dropEffects.run(key);
      return dropPending.run(key).changes === 1;
    },

    /**
     * The next operations to send, oldest first, at most `limit`. An operation waits while an earlier one of
     * any of its groups is in flight or unknown (or itself waiting), so central applies each account's
     * operations in the order the branch posted them.
     */
    pendingBatch(limit: number): OutboxEntry[] {
      const blocked = new Set<string>();
      const out: OutboxEntry[] = [];
      for (const r of openRows.iterate()) {
        const groups = r.groups.split(' ');
        if (r.state !== 'pending' || groups.some((g) => blocked.has(g))) {
          for (const g of groups) blocked.add(g);
          continue;
        }
        out.push(toEntry(r));
        if (out.length >= limit) break;
      }
      return out;
    },

    /** Entries in one state, oldest first (`unknown` ones are resolved before anything is resent). */
    inState(state: OutboxState, limit: number): OutboxEntry[] {
      return inStateStmt.all(state, limit).map(toEntry);
    },

    /** About to be sent: a crash from here on leaves them `sent`, which a restart treats as unknown. */
    markSent(keys: readonly string[], at: string): void {
      bookkeeping(() => setSent.run(at, JSON.stringify(keys)));
    },
    markUnknown(keys: readonly string[]): void {
      each(keys, (k) => setUnknown.run(k));
    },
    /** Central says it never saw them: they may be sent again. */
    requeue(keys: readonly string[]): void {
      each(keys, (k) => setPending.run(k));
    },
    bookkeeping,
    /** After a restart nothing is in flight: whatever was `sent` has an unknown outcome. */
    recoverInFlight(): number {
      return db.prepare("UPDATE outbox SET state = 'unknown' WHERE state = 'sent'").run().changes;
    },

    /** Records central's answer for one key; rejections and conflicts also land in the supervisor's queue. */
    markResult(key: string, result: OperationResult | OutboxResult, at: string): void {
      each([key], (k) => void recordResult(k, toResult(result), at));
    },

    /** Several answers in one transaction (one fsync per batch, not per operation); returns the keys answered for the first time. */
    markResults(results: readonly { key: string; result: OperationResult | OutboxResult }[], at: string): Set<string> {
      return bookkeeping(() => new Set(results.filter(({ key, result }) => recordResult(key, toResult(result), at)).map((r) => r.key)));
    },

    counts(): OutboxCounts {
      const c: OutboxCounts = { pending: 0, unknown: 0, applied: 0, rejected: 0, conflict: 0 };
      for (const { state, n } of countsStmt.all()) {
        if (state === 'pending' || state === 'sent') c.pending += n;
        else c[state] += n;
      }
      return c;
    },

    /** Operations central has not answered yet: what the status bar shows as the queue. */
    queueLength(): number {
      return openCount.get()?.n ?? 0;
    },

    /**
     * Local operations central has not applied yet, on one account's available balance. Availability while
     * offline is the last known central balance minus `debits` (credits are not counted on until applied).
     */
    pendingEffects(accountNumber: string): { credits: number; debits: number } {
      const r = effectsOpen.get(accountNumber);
      return { credits: r?.credits ?? 0, debits: r?.debits ?? 0 };
    },

    /** This workstation's last reactivation of the account that central did not refuse: when (ISO) and its approval. */
    lastReactivation(accountNumber: string): { at: string; approvalId: string } | null {
      const r = reactivationStmt.get(accountNumber);
      return r ? { at: r.enqueued_at, approvalId: r.approval_id } : null;
    },

    /** The supervisor's queue: operations central refused or whose key it had bound to other data. */
    rejections(): SyncRejection[] {
      return rejectionsStmt.all().map((r) => ({
        key: String(r.key),
        type: String(r.type),
        account: r.account === null ? null : String(r.account),
        status: r.status as SyncRejection['status'],
        code: String(r.code),
        message: String(r.message),
        contingency: r.contingency === 1,
        amount: Number(r.amount),
        at: String(r.at),
        reviewedBy: r.reviewed_by === null ? null : String(r.reviewed_by),
        reviewedAt: r.reviewed_at === null ? null : String(r.reviewed_at),
        reviewNote: r.review_note === null || r.review_note === undefined ? null : String(r.review_note),
      }));
    },
    markReviewed(key: string, by: string, at: string, note: string | null = null): boolean {
      return review.run(by, at, note, key).changes > 0;
    },
  };
};
export type OutboxRepo = ReturnType<typeof outboxRepo>;
