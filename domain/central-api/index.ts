import { z } from 'zod';
import { AccountActivityRequestSchema, AccountActivityResponseSchema } from './account-activity';
import { BranchChequesRequestSchema, BranchChequesResponseSchema } from './branch-cheques';
import { CENTRAL_COMMON_ERRORS } from './common';
import { ApprovalCreateSchema, ApprovalDecisionSchema, ApprovalListRequestSchema, ApprovalListResponseSchema, ApprovalQuerySchema, ApprovalResponseSchema, APPROVAL_ERRORS } from './approvals';
import { CashReportRequestSchema, CashReportResponseSchema, CustomerCashOperationsResponseSchema, CustomerCashRequestSchema, CustomerCashResponseSchema, NearThresholdRequestSchema, NearThresholdResponseSchema } from './cash-report';
import { StructuringAlertsRequestSchema, StructuringAlertsResponseSchema } from './structuring-alerts';
import { ContactUpdateRequestSchema } from './customers';
import { HoldOnlyResponseSchema, HoldQuerySchema, HoldReleaseByKeyResponseSchema, HoldReleaseByKeySchema, HoldReleaseSchema, HoldRequestSchema, HoldResponseSchema } from './holds';
import { ANCHOR_ERRORS, AnchorLatestResponseSchema, AnchorQuerySchema, AnchorRequestSchema, AnchorResponseSchema } from './journal';
import {
  BatchRequestSchema,
  BatchResponseSchema,
  OperationResultSchema,
  OperationStatusRequestSchema,
  OperationStatusResponseSchema,
  PendingChargesRequestSchema,
  PendingChargesResponseSchema,
  StandingChequeRequestSchema,
  StandingChequeResponseSchema,
} from './operations';
import { ReferenceRequestSchema, ReferenceResponseSchema } from './reference';
import { LimitReservationReleaseResponseSchema, LimitReservationReleaseSchema, LimitReservationRequestSchema, LimitReservationResponseSchema } from './withdrawal-limits';
import { TillTransferListRequestSchema, TillTransferListResponseSchema } from './till-transfers';
import { LastTillCloseRequestSchema, LastTillCloseResponseSchema } from './till-records';
import { BranchVaultRequestSchema, BranchVaultResponseSchema, VaultProvisionRequestSchema, VaultReceiveRequestSchema } from './vault';
import { BranchStatusRequestSchema, BranchStatusResponseSchema, WorkstationStatusReportResponseSchema, WorkstationStatusSchema } from './workstation-status';
import { FingerprintMatchRequestSchema, FingerprintMatchResponseSchema } from './registry';
import { AdvanceRequestSchema, AdvanceResponseSchema, SECURITY_CODE_ERRORS, OpenSecurityCodeQuerySchema, OpenSecurityCodeResponseSchema, RadicateRequestSchema, SecurityCodeListQuerySchema, SecurityCodeListResponseSchema, SecurityCodeQuerySchema, SecurityCodeResponseSchema, SendNowRequestSchema } from './security-code';

/**
 * The central services API as data: one entry per operation. A client builds the URL from `path` (`:name`
 * segments are taken from the request object), sends the remaining fields as the query string (GET) or the
 * JSON body (POST), and parses the 200 body with `response`. Any other status carries `CentralErrorSchema`
 * with one of `errors` or `CENTRAL_COMMON_ERRORS`.
 *
 * `auth`: `workstation` = `Authorization: Bearer <token>` provisioned per workstation; `none` = open;
 * `demo` = workstation token and only when central runs with `--demo`.
 */
export type RouteAuth = 'workstation' | 'none' | 'demo';
export interface RouteSpec<Q extends z.ZodType, S extends z.ZodType, E extends string> {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly auth: RouteAuth;
  readonly request: Q;
  readonly response: S;
  readonly errors: readonly E[];
}
const route = <Q extends z.ZodType, S extends z.ZodType, const E extends string = never>(spec: RouteSpec<Q, S, E>): RouteSpec<Q, S, E> => spec;

export const HealthResponseSchema = z.object({ status: z.literal('ok'), now: z.string(), demo: z.boolean() });

