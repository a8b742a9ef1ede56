import { useEffect, useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * Leaving a screen with work typed on it is asked, not silent: one Esc meant for a list or a field used to take
 * the teller to the start menu and drop the counted cash and the cheques. Esc (or Volver) asks; Enter discards
 * and leaves; Esc again stays. An open list (aria-expanded) keeps its own Esc.
 */
export const useLeaveUnsaved = (o: { dirty: boolean; what: string; lost: string; leave: () => void }): { leave: () => void; dialog: ReactNode } => {
  const [asking, setAsking] = useState(false);
  const { dirty } = o;
  useEffect(() => {
    if (!dirty) return undefined;
    // Before the shell's own Esc (which goes to the start menu): capture phase, and stopped there.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      if (e.target instanceof HTMLElement && e.target.getAttribute('aria-expanded') === 'true') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      setAsking(true);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [dirty]);
  const dialog = asking ? (
    <ConfirmDialog title={`¿Descartar ${o.what}?`} confirmLabel="Descartar y salir" onCancel={() => setAsking(false)} onConfirm={o.leave}>
      <p>Se pierde {o.lost}. Para seguir digitando, pulse Esc.</p>
    </ConfirmDialog>
  ) : null;
  return { leave: () => (dirty ? setAsking(true) : o.leave()), dialog };
};
