import type { TillPolicy } from '../../../domain/till/policy';
import { DEFAULT_TILL_POLICY } from '../../../domain/till/policy';
import type { Clock, Ids } from '../../core/runtime';
import type { Db } from '../../store/db';
import type { JournalRepo } from '../../store/journal/repo';
import { deskSourcesRepo, gateFactsRepo, tillLifecycleRepo } from '../../store/till/lifecycle';
import { tillRepo } from '../../store/till/repo';
import { devicesRepo } from '../../store/devices/repo';
import type { UsersRepo } from '../../store/users/repo';
import type { CentralClient } from '../../sync/central-client';
import { createArqueoService, type ReportPrinter } from '../arqueo/service';
import type { IdempotentRunner } from '../idempotent';
import { journalHandlers } from '../journal-search/handlers';
import { createJournalSearch } from '../journal-search/service';
import { createJournalHealth } from '../journal/health';
import { settingsRepo } from '../../store/settings/repo';
import { verifyInParallel } from '../journal/parallel';
import type { Journal } from '../journal/writer';
import type { CentralLink } from '../status/service';
import { createCashReportService } from '../supervisor/cash-report';
import { supervisorHandlers } from '../supervisor/handlers';
import { createSupervisedRequests } from '../supervisor/requests';
import { centralRelay, createSupervisorService, type ComprobanteApprovalPort } from '../supervisor/service';
import { createLapseNews } from '../supervisor/lapsed';
import { vaultHandlers } from '../vault/handlers';
import { createVaultService } from '../vault/service';
import { tillTransferRepo } from '../../store/till-transfer/repo';
import { createTillTransferService, involvesVault } from '../till-transfer/service';
import { tillHandlers } from './handlers';
import { createStatusReporter, fetchBranchStatus } from '../branch-status/reporter';
import { localStatus } from '../branch-status/snapshot';
import { comprobanteRepo } from '../../store/comprobante/repo';
import { outboxRepo } from '../../store/outbox/repo';
import { reversalRepo } from '../../store/reversal/repo';
import { canjeRepo } from '../../store/canje/repo';
import { remittanceRepo } from '../../store/remittance/repo';
import { reversalHandlers } from '../reversal/handlers';
import { createReversalService } from '../reversal/service';
import { vaultUnjournaledRepo } from '../../store/vault/unjournaled-repo';
import type { TillService } from './service';
import { centralCloseLookup } from './central-close';
import { lapseRecorder } from '../approval/lapses';

/** How long the close waits for central's word on transfers to this till before it trusts the last pull. */
const CLOSE_PULL_WAIT_MS = 2_000;

export interface TillWiring {
  db: Db;
  users: UsersRepo;
  journal: Journal;
  journalRepo: JournalRepo;
  idempotent: IdempotentRunner;
  clock: Clock;
  ids: Ids;
  till: TillService;
  workstation: { id: string; branchCode: string; branchName: string; tillCode: string };
  central: Pick<CentralClient, 'call'> | null;
  link: CentralLink;
  printer: ReportPrinter | null;
  comprobanteApprovals: ComprobanteApprovalPort | null;
  maxFailedAttempts: number;
  /** Minutes a supervisor request waits for a decision (config `supervisor.requestDeadlineMinutes`). */
  requestDeadlineMinutes: number;
  demo: boolean;
  policy?: TillPolicy;
  /** How often incoming till-to-till transfers are pulled from central (ms). */
  transferPollMs?: number;
  /** Branch dashboard: how often this workstation reports its status, and when another's report is stale. */
  branchStatus?: { reportEverySeconds: number; staleAfterSeconds: number };
  onChange: () => void;
  log: (e: { level: 'info' | 'warn' | 'error'; msg: string; [k: string]: unknown }) => void;
}

