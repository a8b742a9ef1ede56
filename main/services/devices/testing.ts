import { type DeviceConfigInput, DeviceConfigSchema } from '../../../domain/devices/config';
import { DeviceManager } from '../../../drivers/manager';
import { manualClock } from '../../core/runtime';
import { openDatabase, type Db } from '../../store/db';
import { devicesRepo } from '../../store/devices/repo';
import { journalRepo } from '../../store/journal/repo';
import { counterIds, tempDir } from '../../testing/temp-core';
import { createJournal } from '../journal/writer';
import { createDeviceService, type DeviceService } from './service';

export interface DeviceHarnessOptions {
  config: DeviceConfigInput;
  /** An existing folder, to start again on the same SQLite file (a restart); otherwise a temp folder of its own. */
  dir?: string;
  /** The slip station's patience, short so a slip never inserted fails within a test's patience. */
  slipTimeouts?: { insertMs?: number; removalMs?: number };
  /** The test file's afterEach list: the harness stops the service, closes the file and removes its temp folder there. */
  cleanups: (() => Promise<void> | void)[];
}

/**
 * A started device service on a real SQLite file, its devices emulated in-process (a manager per configuration, so a
 * reconfigure adds one), on a manual clock, for workstation 001-03.
 */
export const deviceHarness = async (o: DeviceHarnessOptions) => {
  const tmp = o.dir ? null : tempDir('caja-devices-');
  const dir = o.dir ?? tmp?.dir ?? '';
  const db: Db = openDatabase(`${dir}/caja.sqlite`);
  const clock = manualClock(new Date('2026-03-02T14:00:00Z'));
  const repo = devicesRepo(db);
  let changes = 0;
  const managers: DeviceManager[] = [];
  const svc: DeviceService = createDeviceService({
    manager: (c) => {
      const m = new DeviceManager(c, { ids: counterIds(`m${managers.length}`), clock });
      managers.push(m);
      return m;
    },
    config: DeviceConfigSchema.parse(o.config),
    db, repo, clock, ids: counterIds('dev'),
    journal: createJournal({ repo: journalRepo(db), clock, workstation: '001-03' }),
    onChange: () => changes++,
    workstation: { branchCode: '001', branchName: 'Bogotá Centro', tillCode: '03' },
    ...(o.slipTimeouts ? { slipTimeouts: o.slipTimeouts } : {}),
  });
  await svc.start();
  let closed = false;
  /** Stops the service and closes the file, as a process that ends; the folder stays for the next start. */
  const close = async () => {
    if (closed) return;
    closed = true;
    await svc.stop();
    db.close();
  };
  o.cleanups.push(async () => {
    await close();
    tmp?.remove();
  });
  const printer = () => {
    const e = managers.at(-1)?.emulators.printer;
    if (!e) throw new Error('printer emulator missing');
    return e;
  };
  const journalOf = (type: string) =>
    (db.prepare('SELECT payload FROM journal WHERE type = ? ORDER BY sequence').pluck().all(type) as string[]).map((p) => JSON.parse(p) as Record<string, unknown>);
  return { svc, db, repo, dir, printer, journalOf, managers, close, changes: () => changes };
};
