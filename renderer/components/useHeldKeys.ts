import { useEffect, useMemo, useRef } from 'react';
import { heldFor, takeKey, type Held } from './type-ahead';

export interface HeldKeys {
  /** From now on, what is typed is held for the field (nothing if it already is). */
  hold: () => void;
  /** Ends the holding and answers what was held (null: nothing was being held). */
  take: () => Held | null;
}

/**
 * Keys typed for a field a screen will show once it has read what it needs (the closed till's reopening reason,
 * while the till is reread and then read): held while `hold` lasts, and given to the field by `take`. Only what a
 * field takes as text is held (printable keys, Backspace, the Enter that ends it); Esc, Tab, the F-keys and chords
 * keep their meaning on the screen, and after the Enter nothing more is held.
 */
export const useHeldKeys = (field: string, max: number): HeldKeys => {
  const held = useRef<Held | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = held.current;
      if (h === null || h.end !== null || e.ctrlKey || e.altKey || e.metaKey) return;
      if (e.key !== 'Enter' && e.key !== 'Backspace' && [...e.key].length !== 1) return;
      held.current = takeKey(h, e, undefined, max).held;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [max]);
  return useMemo(
    () => ({
      hold: () => {
        held.current ??= heldFor(field);
      },
      take: () => {
        const h = held.current;
        held.current = null;
        return h;
      },
    }),
    [field],
  );
};
