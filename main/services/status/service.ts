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
}) => ({
  get: (): WorkstationStatus => {
    const s = deps.session.state();
    const open = s.state !== 'signed_out' && deps.till.isOpen();
    return {
      workstation: { ...deps.config.workstation },
      user: s.state === 'signed_out' ? null : { displayName: s.user.displayName, role: s.user.role },
      till: { state: open ? 'abierta' : s.state !== 'signed_out' && deps.till.closedToday() ? 'cerrada' : 'sin_abrir' },
      central: deps.central.status(),
      devices: deps.devices(),
      contingency: deps.central.contingency(),
      journal: deps.journal(),
    };
  },
});
export type StatusService = ReturnType<typeof createStatusService>;
