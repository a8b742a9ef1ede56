import type { z } from 'zod';
import type { ApprovalRequest } from '../../../domain/approval/request';
import type { ApprovalReason, ApprovalReasonCode } from '../../../domain/approval/reasons';
import { fitRelayed, type ApprovalCreate, type ApprovalKindSchema } from '../../../domain/central-api/approvals';
import { approvalReason, ApprovalReasonCodeSchema } from '../../../domain/approval/reasons';
import { deskContext } from '../../../domain/approval/desk-context';
import type { QueueItem } from '../../../domain/contract/supervisor';
import type { User } from '../../../domain/contract/session';
import type { TillPolicy } from '../../../domain/till/policy';
import { AppError } from '../../core/errors';
import type { Clock } from '../../core/runtime';
import type { Db } from '../../store/db';
import type { DeskSourcesRepo, SupervisedKind, SupervisedRecord } from '../../store/till/lifecycle';
import type { TillRepo } from '../../store/till/repo';
import type { UsersRepo } from '../../store/users/repo';
import type { CentralClient } from '../../sync/central-client';
import type { BranchStatusResponse } from '../../../domain/central-api';
import { localRows, remoteRows } from '../branch-status/snapshot';
import type { JournalHealth } from '../journal/health';
import type { Journal } from '../journal/writer';
import type { CentralLink } from '../status/service';
import { centralDecisions, outcomeOf } from '../approval/relay';
import { checkSupervisor } from '../session/check-supervisor';
import type { ApprovalRelay, SupervisedRequests } from './requests';

/** The comprobante approval service's decision (Comprobante engineer's `approval.decide`). */
export interface ComprobanteApprovalPort {
  decide(user: User, req: { approvalId: string; decision: 'aprobar' | 'rechazar'; username: string; password: string; note?: string | undefined }): Promise<{ status: string }>;
  /** Takes in the decisions other workstations' desks took on this workstation's relayed requests (visaciones). */
  reconcile?(): Promise<void>;
  /** Closes the requests past their deadline as lapsed, journaled once each; how many it closed. */
  lapseDue?(): number;
  /** The maker's requests that lapsed undecided and they were not told of yet. */
  lapsedFor?(makerId: string): { request: ApprovalRequest; kind: 'deposit' | 'withdrawal' | 'transfer'; amount: number | null }[];
  /** Inicio told the maker this one lapsed: true only the first time, for the maker's own. */
  lapseTold?(id: string, makerId: string): boolean;
}

type CentralApprovalKind = z.infer<typeof ApprovalKindSchema>;
/** Every kind reaches the other desks of the branch: a blocked till's teller may be alone with no supervisor near. */
const CENTRAL_KIND: Record<SupervisedKind, CentralApprovalKind> = {
  till_difference: 'till_difference', till_reopen: 'other', reversal: 'reversal', reactivation: 'reactivation', till_transfer_block: 'till_transfer_block',
};
/** What a request relayed from another workstation is about, by central's kind ('other' is only ever a reopening). */
const CENTRAL_REASON: Record<CentralApprovalKind, ApprovalReasonCode> = {
  withdrawal_visacion: 'VISACION',
  transfer_visacion: 'VISACION',
  till_difference: 'TILL_DIFFERENCE',
  fingerprint_override: 'IDENTITY_FALLBACK',
  reversal: 'REVERSAL',
  reactivation: 'INACTIVE_REACTIVATION',
  till_transfer_block: 'TILL_TRANSFER_BLOCK',
  other: 'TILL_REOPEN',
};

/** The desk's context is text: a figure stored as a number reads as typed, an absent one as a dash, a code by its label. */
const text = (c: Record<string, string | number | null>) => deskContext(Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v === null ? '—' : String(v)])));

/**
 * Central relay of the branch's approvals (`requestApproval`), so supervisors elsewhere see this one. People are
 * named to central by user name, the identity every workstation of the bank shares (local ids are per
 * workstation): so central, and the deciding workstation, can tell maker from checker.
 */