/** Till lifecycle, vault, supervisor desk and electronic journal: one wiring for composition. */
export const tillFeatures = (w: TillWiring) => {
  const policy = w.policy ?? DEFAULT_TILL_POLICY;
  const tills = tillRepo(w.db);
  const lifecycle = tillLifecycleRepo(w.db);
  const settings = settingsRepo(w.db);
  const health = createJournalHealth({
    journal: w.journal, clock: w.clock, workstation: w.workstation.id, central: w.central, log: w.log, onChange: w.onChange,
    installation: () => settings.get('journal.installation') ?? null,
    verifyAsync: (o) =>
      verifyInParallel(w.journalRepo, {
        ...o,
        onWorkersFailed: (e) => w.log({ level: 'warn', msg: 'journal verification workers failed; verified on the main thread', error: String(e) }),
      }),
  });
  const requests = createSupervisedRequests({
    db: w.db, users: w.users, journal: w.journal, clock: w.clock, ids: w.ids, lifecycle, maxFailedAttempts: w.maxFailedAttempts, deadlineMinutes: w.requestDeadlineMinutes,
    relay: w.central ? centralRelay(w.central, w.workstation, (id) => w.users.findById(id)?.username ?? id, w.clock) : undefined, outbox: outboxRepo(w.db), onChange: w.onChange,
  });
  // Requests that lapsed are written down at start, before a journal search and before the close (approval/lapses.ts).
  const recordLapses = lapseRecorder([requests, { lapseDue: () => w.comprobanteApprovals?.lapseDue?.() ?? 0 }]);
  const arqueo = createArqueoService({
    recordLapses, tills, lifecycle, facts: gateFactsRepo(w.db), users: w.users, journal: w.journal, health, idempotent: w.idempotent, requests,
    clock: w.clock, ids: w.ids, policy, workstation: w.workstation, printer: w.printer, outbox: outboxRepo(w.db), onChange: w.onChange,
    online: () => w.link.status().state === 'online',
  });
  const central = w.central;
  const tillTransferStore = tillTransferRepo(w.db);
  const unjournaled = vaultUnjournaledRepo(w.db);
  const tillTransfers = createTillTransferService({
    db: w.db, repo: tillTransferStore, tills, outbox: outboxRepo(w.db), central: w.central, journal: w.journal, idempotent: w.idempotent,
    clock: w.clock, ids: w.ids, workstation: w.workstation, onChange: w.onChange, staleAfterSeconds: w.branchStatus?.staleAfterSeconds,
    requests, lastCountAt: (tillSessionId) => lifecycle.openClosing(tillSessionId)?.updatedAt ?? null,
    receivingHere: (id) => unjournaled.list().some((o) => o.kind === 'receive' && o.transferId === id), policy,
    ...(central ? { branchStatus: () => fetchBranchStatus(central, w.workstation.branchCode) } : {}),
  });
  const vaultService = createVaultService({
    tills, transfers: tillTransferStore, tillTransfers, journal: w.journal, unjournaled, idempotent: w.idempotent, clock: w.clock, central, workstation: w.workstation, policy, onChange: w.onChange,
    ...(central ? { branchStatus: () => fetchBranchStatus(central, w.workstation.branchCode) } : {}),
  });
  const sources = deskSourcesRepo(w.db);
  const supervisor = createSupervisorService({
    db: w.db, users: w.users, journal: w.journal, clock: w.clock, requests, sources, tills, vault: vaultService.summary, health, link: w.link,
    central, comprobanteApprovals: w.comprobanteApprovals, policy, workstation: w.workstation, maxFailedAttempts: w.maxFailedAttempts, onChange: w.onChange,
    tillTransfersInTransit: () => tillTransferStore.inTransit().filter((t) => !involvesVault(t)).length, staleAfterSeconds: w.branchStatus?.staleAfterSeconds,
    ...(central ? { branchStatus: () => fetchBranchStatus(central, w.workstation.branchCode) } : {}),
  });
  // Branch dashboard: this workstation's snapshot to central, on every change (throttled) and on a heartbeat.
  const statusReporter = central
    ? createStatusReporter({
        central, heartbeatMs: w.branchStatus ? w.branchStatus.reportEverySeconds * 1000 : undefined, log: w.log,
        snapshot: () => (w.db.open ? localStatus({ tills, users: w.users, sources, health, policy, clock: w.clock, workstation: w.workstation }) : null),
      })
    : null;
  // A vault operation cut by a crash or a lost answer is journaled once central answers: at start, then every
  // minute (an empty trace costs one local read).
  let recoveryTimer: NodeJS.Timeout | undefined;
  const recoverVaultJournal = async (everyMs: number) => {
    const r = await vaultService.recoverJournal().catch(() => ({ journaled: 0 }));
    if (r.journaled > 0) w.log({ level: 'warn', msg: 'vault operations journaled after their answer was lost', count: r.journaled });
    if (!w.db.open) return;
    recoveryTimer = setTimeout(() => void recoverVaultJournal(everyMs), everyMs);
    recoveryTimer.unref();
  };
  const reversals = reversalRepo(w.db);
  const printJobs = devicesRepo(w.db);
  const reversal = createReversalService({
    db: w.db, comprobantes: comprobanteRepo(w.db), reversals, canje: canjeRepo(w.db), remittances: remittanceRepo(w.db), tills, users: w.users, journal: w.journal, journalRepo: w.journalRepo,
    outbox: outboxRepo(w.db), requests, central: w.central, idempotent: w.idempotent, clock: w.clock, ids: w.ids, workstation: w.workstation, printer: w.printer, onChange: w.onChange,
  });
  return {
    handlers: {
      ...reversalHandlers(reversal),
      ...tillHandlers(w.till, arqueo, () => tillTransfers.refreshWithin(CLOSE_PULL_WAIT_MS), centralCloseLookup(w.central, w.workstation)),
      ...vaultHandlers(vaultService, tillTransfers),
      ...supervisorHandlers(
        supervisor,
        createCashReportService({ central, clock: w.clock, branch: w.workstation.branchCode }),
        createLapseNews({ requests, comprobanteApprovals: w.comprobanteApprovals, recordLapses }),
      ),
      ...journalHandlers(health, createJournalSearch({ repo: w.journalRepo, users: w.users, printed: printJobs.printed, original: (ref) => printJobs.jobCopy(ref, 0), reversed: (sequence) => reversals.ofOriginal(sequence) !== undefined, notOffered: reversal.notOffered, recordLapses })),
    },
    health,
    /** Requests put to a supervisor at this workstation, for features wired outside the till (reactivation). */
    requests,
    /** Something changed here (posting, till or session event): the branch dashboard's snapshot follows. */
    statusChanged: () => statusReporter?.changed(),
    /** At shutdown: the status reports and the vault journal's recovery stop. */
    stop: () => {
      clearTimeout(recoveryTimer);
      statusReporter?.stop();
    },
    /** At start: verify the whole chain (a break is reported, never ignored). The vault is kept at central. */
    startup: () => {
      // The chain is verified as it was found; what lapsed while the workstation was off is journaled after it.
      const s = health.verifyAtStart();
      recordLapses();
      // The anchored check needs central; it runs in the background and updates the status when it answers.
      if (w.central) void health.verifyNow().catch(() => undefined);
      // Incoming till-to-till transfers and the fate of outgoing ones arrive from central on their own.
      tillTransfers.poll(w.transferPollMs ?? 3_000);
      void recoverVaultJournal(60_000);
      statusReporter?.start();
      return s;
    },
    /**
     * Anchors the journal head after each completed sync (the link's lastSyncAt moves) when the head moved
     * since the last anchor; the close anchors on its own. Returns a stop function for shutdown.
     */
    anchorAfterSyncs: (everyMs = 10_000) => {
      if (!w.central) return () => undefined;
      let seenSync: string | null = null;
      const timer = setInterval(() => {
        const link = w.link.status();
        const head = w.journal.head();
        const anchored = health.status().anchoredSequence ?? 0;
        if (link.state !== 'online' || link.lastSyncAt === seenSync || !head || head.sequence <= anchored) return;
        seenSync = link.lastSyncAt;
        void health.anchor().catch(() => undefined);
      }, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
};
