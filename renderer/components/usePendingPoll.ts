import { useEffect, useRef } from 'react';

/** How often a screen waiting on a supervisor asks whether a desk at another workstation decided its request. */
const POLL_MS = 3000;

/**
 * While `id` names a request still waiting on a supervisor, asks `read(id)` every 3 s until it answers a decision
 * (null means still pending, or no answer this time); `onDecided` then gets it once and the asking stops.
 * One call at a time: a slow central must not pile calls up. `read` and `onDecided` are taken at the answer, not at
 * the start: screens pass new callbacks on every render (a status push re-renders them more often than this runs).
 * An answer that arrives after unmount or after `id` changed is dropped: the screen it was for is gone, and acting on
 * it there (posting a reversal) would act twice.
 */
export const usePendingPoll = <T>(id: string | null, read: (id: string) => Promise<T | null>, onDecided: (decision: T) => void): void => {
  const latest = useRef({ read, onDecided });
  latest.current = { read, onDecided };
  useEffect(() => {
    if (id === null) return undefined;
    let asking = false;
    let done = false;
    const timer = setInterval(() => {
      if (asking || done) return;
      asking = true;
      void latest.current
        .read(id)
        .catch(() => null)
        .then((decision) => {
          asking = false;
          if (done || decision === null) return;
          done = true;
          clearInterval(timer);
          latest.current.onDecided(decision);
        });
    }, POLL_MS);
    return () => {
      done = true;
      clearInterval(timer);
    };
  }, [id]);
};
