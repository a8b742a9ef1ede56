/**
 * Electron main process (bundled to `out/electron/main.cjs`). It owns the window and OS integration only: the
 * core runs in a utility process and main relays contract calls to it after checking who is calling. Every
 * switch of the security checklist (architecture anchors §7) is set here or in `security.ts`.
 */
import {
  app,
  BrowserWindow,
  ipcMain,
  MessageChannelMain,
  protocol,
  session,
  utilityProcess,
  type MessagePortMain,
  type Session,
} from 'electron';
import { join } from 'node:path';
import { serveAppRequest } from './app-protocol';
import { createCoreClient, type PortLike } from './core-bridge';
import { createCallHandler } from './ipc';
import { APP_ENTRY, APP_HOST, APP_SCHEME, IPC_CALL, IPC_EVENT, SESSION_PARTITION, webPreferences } from './security';
import { stderrLog } from '../logger';

// The bundles live in out/electron/ and the renderer in out/renderer/ (inside app.asar when packaged).
const RENDERER_DIR = join(__dirname, '..', 'renderer');
const PRELOAD = join(__dirname, 'preload.cjs');
const CORE_PROCESS = join(__dirname, 'core-process.cjs');

const warn = (msg: string, details: Record<string, unknown> = {}) => stderrLog({ level: 'warn', msg, ...details });

// Every renderer sandboxed, popups included (Element). Must run before `ready`.
app.enableSandbox();
// Tests pass a fresh profile per run; Chromium's --user-data-dir switch works too.
if (process.env.CAJA_USER_DATA_DIR) app.setPath('userData', process.env.CAJA_USER_DATA_DIR);
// A standard, secure scheme gives the UI a real origin (`app://caja`) without `file://`.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const portLike = (port: MessagePortMain): PortLike => ({
  postMessage: (m) => port.postMessage(m),
  onMessage: (listener) => {
    port.on('message', (e) => listener(e.data));
    port.start();
  },
});

let win: BrowserWindow | null = null;
let quitting = false;

const startCore = (send: (event: string, payload: unknown) => void) => {
  const { port1, port2 } = new MessageChannelMain();
  const child = utilityProcess.fork(CORE_PROCESS, [], {
    serviceName: 'Caja core',
    stdio: 'inherit',
    env: { ...process.env, CAJA_DATA_DIR: process.env.CAJA_DATA_DIR ?? join(app.getPath('userData'), 'data') },
  });
  const client = createCoreClient(portLike(port1), send);
  child.postMessage({ t: 'port' }, [port2]);
  child.on('message', (m: unknown) => {
    if ((m as { t?: unknown } | null)?.t === 'ready') stderrLog({ level: 'info', msg: 'core ready', pid: child.pid });
  });
  child.on('exit', (code) => {
    // Without its core the window cannot do anything safely: fail every pending call, tell the teller, quit.
    stderrLog({ level: 'error', msg: 'core process exited', code });
    client.disconnect();
    if (!quitting) app.exit(1);
  });
  return { client, stop: () => child.kill() };
};

/** `app://caja/*` from the built renderer, with the CSP header; registered on the window's own session. */
const registerAppProtocol = (ses: Session) => {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const answer = await serveAppRequest(RENDERER_DIR, request.url);
    const body = typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
};

const denyPermissions = (ses: Session) => {
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    warn('permission request denied', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
};

// Applies to every web contents Electron ever creates, so a future window cannot be less locked down.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(({ url }) => {
    warn('window.open denied', { url: url.slice(0, 200) });
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    warn('navigation prevented', { url: event.url.slice(0, 200) });
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    warn('redirect prevented', { url: event.url.slice(0, 200) });
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

const createWindow = async () => {
  const ses = session.fromPartition(SESSION_PARTITION);
  registerAppProtocol(ses);
  denyPermissions(ses);
  win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    title: 'Caja',
    show: false,
    autoHideMenuBar: true,
    webPreferences: webPreferences(PRELOAD, { packaged: app.isPackaged }),
  });
  // Screen capture by other apps shows a black window: balances and documents stay on this screen.
  win.setContentProtection(true);
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    win = null;
  });
  await win.loadURL(APP_ENTRY);
};

if (!app.requestSingleInstanceLock()) {
  // One Caja per workstation: two cores would share one database and one set of devices.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });

  void app.whenReady().then(async () => {
    const core = startCore((event, payload) => {
      const wc = win?.webContents;
      if (wc && !wc.isDestroyed() && new URL(wc.getURL() || 'about:blank').host === APP_HOST) wc.send(IPC_EVENT, event, payload);
    });
    ipcMain.handle(IPC_CALL, createCallHandler(core.client.call, warn));
    app.on('before-quit', () => {
      quitting = true;
      core.stop();
    });
    await createWindow();
  });

  app.on('window-all-closed', () => app.quit());
}
