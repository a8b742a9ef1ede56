/**
 * Entry of the core's Electron `utilityProcess` (bundled to `out/electron/core-process.cjs`). SQLite, devices
 * and the session live here, off the main process, so a slow query or a device hang never freezes the window.
 * Main sends one MessagePort at start; every call and push event travels over it (see `core-bridge.ts`).
 */
import type { MessageEvent as ElectronMessageEvent, MessagePortMain } from 'electron';
import { loadConfig } from '../../config/load';
import { stderrLog } from '../logger';
import { startCore } from '../start-core';
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
  // The launcher started the demo central (if any) and passed CAJA_CENTRAL_URL/TOKEN; no child process here.
  const { core, stop } = await startCore(loadConfig(process.env), stderrLog, { demoCentral: false });
  const port = await portReceived;
  serveCore(core, portLike(port));
  port.on('close', () => {
    void stop().then(() => process.exit(0));
  });
  // Calls sent before this point wait in the port (it only starts delivering in serveCore); main logs the ready.
  parent.postMessage({ t: 'ready' });
};

main().catch((err: unknown) => {
  stderrLog({ level: 'error', msg: 'core-process failed to start', err });
  process.exit(1);
});
