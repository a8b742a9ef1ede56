import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load';
import type { CoreConfigInput } from '../config/schema';
import { createCore, type Core, type CoreDeps, type LogEntry } from '../compose';
import { manualClock, type Ids } from '../core/runtime';

/** Sequential, readable ids for tests. */
export const counterIds = (prefix = 'id'): Ids => {
  let n = 0;
  return { uuid: () => `${prefix}-${String(++n).padStart(6, '0')}` };
};

export const tempDir = (name = 'caja-test-') => {
  const dir = mkdtempSync(join(tmpdir(), name));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

/** A real core on a real SQLite file in a temp dir, with a manual clock; `reopen` restarts it on the same file. */
export const tempCore = async (overrides: CoreConfigInput = {}, extra: Pick<CoreDeps, 'centralClient'> = {}) => {
  const { dir, remove } = tempDir();
  const clock = manualClock(new Date('2026-03-02T14:00:00Z'));
  const logs: LogEntry[] = [];
  const make = () =>
    createCore({
      config: loadConfig({}, { dataDir: dir, ...overrides }),
      clock,
      ids: { uuid: () => crypto.randomUUID() },
      log: (e) => logs.push(e),
      ...extra,
    });
  let core: Core = await make();
  return {
    get core() {
      return core;
    },
    dir,
    clock,
    logs,
    call: (channel: string, payload: unknown = {}) => core.dispatch(channel, payload),
    reopen: async () => {
      core.close();
      core = await make();
      return core;
    },
    close: () => {
      core.close();
      remove();
    },
  };
};
