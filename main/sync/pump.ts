import { MAX_BATCH, type Balances, type OperationResult, type Outcome } from '../../domain/central-api';
import type { Clock } from '../core/runtime';
import type { Db } from '../store/db';
import type { OutboxEntry, OutboxRepo } from '../store/outbox/repo';
import type { ReferenceRepo } from '../store/reference/repo';
import type { CentralCall, CentralClient } from './central-client';

/**
 * The outbox pump: sends what the branch owes central, in batches, and records every answer.
 *
 * Exactly-once rests on three things: the outbox row commits with the posting; the body sent is the stored
 * canonical text, so a resend is byte-identical and central recognises the key; and an operation whose
 * request got no answer (timeout, dropped connection, 5xx, process killed while it was in flight) is
 * `unknown` until central is asked about its key — it is resent only if central says it never saw it.
 * Per-account order: a batch never carries an operation behind an unknown one of the same account
 * (`pendingBatch`), and the next batch leaves only after this one's answers are recorded.
 */
export type LinkState = 'online' | 'offline' | 'unknown';

export interface StepReport {
  /** Operations whose final answer was recorded in this step. */
  resolved: number;
  /** Unknown operations central said it never saw, put back in the queue. */
  requeued: number;
  sent: number;
  /** Nothing left to send or resolve. */
  idle: boolean;
  /** The exchange with central failed; the caller backs off. */
  failed: boolean;
}

export interface PumpDeps {
  db: Db;
  outbox: OutboxRepo;
  /** Balances central reports with applied operations refresh the cache (optional). */
  reference?: ReferenceRepo;
  client: Pick<CentralClient, 'call' | 'postBatchRaw'>;
  clock: Clock;
  maxBatch?: number;
  /** How many status questions are in flight at once when resolving unknown keys. */
  statusConcurrency?: number;
  onLink?: (state: LinkState, error?: { code: string; message: string }) => void;
  /**
   * Operations central applied, each told once (its first recorded answer), inside the transaction that records
   * them: what the branch must do about an answer commits with it, or, lost with it, is redone when central is
   * asked again.
   */
  onApplied?: (applied: readonly { entry: OutboxEntry; outcome: AppliedOutcome }[]) => void;
}

export type AppliedOutcome = Extract<Outcome, { outcome: 'applied' }>;

/** Central answers but will not work with this workstation (token): for the teller that is "no central". */
export const refusesStation = (code: string): boolean => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN';

const isUnknownOutcome = (r: CentralCall<'postOperations'> & { ok: false }): boolean =>
  r.kind !== 'rejected' || (r.status ?? 500) >= 500;

