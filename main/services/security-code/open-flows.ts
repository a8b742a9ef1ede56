import type { OpenFlowRow } from '../../../domain/contract/security-code';
import type { User } from '../../../domain/contract/session';
import { maskDocument } from '../../../domain/identity/document';
import { isTerminal, verifiedField, type SecurityCodeState } from '../../../domain/security-code';
import type { FlowRecord } from '../../store/security-code/repo';
import { pendingDroppable, type Pending } from './pending';

/** Whether "Cancelar" may close the flow now (see `securityCode.cancel`). */
export const cancellable = (state: SecurityCodeState, pending: Pending | null): boolean =>
  !isTerminal(state) && (pending === null || pendingDroppable(pending));

/**
 * One row of "Solicitudes abiertas". The document is masked (the list may be read by someone walking by);
 * another teller's flow is listed so a supervisor can close it, but only its owner resumes it.
 */
export const openFlowRow = (f: FlowRecord, state: SecurityCodeState, pending: Pending | null, user: User, tellerName: string): OpenFlowRow => {
  const customer = 'customer' in state ? state.customer : null;
  const mine = f.tellerId === user.id;
  return {
    id: f.id,
    purpose: f.purpose,
    field: customer ? verifiedField(customer).field : state.step === 'identifying' ? (state.field ?? 'cellphone') : 'cellphone',
    step: state.step,
    document: customer ? maskDocument(customer.document) : null,
    customerName: f.customerName,
    tellerName,
    mine,
    startedAt: f.createdAt,
    updatedAt: f.updatedAt,
    failedCaptures: state.step === 'awaiting_capture' ? state.failedCaptures.length : 0,
    centralAttempts: pending?.attempts ?? (pending ? 1 : 0),
    pendingCompletion: pending !== null,
    canResume: mine && !isTerminal(state),
    canCancel: (mine || user.role === 'supervisor') && cancellable(state, pending),
  };
};
