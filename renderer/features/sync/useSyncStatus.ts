import { useCallback, useEffect, useState } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { SyncStatus } from '../../../domain/contract/sync';

const POLL_MS = 2_000;

/**
 * `sync.status`, re-read on every status push from the core and every two seconds: the queue drains in the
 * background without a push for each operation, and the supervisor watches it drain.
 */
export const useSyncStatus = (teller: TellerApi) => {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    const r = await teller.sync.status({});
    if (r.ok) {
      setStatus(r.data);
      setError(null);
    } else setError(r.error.message);
  }, [teller]);
  useEffect(() => {
    void refresh();
    const off = teller.on('status.changed', () => void refresh());
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [teller, refresh]);
  return { status, error, refresh };
};
