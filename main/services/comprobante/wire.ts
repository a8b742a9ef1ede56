import { DEFAULT_RULES, type RulesConfig } from '../../../domain/rules-config/config';
import type { Handlers } from '../../core/dispatcher';
import type { Clock, Ids } from '../../core/runtime';
import type { Db } from '../../store/db';
import { approvalsRepo } from '../../store/approvals/repo';
import { chargeDifferenceRepo } from '../../store/charge-difference/repo';
import { comprobanteRepo } from '../../store/comprobante/repo';
import { unconfirmedDebitsRepo } from '../../store/comprobante/unconfirmed-repo';
import { limitReleasesRepo } from '../../store/comprobante/limit-releases-repo';
import { outboxRepo } from '../../store/outbox/repo';
import { referenceRepo } from '../../store/reference/repo';
import { remittanceRepo } from '../../store/remittance/repo';
import { canjeRepo } from '../../store/canje/repo';
import { tillRepo } from '../../store/till/repo';
import type { UsersRepo } from '../../store/users/repo';
import type { CentralClient } from '../../sync/central-client';
import { createRemoteCash } from './remote-cash';
import { createRemoteActivity } from './remote-activity';
import { createRemoteStructuring } from './remote-structuring';
import { accountsHandlers } from '../accounts/handlers';
import { createAccountsService } from '../accounts/service';
import { referenceAccountSource, type AccountSource } from '../accounts/source';
import { approvalHandlers } from '../approval/handlers';
import { createApprovalService } from '../approval/service';
import { createChargeAcks } from '../deposit/charge-ack';
import { depositHandlers } from '../deposit/handlers';
import { createDepositService } from '../deposit/service';
import type { IdempotentRunner } from '../idempotent';
import type { Journal } from '../journal/writer';
import { receiptHandlers } from '../receipt/handlers';
import type { PrinterPort } from '../receipt/printer-port';
import { createReceiptService } from '../receipt/service';
import { remittanceHandlers } from '../remittance/handlers';
import { canjeHandlers } from '../canje/handlers';
import { createCanjeService } from '../canje/service';
import { createRemittanceService } from '../remittance/service';
import { transferHandlers } from '../transfer/handlers';
import { createTransferService } from '../transfer/service';
import { withdrawalHandlers } from '../withdrawal/handlers';
import { createWithdrawalService } from '../withdrawal/service';
import { createWithdrawalIdentity } from '../withdrawal/identity';
import { withdrawalComprobanteRepo } from '../../store/fingerprint/comprobantes';
import { fingerprintRepo } from '../../store/fingerprint/repo';
import { biometricConsentRepo } from '../../store/fingerprint/consents';
import type { FingerprintReader } from '../fingerprint/reader';
import type { ComprobanteDeps, ContingencyPort, Workstation } from './deps';

type ComprobanteChannels = 'accounts' | 'approval' | 'canje' | 'deposit' | 'receipt' | 'remittance' | 'transfer' | 'withdrawal';
type Picked = { [C in keyof Handlers as C extends `${ComprobanteChannels}.${string}` ? C : never]: Handlers[C] };

export interface ComprobanteWiring {
  db: Db;
  users: UsersRepo;
  journal: Journal;
  idempotent: IdempotentRunner;
  clock: Clock;
  ids: Ids;
  workstation: Workstation;
  central: Pick<CentralClient, 'call'> | null;
  onChange: () => void;
  maxFailedAttempts: number;
  rules?: RulesConfig;
  officeCity?: string;
  accounts?: AccountSource;
  /** The devices service (`devicesPrinter(devices)`): durable jobs, Reintentar, one copy numbering. */
  printer: PrinterPort;
  /** `sync.contingency`: offline withdrawals within caps, CONTINGENCIA on receipts. */
  contingency?: ContingencyPort | null;
  /** A sync round now, waited for (bounded): the account panel must show what central just changed. */
  refreshReference?: () => Promise<unknown>;
  /** The workstation's fingerprint reader (the devices service): a withdrawal's biometric match (seed 003 cl. 4 c). */
  fingerprintReader?: FingerprintReader | null;
}

/** The Comprobante Único features (accounts, deposits, withdrawals, transfers, approvals, receipts, remesas). */
export const comprobanteFeatures = (w: ComprobanteWiring) => {
  const comprobantes = comprobanteRepo(w.db);
  const outbox = outboxRepo(w.db);
  // Bound once the approval service exists: it is built on these same deps.
  let approvalUsed: (approvalId: string) => void = () => {};
  const deps: ComprobanteDeps = {
    comprobantes,
    unconfirmed: unconfirmedDebitsRepo(w.db),
    limitReleases: limitReleasesRepo(w.db),
    approvals: approvalsRepo(w.db),
    remittances: remittanceRepo(w.db),
    canje: canjeRepo(w.db),
    tills: tillRepo(w.db),
    users: w.users,
    journal: w.journal,
    idempotent: w.idempotent,
    clock: w.clock,
    ids: w.ids,
    workstation: w.workstation,
    // The demo branch 001 is in Bogotá (central/demo/seed.ts); a real deployment sets its office's city.
    officeCity: w.officeCity ?? 'Bogotá D.C.',
    rules: w.rules ?? DEFAULT_RULES,
    accounts: w.accounts ?? referenceAccountSource(referenceRepo(w.db), outbox),
    outbox,
    central: w.central,
    remoteCash: createRemoteCash({ central: w.central }),
    remoteActivity: createRemoteActivity({ central: w.central }),
    remoteStructuring: createRemoteStructuring({ central: w.central }),
    printer: w.printer,
    contingency: w.contingency ?? null,
    ...(w.refreshReference ? { refreshReference: w.refreshReference } : {}),
    maxFailedAttempts: w.maxFailedAttempts,
    approvalUsed: (id) => approvalUsed(id),
    onChange: w.onChange,
  };
  const deposit = createDepositService(deps);
  const withdrawal = createWithdrawalService(
    deps,
    createWithdrawalIdentity({
      comprobantes: withdrawalComprobanteRepo(w.db),
      matches: fingerprintRepo(w.db),
      // The same reader and central the security-code flow uses; without a reader, every capture reads unavailable.
      capture: { reader: w.fingerprintReader ?? null, central: w.central },
      clock: w.clock,
      rules: deps.rules,
      db: w.db,
      consents: biometricConsentRepo(w.db),
      journal: deps.journal,
    }),
  );
  const transfer = createTransferService(deps);
  const approval = createApprovalService({
    ...deps,
    db: w.db,
    assessors: {
      deposit: (op) => deposit.assess(op.slip),
      withdrawal: (op, user) => withdrawal.assess(op.request, user),
      transfer: (op) => transfer.assess(op.request),
    },
  });
  approvalUsed = approval.approvalUsed;
  const chargeAcks = createChargeAcks({ db: w.db, comprobantes, journal: w.journal, differences: chargeDifferenceRepo(w.db), clock: w.clock });
  const handlers: Picked = {
    ...accountsHandlers(createAccountsService(deps)),
    ...approvalHandlers(approval),
    ...depositHandlers(deposit, chargeAcks),
    ...receiptHandlers(createReceiptService(deps)),
    ...remittanceHandlers(createRemittanceService({ ...deps, db: w.db })),
    ...canjeHandlers(createCanjeService({ ...deps, db: w.db })),
    ...transferHandlers(transfer),
    ...withdrawalHandlers(withdrawal),
  };
  return { deps, handlers, services: { deposit, withdrawal, transfer, approval }, chargeAcks };
};
