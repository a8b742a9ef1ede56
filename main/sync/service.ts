import type { Clock } from '../core/runtime';
import type { Db } from '../store/db';
import type { OutboxRepo } from '../store/outbox/repo';
import type { SyncStateRepo } from '../store/outbox/sync-state';
import type { ReferenceRepo } from '../store/reference/repo';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { CentralRoute } from '../../domain/central-api';
import type { CentralCall, CentralClient } from './central-client';
import { linkSeen } from './link-watch';
import { createPump, refusesStation, type LinkState, type PumpDeps } from './pump';
import { pullReference } from './reference';

/**
 * The sync loop of a workstation: drain the outbox, then pull reference data, then wait — the normal
 * interval after a good round, an exponentially growing jittered delay after a failed one. Pump and pull run
 * one after the other, never at the same time, so balances reported with applied operations and reference
 * pages never race. `kick()` after a posting starts a round at once unless the loop is backing off.
 */
export interface SyncDeps {
  db: Db;
  outbox: OutboxRepo;
  reference: ReferenceRepo;
  state: SyncStateRepo;
  /** null: no central configured; everything queues and the link reads offline. */
  client: Pick<CentralClient, 'call' | 'postBatchRaw'> | null;
  clock: Clock;
  /** Uniform [0, 1): the backoff jitter. */
  random: () => number;
  intervalMs?: number;
  backoff?: BackoffPolicy;
  maxBatch?: number;
  onChange?: () => void;
  /** After every round, good or failed: what depends on how long the link has held (contingency's end). */
  afterRound?: () => void;
  /** Central's answers for applied operations, as they are recorded (pump.ts). */
  onApplied?: PumpDeps['onApplied'];
  log?: (e: { level: 'info' | 'warn' | 'error'; msg: string; [k: string]: unknown }) => void;
}

export interface SyncStatus {
  state: LinkState;
  queueLength: number;
  lastSyncAt: string | null;
  /** Since when central has answered without a failed round; null while the link is not up. */
  onlineSince: string | null;
  failures: number;
  lastError: { code: string; message: string } | null;
}

const LAST_SUCCESS = 'last_success_at';
const PERSIST_EVERY_MS = 5_000;

