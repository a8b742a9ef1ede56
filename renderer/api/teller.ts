import { createTellerApi, type TellerApi } from '../../domain/contract/client';
import { createWsTransport, takeToken } from './ws-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; in the browser host this module builds it over the WebSocket bridge. */
    teller?: TellerApi;
  }
}

type LinkListener = (up: boolean) => void;
const linkListeners = new Set<LinkListener>();
export const onCoreLink = (l: LinkListener) => {
  linkListeners.add(l);
  return () => linkListeners.delete(l);
};

/** Another tab opened Caja with the same launch URL and now serves the workstation (browser host only). */
type SupersededListener = () => void;
const supersededListeners = new Set<SupersededListener>();
export const onSuperseded = (l: SupersededListener) => {
  supersededListeners.add(l);
  return () => supersededListeners.delete(l);
};
let reclaim: (() => void) | null = null;
/** "Usar aquí": this tab takes the workstation back, and the other one is told in turn. */
export const reclaimWindow = () => reclaim?.();

/** The one object the UI talks to. Returns null when the page was opened without its launch token. */
export const connectTeller = (): TellerApi | null => {
  if (window.teller) return window.teller;
  const token = takeToken();
  if (!token) return null;
  const transport = createWsTransport(
    token,
    (up) => linkListeners.forEach((l) => l(up)),
    () => supersededListeners.forEach((l) => l()),
  );
  reclaim = transport.reclaim;
  window.teller = createTellerApi(transport);
  return window.teller;
};
