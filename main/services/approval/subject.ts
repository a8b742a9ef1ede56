import { canonicalJson } from '../../../domain/central-api/canonical';
import { sha256Hex } from '../../core/hash';
import type { ApprovalKind } from '../../store/approvals/repo';
import type { SupervisedKind } from '../../store/till/lifecycle';

/**
 * Binds an approval to one concrete operation: the hash of its kind and content (declarations apart, since the
 * UIAF form may be completed after the supervisor's decision). Posting recomputes it, so an approval for a
 * $ 6.000.000 withdrawal cannot authorize a $ 9.000.000 one.
 */
export const approvalSubject = (kind: ApprovalKind | SupervisedKind, body: Record<string, unknown>): string => {
  const { declaration: _declaration, ...rest } = body;
  return `${kind}:${sha256Hex(canonicalJson(rest))}`;
};
