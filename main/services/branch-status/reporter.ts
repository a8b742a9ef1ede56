import type { BranchStatusResponse, WorkstationStatus } from '../../../domain/central-api';
import type { CentralClient } from '../../sync/central-client';

export const DEFAULT_STATUS_THROTTLE_MS = 2_000;
export const DEFAULT_STATUS_HEARTBEAT_MS = 30_000;
/** The dashboard waits at most this long for central's snapshots, then shows the local till alone. */
export const BRANCH_STATUS_WAIT_MS = 1_500;

export interface StatusReporterDeps {
  central: Pick<CentralClient, 'call'>;
  /** Taken when the report leaves, so a burst of changes sends the latest state once. null: nothing to say. */
  snapshot: () => WorkstationStatus | null;
  throttleMs?: number;
  heartbeatMs?: number;
  log: (e: { level: 'info' | 'warn' | 'error'; msg: string; [k: string]: unknown }) => void;
}

/**
 * Reports this workstation's status to central, best effort: a snapshot, not an operation, so it does not go
 * through the outbox and a lost one is simply superseded by the next. `changed()` (after postings, till and
 * session events) sends at once and then at most once per `throttleMs` (the last change of a burst always goes);
 * a heartbeat every `heartbeatMs` keeps the snapshot fresh when nothing happens, so the branch can tell a quiet
 * workstation from a silent one. One report at a time; `changed()` never waits and never throws.
 */
export const createStatusReporter = (deps: StatusReporterDeps) => {
  const throttleMs = deps.throttleMs ?? DEFAULT_STATUS_THROTTLE_MS;
  let cooldown: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let inFlight = false;
  let dirty = false;
  let stopped = false;
  let failing = false;
  let sent = 0;

  const send = (): void => {
    dirty = false;
    let snap: WorkstationStatus | null;
    try {
      snap = deps.snapshot();
    } catch (err) {
      deps.log({ level: 'warn', msg: 'status snapshot could not be taken', error: String(err) });
      return;
    }
    if (!snap) return;
    inFlight = true;
    void deps.central
      .call('reportStatus', snap)
      .then(
        (r) => {
          if (r.ok) sent += 1;
          if (r.ok === failing) {
            failing = !r.ok;
            deps.log(r.ok ? { level: 'info', msg: 'status report to central resumed' } : { level: 'warn', msg: 'status report to central failed', code: r.error.code });
          }
        },
        () => undefined,
      )
      .finally(() => {
        inFlight = false;
        if (stopped) return;
        cooldown = setTimeout(() => {
          cooldown = null;
          if (dirty && !stopped) send();
        }, throttleMs);
        cooldown.unref();
      });
  };

  const changed = (): void => {
    if (stopped) return;
    if (inFlight || cooldown) dirty = true;
    else send();
  };

  return {
    changed,
    start: (): void => {
      stopped = false;
      heartbeat ??= setInterval(changed, deps.heartbeatMs ?? DEFAULT_STATUS_HEARTBEAT_MS);
      heartbeat.unref();
      changed();
    },
    stop: (): void => {
      stopped = true;
      if (heartbeat) clearInterval(heartbeat);
      if (cooldown) clearTimeout(cooldown);
      heartbeat = null;
      cooldown = null;
    },
    /** Reports central acknowledged since start (tests, diagnostics). */
    sent: (): number => sent,
  };
};
export type StatusReporter = ReturnType<typeof createStatusReporter>;

/**
 * The branch's snapshots for the dashboard, waiting at most `waitMs`: a slow or absent central must not hold the
 * supervisor's screen. null = central did not answer in time or refused.
 */
export const fetchBranchStatus = async (central: Pick<CentralClient, 'call'>, branch: string, waitMs = BRANCH_STATUS_WAIT_MS): Promise<BranchStatusResponse | null> => {
  let timer: NodeJS.Timeout | undefined;
  const answer = central.call('branchStatus', { branch }).then(
    (r) => (r.ok ? r.data : null),
    () => null,
  );
  return Promise.race([answer, new Promise<null>((r) => (timer = setTimeout(() => r(null), waitMs)))]).finally(() => clearTimeout(timer));
};
