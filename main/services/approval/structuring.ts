import { formatReceiptDate, formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import type { StructuringAlertView } from '../../../domain/contract/approval';
import type { User } from '../../../domain/contract/session';
import type { RulesConfig } from '../../../domain/rules-config/config';
import { rejectionHoldsUntil, rejectionsStandingSince } from '../../../domain/uiaf/thresholds';
import { AppError } from '../../core/errors';
import { bogotaDate, type Clock } from '../../core/runtime';
import type { ApprovalsRepo } from '../../store/approvals/repo';
import type { StructuringAlertRecord } from '../../store/approvals/structuring';
import { inTransaction, type Db } from '../../store/db';
import type { Journal } from '../journal/writer';
import { parseDocKey } from '../comprobante/errors';

/**
 * Structuring alerts (UIAF, domain-co §2) after the supervisor's decision: every one stays as a record for the
 * month's list, and a rejection stands for the account and the depositor for one window (domain/uiaf), so the
 * same deposit brought again is refused with what to do instead of going to a supervisor as if new.
 */
export const createStructuringAlerts = (deps: { db: Db; approvals: ApprovalsRepo; journal: Journal; clock: Clock; rules: RulesConfig; name: (id: string | undefined) => string | undefined }) => {
  const standsUntil = (r: StructuringAlertRecord) => (r.request.status === 'rechazada' && r.reconsidered === null ? rejectionHoldsUntil(r.alertOn, deps.rules) : null);
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
      // Past its last day a rejection no longer stands: the list says so by leaving it out.
      rejectionHoldsUntil: until !== null && until >= bogotaDate(deps.clock.now()) ? until : null,
      reconsidered: r.reconsidered ? { byName: deps.name(r.reconsidered.by) ?? r.reconsidered.by, at: r.reconsidered.at, note: r.reconsidered.note } : null,
    };
  };

  return {
    /** Inside the request's transaction, before a new alert is put to a supervisor. */
    refuseIfRejected: (account: string, depositor: string, on: string): void => {
      const r = deps.approvals.structuring.rejectionStanding(rejectionsStandingSince(on, deps.rules), account, depositor);
      if (!r) return;
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

    list: (month?: string): { month: string; alerts: StructuringAlertView[] } => {
      const m = month ?? bogotaDate(deps.clock.now()).slice(0, 7);
      return { month: m, alerts: deps.approvals.structuring.month(m).map(view) };
    },

    reconsider: (user: User, req: { approvalId: string; note: string }): StructuringAlertView => {
      const r = deps.approvals.structuring.find(req.approvalId);
      if (!r) throw new AppError('APPROVAL_NOT_FOUND', 'No existe esa alerta. Actualice la lista (F5).');
      if (standsUntil(r) === null) throw new AppError('STRUCTURING_NOT_REJECTED', 'Esta alerta no tiene un rechazo vigente: no hay nada que reconsiderar.');
      const at = deps.clock.now().toISOString();
      inTransaction(deps.db, () => {
        if (!deps.approvals.structuring.reconsider(r.approvalId, user.id, at, req.note)) return;
        deps.journal.record('approval', user.id, { action: 'reconsiderada', approvalId: r.approvalId, kind: 'deposit', account: r.account, note: req.note });
      });
      const after = deps.approvals.structuring.find(req.approvalId);
      if (!after) throw new AppError('APPROVAL_NOT_FOUND', 'No existe esa alerta. Actualice la lista (F5).');
      return view(after);
    },
  };
};
