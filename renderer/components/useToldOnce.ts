import { useEffect, useState } from 'react';
import type { TellerApi } from '../../domain/contract/client';

const POLL_MS = 3000;

/**
 * Inicio's "rejected at a desk" notices: what the core lists is kept on screen until the teller leaves Inicio, and
 * acknowledged only once it was drawn (a list answered but never drawn, after a crash or a closed window, is listed
 * again). `read` answers null when the core could not be read; `shown` acknowledges ids. Both are module-level
 * functions of the caller, so only `teller` restarts the polling.
 */
export const useToldOnce = <T extends { id: string }>(
  teller: TellerApi,
  read: (teller: TellerApi) => Promise<T[] | null>,
  shown: (teller: TellerApi, ids: string[]) => Promise<unknown>,
): T[] => {
  const [told, setTold] = useState<T[]>([]);
  // The ids of the last answer: each is on screen once this render commits, and acknowledged only then.
  const [drawn, setDrawn] = useState<string[]>([]);
  useEffect(() => {
    const load = () =>
      void read(teller).then((fresh) => {
        if (!fresh || fresh.length === 0) return;
        setTold((old) => [...old, ...fresh.filter((f) => !old.some((o) => o.id === f.id))]);
        setDrawn(fresh.map((f) => f.id));
      });
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [teller, read]);
  useEffect(() => {
    // A lost acknowledgement is harmless: the next read lists them again and the notice says so again.
    if (drawn.length > 0) void shown(teller, drawn);
  }, [teller, shown, drawn]);
  return told;
};