export const createSync = (deps: SyncDeps) => {
  let link: LinkState = deps.client ? 'unknown' : 'offline';
  let onlineSince: string | null = null;
  let lastError: { code: string; message: string } | null = null;
  let failures = 0;
  let running = false;
  let wake: (() => void) | null = null;
  /** A kick that arrived while a round was running: the next round starts without waiting. */
  let kicked = false;
  let timer: NodeJS.Timeout | null = null;
  let loop: Promise<void> | null = null;
  let lastQueue = deps.outbox.queueLength();
  let lastSuccess: string | null = deps.state.get(LAST_SUCCESS);
  let lastPersisted = 0;
  /** Rounds begun, so `syncNow` can wait for one that began after it was asked. */
  let roundsBegun = 0;
  const roundWaiters = new Set<{ after: number; done: (ok: boolean) => void }>();

  const changed = () => {
    const q = deps.outbox.queueLength();
    if (q !== lastQueue) {
      lastQueue = q;
      deps.onChange?.();
    }
  };
  const setLink = (s: LinkState, error?: { code: string; message: string }) => {
    lastError = error ?? (s === 'online' ? null : lastError);
    if (s === link) return;
    link = s;
    onlineSince = s === 'online' ? deps.clock.now().toISOString() : null;
    deps.log?.({ level: s === 'online' ? 'info' : 'warn', msg: `central ${s}`, ...(error ? { code: error.code } : {}) });
    deps.onChange?.();
  };

  const pump = deps.client
    ? createPump({ db: deps.db, outbox: deps.outbox, reference: deps.reference, client: deps.client, clock: deps.clock, maxBatch: deps.maxBatch, onLink: setLink, ...(deps.onApplied ? { onApplied: deps.onApplied } : {}) })
    : null;

  /** One full round; true when central was reached and everything owed was answered. */
  const round = async (): Promise<boolean> => {
    const n = ++roundsBegun;
    const ok = await roundOnce();
    for (const w of [...roundWaiters].filter((x) => x.after < n)) w.done(ok);
    return ok;
  };
  const roundOnce = async (): Promise<boolean> => {
    if (!pump || !deps.client) return false;
    try {
      for (;;) {
        const r = await pump.step();
        changed();
        if (r.failed) return false;
        if (r.idle) break;
      }
      const pulled = await pullReference({ client: deps.client, repo: deps.reference, clock: deps.clock });
      if (!pulled.ok) {
        setLink(pulled.kind === 'rejected' && !refusesStation(pulled.error.code) ? 'online' : 'offline', pulled.error);
        return false;
      }
      // Kept in memory for the status bar; written to disk at most every few seconds, since an idle round
      // every interval would otherwise cost an fsync each.
      const at = deps.clock.now();
      lastSuccess = at.toISOString();
      if (at.getTime() - lastPersisted >= PERSIST_EVERY_MS) {
        deps.state.set(LAST_SUCCESS, lastSuccess);
        lastPersisted = at.getTime();
      }
      setLink('online');
      if (pulled.changes > 0) deps.onChange?.();
      return true;
    } catch (err) {
      // After stop() the core may already have closed the database under a round still in flight.
      if (running) deps.log?.({ level: 'error', msg: 'sync round failed', err });
      return false;
    }
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = () => {
        if (timer) clearTimeout(timer);
        timer = null;
        wake = null;
        resolve();
      };
      timer = setTimeout(() => wake?.(), ms);
      timer.unref?.();
    });

  const run = async () => {
    while (running) {
      const ok = await round();
      failures = ok ? 0 : failures + 1;
      if (!running) break;
      deps.afterRound?.();
      if (ok && kicked) {
        kicked = false;
        continue;
      }
      await sleep(ok ? (deps.intervalMs ?? 15_000) : backoffDelay(failures, deps.random, deps.backoff ?? DEFAULT_BACKOFF));
    }
  };

  return {
    start(): void {
      if (running || !pump) return;
      running = true;
      loop = run();
    },
    async stop(): Promise<void> {
      running = false;
      for (const w of [...roundWaiters]) w.done(false);
      wake?.();
      await loop;
      loop = null;
    },
    /** A posting enqueued something: send it now, unless central is being given time to come back. */
    kick(): void {
      changed();
      if (failures > 0) return;
      if (wake) wake();
      else kicked = true;
    },
    /**
     * What any other call to central (an authorization, a transfer, a security code, a till transfer...) just
     * learned of the link, at once: waiting for the next round (15 s) let a teller post believing central was
     * up after a call had failed. A call that reached central while the loop backs off wakes it: what is
     * queued goes now. Nothing without a central configured: the link reads offline.
     */
    observe(r: CentralCall<CentralRoute>): void {
      const seen = deps.client ? linkSeen(r) : null;
      if (seen === null) return;
      const was = link;
      setLink(seen, seen === 'offline' && !r.ok ? r.error : undefined);
      if (seen === 'online' && was !== 'online' && failures > 0) wake?.();
    },
    /**
     * A round now, even while backing off, for what must read central's latest figures (the balance after a
     * hold was released): resolves when a round that began after this call has ended (true: it succeeded), or
     * false after `waitMs` or without a running loop.
     */
    syncNow(waitMs: number): Promise<boolean> {
      if (!running) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const waiter = {
          after: roundsBegun,
          done: (ok: boolean) => {
            clearTimeout(timeout);
            roundWaiters.delete(waiter);
            resolve(ok);
          },
        };
        const timeout = setTimeout(() => waiter.done(false), waitMs);
        timeout.unref?.();
        roundWaiters.add(waiter);
        if (wake) wake();
        else kicked = true;
      });
    },
    /**
     * Runs rounds until one succeeds or `maxRounds` fail, backing off between failures as the loop does
     * (tests, benches, shutdown). Not while the background loop runs.
     */
    async drain(maxRounds = 1): Promise<boolean> {
      for (let i = 0; i < maxRounds; i++) {
        const ok = await round();
        deps.afterRound?.();
        if (ok) return true;
        if (i + 1 < maxRounds) await new Promise((r) => setTimeout(r, backoffDelay(i + 1, deps.random, deps.backoff ?? DEFAULT_BACKOFF)));
      }
      return false;
    },
    status(): SyncStatus {
      const fromPull = deps.reference.lastSyncAt();
      const fromLoop = lastSuccess;
      const lastSyncAt = fromPull && fromLoop ? (fromPull > fromLoop ? fromPull : fromLoop) : (fromPull ?? fromLoop);
      return { state: link, queueLength: deps.outbox.queueLength(), lastSyncAt, onlineSince, failures, lastError };
    },
  };
};
export type Sync = ReturnType<typeof createSync>;
