import { join } from 'node:path';
import type { DeviceStatus } from '../domain/contract/status';
import type { CoreConfig } from './config/schema';
import { createDispatcher, type Dispatch, type Handlers } from './core/dispatcher';
import { EventBus } from './core/event-bus';
import type { Clock, Ids } from './core/runtime';
import { openDatabase, type Db } from './store/db';
import { idempotencyRepo } from './store/idempotency/repo';
import { journalRepo } from './store/journal/repo';
import { outboxRepo } from './store/outbox/repo';
import { tillRepo } from './store/till/repo';
import { deskSourcesRepo } from './store/till/lifecycle';
import { usersRepo } from './store/users/repo';
import { reversalRepo } from './store/reversal/repo';
import { reversalOf, reversedCopyMarks } from './services/reversal/copy-marks';
import { seedDemoUsers } from './services/demo/seed';
import { createIdempotentRunner } from './services/idempotent';
import { createJournal } from './services/journal/writer';
import { sessionHandlers } from './services/session/handlers';
import { createSessionService } from './services/session/service';
import { lapsingLockout } from './services/session/lockout';
import { statusHandlers } from './services/status/handlers';
import { createStatusService } from './services/status/service';
import { createSyncFeature } from './sync/feature';
import { syncHandlers } from './sync/handlers';
import { tillFeatures } from './services/till/wire';
import { createTillService } from './services/till/service';
import { DeviceManager } from '../drivers/manager';
import { devicesRepo } from './store/devices/repo';
import { devicesHandlers } from './services/devices/handlers';
import { createDeviceService } from './services/devices/service';
import { comprobanteFeatures } from './services/comprobante/wire';
import { devicesPrinter } from './services/receipt/printer-port';
import { securityCodeFeature } from './services/security-code/wire';
import { reactivationHandlers } from './services/reactivation/handlers';
import { createReactivationService } from './services/reactivation/service';
import { referenceRepo } from './store/reference/repo';
import type { CentralClient } from './sync/central-client';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  [k: string]: unknown;
}
export type Log = (entry: LogEntry) => void;

export interface Core {
  dispatch: Dispatch;
  bus: EventBus;
  db: Db;
  close(): void;
}

export interface CoreDeps {
  config: CoreConfig;
  clock: Clock;
  ids: Ids;
  log: Log;
  /** Central services; absent: no central, operations queue and the status bar reads offline. */
  central?: { url: string; token: string };
  /** Uniform [0, 1) for the sync backoff jitter. */
  random?: () => number;
  devices?: () => DeviceStatus[];
  /** Online calls to central (withdrawal authorization); without it withdrawals stay pending, never paid. */
  centralClient?: Pick<CentralClient, 'call'>;
}

