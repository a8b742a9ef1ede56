import type { ApprovalReason } from '../../../domain/approval/reasons';
import type { ApprovalRequest, ApprovalStatus } from '../../../domain/approval/request';

/** The columns every table of supervisor requests shares (comprobante approvals, till requests). */
export interface RequestColumns {
  id: string;
  subject: string;
  reasons: string;
  maker_id: string;
  requested_at: string;
  expires_at: string;
  status: ApprovalStatus;
  checker_id: string | null;
  decided_at: string | null;
  note: string | null;
}

export const requestOfRow = (r: RequestColumns): ApprovalRequest => ({
  id: r.id,
  subject: r.subject,
  reasons: JSON.parse(r.reasons) as ApprovalReason[],
  makerId: r.maker_id,
  requestedAt: r.requested_at,
  expiresAt: r.expires_at,
  status: r.status,
  ...(r.checker_id === null ? {} : { checkerId: r.checker_id }),
  ...(r.decided_at === null ? {} : { decidedAt: r.decided_at }),
  ...(r.note === null ? {} : { note: r.note }),
});
