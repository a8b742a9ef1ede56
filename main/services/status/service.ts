import type { DeviceStatus, WorkstationStatus } from '../../../domain/contract/status';
import type { CoreConfig } from '../../config/schema';
import type { SessionService } from '../session/service';
import type { TillService } from '../till/service';

export interface CentralLink {
  status(): WorkstationStatus['central'];
  contingency(): boolean;
}

export const offlineCentral: CentralLink = {
  status: () => ({ state: 'unknown', queueLength: 0, lastSyncAt: null }),
  contingency: () => false,
};

/** What the status bar shows; recomputed on demand and pushed on every change. */
export const createStatusService = (deps: {
  config: CoreConfig;
  session: SessionService;
  till: TillService;
  central: CentralLink;
  devices: () => DeviceStatus[];
  journal: () => WorkstationStatus['journal'];
  /** This workstation's approval queue version (`WorkstationStatus['approvals']`). */
  approvalsVersion: () => number;
}) => ({
  get: (): WorkstationStatus => {
    const s = deps.session.state();
    // The till's state is read without a session too: the log-in screen of a workstation whose till was left open
    // (a break, a shift change) must say so, not "Caja sin abrir", and whose it is: whoever sits down here must know
    // whose cash is in the drawer before signing in (another teller cannot open this till). Only the holder's name
    // goes out, never an amount or a credential, and only to this workstation's own screen.
    const holder = deps.till.holder();
    return {
      workstation: { ...deps.config.workstation },
      user: s.state === 'signed_out' ? null : { displayName: s.user.displayName, role: s.user.role },
      till: holder !== null ? { state: 'abierta', tellerName: holder } : { state: deps.till.closedToday() ? 'cerrada' : 'sin_abrir', tellerName: null },
      central: deps.central.status(),
      devices: deps.devices(),
      contingency: deps.central.contingency(),
      journal: deps.journal(),
      approvals: { version: deps.approvalsVersion() },
    };
  },
});
export type StatusService = ReturnType<typeof createStatusService>;
