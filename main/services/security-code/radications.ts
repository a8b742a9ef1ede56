import type { RadicationRow } from '../../../domain/contract/security-code';
import type { User } from '../../../domain/contract/session';
import { maskDocument, type DocumentType } from '../../../domain/identity/document';
import type { Clock } from '../../core/runtime';
import type { RequestRecord, SecurityCodeRepo } from '../../store/security-code/repo';
import type { CentralClient } from '../../sync/central-client';
import { requestStatus } from './central-steps';
import { requestView } from './view';

const OPEN = new Set(['radicado', 'enviado']);

/**
 * Not delivered by the deadline (central says `vencido`, or the deadline passed on this clock while still open).
 * A request the teller replaced is owed to nobody: never overdue.
 */
export const isOverdue = (r: Pick<RequestRecord, 'state' | 'deadline' | 'supersededBy'>, now: Date): boolean =>
  !r.supersededBy && (r.state === 'vencido' || (OPEN.has(r.state) && Date.parse(r.deadline) < now.getTime()));

/**
 * The "Radicaciones" list: this workstation's requests, each open one asked again at central, whose answer is
 * stored before it is shown. Without central the last confirmed states are shown and the screen says so.
 */
export const createRadicationsService = (deps: {
  flows: SecurityCodeRepo;
  central: Pick<CentralClient, 'call'> | null;
  clock: Clock;
  users: { findById(id: string): { displayName: string } | undefined };
  workstation: { id: string; branchCode: string };
}) => ({
  /** A supervisor also gets the other workstations' requests of the branch when central can list them. */
  list: async (user?: User): Promise<{ rows: RadicationRow[]; centralReachable: boolean; overdueCount: number; scope: 'workstation' | 'branch' }> => {
    let reachable = deps.central !== null;
    const records = deps.flows.listRequests();
    const open = records.filter((r) => OPEN.has(r.state) && !r.supersededBy);
    if (open.length === 0 && deps.central) reachable = (await deps.central.call('health', {})).ok;
    await Promise.all(
      open.map(async (r) => {
          const s = await requestStatus(deps.central, r.radicado);
          if (!s.ok) {
            if (s.kind !== 'rejected') reachable = false;
            return;
          }
          deps.flows.updateRequest({
            radicado: r.radicado,
            state: s.value.state,
            sentAt: s.value.sentAt,
            deliveredAt: s.value.deliveredAt,
            refreshedAt: deps.clock.now().toISOString(),
          });
          // Replaced from another workstation (or this one before the answer came back).
          if (s.value.supersededBy) deps.flows.markSuperseded(r.radicado, s.value.supersededBy);
        }),
    );
    const now = deps.clock.now();
    const rows = deps.flows.listRequests().map(
      (r): RadicationRow => ({
        ...requestView(r),
        flowId: r.flowId,
        document: maskDocument({ type: r.documentType as DocumentType, number: r.documentNumber }),
        mode: r.mode,
        tellerName: deps.users.findById(r.tellerId)?.displayName ?? r.tellerId,
        workstation: deps.workstation.id,
        overdue: isOverdue(r, now),
        refreshedAt: r.refreshedAt,
        supersededBy: r.supersededBy ?? null,
      }),
    );
    let scope: 'workstation' | 'branch' = 'workstation';
    if (user?.role === 'supervisor' && deps.central && reachable) {
      const branch = await deps.central.call('listSecurityCodes', { branch: deps.workstation.branchCode });
      if (branch.ok) {
        scope = 'branch';
        const mine = new Set(rows.map((r) => r.radicado));
        const at = deps.clock.now().toISOString();
        for (const q of branch.data.requests) {
          if (mine.has(q.radicado)) continue;
          rows.push({
            radicado: q.radicado,
            state: q.state,
            createdAt: q.createdAt,
            deadline: q.deadline,
            sentAt: q.sentAt,
            deliveredAt: q.deliveredAt,
            maskedCellphone: q.maskedCellphone,
            flowId: null,
            document: q.maskedDocument,
            mode: null,
            tellerName: `Estación ${q.workstation}`,
            workstation: q.workstation,
            overdue: q.overdue,
            refreshedAt: at,
            supersededBy: q.supersededBy ?? null,
          });
        }
        // Overdue first, then newest: what the supervisor must act on is at the top.
        rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.createdAt.localeCompare(a.createdAt));
      }
    }
    return { rows, centralReachable: reachable, overdueCount: rows.filter((r) => r.overdue).length, scope };
  },
});
export type RadicationsService = ReturnType<typeof createRadicationsService>;