/** The composition root: the only place that knows every concrete piece of the core. */
export const createCore = async (deps: CoreDeps): Promise<Core> => {
  const { config, clock, ids, log } = deps;
  const db = openDatabase(config.dbFile ?? join(config.dataDir, 'caja.sqlite'));
  const bus = new EventBus();
  const journalStore = journalRepo(db);
  const journal = createJournal({ repo: journalStore, clock, workstation: config.workstation.id });
  const users = lapsingLockout(usersRepo(db), { db, clock, journal, lockoutMinutes: config.session.lockoutMinutes });
  const idempotent = createIdempotentRunner({ db, repo: idempotencyRepo(db), clock });

  if (config.demo && (await seedDemoUsers({ users, clock, ids }))) log({ level: 'info', msg: 'demo users seeded' });

  // The branch dashboard's snapshot to central; wired once the till feature exists (below).
  let reportStatus = (): void => undefined;
  // Every status push follows a posting or a session change: a good moment to send what is queued.
  const pushStatus = () => {
    sync.kick();
    bus.emit('status.changed', status.get());
    reportStatus();
  };
  const session = createSessionService({
    db,
    users,
    clock,
    journal,
    policy: config.session,
    onChange: (s) => {
      bus.emit('session.changed', s);
      pushStatus();
    },
  });
  const till = createTillService({
    tills: tillRepo(db), users, journal, idempotent, clock, ids, tillCode: config.workstation.tillCode, outbox: outboxRepo(db), workstation: config.workstation, onChange: pushStatus,
  });
  // Devices run in this (core) process: emulated in-process by default, real ones from `config.devices`.
  const devices = createDeviceService({
    manager: (c) => new DeviceManager(c, { ids, clock }),
    config: config.devices, db, repo: devicesRepo(db), journal, clock, ids, onChange: () => pushStatus(),
    workstation: config.workstation, log,
    // A copy of a reversed comprobante says so: paper proof of an operation that no longer stands must not read as one.
    copyMarks: reversedCopyMarks(reversalOf({ reversals: reversalRepo(db), journalRepo: journalStore, users })),
  });
  // What central's answers say a credit paid of pending charges; bound once the deposit feature exists (below).
  let onApplied: NonNullable<Parameters<typeof createSyncFeature>[0]['onApplied']> = () => undefined;
  // Releases of day-limit reservations central has not answered; bound once the withdrawal service exists (below).
  let retryOwedReleases = (): void => undefined;
  const sync = createSyncFeature({
    db, clock, random: deps.random ?? Math.random, journal, central: deps.central, caps: config.contingency, onApplied: (a) => onApplied(a),
    afterRound: () => {
      if (sync.loop.status().state === 'online') retryOwedReleases();
    },
    contingencyAutoEndMs: config.contingencyAutoEndSeconds * 1000,
    tillCode: config.workstation.tillCode, onChange: () => pushStatus(), log,
  });
  // Every call the services make to central tells the status bar's link at once, not at the next sync round.
  const central = deps.centralClient ? sync.watch(deps.centralClient) : null;
  const securityCode = securityCodeFeature({
    db, journal, clock, ids, users, central, reference: referenceRepo(db), devices, workstation: config.workstation,
    codePurpose: config.securityCode.codePurpose,
  });
  // The journal's health comes from the till feature, built below; until then it reads as not yet verified.
  let journalHealth: { status(): { ok: boolean | null; message: string } } | null = null;
  const deskSources = deskSourcesRepo(db);
  const status = createStatusService({
    config, session, till, central: sync.link, devices: deps.devices ?? (() => devices.status()),
    journal: () => {
      const j = journalHealth?.status();
      return j ? { ok: j.ok, message: j.message } : { ok: null, message: 'Diario electrónico sin verificar.' };
    },
    approvalsVersion: () => deskSources.approvalQueueVersion(),
  });

  const comprobante = comprobanteFeatures({
    db, users, journal, idempotent, clock, ids, workstation: config.workstation, central,
    onChange: pushStatus, maxFailedAttempts: config.session.maxFailedAttempts, rules: config.rules,
    printer: devicesPrinter(devices),
    fingerprintReader: { capture: (finger, o) => devices.captureFingerprint(finger, o) },
    contingency: sync.contingency,
    refreshReference: () => sync.loop.syncNow(2_000),
  });
  onApplied = comprobante.chargeAcks.check;
  retryOwedReleases = () =>
    void comprobante.services.withdrawal.retryOwedReleases().catch((err: unknown) => log({ level: 'warn', msg: 'day-limit releases not retried', err }));
  // Till lifecycle, vault, supervisor desk and journal; the chain is verified before the first call is served.
  const tillFeature = tillFeatures({
    db, users, journal, journalRepo: journalStore, idempotent, clock, ids, till, workstation: config.workstation,
    central: sync.client ?? central, link: sync.link, printer: devices, comprobanteApprovals: comprobante.services.approval,
    maxFailedAttempts: config.session.maxFailedAttempts, requestDeadlineMinutes: config.supervisor.requestDeadlineMinutes, demo: config.demo, onChange: pushStatus, log, branchStatus: config.branchStatus,
  });
  const reactivation = createReactivationService({
    ...comprobante.deps, db, requests: tillFeature.requests, printer: devices,
  });
  journalHealth = tillFeature.health;
  reportStatus = tillFeature.statusChanged;
  tillFeature.startup();
  const stopAnchoring = tillFeature.anchorAfterSyncs();

  const handlers: Handlers = {
    ...sessionHandlers(session),
    ...statusHandlers(status),
    ...tillFeature.handlers,
    ...devicesHandlers(devices),
    ...securityCode.handlers,
    ...syncHandlers(sync),
    ...comprobante.handlers,
    ...reactivationHandlers(reactivation),
  };

  // The idle lock must fire even when nobody calls the core (the UI learns through session.changed).
  const idleTimer = setInterval(() => session.checkIdle(), 1000);
  idleTimer.unref();
  // Emulators come up in milliseconds; a slow real device must not hold the core (it shows as connecting).
  const devicesUp = devices.start().catch((err: unknown) => log({ level: 'error', msg: 'devices did not start', err }));
  await Promise.race([devicesUp, new Promise((r) => setTimeout(r, 2000).unref())]);
  sync.start();

  const dispatch = createDispatcher({
    handlers,
    caller: (channel) => session.caller(channel),
    correlationId: () => ids.uuid(),
    log: (e) => log({ ...e, level: e.level }),
  });

  return {
    dispatch,
    bus,
    db,
    close: () => {
      clearInterval(idleTimer);
      stopAnchoring();
      tillFeature.stop();
      securityCode.close();
      void sync.stop();
      void devices.stop();
      db.close();
    },
  };
};