export const centralRelay = (central: Pick<CentralClient, 'call'>, ws: { id: string; branchCode: string }, usernameOf: (userId: string) => string, clock: Clock): ApprovalRelay => {
  const decisions = centralDecisions(central, ws, clock);
  const body = (rec: SupervisedRecord, makerName: string): ApprovalCreate => ({
    id: rec.request.id,
    branch: ws.branchCode,
    workstation: ws.id,
    makerId: usernameOf(rec.request.makerId),
    kind: CENTRAL_KIND[rec.kind],
    summary: `${rec.summary} · ${makerName}`.slice(0, 200),
    ...(rec.amount !== null ? { amount: rec.amount } : {}),
    // Central lapses it when this workstation does (published as it is opened), not on its own default.
    ttlSeconds: Math.round((Date.parse(rec.request.expiresAt) - Date.parse(rec.request.requestedAt)) / 1000),
    // What this workstation's desk shows of it, so a supervisor at another desk decides on the same facts.
    ...fitRelayed(rec.request.reasons, text(rec.context)),
  });
  return {
    decideFirst: decisions.decideFirst,
    withdrawn: decisions.withdrawn,
    publish: async (rec, makerName) => {
      await decisions.relay(body(rec, makerName), rec.request);
    },
    outcome: (rec, makerName, closed, supervisorUsername, key, at) => decisions.outcome(body(rec, makerName), outcomeOf(closed, supervisorUsername), key, at),
    decisionOf: async (id) => {
      const r = await central.call('getApproval', { id });
      // Refused is still an answer: nobody decided it there. Central not holding it at all (it was down when the request
      // opened) is said apart, so that the request is relayed again.
      if (!r.ok) return r.kind === 'rejected' ? { state: r.error.code === 'NOT_FOUND' ? 'missing' : 'pending', supervisorUsername: null, note: null } : null;
      const a = r.data.approval;
      return { state: a.state, supervisorUsername: a.decision?.supervisorId ?? null, note: a.decision?.reason ?? null };
    },
  };
};
/** A request of another workstation its teller withdrew (desisted from) before any supervisor decided it. */
const withdrawnAtItsDesk = (): AppError =>
  new AppError('APPROVAL_WITHDRAWN', 'El cajero desistió de la solicitud antes de su decisión: ya no se puede aprobar ni rechazar.');

