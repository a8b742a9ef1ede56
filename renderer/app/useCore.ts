import { useEffect, useState } from 'react';
import type { TellerApi } from '../../domain/contract/client';
import type { SessionState } from '../../domain/contract/session';
import type { WorkstationStatus } from '../../domain/contract/status';
import { onCoreLink } from '../api/teller';

/** Session and status as pushed by the core; re-read after a reconnect because pushes may have been missed. */
export const useCore = (teller: TellerApi) => {
  const [session, setSession] = useState<SessionState | null>(null);
  const [status, setStatus] = useState<WorkstationStatus | null>(null);
  const [coreUp, setCoreUp] = useState(true);

  useEffect(() => {
    const refresh = async () => {
      const [s, st] = await Promise.all([teller.session.current({}), teller.status.get({})]);
      if (s.ok) setSession(s.data);
      if (st.ok) setStatus(st.data);
    };
    void refresh();
    const offs = [
      teller.on('session.changed', setSession),
      teller.on('status.changed', setStatus),
      onCoreLink((up) => {
        setCoreUp(up);
        if (up) void refresh();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [teller]);

  return { session, status, coreUp };
};

/**
 * Reports keyboard and mouse activity to the core, which counts nothing else toward its idle lock: at most every
 * 20 s, or more often under a short idle time so that typing never lets the lock catch up. Null: no active session.
 */
export const useActivity = (teller: TellerApi, idleLockSeconds: number | null) => {
  useEffect(() => {
    if (idleLockSeconds === null) return;
    const every = Math.min(20_000, (idleLockSeconds * 1000) / 5);
    let last = 0;
    const touch = () => {
      const now = Date.now();
      if (now - last < every) return;
      last = now;
      void teller.session.touch({});
    };
    window.addEventListener('keydown', touch, true);
    window.addEventListener('pointerdown', touch, true);
    return () => {
      window.removeEventListener('keydown', touch, true);
      window.removeEventListener('pointerdown', touch, true);
    };
  }, [teller, idleLockSeconds]);
};
