import { randomUUID } from 'node:crypto';
import { DeviceConfigSchema } from '../../../../domain/devices/config';
import { DeviceManager } from '../../../../drivers/manager';
import type { User } from '../../../../domain/contract/session';
import { OtpPolicySchema, type SecurityCodePurpose } from '../../../../domain/central-api';
import { CoreConfigSchema } from '../../../config/schema';
import { manualClock } from '../../../core/runtime';
import { openDatabase, type Db } from '../../../store/db';
import { devicesRepo } from '../../../store/devices/repo';
import { identityRepo } from '../../../store/identity/repo';
import { journalRepo } from '../../../store/journal/repo';
import { referenceRepo } from '../../../store/reference/repo';
import { securityCodeRepo } from '../../../store/security-code/repo';
import { createCentralClient } from '../../../sync/central-client';
import { pullReference } from '../../../sync/reference';
import { startTestCentralProcess, type TestCentralProcess } from '../../../sync/testing/central-proc';
import { counterIds, tempDir } from '../../../testing/temp-core';
import { createDeviceService, type DeviceService } from '../../devices/service';
import { referenceDirectory } from '../../identity/directory';
import { createJournal } from '../../journal/writer';
import { createRadicationsService } from '../radications';
import { createSecurityCodeService } from '../service';
import { constanciaPrinter } from '../wire';

export const TELLER: User = { id: 'u-cajero1', username: 'cajero1', displayName: 'Ana Gómez', role: 'cajero' };
export const TELLER2: User = { id: 'u-cajero2', username: 'cajero2', displayName: 'Luis Pérez', role: 'cajero' };
export const SUPERVISOR: User = { id: 'u-super', username: 'supervisor1', displayName: 'Marta Rojas', role: 'supervisor' };

/**
 * A workstation core slice on a real SQLite file, the real device service on its in-process emulators (GROW
 * reader over TCP) and a real central child process in demo mode. `central.kill()` makes it unreachable.
 */
export const startWorld = async () => {
  /** Fault injection on the branch side of the wire: the request reaches central, its answer is lost. */
  const loseAnswer = new Set<string>();
  /** Central down as the branch sees it (connection refused): nothing is sent while `down` is true. */
  const link = { down: false };
  const tmp = tempDir('caja-sc-');
  const central: TestCentralProcess = await startTestCentralProcess('001-03');
  const db: Db = openDatabase(`${tmp.dir}/caja.sqlite`);
  const clock = manualClock(new Date('2026-03-02T14:00:00Z'));
  const ids = { uuid: () => randomUUID() };
  const journal = createJournal({ repo: journalRepo(db), clock, workstation: '001-03' });
  const workstation = { id: '001-03', branchCode: '001', branchName: 'Bogotá Centro', tillCode: '03' };
  const devices: DeviceService = createDeviceService({
    manager: (c) => new DeviceManager(c, { ids: counterIds('m'), clock }),
    config: DeviceConfigSchema.parse({ fingerprint: { driver: 'grow', link: { kind: 'emulated' }, captureTimeoutMs: 2000 } }),
    db,
    repo: devicesRepo(db),
    journal,
    clock,
    ids: counterIds('dev'),
    onChange: () => undefined,
    workstation,
  });
  await devices.start();
  const real = createCentralClient({ url: central.url, token: central.token, timeoutMs: 5_000 });
  const client: typeof real = {
    ...real,
    call: async (route, req) => {
      if (link.down) return { ok: false, kind: 'network', error: { code: 'CENTRAL_UNREACHABLE', message: 'No hay conexión con la central.' } };
      const r = await real.call(route, req);
      if (!loseAnswer.delete(route)) return r;
      return { ok: false, kind: 'timeout', error: { code: 'CENTRAL_TIMEOUT', message: 'Central no respondió a tiempo.' } };
    },
  };
  const reference = referenceRepo(db);
  const pulled = await pullReference({ client, repo: reference, clock });
  if (!pulled.ok) throw new Error(`reference pull failed: ${pulled.error.message}`);
  const flows = securityCodeRepo(db);
  const contacts = identityRepo(db);
  const users = { findById: (id: string) => [TELLER, TELLER2, SUPERVISOR].find((u) => u.id === id) };
  // What the customer gets comes from workstation config, as in composition (default: seed 004's temporary key).
  const serviceWith = (codePurpose: SecurityCodePurpose) =>
    createSecurityCodeService({
      db,
      flows,
      contacts,
      directory: referenceDirectory(reference, contacts),
      journal,
      clock,
      ids,
      central: client,
      reader: { capture: (finger, o) => devices.captureFingerprint(finger, o) },
      printer: constanciaPrinter(devices),
      users,
      workstation,
      codePurpose,
    });
  const service = serviceWith(CoreConfigSchema.parse({}).securityCode.codePurpose);
  const radications = createRadicationsService({ flows, central: client, clock, users, workstation });
  const advanceCentral = async (ms: number) => {
    const r = await client.call('advanceClock', { ms });
    if (!r.ok) throw new Error(r.error.message);
    return r.data.now;
  };
  return {
    db,
    dir: tmp.dir,
    central,
    client,
    loseAnswer,
    link,
    clock,
    journal,
    devices,
    flows,
    reference,
    service,
    serviceWith,
    radications,
    /** Places a demo citizen's finger on the emulated reader (or sets a reader mode). */
    place: (documentNumber: string) => devices.emulator({ action: 'fingerprint.place', documentNumber, finger: 'right-index' }),
    readerMode: (value: 'ok' | 'no-finger' | 'poor-image' | 'timeout') => devices.emulator({ action: 'fingerprint.mode', value }),
    /** Moves central's demo clock (radication send delay, SMS delivery, the 24-hour deadline). */
    advanceCentral,
    /**
     * Identifies a customer for a test that is not about repeated requests. The demo customers are few and the
     * tests of a file share one central: central's clock first moves past the immediate-send interval, and an
     * earlier test's open request of the same customer is replaced with a stated reason, as a teller would.
     */
    identifyAnew: async (svc: ReturnType<typeof serviceWith>, user: User, flowId: string, doc: { type: string; number: string }) => {
      await advanceCentral(OtpPolicySchema.parse({}).sendNowMinIntervalMs);
      const f = await svc.identify(user, flowId, doc, 'typed');
      return f.existingUndecided ? svc.replaceExisting(user, flowId, 'Caso anterior de otra prueba con el mismo cliente') : f;
    },
    journalRows: () => db.prepare('SELECT type, payload FROM journal').all() as { type: string; payload: string }[],
    close: async () => {
      await devices.stop();
      db.close();
      await central.close();
      tmp.remove();
    },
  };
};
export type World = Awaited<ReturnType<typeof startWorld>>;