export const createPump = (deps: PumpDeps) => {
  const maxBatch = Math.min(deps.maxBatch ?? MAX_BATCH, MAX_BATCH);
  let batchSize = maxBatch;
  const concurrency = deps.statusConcurrency ?? 16;
  const now = () => deps.clock.now().toISOString();
  let recovered = false;

  const link = (state: LinkState, error?: { code: string; message: string }) => deps.onLink?.(state, error);

  const record = (results: readonly { key: string; result: OperationResult }[], entries: ReadonlyMap<string, OutboxEntry>): void => {
    deps.outbox.bookkeeping(() => {
      const first = deps.outbox.markResults(results, now());
      if (deps.onApplied) {
        const applied = results.flatMap(({ key, result }) => {
          const entry = entries.get(key);
          return entry && first.has(key) && result.status !== 'conflict' && result.first.outcome === 'applied' ? [{ entry, outcome: result.first }] : [];
        });
        if (applied.length > 0) deps.onApplied(applied);
      }
      if (!deps.reference) return;
      // Only a first application carries current balances (a duplicate's are as of then); within a batch
      // the last one per account is the newest.
      const latest = new Map<string, Balances>();
      for (const { key, result } of results) {
        const account = entries.get(key)?.account;
        if (result.status === 'applied' && result.first.outcome === 'applied' && result.first.balances && account) {
          latest.set(account, result.first.balances);
        }
      }
      for (const [account, balances] of latest) deps.reference.applyBalances(account, balances);
    });
  };

  /** Asks central about every unknown key; returns false when central could not be reached. */
  const resolveUnknown = async (report: StepReport): Promise<boolean> => {
    for (;;) {
      const unknown = deps.outbox.inState('unknown', 256);
      if (unknown.length === 0) return true;
      let reachable = true;
      const answers: { key: string; result: OperationResult }[] = [];
      const never: string[] = [];
      for (let i = 0; i < unknown.length && reachable; i += concurrency) {
        const chunk = unknown.slice(i, i + concurrency);
        const replies = await Promise.all(chunk.map((e) => deps.client.call('operationStatus', { key: e.key, payloadHash: e.payloadHash })));
        replies.forEach((r, j) => {
          const e = chunk[j];
          if (!e) return;
          if (!r.ok) {
            reachable = false;
            link(r.kind === 'rejected' && (r.status ?? 500) < 500 && !refusesStation(r.error.code) ? 'online' : 'offline', r.error);
            return;
          }
          const s = r.data;
          if (s.status === 'unknown') never.push(e.key);
          else if (s.status === 'conflict') {
            answers.push({
              key: e.key,
              result: { key: e.key, status: 'conflict', boundHash: s.boundHash, sentHash: e.payloadHash, message: 'La clave de la operación ya se usó con otros datos en central. No se aplicó.' },
            });
          } else answers.push({ key: e.key, result: { key: e.key, status: s.status, first: s.first } });
        });
      }
      if (answers.length > 0) record(answers, new Map(unknown.map((e) => [e.key, e])));
      if (never.length > 0) deps.outbox.requeue(never);
      report.resolved += answers.length;
      report.requeued += never.length;
      if (!reachable) return false;
      link('online');
    }
  };

  const sendBatch = async (report: StepReport): Promise<boolean> => {
    const batch = deps.outbox.pendingBatch(batchSize);
    if (batch.length === 0) return true;
    const keys = batch.map((e) => e.key);
    deps.outbox.markSent(keys, now());
    const reply = await deps.client.postBatchRaw(`{"operations":[${batch.map((e) => e.body).join(',')}]}`);
    if (!reply.ok) {
      if (isUnknownOutcome(reply)) {
        deps.outbox.markUnknown(keys);
        link('offline', reply.error);
      } else {
        // Central refused the request as a whole (nothing applied): the operations wait in the queue.
        deps.outbox.requeue(keys);
        // Too large, or refused as invalid: smaller batches next time, so one bad operation holds back as few
        // others as possible (at size 1 it waits alone, visible in the queue and the log).
        if (reply.error.code === 'PAYLOAD_TOO_LARGE' || reply.error.code === 'INVALID_REQUEST') batchSize = Math.max(1, Math.floor(batchSize / 2));
        link(refusesStation(reply.error.code) ? 'offline' : 'online', reply.error);
      }
      return false;
    }
    const results = reply.data.results;
    const byKey = new Map(batch.map((e) => [e.key, e]));
    const matched = results.filter((r) => byKey.has(r.key));
    if (matched.length !== batch.length || new Set(matched.map((r) => r.key)).size !== batch.length) {
      // An answer that does not account for every key sent proves nothing about the rest.
      const answered = new Set(matched.map((r) => r.key));
      record(matched.map((r) => ({ key: r.key, result: r })), byKey);
      deps.outbox.markUnknown(keys.filter((k) => !answered.has(k)));
      report.resolved += matched.length;
      link('online');
      return false;
    }
    record(matched.map((r) => ({ key: r.key, result: r })), byKey);
    batchSize = Math.min(maxBatch, batchSize * 2);
    report.sent += batch.length;
    report.resolved += batch.length;
    link('online');
    return true;
  };

  return {
    /** One round: resolve unknown keys, then send one batch. */
    async step(): Promise<StepReport> {
      const report: StepReport = { resolved: 0, requeued: 0, sent: 0, idle: false, failed: false };
      if (!recovered) {
        deps.outbox.recoverInFlight();
        recovered = true;
      }
      if (!(await resolveUnknown(report))) return { ...report, failed: true };
      if (!(await sendBatch(report))) return { ...report, failed: true };
      report.idle = deps.outbox.pendingBatch(1).length === 0 && deps.outbox.inState('unknown', 1).length === 0;
      return report;
    },
  };
};
export type Pump = ReturnType<typeof createPump>;
