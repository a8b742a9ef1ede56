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

/** The one object the UI talks to. Returns null when the page was opened without its launch token. */
export const connectTeller = (): TellerApi | null => {
  if (window.teller) return window.teller;
  const token = takeToken();
  if (!token) return null;
  window.teller = createTellerApi(createWsTransport(token, (up) => linkListeners.forEach((l) => l(up))));
  return window.teller;
};
