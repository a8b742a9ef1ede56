import type { ContingencyCaps } from '../../domain/contingency';
import type { Clock } from '../core/runtime';
import type { Journal } from '../services/journal/writer';
import type { Db } from '../store/db';
import { contingencyRepo } from '../store/outbox/contingency-repo';
import { outboxRepo, type OutboxRepo } from '../store/outbox/repo';
import { syncStateRepo } from '../store/outbox/sync-state';
import { referenceRepo, type ReferenceRepo } from '../store/reference/repo';
import { createCentralClient, type CentralClient } from './central-client';
import { createContingency, type Contingency } from './contingency';
import { syncLink } from './link';
import { watchLink } from './link-watch';
import { createSync, type Sync, type SyncDeps } from './service';
import type { CentralLink } from '../services/status/service';

/**
 * Everything sync, built once in composition: the outbox and reference cache the posting services use, the
 * central client (null without a central), the background loop, contingency and the status bar link.
 */
export interface SyncFeatureDeps {
  db: Db;
  clock: Clock;
  random: () => number;
  journal: Journal;
  /** Absent: no central; operations queue and the link reads offline. */
  central?: { url: string; token: string };
  caps: ContingencyCaps;
  /** Contingency ends by itself after central has answered this long without a cut; 0: only a supervisor. */
  contingencyAutoEndMs: number;
  tillCode: string;
  intervalMs?: number;
  /** Central's answers for applied operations, as they are recorded (pump.ts): e.g. what a credit paid of pending charges. */
  onApplied?: SyncDeps['onApplied'];
  /** After every round, once the loop's own work is done (what central is owed outside the outbox). */
  afterRound?: () => void;
  onChange: () => void;
  log: (e: { level: 'info' | 'warn' | 'error'; msg: string; [k: string]: unknown }) => void;
}

export interface SyncFeature {
  outbox: OutboxRepo;
  reference: ReferenceRepo;
  /** Central for the services; every call's outcome updates the link at once (`watch`). */
  client: CentralClient | null;
  /** The given client, each call's outcome updating the link the status bar shows. */
  watch<C extends Pick<CentralClient, 'call'>>(client: C): C;
  contingency: Contingency;
  loop: Sync;
  link: CentralLink;
  clock: Clock;
  /** For supervisor actions on the queue, journaled in the same transaction. */
  journal: Journal;
  db: Db;
  /** After a posting committed: send now. */
  kick(): void;
  start(): void;
  stop(): Promise<void>;
}

export const createSyncFeature = (deps: SyncFeatureDeps): SyncFeature => {
  const outbox = outboxRepo(deps.db);
  const reference = referenceRepo(deps.db);
  // The loop reports its own rounds; the services' calls go through the watched client below.
  const raw = deps.central ? createCentralClient(deps.central) : null;
  const loop = createSync({
    db: deps.db,
    outbox,
    reference,
    state: syncStateRepo(deps.db),
    client: raw,
    clock: deps.clock,
    random: deps.random,
    ...(deps.intervalMs !== undefined ? { intervalMs: deps.intervalMs } : {}),
    onChange: deps.onChange,
    afterRound: () => {
      void contingency.endIfCentralBack();
      deps.afterRound?.();
    },
    ...(deps.onApplied ? { onApplied: deps.onApplied } : {}),
    log: deps.log,
  });
  const contingency = createContingency({
    db: deps.db,
    repo: contingencyRepo(deps.db),
    outbox,
    reference,
    journal: deps.journal,
    clock: deps.clock,
    caps: deps.caps,
    tillCode: deps.tillCode,
    link: () => loop.status(),
    autoEndAfterMs: deps.contingencyAutoEndMs,
    onChange: deps.onChange,
  });
  const watch = <C extends Pick<CentralClient, 'call'>>(c: C): C => watchLink(c, (r) => loop.observe(r));
  return {
    outbox,
    reference,
    client: raw ? watch(raw) : null,
    watch,
    contingency,
    loop,
    link: syncLink(loop, contingency),
    clock: deps.clock,
    journal: deps.journal,
    db: deps.db,
    kick: () => loop.kick(),
    start: () => loop.start(),
    stop: () => loop.stop(),
  };
};
