import type { AddressInfo } from 'node:net';
import { OtpPolicySchema, type Operation, type OtpPolicy, type SecurityCodeRequest } from '../domain/central-api';
import { createApproval, decideApproval, getApproval, pendingApprovals, withdrawApproval, DEFAULT_APPROVAL_TTL_MS } from './approvals/approvals';
import * as guard from './http/guards';
import { tokenTable, type WorkstationToken } from './http/auth';
import { once } from './http/idempotent';
import { fail, ok, type HandlerResult } from './http/result';
import { createCentralHttpServer, type Handlers, type RequestLogEntry } from './http/server';
import { DEFAULT_HOLD_TTL_MS, HOLD_KEY_REUSED, authorizeHold, currentAuthorization, getHold, releaseHold, releaseHoldByKey, sameAuthorization } from './holds/holds';
import { anchor, latestAnchor } from './journal/anchors';
import { applyBatch, applyOperation, operationStatus } from './operations/apply';
import { referencePage } from './reference/reference';
import { listTillTransfers } from './till-transfers/till-transfers';
import { lastTillClose, tillLeftOpen } from './tills/till-records';
import { branchVault } from './vault/vault';
import { branchStatus, reportStatus } from './workstation-status/workstation-status';
import { accountActivityElsewhere } from './account-activity/account-activity';
import { DEFAULT_RESERVATION_TTL_MS, releaseWithdrawalLimit, reserveWithdrawalLimit } from './withdrawal-limits/reservations';
import { cashReport, customerCashElsewhere, customerCashOperations, nearThresholdDeposits } from './cash-report/cash-report';
import { branchStructuringAlerts, standingRejections } from './structuring-alerts/structuring-alerts';
import { demoRegistry } from './registry/demo-registry';
import type { CitizenRegistry } from './registry/registry';
import { matchFingerprint } from './registry/transactions';
import { iso, offsetClock, systemClock, systemIds, systemRandom, type AdjustableClock, type Clock, type Ids, type Random } from './runtime';
import { standingCheque } from './cheques/clearing';
import { branchCheques } from './cheques/branch-cheques';
import { outstandingCharges, paidCharges } from './cheques/pending-charges';
import { getAccount } from './accounts/ledger';
import { maskAccount } from '../domain/receipt/build-common';
import { advanceSecurityCodes, createSecurityCode, getSecurityCode, lastDemoSmsSerial, listSecurityCodes, openSecurityCode, type SecurityCodeDeps } from './security-code/service';
import { DEMO_SMS_PREFIX, demoSmsGateway, type SmsGateway } from './security-code/sms-gateway';
import { DEFAULT_DB_PATH, openCentralDb } from './store/db';
import { DEMO_TOKENS, DEMO_UNREACHABLE_CELLPHONES, seedDemo } from './demo/seed';

export interface CentralOptions {
  /** 0 = any free port. */
  port?: number;
  host?: string;
  dbPath?: string;
  demo?: boolean;
  clock?: Clock;
  ids?: Ids;
  random?: Random;
  /** Provisioned workstation tokens; `--demo` adds the known dev tokens. */
  tokens?: readonly WorkstationToken[];
  otpPolicy?: Partial<OtpPolicy>;
  holdTtlMs?: number;
  /** How long a reservation of the day's withdrawal limits lives unconsumed (default 15 min, as a hold). */
  reservationTtlMs?: number;
  approvalTtlMs?: number;
  sms?: SmsGateway;
  registry?: CitizenRegistry;
  log?: (entry: RequestLogEntry) => void;
  onError?: (err: unknown) => void;
  /** How often open security-code requests are advanced on their own (ms, 0 = only when asked). */
  tickMs?: number;
}

export interface CentralHandle {
  url: string;
  /** The clock central runs on; in demo mode `POST /v1/test/advance` moves it. */
  clock: Clock;
  sms: SmsGateway;
  /** Tokens added by `--demo` (empty otherwise). */
  demoTokens: readonly WorkstationToken[];
  /** True when this start seeded the demo data into an empty database. */
  seeded: boolean;
  close(): Promise<void>;
}

