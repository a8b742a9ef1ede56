import { randomUUID } from 'node:crypto';
import type { WireResult } from '../core/dispatcher';
import { loadConfig } from '../config/load';
import type { CoreConfigInput } from '../config/schema';
import { createCore, type Core } from '../compose';
import { createCentralClient, type CentralClient } from '../sync/central-client';
import type { TestCentralProcess } from '../sync/testing/central-proc';
import { tempDir } from './temp-core';
import { data } from './wire-data';

/** Polls until `what` answers something truthy: another workstation learns through central in its own time. */
export const until = async <T>(what: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** One workstation of a multi-workstation test: a real core on its own SQLite file, on the real clock. */
export interface Station {
  readonly core: Core;
  call(channel: string, payload?: unknown): Promise<WireResult>;
  /** Signs out whoever is in and signs `user` in. */
  as(user: { username: string; password: string }): Promise<void>;
  /** Restarts the core on the same file, with or without central. */
  reopen(online?: Online): Promise<void>;
  close(): void;
}

/** `calls`: the services' online calls reach central, the sync loop does not (its queue waits). */
export type Online = boolean | 'calls';

/**
 * Workstation `id` (`<branch>-<till>`) against the test central, which must hold its token; `config` as the config
 * file's. `services`: the client its services' online calls go through (a `steeredClient`), the sync loop keeping
 * its own link.
 */
export const startStation = async (
  central: TestCentralProcess,
  id: string,
  online: Online = true,
  config: CoreConfigInput = {},
  services?: Pick<CentralClient, 'call'>,
): Promise<Station> => {
  const dir = tempDir(`caja-station-${id}-`);
  const make = (on: Online) => {
    const link = { url: central.url, token: central.proc.tokens.get(id) ?? '' };
    return createCore({
      config: loadConfig({}, { ...config, dataDir: dir.dir, workstation: { id, tillCode: id.slice(4) } }),
      clock: { now: () => new Date() },
      ids: { uuid: () => randomUUID() },
      log: () => undefined,
      // As the hosts wire it (main/host/start-core.ts): the sync loop and the online calls both reach central.
      ...(on ? { centralClient: services ?? createCentralClient(link) } : {}),
      ...(on === true ? { central: link } : {}),
    });
  };
  let core = await make(online);
  const call = (channel: string, payload: unknown = {}) => core.dispatch(channel, payload);
  return {
    get core() {
      return core;
    },
    call,
    as: async (user) => {
      await call('session.logout');
      data(await call('session.login', user));
    },
    reopen: async (on = true) => {
      core.close();
      core = await make(on);
    },
    close: () => {
      core.close();
      dir.remove();
    },
  };
};

/**
 * A central client for workstation `id` that lets a test act around each of its calls: a race (a desk deciding right
 * after the counter read, a screen polling while central holds a decision) is staged at the exact call instead of
 * hoped for with timing, and a link can fail one route only. `real` is the same link left alone, for the test's
 * own reads.
 */
export const steeredClient = (
  central: TestCentralProcess,
  id: string,
  around: (route: string, req: { id?: string }, call: () => Promise<unknown>) => Promise<unknown>,
): { real: CentralClient; client: Pick<CentralClient, 'call'> } => {
  const real = createCentralClient({ url: central.url, token: central.proc.tokens.get(id) ?? '' });
  const callReal = real.call as (route: string, req: unknown) => Promise<unknown>;
  return { real, client: { call: ((route: string, req: { id?: string }) => around(route, req, () => callReal(route, req))) as CentralClient['call'] } };
};
