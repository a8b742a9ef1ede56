import type { Handlers } from '../../core/dispatcher';
import type { SecurityCodePurpose } from '../../../domain/central-api';
import type { Clock, Ids } from '../../core/runtime';
import type { Db } from '../../store/db';
import { identityRepo } from '../../store/identity/repo';
import type { ReferenceRepo } from '../../store/reference/repo';
import { securityCodeRepo } from '../../store/security-code/repo';
import type { CentralClient } from '../../sync/central-client';
import type { DeviceService } from '../devices/service';
import { referenceDirectory } from '../identity/directory';
import { identityHandlers } from '../identity/handlers';
import { createScanInbox } from '../identity/scan-inbox';
import type { Journal } from '../journal/writer';
import { securityCodeHandlers } from './handlers';
import { createRadicationsService } from './radications';
import type { ConstanciaPrinter } from './ports';
import { createSecurityCodeService } from './service';

type Feature = 'securityCode' | 'identity';
type FeatureMap = { [C in keyof Handlers as C extends `${Feature}.${string}` ? C : never]: Handlers[C] };

/** The device service as the constancias need it: each paper recorded and printed once, copies numbered. */
export const constanciaPrinter = (devices: Pick<DeviceService, 'oweReceipt' | 'printReceipt' | 'printAgain'>): ConstanciaPrinter => ({
  owe: (doc) => {
    devices.oweReceipt(doc, { reference: doc.sequence, kind: 'constancia' });
  },
  printReceipt: async (doc) => ({ ...(await devices.printReceipt(doc, { reference: doc.sequence, kind: 'constancia' })), state: 'queued' }),
  printAgain: (doc, actor) => {
    const j = devices.printAgain(doc, { reference: doc.sequence, actor, kind: 'constancia' });
    return { jobId: j.jobId, state: j.state };
  },
});

/** Builds the security-code and contact-update features for composition (one spread in `main/compose.ts`). */
export const securityCodeFeature = (deps: {
  db: Db;
  journal: Journal;
  clock: Clock;
  ids: Ids;
  users: { findById(id: string): { displayName: string } | undefined };
  central: Pick<CentralClient, 'call'> | null;
  reference: ReferenceRepo;
  devices: Pick<DeviceService, 'captureFingerprint' | 'oweReceipt' | 'printReceipt' | 'printAgain' | 'onCedula'> | null;
  workstation: { id: string; branchCode: string; branchName: string; tillCode: string };
  /** From workstation config (`securityCode.codePurpose`). */
  codePurpose: SecurityCodePurpose;
}): { handlers: FeatureMap; close(): void } => {
  const flows = securityCodeRepo(deps.db);
  const contacts = identityRepo(deps.db);
  const devices = deps.devices;
  const directory = referenceDirectory(deps.reference, contacts);
  const service = createSecurityCodeService({
    db: deps.db,
    flows,
    contacts,
    directory,
    journal: deps.journal,
    clock: deps.clock,
    ids: deps.ids,
    central: deps.central,
    reader: devices ? { capture: (finger, o) => devices.captureFingerprint(finger, o) } : null,
    printer: devices ? constanciaPrinter(devices) : null,
    users: deps.users,
    workstation: deps.workstation,
    codePurpose: deps.codePurpose,
  });
  const radications = createRadicationsService({ flows, central: deps.central, clock: deps.clock, users: deps.users, workstation: deps.workstation });
  const scans = createScanInbox(deps.clock);
  const unsubscribe = devices ? devices.onCedula((r) => scans.push(r)) : () => true;
  return {
    handlers: { ...securityCodeHandlers(service, radications), ...identityHandlers(service, scans, directory) },
    close: () => void unsubscribe(),
  };
};