const stderrLog = (e: RequestLogEntry): void => {
  process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), ...e })}\n`);
};

export const startCentral = async (opts: CentralOptions = {}): Promise<CentralHandle> => {
  const demo = opts.demo ?? false;
  const base = opts.clock ?? systemClock;
  const adjustable: AdjustableClock | null = demo ? offsetClock(base) : null;
  const clock: Clock = adjustable ?? base;
  const ids = opts.ids ?? systemIds;
  const random = opts.random ?? systemRandom;
  const policy: OtpPolicy = OtpPolicySchema.parse(opts.otpPolicy ?? {});
  const holdTtl = opts.holdTtlMs ?? DEFAULT_HOLD_TTL_MS;
  const reservationTtl = opts.reservationTtlMs ?? DEFAULT_RESERVATION_TTL_MS;
  const approvalTtl = opts.approvalTtlMs ?? DEFAULT_APPROVAL_TTL_MS;
  const registry = opts.registry ?? demoRegistry();
  const tokens = [...(opts.tokens ?? []), ...(demo ? DEMO_TOKENS : [])];

  const sql = openCentralDb(opts.dbPath ?? DEFAULT_DB_PATH);
  const sms =
    opts.sms ?? demoSmsGateway({ unreachable: demo ? DEMO_UNREACHABLE_CELLPHONES : [], lastSerial: lastDemoSmsSerial(sql, DEMO_SMS_PREFIX) });
  const seeded = demo ? seedDemo(sql, clock.now().getTime()) : false;
  const codes: SecurityCodeDeps = { sql, sms, random, policy };
  const now = (): number => clock.now().getTime();
  /** A replayed request answers with the request's state now, not as it was when first created. */
  const current = (r: HandlerResult<SecurityCodeRequest>): HandlerResult<{ request: SecurityCodeRequest }> =>
    r.ok ? ok({ request: getSecurityCode(codes, r.value.radicado, now(), null) ?? r.value }) : r;

  const handlers: Handlers = {
    health: () => ok({ status: 'ok', now: clock.now().toISOString(), demo }),
    postOperations: (req, { caller }) => {
      const denied = guard.ownOperations(req.operations, caller);
      if (denied) return denied;
      return ok({ results: applyBatch(sql, req.operations, now(), caller.workstation) });
    },
    operationStatus: (req, { caller }) => ok(operationStatus(sql, req.key, req.payloadHash, caller.branch)),
    authorizeWithdrawal: (req, { caller }) => {
      const r = once(sql, 'holds', req.key, req, now(), () => ok(authorizeHold(sql, req, ids.uuid(), caller.workstation, now(), holdTtl)), {
        same: (answer) => sameAuthorization(sql, answer, req),
        reused: HOLD_KEY_REUSED,
      });
      return r.ok ? ok(currentAuthorization(sql, r.value, now())) : r;
    },
    reserveWithdrawalLimit: (req, { caller }) => reserveWithdrawalLimit(sql, req, caller.workstation, now(), reservationTtl),
    releaseWithdrawalLimit: (req, { caller }) => releaseWithdrawalLimit(sql, req.key, caller.workstation, now()),
    getHold: (req) => getHold(sql, req.holdId, now()),
    releaseHold: (req) => releaseHold(sql, req.holdId, now()),
    releaseHoldByKey: (req, { caller }) => releaseHoldByKey(sql, req.key, caller.workstation, now()),
    reference: (req) => ok(referencePage(sql, req.cursor, req.limit, now())),
    matchFingerprint: (req, { caller }) => matchFingerprint(sql, registry, req, ids.uuid(), caller.workstation, now()),
    radicateSecurityCode: (req, { caller }) =>
      current(once(sql, 'security-codes:radicate', req.key, req, now(), () => createSecurityCode(codes, { ...req, mode: 'radicate' }, caller.workstation, now()))),
    sendSecurityCodeNow: (req, { caller }) =>
      current(once(sql, 'security-codes:send-now', req.key, req, now(), () => createSecurityCode(codes, { ...req, mode: 'send_now' }, caller.workstation, now()))),
    openSecurityCodes: (req) => ok(openSecurityCode(codes, req.documentType, req.documentNumber, now())),
    listSecurityCodes: (req, { caller }) =>
      req.branch === caller.branch
        ? ok({ requests: listSecurityCodes(codes, req.branch, now()) })
        : fail(403, 'FORBIDDEN', 'Solo puede consultar las radicaciones de su oficina.'),
    securityCodeStatus: (req, { caller }) => {
      const r = getSecurityCode(codes, req.radicado, now(), caller.branch);
      return r ? ok({ request: r }) : fail(404, 'NOT_FOUND', 'El radicado no existe en central.');
    },
    updateContact: (req, { caller }) => {
      const { key, occurredAt, ...payload } = req;
      const op: Operation = { key, occurredAt, branch: caller.branch, workstation: caller.workstation, type: 'contact_update', payload };
      return ok(sql.tx(() => applyOperation(sql, op, now(), caller.workstation)));
    },
    anchorJournal: (req, { caller }) => guard.ownWorkstation(req.workstation, caller) ?? anchor(sql, req, now()),
    latestAnchor: (req, { caller }) => guard.sameBranch(req.workstation, caller) ?? ok(latestAnchor(sql, req)),
    requestApproval: (req, { caller }) => guard.ownWorkstation(req.workstation, caller) ?? createApproval(sql, req, now(), approvalTtl),
    pendingApprovals: (req, { caller }) =>
      req.branch === caller.branch ? ok(pendingApprovals(sql, req.branch, now())) : fail(403, 'FORBIDDEN', 'Solo puede consultar las solicitudes de su oficina.'),
    getApproval: (req, { caller }) => getApproval(sql, req.id, caller, now()),
    decideApproval: (req, { caller }) => decideApproval(sql, req, caller, now()),
    withdrawApproval: (req, { caller }) => withdrawApproval(sql, req.id, caller, now()),
    lastTillClose: (req, { caller }) => guard.sameBranch(req.workstation, caller) ?? ok({ lastClose: lastTillClose(sql, req.workstation, req.tillCode), leftOpen: tillLeftOpen(sql, req.workstation, req.tillCode) }),
    tillTransfers: (req, { caller }) => guard.ownWorkstation(req.workstation, caller) ?? ok(listTillTransfers(sql, req.workstation, now())),
    branchVault: (req, { caller }) =>
      req.branch === caller.branch ? ok(branchVault(sql, req.branch, now(), req.include?.split(','))) : fail(403, 'FORBIDDEN', 'Solo puede consultar la bóveda de su oficina.'),
    // Synchronous because the vault is here: the pieces are taken (or credited) now, exactly once by the key.
    vaultProvision: (req, { caller }) => {
      const { key, occurredAt, ...payload } = req;
      const op: Operation = { key, occurredAt, branch: caller.branch, workstation: caller.workstation, type: 'vault_provision', payload };
      return ok(sql.tx(() => applyOperation(sql, op, now(), caller.workstation)));
    },
    vaultReceive: (req, { caller }) => {
      const { key, occurredAt, ...payload } = req;
      const op: Operation = { key, occurredAt, branch: caller.branch, workstation: caller.workstation, type: 'vault_receive', payload };
      return ok(sql.tx(() => applyOperation(sql, op, now(), caller.workstation)));
    },
    reportStatus: (req, { caller }) => guard.ownWorkstation(req.workstation, caller) ?? ok(reportStatus(sql, caller.branch, req, now())),
    branchStatus: (req, { caller }) =>
      req.branch === caller.branch ? ok(branchStatus(sql, req.branch, now())) : fail(403, 'FORBIDDEN', 'Solo puede consultar las estaciones de su oficina.'),
    customerCash: (req, { caller }) => ok({ ...req, elsewhere: customerCashElsewhere(sql, req.customer, req.month, caller.workstation) }),
    customerCashOperations: (req) => ok({ ...req, operations: customerCashOperations(sql, req.customer, req.month) }),
    nearThresholdDeposits: (req, { caller }) =>
      ok({
        ...nearThresholdDeposits(sql, req),
        // The window's first day is also the first a rejection still stands from (domain/uiaf rejectionsStandingSince).
        rejections: standingRejections(sql, { account: req.account, depositorType: req.depositorType, depositorNumber: req.depositorNumber, since: req.from }, caller.workstation).map((a) => ({
          workstation: a.workstation,
          account: a.account,
          depositor: a.depositor,
          alertOn: a.alertOn,
          checkerName: a.checkerName,
          decidedAt: a.decidedAt,
          note: a.note,
        })),
      }),
    accountActivity: (req, { caller }) => ok({ ...req, elsewhere: accountActivityElsewhere(sql, req.account, req.day, caller.workstation, now()) }),
    standingCheque: (req) => {
      const s = standingCheque(sql, req);
      return ok({ standing: s ? { branch: s.branch, workstation: s.workstation, account: maskAccount(s.account), depositedAt: iso(s.receivedMs) } : null });
    },
    branchCheques: (req, { caller }) =>
      req.branch === caller.branch ? ok({ branch: req.branch, cheques: branchCheques(sql, req.branch) }) : fail(403, 'FORBIDDEN', 'Solo puede consultar los cheques de su oficina.'),
    pendingCharges: (req) => {
      const charges = outstandingCharges(sql, req.account);
      const available = getAccount(sql, req.account)?.balances.available;
      return ok({ account: req.account, total: charges.reduce((s, c) => s + c.amount, 0), charges, paid: paidCharges(sql, req.account), ...(available !== undefined ? { available } : {}) });
    },
    structuringAlerts: (req, { caller }) =>
      req.branch === caller.branch ? ok(branchStructuringAlerts(sql, req.branch, req.month)) : fail(403, 'FORBIDDEN', 'Solo puede consultar las alertas UIAF de su oficina.'),
    cashReport: (req, { caller }) =>
      req.branch === caller.branch ? ok(cashReport(sql, req.branch, req.month)) : fail(403, 'FORBIDDEN', 'Solo puede consultar el efectivo de su oficina.'),
    advanceClock: (req) => {
      if (!adjustable) return fail(404, 'NOT_FOUND', 'Ruta no disponible en central.');
      const at = adjustable.advance(req.ms);
      advanceSecurityCodes(codes, at.getTime());
      return ok({ now: at.toISOString() });
    },
  };

  const server = createCentralHttpServer({
    handlers,
    authenticate: tokenTable(tokens),
    demo,
    log: opts.log ?? stderrLog,
    onError: opts.onError ?? ((err) => process.stderr.write(`central: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const tickMs = opts.tickMs ?? 5_000;
  const timer = tickMs > 0 ? setInterval(() => advanceSecurityCodes(codes, now()), tickMs) : null;
  timer?.unref();
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    clock,
    sms,
    demoTokens: demo ? DEMO_TOKENS : [],
    seeded,
    close: async () => {
      if (timer) clearInterval(timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      sql.close();
    },
  };
};
