import { formatReceiptDate, formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { BranchStructuringAlert, NearThresholdResponse, Operation, StructuringAlertPayload } from '../../../domain/central-api';
import type { StructuringAlertView } from '../../../domain/contract/approval';
import type { User } from '../../../domain/contract/session';
import type { RulesConfig } from '../../../domain/rules-config/config';
import { rejectionHoldsUntil, rejectionsStandingSince } from '../../../domain/uiaf/thresholds';
import { AppError } from '../../core/errors';
import { type Clock, type Ids } from '../../core/runtime';
import { bogotaDate } from '../../../domain/calendar/bogota-time';
import type { ApprovalsRepo } from '../../store/approvals/repo';
import type { StructuringAlertRecord } from '../../store/approvals/structuring';
import { inTransaction, type Db } from '../../store/db';
import type { Journal } from '../journal/writer';
import { parseDocKey } from '../comprobante/errors';
import type { OutboxPort, Workstation } from '../comprobante/deps';
import type { CentralClient } from '../../sync/central-client';
import { within } from '../../core/within';

type RemoteRejection = NearThresholdResponse['rejections'][number];

/** How long the desk waits for central's list before showing this workstation's alone. */
const CENTRAL_WAIT_MS = 2_000;
const CENTRAL_SILENT =
  'Central no responde: se muestran solo las alertas de esta estación. Las de las demás cajas de la oficina no aparecen aquí; consulte de nuevo cuando vuelva la conexión y no dé el reporte UIAF por completo mientras tanto.';

/**
 * Structuring alerts (UIAF, domain-co §2) after the supervisor's decision: every one stays as a record for the
 * month's list, and a rejection stands for the account and the depositor for one window (domain/uiaf), so the
 * same deposit brought again is refused with what to do instead of going to a supervisor as if new.
 */
export const createStructuringAlerts = (deps: {
  db: Db;
  approvals: ApprovalsRepo;
  journal: Journal;
  clock: Clock;
  ids: Ids;
  rules: RulesConfig;
  outbox: OutboxPort;
  workstation: Workstation;
  central: Pick<CentralClient, 'call'> | null;
  /** Rejections standing at the bank's other workstations, as central last said (comprobante/context.ts). */
  rejectedElsewhere: (account: string, depositor: string, on: string) => readonly RemoteRejection[];
  name: (id: string | undefined) => string | undefined;
}) => {
  const standsUntil = (r: StructuringAlertRecord) => (r.request.status === 'rechazada' && r.reconsidered === null ? rejectionHoldsUntil(r.alertOn, deps.rules) : null);
  // Past its last day a rejection no longer stands: the list says so by leaving it out.
  const holding = (until: string | null) => (until !== null && until >= bogotaDate(deps.clock.now()) ? until : null);
  const view = (r: StructuringAlertRecord): StructuringAlertView => {
    const until = standsUntil(r);
    return {
      approvalId: r.approvalId,
      alertOn: r.alertOn,
      accountNumber: r.account,
      depositor: parseDocKey(r.depositor),
      depositorName: r.depositorName,
      by: r.alert.by,
      deposits: r.alert.deposits.map((d) => ({ on: d.on, amount: d.amount, accountNumber: d.accountNumber, depositor: { type: d.depositor.type, number: d.depositor.number } })),
      total: r.alert.total,
      windowFrom: r.alert.windowFrom,
      windowTo: r.alert.windowTo,
      requestedAt: r.request.requestedAt,
      makerName: deps.name(r.request.makerId) ?? r.request.makerId,
      status: r.request.status,
      checkerName: deps.name(r.request.checkerId) ?? null,
      decidedAt: r.request.decidedAt ?? null,
      note: r.request.note ?? null,
      usedBy: r.usedBy,
      rejectionHoldsUntil: holding(until),
      reconsidered: r.reconsidered ? { byName: deps.name(r.reconsidered.by) ?? r.reconsidered.by, at: r.reconsidered.at, note: r.reconsidered.note } : null,
      workstation: deps.workstation.id,
      own: true,
    };
  };
  /** Another workstation's alert as central has it, with the comprobante an approval became once it was posted there. */
  const remoteView = (a: BranchStructuringAlert): StructuringAlertView => ({
    approvalId: a.approvalId,
    alertOn: a.alertOn,
    accountNumber: a.account,
    depositor: a.depositor,
    depositorName: a.depositorName,
    by: a.by,
    deposits: a.deposits.map((d) => ({ on: d.on, amount: d.amount, accountNumber: d.account, depositor: d.depositor })),
    total: a.total,
    windowFrom: a.windowFrom,
    windowTo: a.windowTo,
    requestedAt: a.requestedAt,
    makerName: a.makerName,
    status: a.status,
    checkerName: a.checkerName,
    decidedAt: a.decidedAt,
    note: a.note,
    usedBy: a.usedBy,
    rejectionHoldsUntil: holding(a.status === 'rechazada' && a.reconsidered === null ? rejectionHoldsUntil(a.alertOn, deps.rules) : null),
    reconsidered: a.reconsidered,
    workstation: a.workstation,
    own: false,
  });
  /** The branch's month at central, or null when it does not answer in time (the desk must not hang on it). */
  const branchMonth = async (month: string): Promise<BranchStructuringAlert[] | null> => {
    if (!deps.central) return null;
    const r = await within(deps.central.call('structuringAlerts', { branch: deps.workstation.branchCode, month }).catch(() => null), CENTRAL_WAIT_MS);
    return r?.ok ? r.data.alerts : null;
  };

  /**
   * What central learns of a decided alert: the whole record as it stands, under a new key per event, so the
   * branch's list at central (and the rejection every workstation checks) is this workstation's own.
   */
  const operation = (r: StructuringAlertRecord, event: StructuringAlertPayload['event']): Operation | null => {
    const q = r.request;
    if ((q.status !== 'aprobada' && q.status !== 'rechazada') || q.checkerId === undefined || q.decidedAt === undefined) return null;
    const person = (d: { type: string; number: string }) => ({ type: d.type, number: d.number }) as StructuringAlertPayload['depositor'];
    const at = deps.clock.now().toISOString();
    return {
      key: deps.ids.uuid(),
      branch: deps.workstation.branchCode,
      workstation: deps.workstation.id,
      occurredAt: at,
      type: 'structuring_alert',
      payload: {
        approvalId: r.approvalId,
        event,
        alertOn: r.alertOn,
        account: r.account,
        depositor: person(parseDocKey(r.depositor)),
        depositorName: r.depositorName,
        by: r.alert.by,
        deposits: r.alert.deposits.map((d) => ({ on: d.on, amount: d.amount, account: d.accountNumber, depositor: person(d.depositor) })),
        total: r.alert.total,
        windowFrom: r.alert.windowFrom,
        windowTo: r.alert.windowTo,
        requestedAt: q.requestedAt,
        makerName: deps.name(q.makerId) ?? q.makerId,
        status: q.status,
        checkerName: deps.name(q.checkerId) ?? q.checkerId,
        decidedAt: q.decidedAt,
        note: q.note ?? null,
        reconsidered: r.reconsidered ? { byName: deps.name(r.reconsidered.by) ?? r.reconsidered.by, at: r.reconsidered.at, note: r.reconsidered.note } : null,
        usedBy: r.usedBy,
      },
    };
  };
  /** Inside the transaction that saved the decision or the reconsideration: both commit, or neither. */
  const tellCentral = (approvalId: string, event: StructuringAlertPayload['event']): void => {
    const r = deps.approvals.structuring.find(approvalId);
    const op = r ? operation(r, event) : null;
    if (op) deps.outbox.enqueue(op);
  };

  return {
    tellCentral,

    /** Inside the request's transaction, before a new alert is put to a supervisor. */
    refuseIfRejected: (account: string, depositor: string, on: string): void => {
      const r = deps.approvals.structuring.rejectionStanding(rejectionsStandingSince(on, deps.rules), account, depositor);
      if (!r) {
        const [other] = deps.rejectedElsewhere(account, depositor, on);
        if (!other) return;
        const until = rejectionHoldsUntil(other.alertOn, deps.rules);
        const who = other.account === account ? 'a esta cuenta' : 'de esta misma persona';
        throw new AppError(
          'STRUCTURING_REJECTED',
          `El supervisor ${other.checkerName} rechazó el ${formatReceiptDateTime(other.decidedAt)} en la estación ${other.workstation} una consignación en efectivo ${who} por alerta UIAF${other.note ? ` (${other.note})` : ''}. ` +
            `No reciba el efectivo: devuélvalo al cliente sin mencionarle la alerta. El rechazo rige para la cuenta y para quien consigna hasta el ${formatReceiptDate(until)}; ` +
            `solo un supervisor en la estación ${other.workstation} puede reconsiderarlo (Escritorio del supervisor F1, Alertas UIAF F7).`,
          { workstation: other.workstation, holdsUntil: until },
        );
      }
      const until = rejectionHoldsUntil(r.alertOn, deps.rules);
      const who = r.account === account ? 'a esta cuenta' : 'de esta misma persona';
      throw new AppError(
        'STRUCTURING_REJECTED',
        `El supervisor ${deps.name(r.request.checkerId) ?? ''} rechazó el ${formatReceiptDateTime(r.request.decidedAt ?? r.request.requestedAt)} una consignación en efectivo ${who} por alerta UIAF${r.request.note ? ` (${r.request.note})` : ''}. ` +
          `No reciba el efectivo: devuélvalo al cliente sin mencionarle la alerta. El rechazo rige para la cuenta y para quien consigna hasta el ${formatReceiptDate(until)}; ` +
          'solo un supervisor puede reconsiderarlo en el Escritorio del supervisor (F1, Alertas UIAF F7).',
        { approvalId: r.approvalId, holdsUntil: until },
      );
    },

    /**
     * The branch's month: the other workstations' alerts from central, this one's from its own records (the
     * freshest: those not yet sent, and the comprobante an approved one became). Without central, this one's only.
     */
    list: async (month?: string): Promise<{ month: string; alerts: StructuringAlertView[]; branchWide: boolean; notice: string | null }> => {
      const m = month ?? bogotaDate(deps.clock.now()).slice(0, 7);
      const own = deps.approvals.structuring.month(m).map(view);
      const branch = await branchMonth(m);
      if (branch === null) return { month: m, alerts: own, branchWide: false, notice: CENTRAL_SILENT };
      const others = branch.filter((a) => a.workstation !== deps.workstation.id).map(remoteView);
      const alerts = [...own, ...others].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.approvalId.localeCompare(b.approvalId));
      return { month: m, alerts, branchWide: true, notice: null };
    },

    reconsider: (user: User, req: { approvalId: string; note: string }): StructuringAlertView => {
      const r = deps.approvals.structuring.find(req.approvalId);
      if (!r) throw new AppError('APPROVAL_NOT_FOUND', 'No existe esa alerta. Actualice la lista (F5).');
      if (standsUntil(r) === null) throw new AppError('STRUCTURING_NOT_REJECTED', 'Esta alerta no tiene un rechazo vigente: no hay nada que reconsiderar.');
      const at = deps.clock.now().toISOString();
      inTransaction(deps.db, () => {
        if (!deps.approvals.structuring.reconsider(r.approvalId, user.id, at, req.note)) return;
        tellCentral(r.approvalId, 'reconsidered');
        deps.journal.record('approval', user.id, { action: 'reconsiderada', approvalId: r.approvalId, kind: 'deposit', account: r.account, note: req.note });
      });
      const after = deps.approvals.structuring.find(req.approvalId);
      if (!after) throw new AppError('APPROVAL_NOT_FOUND', 'No existe esa alerta. Actualice la lista (F5).');
      return view(after);
    },
  };
};
