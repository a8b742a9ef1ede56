/**
 * The Electron shell's security switches as plain data, so a unit test can assert every one of them without
 * starting Electron (architecture anchors §7, items 2–10, 17, 18). Imports only types from `electron`.
 */
import type { WebPreferences } from 'electron';

/** The custom scheme the renderer is served from (never `file://`, so `grantFileProtocolExtraPrivileges` can be off). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'caja';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
/** Own persisted session: permissions, cache and storage never mix with another Electron session. */
export const SESSION_PARTITION = 'persist:caja';

/** The only IPC channel the preload may invoke, and the one push channel; the contract travels inside them. */
export const IPC_CALL = 'caja:call';
export const IPC_EVENT = 'caja:event';

export const webPreferences = (preloadPath: string, opts: { packaged: boolean }): WebPreferences => ({
  preload: preloadPath,
  partition: SESSION_PARTITION,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  enableBlinkFeatures: '',
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
  devTools: !opts.packaged,
});

/**
 * Sent as a header by the `app://` handler. No inline script, no eval, no remote origin; `connect-src 'self'`
 * because the Electron renderer reaches the core through the preload, not the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const responseHeaders = (contentType: string): Record<string, string> => ({
  'Content-Type': contentType,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
});

/** The frame facts the IPC handler checks (a structural subset of `WebFrameMain`, so tests need no Electron). */
export interface FrameFacts {
  url: string;
  /** `null` for a top-level frame. */
  parent: unknown;
}

/**
 * Only the app's own top-level document on `app://caja` may call the core (anchors §7 item 17). A subframe, a
 * navigated-away page or a frame that is already gone (`null`) is refused.
 */
export const isTrustedSender = (frame: FrameFacts | null | undefined, mainFrame: unknown): boolean => {
  if (!frame || frame !== mainFrame || frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
};
