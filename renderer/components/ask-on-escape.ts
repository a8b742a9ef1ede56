import { useEffect } from 'react';

/**
 * While `active`, Esc asks (`ask`) instead of reaching the shell's own Esc, which goes to the start menu:
 * captured on the window and stopped there. A dialog already open, or an open list (aria-expanded), keeps its Esc.
 */
export const useAskOnEscape = (active: boolean, ask: () => void): void => {
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      if (e.target instanceof HTMLElement && e.target.getAttribute('aria-expanded') === 'true') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      ask();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active, ask]);
};