export const centralApi = {
  health: route({ method: 'GET', path: '/v1/health', auth: 'none', request: z.object({}), response: HealthResponseSchema, errors: [] }),
  postOperations: route({ method: 'POST', path: '/v1/operations:batch', auth: 'workstation', request: BatchRequestSchema, response: BatchResponseSchema, errors: [] }),
  operationStatus: route({ method: 'GET', path: '/v1/operations/:key', auth: 'workstation', request: OperationStatusRequestSchema, response: OperationStatusResponseSchema, errors: [] }),
  authorizeWithdrawal: route({ method: 'POST', path: '/v1/holds', auth: 'workstation', request: HoldRequestSchema, response: HoldResponseSchema, errors: ['KEY_REUSED'] }),
  getHold: route({ method: 'GET', path: '/v1/holds/:holdId', auth: 'workstation', request: HoldQuerySchema, response: HoldOnlyResponseSchema, errors: [] }),
  releaseHold: route({ method: 'POST', path: '/v1/holds/:holdId:release', auth: 'workstation', request: HoldReleaseSchema, response: HoldOnlyResponseSchema, errors: ['HOLD_NOT_ACTIVE'] }),
  releaseHoldByKey: route({ method: 'POST', path: '/v1/holds/by-key/:key:release', auth: 'workstation', request: HoldReleaseByKeySchema, response: HoldReleaseByKeyResponseSchema, errors: ['HOLD_NOT_ACTIVE'] }),
  /** The day's withdrawal limits of an account, reserved before the cash is handed over (withdrawal-limits.ts). */
  reserveWithdrawalLimit: route({ method: 'POST', path: '/v1/withdrawal-limits', auth: 'workstation', request: LimitReservationRequestSchema, response: LimitReservationResponseSchema, errors: ['KEY_REUSED'] }),
  releaseWithdrawalLimit: route({ method: 'POST', path: '/v1/withdrawal-limits/:key:release', auth: 'workstation', request: LimitReservationReleaseSchema, response: LimitReservationReleaseResponseSchema, errors: [] }),
  reference: route({ method: 'GET', path: '/v1/reference', auth: 'workstation', request: ReferenceRequestSchema, response: ReferenceResponseSchema, errors: [] }),
  matchFingerprint: route({ method: 'POST', path: '/v1/registry/fingerprint:match', auth: 'workstation', request: FingerprintMatchRequestSchema, response: FingerprintMatchResponseSchema, errors: ['REGISTRY_UNAVAILABLE', 'FINGERPRINT_ATTEMPTS_EXHAUSTED'] }),
  radicateSecurityCode: route({ method: 'POST', path: '/v1/security-codes:radicate', auth: 'workstation', request: RadicateRequestSchema, response: SecurityCodeResponseSchema, errors: SECURITY_CODE_ERRORS }),
  sendSecurityCodeNow: route({ method: 'POST', path: '/v1/security-codes:send-now', auth: 'workstation', request: SendNowRequestSchema, response: SecurityCodeResponseSchema, errors: SECURITY_CODE_ERRORS }),
  /** POST so the customer's document travels in the body, not in URLs that proxies and logs keep. */
  openSecurityCodes: route({ method: 'POST', path: '/v1/security-codes:open', auth: 'workstation', request: OpenSecurityCodeQuerySchema, response: OpenSecurityCodeResponseSchema, errors: [] }),
  listSecurityCodes: route({ method: 'GET', path: '/v1/security-codes', auth: 'workstation', request: SecurityCodeListQuerySchema, response: SecurityCodeListResponseSchema, errors: ['FORBIDDEN'] }),
  securityCodeStatus: route({ method: 'GET', path: '/v1/security-codes/:radicado', auth: 'workstation', request: SecurityCodeQuerySchema, response: SecurityCodeResponseSchema, errors: [] }),
  updateContact: route({ method: 'POST', path: '/v1/customers:contact', auth: 'workstation', request: ContactUpdateRequestSchema, response: OperationResultSchema, errors: [] }),
  anchorJournal: route({ method: 'POST', path: '/v1/journal/anchor', auth: 'workstation', request: AnchorRequestSchema, response: AnchorResponseSchema, errors: ANCHOR_ERRORS }),
  latestAnchor: route({ method: 'GET', path: '/v1/journal/anchor/:workstation', auth: 'workstation', request: AnchorQuerySchema, response: AnchorLatestResponseSchema, errors: [] }),
  requestApproval: route({ method: 'POST', path: '/v1/approvals', auth: 'workstation', request: ApprovalCreateSchema, response: ApprovalResponseSchema, errors: APPROVAL_ERRORS }),
  pendingApprovals: route({ method: 'GET', path: '/v1/approvals', auth: 'workstation', request: ApprovalListRequestSchema, response: ApprovalListResponseSchema, errors: [] }),
  getApproval: route({ method: 'GET', path: '/v1/approvals/:id', auth: 'workstation', request: ApprovalQuerySchema, response: ApprovalResponseSchema, errors: [] }),
  decideApproval: route({ method: 'POST', path: '/v1/approvals/:id:decide', auth: 'workstation', request: ApprovalDecisionSchema, response: ApprovalResponseSchema, errors: APPROVAL_ERRORS }),
  withdrawApproval: route({ method: 'POST', path: '/v1/approvals/:id:withdraw', auth: 'workstation', request: ApprovalQuerySchema, response: ApprovalResponseSchema, errors: ['FORBIDDEN'] }),
  /** The last close central received of a till (till-records.ts): the next opening's comparison after a reinstall. */
  lastTillClose: route({ method: 'GET', path: '/v1/tills/:workstation/:tillCode/last-close', auth: 'workstation', request: LastTillCloseRequestSchema, response: LastTillCloseResponseSchema, errors: ['FORBIDDEN'] }),
  tillTransfers: route({ method: 'GET', path: '/v1/till-transfers', auth: 'workstation', request: TillTransferListRequestSchema, response: TillTransferListResponseSchema, errors: ['FORBIDDEN'] }),
  branchVault: route({ method: 'GET', path: '/v1/vault', auth: 'workstation', request: BranchVaultRequestSchema, response: BranchVaultResponseSchema, errors: ['FORBIDDEN'] }),
  vaultProvision: route({ method: 'POST', path: '/v1/vault:provision', auth: 'workstation', request: VaultProvisionRequestSchema, response: OperationResultSchema, errors: [] }),
  vaultReceive: route({ method: 'POST', path: '/v1/vault:receive', auth: 'workstation', request: VaultReceiveRequestSchema, response: OperationResultSchema, errors: [] }),
  reportStatus: route({ method: 'POST', path: '/v1/workstation-status', auth: 'workstation', request: WorkstationStatusSchema, response: WorkstationStatusReportResponseSchema, errors: [] }),
  branchStatus: route({ method: 'GET', path: '/v1/workstation-status', auth: 'workstation', request: BranchStatusRequestSchema, response: BranchStatusResponseSchema, errors: [] }),
  customerCash: route({ method: 'GET', path: '/v1/cash-report/customer', auth: 'workstation', request: CustomerCashRequestSchema, response: CustomerCashResponseSchema, errors: [] }),
  customerCashOperations: route({ method: 'GET', path: '/v1/cash-report/customer/operations', auth: 'workstation', request: CustomerCashRequestSchema, response: CustomerCashOperationsResponseSchema, errors: [] }),
  nearThresholdDeposits: route({ method: 'GET', path: '/v1/cash-report/near-threshold', auth: 'workstation', request: NearThresholdRequestSchema, response: NearThresholdResponseSchema, errors: [] }),
  accountActivity: route({ method: 'GET', path: '/v1/account-activity', auth: 'workstation', request: AccountActivityRequestSchema, response: AccountActivityResponseSchema, errors: [] }),
  standingCheque: route({ method: 'GET', path: '/v1/cheques/standing', auth: 'workstation', request: StandingChequeRequestSchema, response: StandingChequeResponseSchema, errors: [] }),
  /** The branch's cheques in canje and remesa, from any of its workstations (branch-cheques.ts). */
  branchCheques: route({ method: 'GET', path: '/v1/branches/:branch/cheques', auth: 'workstation', request: BranchChequesRequestSchema, response: BranchChequesResponseSchema, errors: ['FORBIDDEN'] }),
  pendingCharges: route({ method: 'GET', path: '/v1/accounts/:account/pending-charges', auth: 'workstation', request: PendingChargesRequestSchema, response: PendingChargesResponseSchema, errors: [] }),
  structuringAlerts: route({ method: 'GET', path: '/v1/structuring-alerts', auth: 'workstation', request: StructuringAlertsRequestSchema, response: StructuringAlertsResponseSchema, errors: ['FORBIDDEN'] }),
  cashReport: route({ method: 'GET', path: '/v1/cash-report', auth: 'workstation', request: CashReportRequestSchema, response: CashReportResponseSchema, errors: ['FORBIDDEN'] }),
  advanceClock: route({ method: 'POST', path: '/v1/test/advance', auth: 'demo', request: AdvanceRequestSchema, response: AdvanceResponseSchema, errors: [] }),
} as const;

