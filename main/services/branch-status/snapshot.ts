import type { BranchStatusResponse, WorkstationStatus } from '../../../domain/central-api';
import { DASHBOARD_STALE_AFTER_SECONDS, type DashboardTill } from '../../../domain/contract/supervisor';
import { checkHolding } from '../../../domain/till/holding';
import type { TillPolicy } from '../../../domain/till/policy';
import type { Clock } from '../../core/runtime';
import type { DeskSourcesRepo } from '../../store/till/lifecycle';
import type { TillRepo } from '../../store/till/repo';
import type { UsersRepo } from '../../store/users/repo';
import type { JournalHealth } from '../journal/health';

/** What this workstation knows about itself: its till against its limit, its outbox, its journal. */
export interface LocalSources {
  tills: Pick<TillRepo, 'listOpen' | 'findOpen'>;
  users: Pick<UsersRepo, 'findById'>;
  sources: Pick<DeskSourcesRepo, 'syncCounts'>;
  health: Pick<JournalHealth, 'status'>;
  policy: TillPolicy;
  clock: Clock;
  workstation: { id: string; tillCode: string };
}

const outbox = (s: Pick<LocalSources, 'sources'>) => {
  const c = s.sources.syncCounts();
  return { queueLength: c.queued ?? 0, unknown: c.unknown ?? 0, rejected: c.rejected ?? 0 };
};
const tellerName = (s: Pick<LocalSources, 'users'>, id: string) => (s.users.findById(id)?.displayName ?? id).slice(0, 80);

/** The snapshot this workstation reports to central (`reportStatus`). */
export const localStatus = (s: LocalSources): WorkstationStatus => {
  const t = s.tills.findOpen(s.workstation.tillCode);
  const h = t ? checkHolding(t.positionTotal, s.policy) : null;
  return {
    workstation: s.workstation.id,
    till:
      t && h
        ? { open: true, tillCode: t.tillCode, tellerName: tellerName(s, t.tellerId), openedAt: t.openedAt, positionTotal: t.positionTotal, limit: h.limit, holding: h.state }
        : { open: false, tillCode: s.workstation.tillCode },
    sync: outbox(s),
    journalOk: s.health.status().ok,
    reportedAt: s.clock.now().toISOString(),
  };
};

/** This workstation's open tills as dashboard rows, from its own data. */
export const localRows = (s: Omit<LocalSources, 'workstation'> & { workstation: { id: string } }): DashboardTill[] => {
  const now = s.clock.now().toISOString();
  const sync = outbox(s);
  const journalOk = s.health.status().ok;
  return s.tills.listOpen().map((t) => {
    const h = checkHolding(t.positionTotal, s.policy);
    return {
      tillCode: t.tillCode, tellerName: tellerName(s, t.tellerId), openedAt: t.openedAt, positionTotal: t.positionTotal, limit: h.limit, holding: h.state,
      workstation: s.workstation.id, source: 'local', reportedAt: now, ageSeconds: 0, stale: false, sync, journalOk,
    };
  });
};

/** How old a snapshot is on central's clock (never negative: central's `now` has a granularity). */
export const snapshotAgeMs = (res: BranchStatusResponse, w: { receivedAt: string }): number => Math.max(0, Date.parse(res.now) - Date.parse(w.receivedAt));

/**
 * The other workstations' open tills from central's snapshots. A snapshot's age is measured on central's clock
 * (`now − receivedAt`), so a reader whose clock is off does not misjudge it; `reportedAt` is then placed on this
 * workstation's clock for display.
 */
export const remoteRows = (res: BranchStatusResponse, selfId: string, localNow: Date, staleAfterSeconds = DASHBOARD_STALE_AFTER_SECONDS): DashboardTill[] => {
  const rows: DashboardTill[] = [];
  for (const w of res.workstations) {
    if (w.workstation === selfId || !w.till.open) continue;
    const ageMs = snapshotAgeMs(res, w);
    const ageSeconds = Math.floor(ageMs / 1000);
    rows.push({
      tillCode: w.till.tillCode, tellerName: w.till.tellerName, openedAt: w.till.openedAt, positionTotal: w.till.positionTotal, limit: w.till.limit, holding: w.till.holding,
      workstation: w.workstation, source: 'central', reportedAt: new Date(localNow.getTime() - ageMs).toISOString(), ageSeconds,
      stale: ageSeconds > staleAfterSeconds, sync: w.sync, journalOk: w.journalOk,
    });
  }
  return rows.sort((a, b) => a.workstation.localeCompare(b.workstation));
};