export const createSupervisorService = (deps: {
  db: Db;
  users: UsersRepo;
  journal: Journal;
  clock: Clock;
  requests: SupervisedRequests;
  sources: DeskSourcesRepo;
  tills: TillRepo;
  /** The branch vault at central: its total and the transfers in transit with it; null when central did not answer. */
  vault: () => Promise<{ total: number; inTransit: number } | null>;
  /** Till-to-till transfers with another workstation still en tránsito (sent or received here), the vault's apart. */
  tillTransfersInTransit?: () => number;
  health: JournalHealth;
  link: CentralLink;
  central: Pick<CentralClient, 'call'> | null;
  comprobanteApprovals: ComprobanteApprovalPort | null;
  policy: TillPolicy;
  workstation: { id: string; branchCode: string };
  /** The branch's latest snapshots from central (bounded wait); null = central did not answer. Absent: no central. */
  branchStatus?: () => Promise<BranchStatusResponse | null>;
  /** A snapshot older than this is marked stale on the dashboard (config `branchStatus`). */
  staleAfterSeconds?: number;
  maxFailedAttempts: number;
  onChange: () => void;
}) => {
  const name = (id: string) => deps.users.findById(id)?.displayName ?? id;

  return {
    /** Every pending request this desk can decide, oldest first, with what the supervisor needs to decide it. */
    queue: async (): Promise<{ items: QueueItem[]; centralReachable: boolean }> => {
      // Both asked of central at once: on a cut link each waits for the client's timeout, so together it is one wait.
      const fromCentral = deps.central?.call('pendingApprovals', { branch: deps.workstation.branchCode }).catch(() => null) ?? Promise.resolve(null);
      // This workstation's requests decided at another desk leave the list.
      await Promise.all([deps.requests.reconcile(), deps.comprobanteApprovals?.reconcile?.()]);
      const now = deps.clock.now().toISOString();
      const items: QueueItem[] = [];
      for (const r of deps.sources.pendingComprobanteApprovals(now)) {
        const reasons = JSON.parse(r.reasons) as ApprovalReason[];
        const details = reasons.flatMap((x) => Object.entries(x.details ?? {}));
        const pick = (k: string) => details.find(([dk]) => dk === k)?.[1];
        items.push({
          id: r.id,
          source: 'comprobante',
          kind: r.kind,
          summary: r.summary,
          reasons,
          amount: r.amount,
          teller: name(r.maker_id),
          workstation: deps.workstation.id,
          customer: typeof pick('holder') === 'string' ? (pick('holder') as string) : null,
          biometric: typeof pick('biometric') === 'string' ? (pick('biometric') as string) : null,
          requestedAt: r.requested_at,
          expiresAt: r.expires_at,
          context: {},
        });
      }
      for (const r of deps.requests.listPending(now)) {
        items.push({
          id: r.request.id,
          source: 'caja',
          kind: r.kind,
          summary: r.summary,
          reasons: r.request.reasons,
          amount: r.amount,
          teller: name(r.request.makerId),
          workstation: deps.workstation.id,
          customer: null,
          biometric: null,
          requestedAt: r.request.requestedAt,
          expiresAt: r.request.expiresAt,
          context: text(r.context),
        });
      }
      const central = await fromCentral;
      if (central?.ok) {
        const local = new Set(items.map((i) => i.id));
        for (const a of central.data.approvals) {
          if (local.has(a.id) || a.workstation === deps.workstation.id || a.state !== 'pending') continue;
          items.push({
            id: a.id,
            source: 'central',
            kind: a.kind,
            summary: a.summary,
            // As the asking desk worded them; relayed without them (an older workstation), what the kind tells.
            reasons: a.reasons?.length
              ? a.reasons.map((r) => ({ code: ApprovalReasonCodeSchema.safeParse(r.code).data ?? CENTRAL_REASON[a.kind], message: r.message }))
              : [approvalReason(CENTRAL_REASON[a.kind], `Estación ${a.workstation}.`)],
            amount: a.amount ?? null,
            teller: deps.users.findByUsername(a.makerId)?.displayName ?? a.makerId,
            workstation: a.workstation,
            customer: null,
            biometric: null,
            requestedAt: a.createdAt,
            expiresAt: a.expiresAt,
            // Worded by the asking workstation; one of an older version may still carry raw codes.
            context: deskContext(a.context ?? {}),
          });
        }
      }
      items.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
      return { items, centralReachable: central?.ok === true };
    },

    decide: async (
      signedIn: User,
      req: { id: string; source: 'comprobante' | 'caja' | 'central'; decision: 'aprobar' | 'rechazar'; note?: string | undefined; username: string; password: string },
    ): Promise<{ status: string }> => {
      if (req.source === 'caja') return { status: await deps.requests.decide(signedIn, req) };
      if (req.source === 'comprobante') {
        if (!deps.comprobanteApprovals) throw new AppError('APPROVAL_NOT_FOUND', 'Las aprobaciones de comprobantes no están disponibles en esta versión.');
        const r = await deps.comprobanteApprovals.decide(signedIn, { approvalId: req.id, decision: req.decision, username: req.username, password: req.password, note: req.note });
        deps.onChange();
        return r;
      }
      if (!deps.central) throw new AppError('CENTRAL_UNAVAILABLE', 'No hay conexión con central: decida las solicitudes de otras estaciones cuando vuelva la conexión.');
      const found = await deps.central.call('getApproval', { id: req.id });
      if (!found.ok) throw new AppError(found.kind === 'rejected' ? 'APPROVAL_NOT_FOUND' : 'CENTRAL_UNAVAILABLE', found.error.message);
      // Taken back by whoever asked: said as such, before any password is checked for nothing.
      if (found.data.approval.state === 'withdrawn') throw withdrawnAtItsDesk();
      const sup = await checkSupervisor(deps, {
        username: req.username,
        password: req.password,
        // The maker is named by user name (centralRelay); here that person's local id, when they have one.
        makers: [deps.users.findByUsername(found.data.approval.makerId)?.id ?? found.data.approval.makerId, ...(signedIn.role !== 'supervisor' ? [signedIn.id] : [])],
        context: 'aprobacion central',
      });
      const note = req.note && req.note.length >= 3 ? req.note : req.decision === 'aprobar' ? 'Aprobado por el supervisor' : '';
      if (req.decision === 'rechazar' && note === '') throw new AppError('APPROVAL_NOTE_REQUIRED', 'Escriba el motivo del rechazo para informar al cajero.');
      const r = await deps.central.call('decideApproval', { id: req.id, supervisorId: sup.username, decision: req.decision === 'aprobar' ? 'approve' : 'reject', reason: note });
      if (!r.ok && r.error.code === 'ALREADY_DECIDED') {
        // Decided first elsewhere (at the teller's counter, or another desk): that decision stands; say whose it is.
        const now = await deps.central.call('getApproval', { id: req.id });
        const d = now.ok ? now.data.approval.decision : null;
        if (now.ok && d) {
          const who = deps.users.findByUsername(d.supervisorId)?.displayName ?? d.supervisorId;
          const what = now.data.approval.state === 'approved' ? 'aprobó' : 'rechazó';
          throw new AppError('APPROVAL_ALREADY_DECIDED', `${who} ya la ${what} en la estación ${d.workstation}: ${d.reason}. No se decide de nuevo.`);
        }
      }
      if (!r.ok) {
        // Withdrawn by its teller is said as such, never as lapsed (central keeps the two apart).
        const code =
          r.error.code === 'MAKER_IS_CHECKER'
            ? 'MAKER_IS_CHECKER'
            : r.error.code === 'ALREADY_DECIDED'
              ? 'APPROVAL_ALREADY_DECIDED'
              : r.error.code === 'APPROVAL_EXPIRED' || r.error.code === 'APPROVAL_WITHDRAWN'
                ? r.error.code
                : 'CENTRAL_UNAVAILABLE';
        throw new AppError(code, r.error.message);
      }
      deps.journal.record('approval', sup.id, { action: r.data.approval.state, approvalId: req.id, via: 'central', workstation: r.data.approval.workstation, note });
      deps.onChange();
      return { status: r.data.approval.state };
    },

    /**
     * The teller's screen waiting on its own request: a decision taken at another workstation's desk comes in first.
     * A rejection the maker reads here is told (Inicio does not tell it again), as one decided over their shoulder.
     */
    request: async (signedIn: User, id: string) => {
      await deps.requests.reconcile(id);
      const { request } = deps.requests.get(id);
      const lapsed = request.status === 'pendiente' && request.expiresAt <= deps.clock.now().toISOString();
      if (lapsed) {
        // Noticed here first: journaled once; its maker reads it on this screen, so Inicio does not tell it again.
        deps.requests.lapseDue();
        if (signedIn.id === request.makerId) deps.requests.told(id);
      }
      if (request.status === 'rechazada' && signedIn.id === request.makerId) deps.requests.told(id);
      return {
        status: lapsed ? ('vencida' as const) : request.status,
        checkerName: request.checkerId === undefined ? null : name(request.checkerId),
        note: request.note ?? null,
      };
    },

    /** Branch-wide: this workstation's till from its own data, the others' from their latest snapshots at central. */
    dashboard: async () => {
      const local = localRows(deps);
      const [branch, vault] = await Promise.all([deps.branchStatus ? deps.branchStatus() : null, deps.vault().catch(() => null)]);
      const now = deps.clock.now();
      const link = deps.link.status();
      const counts = deps.sources.syncCounts();
      const j = deps.health.status();
      return {
        tills: [...local, ...(branch ? remoteRows(branch, deps.workstation.id, now, deps.staleAfterSeconds) : [])],
        centralReachable: branch !== null,
        vaultTotal: vault?.total ?? null,
        transfersInTransit: (vault?.inTransit ?? 0) + (deps.tillTransfersInTransit?.() ?? 0),
        sync: { state: link.state, queueLength: counts.queued ?? 0, unknown: counts.unknown ?? 0, rejected: counts.rejected ?? 0, lastSyncAt: link.lastSyncAt },
        overdueRadications: deps.sources.overdueRadications(now.toISOString()),
        journal: { ok: j.ok, message: j.message },
      };
    },
  };
};
export type SupervisorService = ReturnType<typeof createSupervisorService>;