export type CentralApi = typeof centralApi;
export type CentralRoute = keyof CentralApi;
export type CentralReq<R extends CentralRoute> = z.infer<CentralApi[R]['request']>;
export type CentralReqInput<R extends CentralRoute> = z.input<CentralApi[R]['request']>;
export type CentralRes<R extends CentralRoute> = z.infer<CentralApi[R]['response']>;
export type CentralErrorCode<R extends CentralRoute> = CentralApi[R]['errors'][number] | (typeof CENTRAL_COMMON_ERRORS)[number];

/** Fills `:name` segments of a route path from a request object; returns the path and the fields left over. */
export const buildPath = (path: string, req: Record<string, unknown>): { path: string; rest: Record<string, unknown> } => {
  const used = new Set<string>();
  const filled = path.replace(/\/:([A-Za-z]+)/g, (_m, name: string) => {
    used.add(name);
    return `/${encodeURIComponent(String(req[name]))}`;
  });
  return { path: filled, rest: Object.fromEntries(Object.entries(req).filter(([k]) => !used.has(k))) };
};

export * from './account-activity';
export * from './approvals';
export * from './branch-cheques';
export * from './cash-report';
export * from './canonical';
export * from './common';
export * from './customers';
export * from './holds';
export * from './journal';
export * from './operations';
export * from './till-records';
export * from './till-transfers';
export * from './vault';
export * from './reference';
export * from './registry';
export * from './security-code';
export * from './structuring-alerts';
export * from './to-domain-account';
export * from './withdrawal-limits';
export * from './workstation-status';
