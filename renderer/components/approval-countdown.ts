import { useEffect, useState } from 'react';

/** What the dialog counts from: the request's deadline and the core's clock when it was read (`ApprovalView`). */
export interface DeadlineRead {
  expiresAt: string;
  readAt: string;
}

/**
 * Milliseconds left to the deadline, `elapsedMs` after the read: the core's clock at the read, moved on by how much
 * time passed here since (a monotonic count), so a browser clock that differs from the core's does not matter.
 */
export const msLeft = (read: DeadlineRead, elapsedMs: number): number => Math.max(0, Date.parse(read.expiresAt) - Date.parse(read.readAt) - elapsedMs);

/** Whole seconds left, rounded up: 0 only once the deadline has passed. */
export const secondsLeft = (ms: number): number => Math.ceil(Math.max(0, ms) / 1000);

/** "mm:ss" of whole seconds (a deadline is at most hours away: minutes run past 59 rather than wrap). */
export const formatLeft = (seconds: number): string => `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * Whole seconds left to `read`'s deadline, null without a read. Looked at four times a second, so that the lapse
 * shows within a quarter second of it (the screen re-renders only when the second changes); a new read re-anchors it.
 */
export const useSecondsLeft = (read: DeadlineRead | null): number | null => {
  const [left, setLeft] = useState<number | null>(read ? secondsLeft(msLeft(read, 0)) : null);
  const expiresAt = read?.expiresAt;
  const readAt = read?.readAt;
  useEffect(() => {
    if (expiresAt === undefined || readAt === undefined) {
      setLeft(null);
      return undefined;
    }
    const anchor = performance.now();
    const tick = () => setLeft(secondsLeft(msLeft({ expiresAt, readAt }, performance.now() - anchor)));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [expiresAt, readAt]);
  return left;
};
