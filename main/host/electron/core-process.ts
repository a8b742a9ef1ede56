/**
 * Entry of the core's Electron `utilityProcess` (bundled to `out/electron/core-process.cjs`). SQLite, devices
 * and the session live here, off the main process, so a slow query or a device hang never freezes the window.
 * Main sends one MessagePort at start; every call and push event travels over it (see `core-bridge.ts`).
 */
import type { MessageEvent as ElectronMessageEvent, MessagePortMain } from 'electron';
import { createCore } from '../../compose';
import { loadConfig } from '../../config/load';
import { systemClock, systemIds } from '../../core/runtime';
import { stderrLog } from '../logger';
import { serveCore, type PortLike } from './core-bridge';

const portLike = (port: MessagePortMain): PortLike => ({
  postMessage: (m) => port.postMessage(m),
  onMessage: (listener) => {
    port.on('message', (e) => listener(e.data));
    port.start();
  },
});

const main = async () => {
  const parent = process.parentPort;
  if (!parent) throw new Error('core-process must run as an Electron utilityProcess');
  // Listen before the (slow) start so the port main sends right after fork is never missed.
  const portReceived = new Promise<MessagePortMain>((resolve, reject) =>
    parent.once('message', (e: ElectronMessageEvent) => {
      const port = e.ports[0];
      if (port) resolve(port);
      else reject(new Error('core-process: no port received'));
    }),
  );
  const core = await createCore({ config: loadConfig(process.env), clock: systemClock, ids: systemIds, log: stderrLog });
  const port = await portReceived;
  serveCore(core, portLike(port));
  port.on('close', () => {
    core.close();
    process.exit(0);
  });
  // Calls sent before this point wait in the port (it only starts delivering in serveCore); main logs the ready.
  parent.postMessage({ t: 'ready' });
};

main().catch((err: unknown) => {
  stderrLog({ level: 'error', msg: 'core-process failed to start', err });
  process.exit(1);
});
