import type { Operation } from '../../../domain/central-api/operations';
import type { RulesConfig } from '../../../domain/rules-config/config';
import type { Clock, Ids } from '../../core/runtime';
import type { ApprovalsRepo } from '../../store/approvals/repo';
import type { UnconfirmedDebitsRepo } from '../../store/comprobante/unconfirmed-repo';
import type { LimitReleasesRepo } from '../../store/comprobante/limit-releases-repo';
import type { ComprobanteRepo } from '../../store/comprobante/repo';
import type { RemittanceRepo } from '../../store/remittance/repo';
import type { CanjeRepo } from '../../store/canje/repo';
import type { TillRepo } from '../../store/till/repo';
import type { UsersRepo } from '../../store/users/repo';
import type { CentralClient } from '../../sync/central-client';
import type { Contingency } from '../../sync/contingency';
import type { AccountSource } from '../accounts/source';
import type { IdempotentRunner } from '../idempotent';
import type { Journal } from '../journal/writer';
import type { RemoteCash } from './remote-cash';
import type { RemoteActivity } from './remote-activity';
import type { RemoteStructuring } from './remote-structuring';
import type { PrinterPort } from '../receipt/printer-port';

export interface Workstation {
  id: string;
  branchCode: string;
  branchName: string;
  tillCode: string;
}

/** Where postings send what central must learn; `enqueue` runs inside the posting transaction. */
export interface OutboxPort {
  /** `contingency`: posted while the branch was in contingencia (central reviews it when it arrives). */
  enqueue(op: Operation, opts?: { contingency?: boolean }): unknown;
  /** Where an enqueued operation stands: `applied` once central applied it (a returned cheque asks of its deposit). */
  byKey(key: string): { state: string } | undefined;
  /** Takes back, inside the transaction that undoes its posting, an operation not sent yet; false once it left. */
  withdrawUnsent(key: string): boolean;
}

/** The branch's contingency switch and offline withdrawal check (main/sync/contingency.ts). */
export type ContingencyPort = Pick<Contingency, 'mode' | 'withoutCentral' | 'check' | 'recordWithdrawal'>;

/** Everything the Comprobante Único services share; built once in composition. */
export interface ComprobanteDeps {
  comprobantes: ComprobanteRepo;
  /** Debits asked of central and not yet posted, refused or given up: what a crash must not hide. */
  unconfirmed: UnconfirmedDebitsRepo;
  /** Withdrawals' day-limit reservations whose release central has not answered yet (withdrawal/day-limits.ts). */
  limitReleases: LimitReleasesRepo;
  approvals: ApprovalsRepo;
  remittances: RemittanceRepo;
  /** Same-city cheques in canje, one row per cheque so a returned one is reversed alone. */
  canje: CanjeRepo;
  tills: TillRepo;
  users: UsersRepo;
  journal: Journal;
  idempotent: IdempotentRunner;
  clock: Clock;
  ids: Ids;
  workstation: Workstation;
  /** City of this office: same-city cheques go to canje, others to remesa (seed 003 cl. 3.9). */
  officeCity: string;
  rules: RulesConfig;
  accounts: AccountSource;
  outbox: OutboxPort;
  /** The customer's cash this month at the bank's other workstations (UIAF monthly threshold); absent: local only. */
  remoteCash?: RemoteCash;
  remoteActivity?: RemoteActivity;
  remoteStructuring?: RemoteStructuring;
  /** Online authorization of withdrawals; null when no central is configured (withdrawals stay pending). */
  central: Pick<CentralClient, 'call'> | null;
  printer: PrinterPort;
  /** Null without a sync feature (tests, bench): the branch is always in normal mode. */
  contingency: ContingencyPort | null;
  /**
   * Brings the branch's copy of central's balances up to date now (a sync round, bounded wait), for what central
   * changed outside the outbox (a released hold); absent without a sync loop.
   */
  refreshReference?: () => Promise<unknown>;
  /** Supervisor password attempts before lock-out, as for log-in. */
  maxFailedAttempts: number;
  /**
   * A supervisor's approval was just consumed by a posted comprobante, inside its transaction: an approved
   * structuring alert tells central which comprobante it became (the branch's UIAF list at other workstations).
   */
  approvalUsed?: (approvalId: string) => void;
  /** After a posting: the till position and the status bar changed. */
  onChange: () => void;
}
