import type { CoreConfig } from '../config/schema';
import { createCore, type Core, type Log } from '../compose';
import { systemClock, systemIds, type Clock } from '../core/runtime';
import { createCentralClient } from '../sync/central-client';
import { centralForConfig } from './central-process';

/**
 * The core as every host runs it: linked to the configured central, or (`demoCentral`) to the bundled demo
 * central started as a child process when none is configured. Electron's utility process passes false: the
 * launcher has already started the demo central and handed its URL and token over in the environment.
 */
export const startCore = async (config: CoreConfig, log: Log, opts: { demoCentral: boolean; clock?: Clock }): Promise<{ core: Core; stop(): Promise<void> }> => {
  const linked = opts.demoCentral || config.central.url
    ? await centralForConfig(config, log, opts.clock ? { clock: opts.clock } : {})
    : { central: undefined, stop: async () => {} };
  const core = await createCore({
    config,
    clock: opts.clock ?? systemClock,
    ids: systemIds,
    log,
    central: linked.central,
    ...(linked.central ? { centralClient: createCentralClient(linked.central) } : {}),
  });
  return {
    core,
    stop: async () => {
      core.close();
      await linked.stop();
    },
  };
};
