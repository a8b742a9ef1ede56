import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * A window-level keydown handler that always sees the screen as last shown. The listener is attached once and
 * calls the latest handler, which a layout effect swaps in the same commit that paints the new state. With a
 * passive effect the previous render's handler kept listening for a moment after the screen changed: an F10
 * pressed as soon as "Caja cuadrada" appeared sent the count again instead of closing the till.
 */
export const useWindowKeyDown = (handler: (e: KeyboardEvent) => void, { capture = false }: { capture?: boolean } = {}): void => {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => latest.current(e);
    window.addEventListener('keydown', onKey, capture);
    return () => window.removeEventListener('keydown', onKey, capture);
  }, [capture]);
};
